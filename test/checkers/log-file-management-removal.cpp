// Removing a rotation setting takes the statement's own trailing comment and
// a blank line that would be left at the start of its block.
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-management %t -- -- -isystem %S/Inputs/Headers

#include <glog/logging.h>

void start();

void configureLogging() {
  FLAGS_logtostdout = true;
  FLAGS_max_log_size = 100; // rotate at 100 MB

  google::EnableLogCleaner(7); /* keep one week */
  start();
}

void configureRetention() {
  google::EnableLogCleaner(3);   // three days

  start();
}
// CHECK-MESSAGES: :[[@LINE-11]]:3: warning: 'FLAGS_max_log_size' configures log rotation
// CHECK-MESSAGES: :[[@LINE-10]]:3: warning: 'google::EnableLogCleaner' configures log retention
// CHECK-MESSAGES: :[[@LINE-6]]:3: warning: 'google::EnableLogCleaner' configures log retention
// CHECK-FIXES: {{^}}void configureLogging() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  FLAGS_logtostdout = true;{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}  start();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
// CHECK-FIXES: {{^}}void configureRetention() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  start();{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
