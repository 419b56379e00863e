// logstream-log-file-sink against Debian's real Poco 1.11 headers.
// REQUIRES: poco
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-sink %t

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FileChannel.h>
#include <Poco/Logger.h>
#include <Poco/SimpleFileChannel.h>
// CHECK-FIXES: #include <iostream>

void configure() {
  Poco::Logger::root().setChannel(new Poco::FileChannel("orders.log"));
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'Poco::FileChannel' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  Poco::Logger::root().setChannel(new Poco::ConsoleChannel(std::cout));{{$}}
  Poco::AutoPtr<Poco::Channel> simple(new Poco::SimpleFileChannel);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'Poco::SimpleFileChannel' writes log events to a file
  // CHECK-FIXES: {{^}}  Poco::AutoPtr<Poco::Channel> simple(new Poco::ConsoleChannel(std::cout));{{$}}
  Poco::AutoPtr<Poco::FileChannel> channel(new Poco::FileChannel);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'Poco::FileChannel' writes log events to a file
  channel->setProperty("path", "/var/log/orders/orders.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Poco::FileChannel::setProperty("path")' writes log events to file '/var/log/orders/orders.log'
  channel->setProperty("times", "local");
  Poco::Logger::get("orders").setChannel(channel);

  // Must stay quiet.
  Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel);
  Poco::Logger::get("console").setChannel(console);
}
