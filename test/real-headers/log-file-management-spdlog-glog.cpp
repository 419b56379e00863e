// logstream-log-file-management on Debian's real spdlog and glog headers.
// REQUIRES: spdlog, glog
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-management %t -- -- -DSPDLOG_FMT_EXTERNAL -DSPDLOG_COMPILED_LIB

#include <glog/logging.h>
#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

void configure() {
  auto a = spdlog::rotating_logger_mt("orders", "logs/orders.txt", 5 * 1024 * 1024, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::rotating_logger_mt' configures log rotation (rotates by size and keeps max_files); leave rotation and retention to the execution environment [logstream-log-file-management]
  auto b = spdlog::daily_logger_mt("daily", "logs/daily.txt", 2, 30);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::daily_logger_mt' configures log rotation (rotates daily)
  auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>("r.txt", 1024, 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::sinks::rotating_file_sink' configures log rotation
  FLAGS_max_log_size = 100;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'FLAGS_max_log_size' configures log rotation
  google::EnableLogCleaner(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::EnableLogCleaner' configures log retention (deletes old log files)
  // CHECK-FIXES-NOT: FLAGS_max_log_size
  // CHECK-FIXES-NOT: EnableLogCleaner
  FLAGS_logtostdout = true;
}
