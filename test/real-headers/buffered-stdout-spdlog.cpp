// logstream-buffered-stdout against Debian's real spdlog 1.10 headers: async
// loggers that drop events, and an ostream sink on std::cout that does not
// flush.
// REQUIRES: spdlog
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=ASYNC %s logstream-buffered-stdout %t -- -- -DSPDLOG_FMT_EXTERNAL -DSPDLOG_COMPILED_LIB -DASYNC
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=OSTREAM %s logstream-buffered-stdout %t -- -- -DSPDLOG_FMT_EXTERNAL -DSPDLOG_COMPILED_LIB -DOSTREAM
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=SAFE %s logstream-buffered-stdout %t -- -- -DSPDLOG_FMT_EXTERNAL -DSPDLOG_COMPILED_LIB -DSAFE
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=OFF %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.CheckLoggerSettings: false}}" -- -- -DSPDLOG_FMT_EXTERNAL -DSPDLOG_COMPILED_LIB -DASYNC

#include <spdlog/async.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#ifdef ASYNC
// spdlog 1.10 async_logger.h:25: overrun_oldest discards the oldest queued
// message when the queue is full.
std::shared_ptr<spdlog::logger> make_events() {
  spdlog::init_thread_pool(8192, 1);
  auto sink = std::make_shared<spdlog::sinks::stdout_color_sink_mt>();
  return std::make_shared<spdlog::async_logger>(
      "events", sink, spdlog::thread_pool(),
      spdlog::async_overflow_policy::overrun_oldest);
  // CHECK-MESSAGES-ASYNC: :[[@LINE-1]]:38: warning: 'overrun_oldest' drops the oldest queued events when the async queue is full; use 'block' so that no event is lost [logstream-buffered-stdout]
  // CHECK-FIXES-ASYNC: {{^}}      spdlog::async_overflow_policy::block);{{$}}
}

void more_loggers() {
  auto audit = spdlog::stdout_color_mt<spdlog::async_factory_nonblock>("audit");
  // CHECK-MESSAGES-ASYNC: :[[@LINE-1]]:48: warning: 'async_factory_nonblock' makes loggers that drop the oldest queued events when the async queue is full; use 'async_factory' so that no event is lost
  // CHECK-FIXES-ASYNC: {{^}}  auto audit = spdlog::stdout_color_mt<spdlog::async_factory>("audit");{{$}}
  auto trace = spdlog::create_async_nb<spdlog::sinks::stdout_color_sink_mt>("trace");
  // CHECK-MESSAGES-ASYNC: :[[@LINE-1]]:24: warning: 'create_async_nb' makes a logger that drops the oldest queued events when the async queue is full; use 'create_async' so that no event is lost
  // CHECK-FIXES-ASYNC: {{^}}  auto trace = spdlog::create_async<spdlog::sinks::stdout_color_sink_mt>("trace");{{$}}
  audit->info("ready");
  trace->info("ready");
}
#endif

#ifdef OSTREAM
// sinks/ostream_sink.h:18, :31: the sink flushes only with force_flush, so
// its events wait in stdout's buffer like any std::cout write.
int main() {
  // CHECK-MESSAGES-OSTREAM: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-OSTREAM: {{^}}  std::setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cout);
  spdlog::logger events("events", sink);
  events.info("sys_startup");
}
#endif

#ifdef SAFE
// stdout sinks fflush after every event (sinks/stdout_sinks-inl.h:76,
// sinks/ansicolor_sink-inl.h:65), so flush_on/flush_every do not matter for
// them; a blocking async queue loses nothing.
int main() {
  spdlog::init_thread_pool(8192, 1);
  auto sink = std::make_shared<spdlog::sinks::stdout_color_sink_mt>();
  auto events = std::make_shared<spdlog::async_logger>(
      "events", sink, spdlog::thread_pool(), spdlog::async_overflow_policy::block);
  auto audit = spdlog::stdout_color_mt<spdlog::async_factory>("audit");
  auto flushed = std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cout, true);
  spdlog::logger copy("copy", flushed);
  spdlog::sinks::ostream_sink_st errors(std::cerr);
  events->flush_on(spdlog::level::err);
  spdlog::flush_every(std::chrono::seconds(30));
  events->info("sys_startup");
  audit->info("ready");
  copy.info("ready");
}
#endif
