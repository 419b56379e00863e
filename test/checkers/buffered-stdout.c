// RUN: %check_logstream_tidy -std=c99,c11,c17 %s logstream-buffered-stdout %t

#include <stdio.h>

static char buffer[BUFSIZ];

void configure_output(FILE *report) {
  setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setvbuf' makes stdout fully buffered; events written to it can sit in the buffer and be lost when the process dies [logstream-buffered-stdout]
  // CHECK-FIXES: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}

  setbuf(stderr, buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setbuf' makes stderr fully buffered
  // CHECK-FIXES: {{^}}  setvbuf(stderr, NULL, _IOLBF, 0);{{$}}

  /* Must stay quiet. */
  setvbuf(report, buffer, _IOFBF, sizeof buffer);
  setvbuf(stdout, NULL, _IOLBF, 0);
  setvbuf(stdout, NULL, _IONBF, 0);
  setbuf(stdout, NULL);
  setbuf(stdout, 0);
}
