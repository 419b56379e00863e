// Forgeable and multi-line events, C: SECURITY records written with printf,
// fprintf(stderr), a printf-like project function, syslog (ReportSyslog);
// stack traces written one frame per line (backtrace_symbols_fd to
// stderr, a loop over backtrace_symbols). In C the fix-it is a note.
// RUN: %check_logstream_tidy -std=c11 %s logstream-event-injection %t -- -- -D_GNU_SOURCE -I%srcroot/include
// RUN: %check_logstream_tidy -check-suffix=SYSLOG -std=c11 %s logstream-event-injection %t \
// RUN:   -config="{CheckOptions: {logstream-event-injection.ReportSyslog: true, logstream-event-injection.CheckStackTraces: false}}" \
// RUN:   -- -- -D_GNU_SOURCE -I%srcroot/include

#include <execinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>
#include <unistd.h>

/* The project's logging helpers, judged by their bodies: sec_log writes the
   message as is, auth_log goes through vsyslog (the daemon escapes), and
   safe_log escapes control characters first. */
void sec_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sec_log(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
}
void auth_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void auth_log(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsyslog(LOG_AUTHPRIV | LOG_NOTICE, fmt, ap);
  va_end(ap);
}
void escape_controls(char *text);
void safe_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void safe_log(const char *fmt, ...) {
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  escape_controls(line);
  fprintf(stderr, "%s\n", line);
}
/* Declared only, not listed in SecurityLoggingFunctions or LoggingFunctions:
   what it does with the message is not known here. */
void remote_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct client {
  const char *peer;
  const char *user;
  int fd;
};

int on_auth_failure(const struct client *conn, const char *user) {
  printf("SECURITY authn_login_fail user=%s peer=%s\n", user, conn->peer);
  // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: SECURITY record formats parameter 'user' without escaping: a line break in it forges a second event [logstream-event-injection]
  // CHECK-MESSAGES-SYSLOG: :[[@LINE-2]]:57: warning: SECURITY record formats parameter 'user' without escaping
  syslog(LOG_AUTHPRIV | LOG_WARNING, "authentication failure for %s", user);
  // CHECK-MESSAGES-SYSLOG: :[[@LINE-1]]:71: warning: SECURITY record formats parameter 'user' without escaping
  return -1;
}

void on_denied(const struct client *conn) {
  auth_log("SECURITY authz_fail user=%s", conn->user);
  // CHECK-MESSAGES-SYSLOG: :[[@LINE-1]]:43: warning: SECURITY record formats 'user' of parameter 'conn'
  safe_log("SECURITY authz_fail user=%s", conn->user);
  remote_log("SECURITY authz_fail user=%s", conn->user);
  sec_log("SECURITY authz_fail user=%s", conn->user);
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: SECURITY record formats 'user' of parameter 'conn' without escaping
  // CHECK-MESSAGES-SYSLOG: :[[@LINE-2]]:42: warning: SECURITY record formats 'user' of parameter 'conn'
  fprintf(stderr, "SECURITY session_created for %s from %s\n", getenv("USER"),
          conn->peer);
  // CHECK-MESSAGES: :[[@LINE-2]]:64: warning: SECURITY record formats 'getenv()' without escaping
  // CHECK-MESSAGES-SYSLOG: :[[@LINE-3]]:64: warning: SECURITY record formats 'getenv()'
}

void crash_report(void) {
  void *frames[64];
  int n = backtrace(frames, 64);
  backtrace_symbols_fd(frames, n, STDERR_FILENO);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stack trace written to stderr one frame per line: each frame becomes an event of its own
  char **symbols = backtrace_symbols(frames, n);
  for (int i = 0; i < n; ++i)
    fprintf(stderr, "  #%d %s\n", i, symbols[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: stack trace written one frame per line: each frame becomes an event of its own
  free(symbols);
}

/* Assigned after its declaration, in a crash handler's usual shape. */
void crash_report_late(int fd) {
  void *frames[32];
  char **lines = 0;
  int n = backtrace(frames, 32);
  if (fd >= 0)
    lines = backtrace_symbols(frames, n);
  for (int i = 0; lines && i < n; ++i)
    fprintf(stderr, "  frame %d: %s\n", i, lines[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: stack trace written one frame per line: each frame becomes an event of its own
  free(lines);
}

/* Arrays of names (not of frames) written one per line: no stack trace. */
struct upstream {
  const char *names[4];
  int count;
};
void list_upstreams(const struct upstream *u, char **configured) {
  const char *defaults[] = {"primary", "replica"};
  char **extra = configured;
  for (int i = 0; i < 2; ++i)
    fprintf(stderr, "[INFO] default upstream %s\n", defaults[i]);
  for (int i = 0; i < u->count; ++i)
    fprintf(stderr, "[INFO] upstream %s\n", extra[i]);
}

void multi_line(int code) {
  fprintf(stderr, "[ERROR] request failed\n  code: %d\n", code);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: log record message has a line break before its end: a line-oriented stream splits it into several events
  // CHECK-MESSAGES-SYSLOG: :[[@LINE-2]]:19: warning: log record message has a line break before its end
}

/* A printf-like helper declared here, defined elsewhere, that logs and ends
   the process: named like logging (`exit`: LoggingFunctionPattern). */
void client_exit(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

void host_key_mismatch(const char *host, const char *fingerprint) {
  client_exit("host key mismatch for %s\nFingerprint is %s", host, fingerprint);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: log record message has a line break before its end: a line-oriented stream splits it into several events
  // CHECK-MESSAGES-SYSLOG: :[[@LINE-2]]:15: warning: log record message has a line break before its end
}

int main(int argc, char **argv) {
  if (argc > 2)
    printf("SECURITY authn_login_fail user=%s\n", argv[2]);
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: SECURITY record formats argv without escaping
  // CHECK-MESSAGES-SYSLOG: :[[@LINE-2]]:51: warning: SECURITY record formats argv
  return 0;
}
