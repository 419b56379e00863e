// logstream-log-file-management on Debian's real log4cxx 1.0 and log4cplus
// 2.0 headers.
// REQUIRES: log4cxx, log4cplus
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-management %t

#include <log4cplus/fileappender.h>
#include <log4cxx/rolling/fixedwindowrollingpolicy.h>
#include <log4cxx/rolling/rollingfileappender.h>
#include <log4cxx/rolling/sizebasedtriggeringpolicy.h>

void configureLog4cxx() {
  auto appender = std::make_shared<log4cxx::rolling::RollingFileAppender>();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'log4cxx::rolling::RollingFileAppender' configures log rotation; leave rotation and retention to the execution environment [logstream-log-file-management]
  appender->setMaxFileSize(LOG4CXX_STR("10MB"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'log4cxx::rolling::RollingFileAppender::setMaxFileSize' configures log rotation
  appender->setMaxBackupIndex(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'log4cxx::rolling::RollingFileAppender::setMaxBackupIndex' configures log retention
  // CHECK-FIXES-NOT: setMax
  auto trigger = std::make_shared<log4cxx::rolling::SizeBasedTriggeringPolicy>();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'log4cxx::rolling::SizeBasedTriggeringPolicy' configures log rotation
  auto policy = std::make_shared<log4cxx::rolling::FixedWindowRollingPolicy>();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'log4cxx::rolling::FixedWindowRollingPolicy' configures log rotation
  appender->setTriggeringPolicy(trigger);
  appender->setRollingPolicy(policy);
}

void configureLog4cplus() {
  log4cplus::SharedAppenderPtr a(new log4cplus::RollingFileAppender(LOG4CPLUS_TEXT("orders.log"), 5 * 1024 * 1024, 5));
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'log4cplus::RollingFileAppender' configures log rotation
  log4cplus::SharedAppenderPtr d(new log4cplus::DailyRollingFileAppender(LOG4CPLUS_TEXT("d.log")));
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'log4cplus::DailyRollingFileAppender' configures log rotation
}
