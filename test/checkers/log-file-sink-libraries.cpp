// The logging libraries' file sinks, on mock headers that keep the real
// libraries' names and shapes (test/real-headers/ runs the same on Debian's
// real headers).
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-sink %t -- -- -isystem %S/Inputs/Headers

#include <Poco/ConsoleChannel.h>
#include <Poco/FileChannel.h>
#include <Poco/SimpleFileChannel.h>
#include <boost/log/utility/setup/file.hpp>
#include <easylogging++.h>
#include <glog/logging.h>
#include <log4cplus/consoleappender.h>
#include <log4cplus/fileappender.h>
#include <log4cxx/consoleappender.h>
#include <log4cxx/dailyrollingfileappender.h>
#include <log4cxx/fileappender.h>
#include <log4cxx/rollingfileappender.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
// CHECK-FIXES: #include <spdlog/sinks/stdout_sinks.h>

//===--- spdlog ---===//

void spdlogFactories() {
  auto a = spdlog::basic_logger_mt("orders", "logs/orders.txt");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::basic_logger_mt' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  auto a = spdlog::stdout_logger_mt("orders");{{$}}
  auto b = spdlog::rotating_logger_st("r", "r.log", 1048576 * 5, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::rotating_logger_st' writes log events to a file
  // CHECK-FIXES: {{^}}  auto b = spdlog::stdout_logger_st("r");{{$}}
  auto c = spdlog::daily_logger_mt<spdlog::async_factory>("d", "d.log", 2, 30);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::daily_logger_mt' writes log events to a file
  // CHECK-FIXES: {{^}}  auto c = spdlog::stdout_logger_mt<spdlog::async_factory>("d");{{$}}
  auto d = spdlog::daily_logger_format_mt("f", "f.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::daily_logger_format_mt' writes log events to a file
  // CHECK-FIXES: {{^}}  auto d = spdlog::stdout_logger_mt("f");{{$}}
  using namespace spdlog;
  auto e = basic_logger_st("e", "e.log", true);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'spdlog::basic_logger_st' writes log events to a file
  // CHECK-FIXES: {{^}}  auto e = stdout_logger_st("e");{{$}}
}

void spdlogSinks() {
  auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>("logs/app.txt", true);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::sinks::basic_file_sink_mt' writes log events to a file
  // CHECK-FIXES: {{^}}  auto file = std::make_shared<spdlog::sinks::stdout_sink_mt>();{{$}}
  file->set_level(2);
  spdlog::sink_ptr rotating = std::make_shared<spdlog::sinks::rotating_file_sink_st>("r.log", 1024, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'spdlog::sinks::rotating_file_sink_st' writes log events to a file
  // CHECK-FIXES: {{^}}  spdlog::sink_ptr rotating = std::make_shared<spdlog::sinks::stdout_sink_st>();{{$}}
  spdlog::logger multi("multi", {file, rotating});
  // Used through its own interface (filename()): reported, not rewritten.
  auto kept = std::make_shared<spdlog::sinks::daily_file_sink_mt>("d.log", 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::sinks::daily_file_sink_mt' writes log events to a file
  // CHECK-FIXES: {{^}}  auto kept = std::make_shared<spdlog::sinks::daily_file_sink_mt>("d.log", 0, 0);{{$}}
  auto typed = std::make_shared<spdlog::sinks::basic_file_sink_st>("t.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'spdlog::sinks::basic_file_sink_st' writes log events to a file
  typed->filename();
  auto created = spdlog::create<spdlog::sinks::basic_file_sink_mt>("created", "created.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'spdlog::sinks::basic_file_sink_mt' writes log events to a file
  spdlog::sinks::basic_file_sink_mt direct("direct.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'spdlog::sinks::basic_file_sink_mt' writes log events to a file
  (void)kept;
}

//===--- glog ---===//

void glogSetup(char **argv) {
  FLAGS_log_dir = "/var/log/orders";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'FLAGS_log_dir' writes log events to a file; write them to stdout as an event stream
  // CHECK-FIXES: {{^}}  FLAGS_logtostdout = true;{{$}}
  FLAGS_logtostderr = false;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'FLAGS_logtostderr = false' writes log events to a file
  google::SetLogDestination(google::GLOG_INFO, "/var/log/orders/info.");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::SetLogDestination' writes log events to a file
  google::SetLogSymlink(google::GLOG_INFO, "orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::SetLogSymlink' writes log events to a file
  google::SetLogFilenameExtension(".log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::SetLogFilenameExtension' writes log events to a file
  // FLAGS_logtostderr is set to true in this file (below): no finding.
  google::InitGoogleLogging(argv[0]);
}

//===--- Boost.Log ---===//

namespace logging = boost::log;
namespace keywords = boost::log::keywords;
namespace sinks = boost::log::sinks;

void boostSetup() {
  logging::add_file_log(keywords::file_name = "orders_%N.log",
                        keywords::rotation_size = 10 * 1024 * 1024,
                        keywords::format = "[%TimeStamp%]: %Message%",
                        keywords::auto_flush = true);
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'boost::log::add_file_log' writes log events to a file
  // CHECK-FIXES: {{^}}  logging::add_console_log(std::cout, keywords::format = "[%TimeStamp%]: %Message%", keywords::auto_flush = true);{{$}}
  auto sink = logging::add_file_log("plain.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'boost::log::add_file_log' writes log events to a file
  auto backend = boost::make_shared<sinks::text_file_backend>(keywords::file_name = "x.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'boost::log::sinks::text_file_backend' writes log events to a file
  (void)sink;
}

//===--- log4cxx ---===//

void log4cxxSetup() {
  log4cxx::LayoutPtr layout = std::make_shared<log4cxx::PatternLayout>("%m%n");
  log4cxx::AppenderPtr file(new log4cxx::FileAppender(layout, "orders.log", true));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'log4cxx::FileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  log4cxx::AppenderPtr file(new log4cxx::ConsoleAppender(layout));{{$}}
  log4cxx::Logger::getRootLogger()->addAppender(std::make_shared<log4cxx::RollingFileAppender>(layout, "r.log"));
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'log4cxx::RollingFileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  log4cxx::Logger::getRootLogger()->addAppender(std::make_shared<log4cxx::ConsoleAppender>(layout));{{$}}
  auto daily = std::make_shared<log4cxx::DailyRollingFileAppender>(layout, "d.log", "'.'yyyy-MM-dd");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'log4cxx::DailyRollingFileAppender' writes log events to a file
  daily->setFile("other.log");
  log4cxx::FileAppenderPtr typed(new log4cxx::FileAppender(layout, "t.log"));
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'log4cxx::FileAppender' writes log events to a file
}

//===--- log4cplus ---===//

void log4cplusSetup() {
  log4cplus::SharedAppenderPtr a(new log4cplus::RollingFileAppender("orders.log", 5 * 1024 * 1024, 5));
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'log4cplus::RollingFileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  log4cplus::SharedAppenderPtr a(new log4cplus::ConsoleAppender(false, true));{{$}}
  log4cplus::Logger::getRoot().addAppender(new log4cplus::DailyRollingFileAppender("d.log"));
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'log4cplus::DailyRollingFileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  log4cplus::Logger::getRoot().addAppender(new log4cplus::ConsoleAppender(false, true));{{$}}
  log4cplus::SharedAppenderPtr b(new log4cplus::FileAppender("f.log"));
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'log4cplus::FileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  log4cplus::SharedAppenderPtr b(new log4cplus::ConsoleAppender(false, true));{{$}}
  log4cplus::SharedAppenderPtr c(new log4cplus::TimeBasedRollingFileAppender("t.log"));
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'log4cplus::TimeBasedRollingFileAppender' writes log events to a file
  // CHECK-FIXES: {{^}}  log4cplus::SharedAppenderPtr c(new log4cplus::ConsoleAppender(false, true));{{$}}
}

//===--- Poco ---===//

void pocoSetup() {
  Poco::Logger::root().setChannel(new Poco::FileChannel("orders.log"));
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'Poco::FileChannel' writes log events to a file
  // CHECK-FIXES: {{^}}  Poco::Logger::root().setChannel(new Poco::ConsoleChannel(std::cout));{{$}}
  Poco::AutoPtr<Poco::Channel> simple(new Poco::SimpleFileChannel);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'Poco::SimpleFileChannel' writes log events to a file
  // CHECK-FIXES: {{^}}  Poco::AutoPtr<Poco::Channel> simple(new Poco::ConsoleChannel(std::cout));{{$}}
  Poco::AutoPtr<Poco::FileChannel> channel(new Poco::FileChannel);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'Poco::FileChannel' writes log events to a file
  channel->setProperty("path", "/var/log/orders/orders.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Poco::FileChannel::setProperty("path")' writes log events to file '/var/log/orders/orders.log'
  channel->setProperty("times", "local");
}

//===--- easylogging++ ---===//

void easyloggingSetup() {
  el::Configurations conf;
  conf.set(el::Level::Global, el::ConfigurationType::ToFile, "true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: easylogging++ 'ConfigurationType::ToFile' set to "true" writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  conf.set(el::Level::Global, el::ConfigurationType::ToFile, "false");{{$}}
  conf.setGlobally(el::ConfigurationType::Filename, "/var/log/orders/%datetime.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: easylogging++ 'ConfigurationType::Filename' names a log file
  el::Loggers::reconfigureAllLoggers(el::ConfigurationType::ToFile, "TRUE");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: easylogging++ 'ConfigurationType::ToFile' set to "true"
  // CHECK-FIXES: {{^}}  el::Loggers::reconfigureAllLoggers(el::ConfigurationType::ToFile, "false");{{$}}
  conf.parseFromText("*GLOBAL:\n  FORMAT = %msg\n  TO_FILE = true\n");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: easylogging++ configuration enables 'TO_FILE', which writes log events to a file
  // CHECK-FIXES: {{^}}  conf.parseFromText("*GLOBAL:\n  FORMAT = %msg\n  TO_FILE = false\n");{{$}}
  conf.parseFromText("*GLOBAL:\n  FILENAME = \"logs/x.log\"\n");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: easylogging++ configuration sets 'FILENAME' for a log file
}

// Must stay quiet: console sinks, logging to stdout.
void negatives() {
  auto console = spdlog::stdout_color_mt("console");
  auto out = spdlog::stdout_logger_mt("out");
  auto sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  FLAGS_logtostderr = true;
  FLAGS_logtostdout = true;
  log4cxx::AppenderPtr appender(new log4cxx::ConsoleAppender());
  log4cplus::SharedAppenderPtr cplus(new log4cplus::ConsoleAppender(false, true));
  Poco::AutoPtr<Poco::Channel> channel(new Poco::ConsoleChannel);
  el::Configurations conf;
  conf.set(el::Level::Global, el::ConfigurationType::ToFile, "false");
  conf.set(el::Level::Global, el::ConfigurationType::ToStandardOutput, "true");
  conf.parseFromText("*GLOBAL:\n  TO_FILE = false\n  TO_STANDARD_OUTPUT = true\n");
}
