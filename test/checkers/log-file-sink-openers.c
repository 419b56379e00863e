// Daemons that open their log through a function of their own whose name
// says so, with whatever path the configuration gives (LogNamedOpeners), and
// a descriptor log named run-together (`fdlog`, LogNamePattern's `fd` kind).
// RUN: %check_logstream_tidy -std=c11 %s logstream-log-file-sink %t -- -- -D_GNU_SOURCE
// RUN: %check_logstream_tidy -check-suffixes=OFF -std=c11 %s logstream-log-file-sink %t \
// RUN:   -config="{CheckOptions: {logstream-log-file-sink.LogNamedOpeners: false}}" -- -- -D_GNU_SOURCE

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

struct server_conf {
  const char *error_target;
  const char *spool_dir;
  int fdlog;
};

#define OPEN_APPEND(path) open((path), O_WRONLY | O_APPEND | O_CREAT, 0640)

/* The descriptor is the function's result. */
int errorlog_open(const char *fn) {
  return open(fn, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'open' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
}

/* Through a local, and a macro. */
int open_access_logfile(const char *fn) {
  int fd = OPEN_APPEND(fn);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'open' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  if (fd < 0)
    perror(fn);
  return fd;
}

/* A stream, cast on the way out. */
void *trace_log_start(const char *fn) {
  FILE *fp = fopen(fn, "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'fopen' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  return (void *)fp;
}

/* Quiet: named for the log, but reads it (a status page shows its tail). */
int errorlog_open_for_tail(const char *fn) {
  return open(fn, O_RDONLY | O_CLOEXEC);
}

/* Quiet: the handle is not the function's result. */
int errorlog_probe(const char *fn) {
  int fd = open(fn, O_WRONLY | O_APPEND);
  int ok = fd >= 0;
  if (ok)
    close(fd);
  return ok;
}

/* Quiet: written, but the function names no log. */
int spool_open(const struct server_conf *conf, const char *name) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", conf->spool_dir, name);
  return open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
}

/* A descriptor kept in a field named run-together with its kind: whatever
 * the function is called (reported with the option off too). */
void server_reopen(struct server_conf *conf) {
  conf->fdlog = open(conf->error_target, O_WRONLY | O_APPEND | O_CREAT, 0640);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'open' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-MESSAGES-OFF: :[[@LINE-2]]:17: warning: 'open' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
}
