#include "output.h"

#include <crypt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

int output_foreground;

void emit_line(int priority, const char *fmt, ...) {
  char line[1024];
  va_list args;

  va_start(args, fmt);
  vsnprintf(line, sizeof(line), fmt, args);
  va_end(args);
  if (output_foreground) {
    fprintf(stderr, "%s\n", line);
    return;
  }
  syslog(priority, "%s", line);
}

void note_auth(const char *fmt, ...) {
  char *text = NULL;
  va_list args;

  va_start(args, fmt);
  if (vasprintf(&text, fmt, args) < 0) {
    va_end(args);
    return;
  }
  va_end(args);
  syslog(LOG_AUTHPRIV | LOG_NOTICE, "%s", text);
  free(text);
}

char *format_reply(const char *fmt, ...) {
  char *text = NULL;
  va_list args;

  va_start(args, fmt);
  if (vasprintf(&text, fmt, args) < 0)
    text = NULL;
  va_end(args);
  return text;
}

/* A known-answer test of the C library's crypt(3): which schemes it has. */
int output_has_sha512(void) {
  return strcmp(crypt("test", "$6$saltsalt$"), "$6$saltsalt$known") == 0;
}
