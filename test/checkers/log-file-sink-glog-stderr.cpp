// glog calls that turn file output off are not file sinks:
// google::LogToStderr() (every severity to stderr, no file) counts as
// FLAGS_logtostderr = true for InitGoogleLogging, and SetLogDestination with
// an empty base name switches that severity's file off.
// RUN: %check_logstream_tidy %s logstream-log-file-sink %t -- -- -isystem %S/Inputs/Headers

#include <glog/logging.h>

void quiet(char **argv) {
  google::LogToStderr();
  google::SetLogDestination(google::GLOG_INFO, "");
  google::InitGoogleLogging(argv[0]);
}

void still_a_file() {
  google::SetLogDestination(google::GLOG_ERROR, "/var/log/app/error.");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::SetLogDestination' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
}
