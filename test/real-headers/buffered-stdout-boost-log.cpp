// logstream-buffered-stdout against Debian's real Boost.Log 1.74 headers
// (clang 19 only, see log-file-sink-boost-log.cpp).
// REQUIRES: boost-log, llvm-19
// (Boost.Log is slow to parse: two programs, DROP+CONSOLE and FLUSHED.)
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=MAIN %s logstream-buffered-stdout %t -- -- -Wno-enum-constexpr-conversion -DDROP -DCONSOLE
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=FLUSHED %s logstream-buffered-stdout %t -- -- -Wno-enum-constexpr-conversion -DFLUSHED

#include <boost/log/sinks/async_frontend.hpp>
#include <boost/log/sinks/bounded_fifo_queue.hpp>
#include <boost/log/sinks/drop_on_overflow.hpp>
#include <boost/log/sinks/text_ostream_backend.hpp>
#include <boost/log/trivial.hpp>
#include <boost/log/utility/setup/console.hpp>
#include <cstdio>
#include <iostream>

namespace logging = boost::log;
namespace sinks = boost::log::sinks;
namespace keywords = boost::log::keywords;

#ifdef DROP
// sinks/drop_on_overflow.hpp:51: on_overflow returns false, "Discard the
// record". The fix-it includes block_on_overflow.hpp.
// CHECK-FIXES-MAIN: {{^}}#include <boost/log/sinks/async_frontend.hpp>{{$}}
// CHECK-FIXES-MAIN-NEXT: {{^}}#include <boost/log/sinks/block_on_overflow.hpp>{{$}}
using backend = sinks::text_ostream_backend;
using queue = sinks::bounded_fifo_queue<1000, sinks::drop_on_overflow>;
// CHECK-MESSAGES-MAIN: :[[@LINE-1]]:54: warning: 'drop_on_overflow' discards events when the sink's queue is full; use 'block_on_overflow' so that no event is lost [logstream-buffered-stdout]
// CHECK-FIXES-MAIN: {{^}}using queue = sinks::bounded_fifo_queue<1000, sinks::block_on_overflow>;{{$}}
using sink = sinks::asynchronous_sink<backend, queue>;
#endif

#ifdef CONSOLE
// text_ostream_backend.hpp:147: auto_flush defaults to false, so records
// wait in std::cout's (that is, stdout's) buffer.
int main() {
  // CHECK-MESSAGES-MAIN: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-MAIN: {{^}}  std::setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  logging::add_console_log(std::cout, keywords::format = "%Message%");
  BOOST_LOG_TRIVIAL(info) << "sys_startup";
}
#endif

#ifdef FLUSHED
int main() {
  logging::add_console_log(std::cout, keywords::format = "%Message%",
                           keywords::auto_flush = true);
  logging::add_console_log();
  auto later = logging::add_console_log(std::cout);
  later->locked_backend()->auto_flush(true);
  BOOST_LOG_TRIVIAL(info) << "sys_startup";
}
#endif
