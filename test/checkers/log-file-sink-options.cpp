// Every heuristic of logstream-log-file-sink can be tuned.
// RUN: %check_logstream_tidy -check-suffix=DEFAULT %s logstream-log-file-sink %t
// RUN: %check_logstream_tidy -check-suffix=TUNED %s logstream-log-file-sink %t \
// RUN:   -config="{CheckOptions: { \
// RUN:     logstream-log-file-sink.LogPathPattern: '\.(log|trace)$', \
// RUN:     logstream-log-file-sink.LogNamePattern: '(^|_)journal(_|$)', \
// RUN:     logstream-log-file-sink.AllowedPaths: '/dev/stdout;/run/app/debug.log', \
// RUN:     logstream-log-file-sink.ExtraSinkFunctions: '::mylog::open_file_sink;::mylog::FileSink::attach', \
// RUN:     logstream-log-file-sink.ExtraSinkTypes: '::mylog::RotatingFile'}}"

#include <cstdio>
#include <string>

namespace mylog {
void open_file_sink(const char *path);
struct FileSink { static void attach(const std::string &path); };
struct RotatingFile { explicit RotatingFile(const char *path) {} };
struct Derived : RotatingFile { Derived() : RotatingFile("d") {} };
} // namespace mylog

void f(const char *path) {
  FILE *a = fopen("events.trace", "w");
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file 'events.trace'
  FILE *b = fopen("logs/out.txt", "w");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file 'logs/out.txt'
  FILE *c = fopen("/run/app/debug.log", "w");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file '/run/app/debug.log'
  FILE *journal = fopen(path, "a");
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:19: warning: 'fopen' writes log events to a file
  FILE *log = fopen(path, "a");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:15: warning: 'fopen' writes log events to a file
  mylog::open_file_sink("x");
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:3: warning: 'mylog::open_file_sink' writes log events to a file; write them to stdout as an event stream
  mylog::FileSink::attach("y");
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:3: warning: 'mylog::FileSink::attach' writes log events to a file
  mylog::RotatingFile r("z");
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:23: warning: 'mylog::RotatingFile' writes log events to a file
  auto *p = new mylog::RotatingFile("w");
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:13: warning: 'mylog::RotatingFile' writes log events to a file
  mylog::Derived d;
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:18: warning: 'mylog::Derived' writes log events to a file
  (void)a, (void)b, (void)c, (void)journal, (void)log, (void)p;
}
