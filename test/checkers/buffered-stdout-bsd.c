// C libraries that spell the standard streams differently (BSD/macOS libc
// defines `stdout` as `__stdoutp`, MSVC's UCRT as a function call).
// RUN: %check_logstream_tidy %s logstream-buffered-stdout %t -- -- -isystem %S/Inputs/Headers/bsd

#include <stdio.h>

static char buffer[4096];

void f(void) {
  setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setvbuf' makes stdout fully buffered
  // CHECK-FIXES: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  setvbuf(stderr, buffer, 2, sizeof buffer);
  // _IOFBF is 2 in this C library, read from the header.
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'setvbuf' makes stderr fully buffered
  // CHECK-FIXES: {{^}}  setvbuf(stderr, NULL, _IOLBF, 0);{{$}}
  setvbuf(stdout, buffer, 0, sizeof buffer);
}
