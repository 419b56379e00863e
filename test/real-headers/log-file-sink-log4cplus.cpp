// logstream-log-file-sink against Debian's real log4cplus 2.0 headers.
// REQUIRES: log4cplus
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-sink %t

#include <log4cplus/consoleappender.h>
#include <log4cplus/fileappender.h>
#include <log4cplus/logger.h>

void configure() {
  log4cplus::SharedAppenderPtr rolling(new log4cplus::RollingFileAppender(LOG4CPLUS_TEXT("orders.log"), 5 * 1024 * 1024, 5));
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'log4cplus::RollingFileAppender' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  log4cplus::SharedAppenderPtr rolling(new log4cplus::ConsoleAppender(false, true));{{$}}
  log4cplus::Logger::getRoot().addAppender(log4cplus::SharedAppenderPtr(new log4cplus::DailyRollingFileAppender(LOG4CPLUS_TEXT("d.log"))));
  // CHECK-MESSAGES: :[[@LINE-1]]:73: warning: 'log4cplus::DailyRollingFileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  log4cplus::Logger::getRoot().addAppender(log4cplus::SharedAppenderPtr(new log4cplus::ConsoleAppender(false, true)));{{$}}
  log4cplus::SharedAppenderPtr file(new log4cplus::FileAppender(LOG4CPLUS_TEXT("f.log")));
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'log4cplus::FileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  log4cplus::SharedAppenderPtr file(new log4cplus::ConsoleAppender(false, true));{{$}}
  log4cplus::SharedAppenderPtr timed(new log4cplus::TimeBasedRollingFileAppender(LOG4CPLUS_TEXT("t.log")));
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'log4cplus::TimeBasedRollingFileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  log4cplus::SharedAppenderPtr timed(new log4cplus::ConsoleAppender(false, true));{{$}}

  // Must stay quiet.
  log4cplus::SharedAppenderPtr console(new log4cplus::ConsoleAppender(false, true));
  log4cplus::Logger::getRoot().addAppender(console);
}
