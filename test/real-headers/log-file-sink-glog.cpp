// logstream-log-file-sink against Debian's real glog 0.6 headers.
// REQUIRES: glog
// RUN: %check_logstream_tidy %s logstream-log-file-sink %t -- -- -std=c++17

#include <glog/logging.h>

void configure() {
  FLAGS_log_dir = "/var/log/orders";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'FLAGS_log_dir' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  FLAGS_logtostdout = true;{{$}}
  FLAGS_logtostderr = false;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'FLAGS_logtostderr = false' writes log events to a file
  google::SetLogDestination(google::GLOG_INFO, "/var/log/orders/info.");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::SetLogDestination' writes log events to a file
  google::SetLogSymlink(google::GLOG_INFO, "orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::SetLogSymlink' writes log events to a file
  google::SetLogFilenameExtension(".log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::SetLogFilenameExtension' writes log events to a file
}

int main(int argc, char **argv) {
  configure();
  google::InitGoogleLogging(argv[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::InitGoogleLogging' writes log events to files unless FLAGS_logtostdout or FLAGS_logtostderr is set
  // CHECK-FIXES: {{^}}  FLAGS_logtostdout = true;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  google::InitGoogleLogging(argv[0]);{{$}}
  LOG(INFO) << "started";
  return argc;
}
