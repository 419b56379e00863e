// logstream-log-file-sink against Debian's real log4cxx 1.0 headers.
// REQUIRES: log4cxx
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-sink %t

#include <log4cxx/consoleappender.h>
#include <log4cxx/fileappender.h>
#include <log4cxx/logger.h>
#include <log4cxx/patternlayout.h>
#include <log4cxx/rolling/rollingfileappender.h>

using namespace log4cxx;

void configure() {
  LayoutPtr layout(new PatternLayout(LOG4CXX_STR("%d %p %m%n")));
  AppenderPtr file(new FileAppender(layout, LOG4CXX_STR("orders.log"), true));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'log4cxx::FileAppender' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  AppenderPtr file(new log4cxx::ConsoleAppender(layout));{{$}}
  Logger::getRootLogger()->addAppender(std::make_shared<FileAppender>(layout, LOG4CXX_STR("b.log")));
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'log4cxx::FileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  Logger::getRootLogger()->addAppender(std::make_shared<log4cxx::ConsoleAppender>(layout));{{$}}
  auto rolling = std::make_shared<rolling::RollingFileAppender>();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'log4cxx::rolling::RollingFileAppender' writes log events to a file
  rolling->setFile(LOG4CXX_STR("r.log"));
  FileAppenderPtr typed(new FileAppender(layout, LOG4CXX_STR("t.log")));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'log4cxx::FileAppender' writes log events to a file

  // Must stay quiet.
  AppenderPtr console(new ConsoleAppender(layout));
  Logger::getRootLogger()->addAppender(console);
}
