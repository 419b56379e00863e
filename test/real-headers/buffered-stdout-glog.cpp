// logstream-buffered-stdout against Debian's real glog 0.6 headers. With
// FLAGS_logtostdout glog writes every record with fwrite(stdout) and never
// flushes it (glog 0.6.0 src/logging.cc:758), so stdout's buffering decides.
// FLAGS_logbuflevel/logbufsecs only govern log files (logging.cc:865).
// REQUIRES: glog
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=STDOUT %s logstream-buffered-stdout %t -- -- -DSTDOUT
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=LINEBUF %s logstream-buffered-stdout %t -- -- -DLINEBUF
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=STDERR %s logstream-buffered-stdout %t -- -- -DSTDERR
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=OFF %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.CheckLoggerSettings: false}}" -- -- -DSTDOUT

#include <cstdio>
#include <glog/logging.h>

#ifdef STDOUT
int main(int argc, char **argv) {
  // CHECK-MESSAGES-STDOUT: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-STDOUT: {{^}}  std::setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  // CHECK-FIXES-STDOUT-NEXT: {{^}}  FLAGS_logtostdout = true;{{$}}
  FLAGS_logtostdout = true;
  FLAGS_logbuflevel = -1;
  google::InitGoogleLogging(argv[0]);
  LOG(INFO) << "sys_startup args=" << argc;
}
#endif

#ifdef LINEBUF
int main(int argc, char **argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  FLAGS_logtostdout = true;
  google::InitGoogleLogging(argv[0]);
  LOG(INFO) << "sys_startup args=" << argc;
}
#endif

#ifdef STDERR
int main(int argc, char **argv) {
  FLAGS_logtostderr = true;
  FLAGS_logtostdout = false;
  FLAGS_logbufsecs = 0;
  google::InitGoogleLogging(argv[0]);
  LOG(INFO) << "sys_startup args=" << argc;
}
#endif
