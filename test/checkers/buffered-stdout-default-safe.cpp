// C++ programs whose events reach a piped stdout at once, and the cases in
// between. Each RUN line builds one alternative program (-D); a suffix
// without CHECK lines means: no diagnostic and no change.
// RUN: %check_logstream_tidy -check-suffixes=UNITBUF %s logstream-buffered-stdout %t -- -- -DUNITBUF
// RUN: %check_logstream_tidy -check-suffixes=SETF %s logstream-buffered-stdout %t -- -- -DSETF
// RUN: %check_logstream_tidy -check-suffixes=UNITBUF-CALL %s logstream-buffered-stdout %t -- -- -DUNITBUF_CALL
// RUN: %check_logstream_tidy -check-suffixes=ENDL %s logstream-buffered-stdout %t -- -- -DENDL
// RUN: %check_logstream_tidy -check-suffixes=SETVBUF %s logstream-buffered-stdout %t -- -- -DSETVBUF
// RUN: %check_logstream_tidy -check-suffixes=STDERR %s logstream-buffered-stdout %t -- -- -DSTDERR
// RUN: %check_logstream_tidy -check-suffixes=NOMAIN %s logstream-buffered-stdout %t -- -- -DNOMAIN
// RUN: %check_logstream_tidy -check-suffixes=SYNCOFF-UNITBUF %s logstream-buffered-stdout %t -- -- -DSYNCOFF_UNITBUF
// RUN: %check_logstream_tidy -check-suffixes=SYNCOFF-SETVBUF %s logstream-buffered-stdout %t -- -- -DSYNCOFF_SETVBUF
// RUN: %check_logstream_tidy -check-suffixes=SYNCOFF-FFLUSH %s logstream-buffered-stdout %t -- -- -DSYNCOFF_FFLUSH
// RUN: %check_logstream_tidy -check-suffixes=UNQUALIFIED %s logstream-buffered-stdout %t -- -- -DUNQUALIFIED
// RUN: %check_logstream_tidy -check-suffixes=COUT-ONLY %s logstream-buffered-stdout %t -- -- -DCOUT_ONLY
// RUN: %check_logstream_tidy -check-suffixes=ONE-LINE %s logstream-buffered-stdout %t -- -- -DONE_LINE
// RUN: %check_logstream_tidy -check-suffixes=NOLINT %s logstream-buffered-stdout %t -- -- -DNOLINT_MAIN

#if defined(COUT_ONLY) || defined(ONE_LINE)
#include <iostream>
#elif defined(UNQUALIFIED)
#include <stdio.h>
#else
#include <cstdio>
#include <iostream>
#include <string>
#endif

#ifdef UNITBUF
int main() {
  std::cout << std::unitbuf;
  std::cout << "{\"event\":\"sys_startup\"}\n";
  std::printf("{\"event\":\"sys_ready\"}\n");
  std::fflush(stdout);
}
#endif

#ifdef SETF
int main() {
  std::cout.setf(std::ios_base::unitbuf);
  std::cout << "{\"event\":\"sys_startup\"}\n";
}
#endif

#ifdef UNITBUF_CALL
int main() {
  std::unitbuf(std::wcout);
  std::unitbuf(std::cout);
  std::cout << "{\"event\":\"sys_startup\"}\n";
}
#endif

#ifdef ENDL
template <typename T> void field(const char *name, const T &value) {
  std::cout << "{\"" << name << "\":" << value << "}" << std::endl;
}

struct Events {
  void emit(const std::string &e) {
    std::cout << "{\"event\":\"" << e << "\"}\n";
    std::cout.flush();
  }
  void raw(const char *json) { std::cout << json << '\n' << std::flush; }
};

int main(int argc, char **argv) {
  Events events;
  events.emit("sys_startup");
  events.raw("{}");
  field("args", argc);
  std::cout << "{\"event\":\"sys_shutdown\"}\n";
  std::cout << std::endl;
  (void)argv;
  return 0;
}
#endif

#ifdef SETVBUF
static void emit(const char *event) { std::cout << event << '\n'; }

int main() {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  emit("{\"event\":\"sys_startup\"}");
  std::puts("{\"event\":\"sys_ready\"}");
}
#endif

#ifdef STDERR
int main() {
  std::cerr << "{\"event\":\"sys_startup\"}\n";
  std::clog << "{\"event\":\"sys_ready\"}\n";
  std::fprintf(stderr, "{\"event\":\"sys_shutdown\"}\n");
}
#endif

#ifdef NOMAIN
namespace events {
void emit(const std::string &e) { std::cout << e << '\n'; }
int main(); // a declaration, not the program's main
} // namespace events
#endif

#ifdef SYNCOFF_UNITBUF
int main() {
  std::ios::sync_with_stdio(false);
  std::cout << std::unitbuf << "{\"event\":\"sys_startup\"}\n";
}
#endif

#ifdef SYNCOFF_SETVBUF
// After sync_with_stdio(false), std::cout has its own buffer: stdio's line
// buffering does not reach it, and no fix-it is offered.
int main() {
  // CHECK-NOTES-SYNCOFF-SETVBUF: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  std::ios_base::sync_with_stdio(false);
  // CHECK-NOTES-SYNCOFF-SETVBUF: :[[@LINE-1]]:3: note: after 'sync_with_stdio(false)' std::cout buffers on its own: set 'std::unitbuf' on it or flush after every event
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::cout << "{\"event\":\"sys_startup\"}\n";
  // CHECK-NOTES-SYNCOFF-SETVBUF: :[[@LINE-1]]:3: note: event written to stdout here by 'std::cout' and not flushed
}
#endif

#ifdef SYNCOFF_FFLUSH
// fflush(stdout) does not flush std::cout's own buffer either.
int main() {
  // CHECK-MESSAGES-SYNCOFF-FFLUSH: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  std::cin.tie(nullptr);
  std::ios::sync_with_stdio(false);
  std::cout << "{\"event\":\"sys_startup\"}\n";
  std::fflush(stdout);
}
#endif

#ifdef UNQUALIFIED
// The file calls stdio unqualified: so does the fix-it.
int serve();
int main(void) {
  // CHECK-MESSAGES-UNQUALIFIED: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-UNQUALIFIED: {{^}}    setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  // CHECK-FIXES-UNQUALIFIED-NEXT: {{^}}    printf("{\"event\":\"sys_startup\"}\n");{{$}}
    printf("{\"event\":\"sys_startup\"}\n");
    return serve();
}
#endif

#ifdef COUT_ONLY
// Only <iostream>: the fix-it includes <cstdio> for std::setvbuf.
// CHECK-FIXES-COUT-ONLY: {{^}}#include <cstdio>{{$}}
// CHECK-FIXES-COUT-ONLY-NEXT: {{^}}#include <iostream>{{$}}
int main() { // COUT_ONLY
  // CHECK-MESSAGES-COUT-ONLY: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-COUT-ONLY: {{^}}int main() { // COUT_ONLY{{$}}
  // CHECK-FIXES-COUT-ONLY: {{^}}  std::setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  // CHECK-FIXES-COUT-ONLY-NEXT: {{^}}  for (int i = 0; i < 3; ++i){{$}}
  for (int i = 0; i < 3; ++i)
    std::cout << "{\"event\":\"tick\",\"n\":" << i << "}\n";
}
#endif

#ifdef ONE_LINE
int main() { std::cout << "{\"event\":\"sys_startup\"}\n"; }
// CHECK-MESSAGES-ONE-LINE: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
// CHECK-FIXES-ONE-LINE: {{^}}int main() { std::setvbuf(stdout, nullptr, _IOLBF, 0); std::cout << "{\"event\":\"sys_startup\"}\n"; }{{$}}
#endif

#ifdef NOLINT_MAIN
int main() { // NOLINT(logstream-buffered-stdout): a command-line tool, not a service
  std::cout << "usage: tool FILE\n";
}
#endif
