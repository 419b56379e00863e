// logstream-log-file-sink against Debian's real spdlog headers (libspdlog-dev).
// REQUIRES: spdlog
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-sink %t -- -- -DSPDLOG_FMT_EXTERNAL -DSPDLOG_COMPILED_LIB

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/hourly_file_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

void setup() {
  auto main = spdlog::basic_logger_mt("main", "logs/main.txt", true);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::basic_logger_mt' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  auto main = spdlog::stdout_logger_mt("main");{{$}}
  auto rotating = spdlog::rotating_logger_st("rot", "rot.log", 1048576 * 5, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'spdlog::rotating_logger_st' writes log events to a file
  // CHECK-FIXES: {{^}}  auto rotating = spdlog::stdout_logger_st("rot");{{$}}
  auto daily = spdlog::daily_logger_mt<spdlog::async_factory>("daily", "daily.log", 2, 30);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'spdlog::daily_logger_mt' writes log events to a file
  // CHECK-FIXES: {{^}}  auto daily = spdlog::stdout_logger_mt<spdlog::async_factory>("daily");{{$}}
  auto hourly = spdlog::hourly_logger_mt("hourly", "hourly.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'spdlog::hourly_logger_mt' writes log events to a file
  // CHECK-FIXES: {{^}}  auto hourly = spdlog::stdout_logger_mt("hourly");{{$}}

  auto file_sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>("logs/multisink.txt", true);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'spdlog::sinks::basic_file_sink_mt' writes log events to a file
  // CHECK-FIXES: {{^}}  auto file_sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();{{$}}
  file_sink->set_level(spdlog::level::trace);
  spdlog::sink_ptr rot_sink = std::make_shared<spdlog::sinks::rotating_file_sink_st>("r.log", 1024, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'spdlog::sinks::rotating_file_sink_st' writes log events to a file
  // CHECK-FIXES: {{^}}  spdlog::sink_ptr rot_sink = std::make_shared<spdlog::sinks::stdout_sink_st>();{{$}}
  auto console = std::make_shared<spdlog::sinks::stdout_color_sink_mt>();
  spdlog::logger multi("multi", {console, file_sink, rot_sink});
  auto daily_sink = std::make_shared<spdlog::sinks::daily_file_sink_mt>("d.log", 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'spdlog::sinks::daily_file_sink_mt' writes log events to a file
  // CHECK-FIXES: {{^}}  auto daily_sink = std::make_shared<spdlog::sinks::daily_file_sink_mt>("d.log", 0, 0);{{$}}
  daily_sink->filename();

  // Must stay quiet.
  auto out = spdlog::stdout_color_mt("console");
  auto err = spdlog::stderr_color_st("errors");
  spdlog::set_default_logger(out);
  spdlog::info("started {}", 1);
}
