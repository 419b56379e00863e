// google::InitGoogleLogging writes files by default: it is reported unless
// the translation unit sets FLAGS_logtostdout or FLAGS_logtostderr to true.
// RUN: %check_logstream_tidy %s logstream-log-file-sink %t -- -- -isystem %S/Inputs/Headers
// RUN: %check_logstream_tidy -check-suffix=STDOUT %s logstream-log-file-sink %t -- -- -isystem %S/Inputs/Headers -DTO_STDOUT
// RUN: %check_logstream_tidy -check-suffix=ALSO %s logstream-log-file-sink %t -- -- -isystem %S/Inputs/Headers -DALSO_STDERR

#include <glog/logging.h>

void configure() {
#if defined(TO_STDOUT)
  FLAGS_logtostdout = 1;
#elif defined(ALSO_STDERR)
  // Still writes files, and a copy to stderr.
  FLAGS_alsologtostderr = true;
#endif
}

int main(int argc, char **argv) {
  configure();
  google::InitGoogleLogging(argv[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'google::InitGoogleLogging' writes log events to files unless FLAGS_logtostdout or FLAGS_logtostderr is set; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  FLAGS_logtostdout = true;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  google::InitGoogleLogging(argv[0]);{{$}}
  // CHECK-MESSAGES-ALSO: :[[@LINE-4]]:3: warning: 'google::InitGoogleLogging' writes log events to files
  // CHECK-FIXES-ALSO: {{^}}  FLAGS_logtostdout = true;{{$}}
  // CHECK-FIXES-STDOUT: {{^}}  google::InitGoogleLogging(argv[0]);{{$}}
  if (argc > 1)
    google::InitGoogleLogging("again");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'google::InitGoogleLogging' writes log events to files
  // CHECK-MESSAGES-ALSO: :[[@LINE-2]]:5: warning: 'google::InitGoogleLogging' writes log events to files
  return 0;
}
