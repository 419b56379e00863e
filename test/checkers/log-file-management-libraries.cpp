// Library rotation and retention settings, on mock headers with the real
// libraries' names and shapes (test/real-headers/ has the real ones).
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-management %t -- -- -isystem %S/Inputs/Headers

#include <Poco/FileChannel.h>
#include <boost/log/utility/setup/file.hpp>
#include <glog/logging.h>
#include <log4cplus/fileappender.h>
#include <log4cxx/rollingfileappender.h>
#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>

void spdlogSettings() {
  auto a = spdlog::rotating_logger_mt("orders", "logs/orders.txt", 5 * 1024 * 1024, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::rotating_logger_mt' configures log rotation (rotates by size and keeps max_files); leave rotation and retention to the execution environment [logstream-log-file-management]
  auto b = spdlog::daily_logger_mt("daily", "logs/daily.txt", 2, 30);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::daily_logger_mt' configures log rotation (rotates daily)
  auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>("r.txt", 1024, 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::sinks::rotating_file_sink' configures log rotation; leave rotation and retention to the execution environment
}

void glogSettings() {
  FLAGS_max_log_size = 100;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'FLAGS_max_log_size' configures log rotation; leave rotation and retention to the execution environment
  // CHECK-FIXES-NOT: FLAGS_max_log_size
  google::EnableLogCleaner(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::EnableLogCleaner' configures log retention (deletes old log files)
  // CHECK-FIXES-NOT: EnableLogCleaner
  FLAGS_logtostdout = true;
  // CHECK-FIXES: {{^}}  FLAGS_logtostdout = true;{{$}}
}

namespace keywords = boost::log::keywords;
void boostSettings() {
  boost::log::add_file_log(keywords::file_name = "orders_%N.log",
                           keywords::rotation_size = 10 * 1024 * 1024,
                           keywords::max_files = 5);
  // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: 'boost::log::keywords::rotation_size' configures log rotation
  // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: 'boost::log::keywords::max_files' configures log retention
}

void log4cxxSettings() {
  auto appender = std::make_shared<log4cxx::rolling::RollingFileAppender>();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'log4cxx::rolling::RollingFileAppender' configures log rotation
  appender->setMaxFileSize(10 * 1024 * 1024);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'log4cxx::rolling::RollingFileAppender::setMaxFileSize' configures log rotation
  appender->setMaxBackupIndex(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'log4cxx::rolling::RollingFileAppender::setMaxBackupIndex' configures log retention
  // CHECK-FIXES-NOT: setMax
  // CHECK-FIXES: {{^}}void log4cplusSettings() {{{$}}
}

void log4cplusSettings() {
  log4cplus::SharedAppenderPtr a(new log4cplus::RollingFileAppender("orders.log", 5 * 1024 * 1024, 5));
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'log4cplus::RollingFileAppender' configures log rotation
  auto *base = new log4cplus::FileAppender("f.log");
  base->setMaxFileSize(1024);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'log4cplus::FileAppenderBase::setMaxFileSize' configures log rotation
}

void pocoSettings() {
  Poco::AutoPtr<Poco::FileChannel> channel(new Poco::FileChannel("orders.log"));
  channel->setProperty("rotation", "10 M");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Poco::Channel::setProperty("rotation")' configures log rotation
  channel->setProperty("archive", "timestamp");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Poco::Channel::setProperty("archive")' configures log retention
  channel->setProperty(Poco::FileChannel::PROP_PURGECOUNT, "5");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Poco::Channel::setProperty("purgeCount")' configures log retention
  // CHECK-FIXES: {{^}}  Poco::AutoPtr<Poco::FileChannel> channel(new Poco::FileChannel("orders.log"));{{$}}
  // CHECK-FIXES-NOT: setProperty("rotation"
  // CHECK-FIXES-NOT: setProperty("archive"
  // CHECK-FIXES-NOT: PROP_PURGECOUNT
  channel->setProperty("times", "local");
  // CHECK-FIXES: {{^}}  channel->setProperty("times", "local");{{$}}
}
