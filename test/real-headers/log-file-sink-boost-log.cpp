// logstream-log-file-sink against Debian's real Boost.Log 1.74 headers. Boost
// 1.74 does not parse with clang 22 (boost/mpl), and with clang 19 only with
// -Wno-enum-constexpr-conversion.
// REQUIRES: boost-log, llvm-19
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-sink %t -- -- -Wno-enum-constexpr-conversion

#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/text_file_backend.hpp>
#include <boost/log/sinks/text_multifile_backend.hpp>
#include <boost/log/utility/setup/common_attributes.hpp>
#include <boost/log/utility/setup/console.hpp>
#include <boost/log/utility/setup/file.hpp>
#include <boost/make_shared.hpp>
// CHECK-FIXES: #include <iostream>

namespace logging = boost::log;
namespace keywords = boost::log::keywords;
namespace sinks = boost::log::sinks;

void init() {
  logging::add_file_log(keywords::file_name = "orders_%N.log",
                        keywords::rotation_size = 10 * 1024 * 1024,
                        keywords::format = "[%TimeStamp%]: %Message%",
                        keywords::auto_flush = true);
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'boost::log::add_file_log' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  logging::add_console_log(std::cout, keywords::format = "[%TimeStamp%]: %Message%", keywords::auto_flush = true);{{$}}
  auto sink = logging::add_file_log("plain.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'boost::log::add_file_log' writes log events to a file
  auto backend = boost::make_shared<sinks::text_file_backend>(keywords::file_name = "x_%5N.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'boost::log::sinks::text_file_backend' writes log events to a file
  auto multi = boost::make_shared<sinks::text_multifile_backend>();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'boost::log::sinks::text_multifile_backend' writes log events to a file
  (void)sink;

  // Must stay quiet.
  logging::add_console_log(std::clog, keywords::format = "%Message%");
  logging::add_common_attributes();
}
