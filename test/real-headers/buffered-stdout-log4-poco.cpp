// logstream-buffered-stdout against Debian's real log4cxx 1.0, log4cplus 2.0
// and Poco 1.11 headers.
// REQUIRES: log4cxx, log4cplus, poco
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=SETTINGS %s logstream-buffered-stdout %t -- -- -DSETTINGS
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=LOG4CXX %s logstream-buffered-stdout %t -- -- -DLOG4CXX
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=LOG4CXX-STDERR %s logstream-buffered-stdout %t -- -- -DLOG4CXX_STDERR
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=LOG4CPLUS %s logstream-buffered-stdout %t -- -- -DLOG4CPLUS
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=LOG4CPLUS-FLUSHED %s logstream-buffered-stdout %t -- -- -DLOG4CPLUS_FLUSHED

#include <cstdio>
#include <iostream>
#include <log4cplus/consoleappender.h>
#include <log4cplus/logger.h>
#include <log4cplus/loggingmacros.h>
#include <log4cxx/asyncappender.h>
#include <log4cxx/consoleappender.h>
#include <log4cxx/logger.h>
#include <log4cxx/patternlayout.h>
#include <Poco/AsyncChannel.h>
#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>

#ifdef SETTINGS
// log4cxx 1.0.0 asyncappender.cpp:250-263: a non-blocking AsyncAppender
// discards events when its buffer is full.
void setup_log4cxx(const log4cxx::AppenderPtr &console) {
  log4cxx::AsyncAppenderPtr async = std::make_shared<log4cxx::AsyncAppender>();
  async->addAppender(console);
  async->setBufferSize(512);
  async->setBlocking(false);
  // CHECK-MESSAGES-SETTINGS: :[[@LINE-1]]:22: warning: 'setBlocking(false)' makes the AsyncAppender discard events when its buffer is full; pass 'true' so that no event is lost [logstream-buffered-stdout]
  // CHECK-FIXES-SETTINGS: {{^}}  async->setBlocking(true);{{$}}
  log4cxx::AsyncAppenderPtr safe = std::make_shared<log4cxx::AsyncAppender>();
  safe->setBlocking(true);
  log4cxx::Logger::getRootLogger()->addAppender(async);
}

// Poco 1.11.0 AsyncChannel.cpp:112-115: with a queueSize, a full queue
// drops the message. ConsoleChannel ends every message with std::endl
// (ConsoleChannel.cpp:47): safe.
void setup_poco() {
  Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel(std::cout));
  Poco::AutoPtr<Poco::AsyncChannel> async(new Poco::AsyncChannel(console));
  async->setProperty("queueSize", "1000");
  // CHECK-MESSAGES-SETTINGS: :[[@LINE-1]]:35: warning: a 'queueSize' of "1000" makes the AsyncChannel drop events when its queue is full; use "unlimited" so that no event is lost
  // CHECK-FIXES-SETTINGS: {{^}}  async->setProperty("queueSize", "unlimited");{{$}}
  async->setProperty("priority", "high");
  async->setProperty("queueSize", "none");
  async->setProperty("queueSize", "0");
  Poco::AutoPtr<Poco::AsyncChannel> unlimited(new Poco::AsyncChannel(console));
  unlimited->setProperty("queueSize", "Unlimited");
}
#endif

#ifdef LOG4CXX
// ConsoleAppender writes with fputs(stdout) (systemoutwriter.cpp:78) and
// flushes only with ImmediateFlush (writerappender.cpp:257).
int main() {
  // CHECK-MESSAGES-LOG4CXX: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-LOG4CXX: {{^}}  std::setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  auto layout = std::make_shared<log4cxx::PatternLayout>(LOG4CXX_STR("%m%n"));
  auto console = std::make_shared<log4cxx::ConsoleAppender>(layout);
  console->setImmediateFlush(false);
  log4cxx::Logger::getRootLogger()->addAppender(console);
  LOG4CXX_INFO(log4cxx::Logger::getRootLogger(), "sys_startup");
}
#endif

#ifdef LOG4CXX_STDERR
int main() {
  auto layout = std::make_shared<log4cxx::PatternLayout>(LOG4CXX_STR("%m%n"));
  auto console = std::make_shared<log4cxx::ConsoleAppender>(layout);
  console->setTarget(LOG4CXX_STR("System.err"));
  console->setImmediateFlush(false);
  auto flushed = std::make_shared<log4cxx::ConsoleAppender>(layout);
  flushed->setImmediateFlush(true);
  log4cxx::Logger::getRootLogger()->addAppender(console);
}
#endif

#ifdef LOG4CPLUS
// ConsoleAppender(logToStdErr = false, immediateFlush = false) writes to
// std::cout without flushing (consoleappender.h:57, consoleappender.cxx:107).
int main() {
  // CHECK-MESSAGES-LOG4CPLUS: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-LOG4CPLUS: {{^}}  std::setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  log4cplus::initialize();
  log4cplus::SharedAppenderPtr console(new log4cplus::ConsoleAppender());
  log4cplus::Logger::getRoot().addAppender(console);
  LOG4CPLUS_INFO(log4cplus::Logger::getRoot(), "sys_startup");
}
#endif

#ifdef LOG4CPLUS_FLUSHED
int main() {
  log4cplus::initialize();
  log4cplus::SharedAppenderPtr console(new log4cplus::ConsoleAppender(false, true));
  log4cplus::SharedAppenderPtr errors(new log4cplus::ConsoleAppender(true));
  log4cplus::Logger::getRoot().addAppender(console);
  log4cplus::Logger::getRoot().addAppender(errors);
  LOG4CPLUS_INFO(log4cplus::Logger::getRoot(), "sys_startup");
}
#endif
