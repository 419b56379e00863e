// glog set up for an event stream: nothing to report (real headers).
// REQUIRES: glog
// RUN: %check_logstream_tidy %s logstream-log-file-sink %t -- -- -std=c++17

#include <glog/logging.h>

int main(int argc, char **argv) {
  FLAGS_logtostdout = true;
  FLAGS_colorlogtostdout = false;
  google::InitGoogleLogging(argv[0]);
  LOG(INFO) << "started";
  return argc;
}
