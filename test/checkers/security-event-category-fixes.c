// Which existing record a fix-it categorizes: the first record on an
// unrecorded path, when it speaks for the outcome (inside the test of the
// result, or the statement right after it), never an unrelated record much
// later on the path. A server's startup, written the way daemons write it:
// its own logging functions (listed in LoggingFunctions) take __FILE__ and
// __LINE__ before the message, and the privilege drop is one step of a long
// function.
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.LoggingFunctions: 'log_error;log_perror'}}" -- -- -D_GNU_SOURCE

#include <grp.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

struct errh;
void log_error(struct errh *h, const char *file, unsigned line, const char *fmt, ...);
void log_perror(struct errh *h, const char *file, unsigned line, const char *fmt, ...);

struct server {
  struct errh *errh;
  uid_t uid;
  gid_t gid;
  const char *pid_file;
  int max_fds;
};
int write_pid_file(const char *path);
int open_listeners(struct server *srv);

int server_start(struct server *srv) {
  if (-1 == setgid(srv->gid)) {
    log_perror(srv->errh, __FILE__, __LINE__, "setgid()");
    // CHECK-FIXES: {{^}}    log_perror(srv->errh, __FILE__, __LINE__, "SECURITY setgid()");{{$}}
    return -1;
  }
  if (-1 == setuid(srv->uid)) {
    log_perror(srv->errh, __FILE__, __LINE__, "setuid()");
    // CHECK-FIXES: {{^}}    log_perror(srv->errh, __FILE__, __LINE__, "SECURITY setuid()");{{$}}
    return -1;
  }
  if (open_listeners(srv) != 0)
    return -1;
  if (srv->max_fds < 64)
    log_error(srv->errh, __FILE__, __LINE__, "few file descriptors: %d", srv->max_fds);
  if (write_pid_file(srv->pid_file) != 0) {
    log_error(srv->errh, __FILE__, __LINE__, "Couldn't write pid file %s", srv->pid_file);
    // Far down the success path of setuid, about something else: untouched.
    // CHECK-FIXES: {{^}}    log_error(srv->errh, __FILE__, __LINE__, "Couldn't write pid file %s", srv->pid_file);{{$}}
    return -1;
  }
  return 0;
}
// CHECK-MESSAGES: :[[@LINE-22]]:13: warning: security-critical 'setgid' (privilege_permissions_changed): the failure path returns at line [[@LINE-19]] without a SECURITY log record [logstream-security-event-category]
// CHECK-MESSAGES: :[[@LINE-18]]:13: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path returns at line [[@LINE-15]] without a SECURITY log record [logstream-security-event-category]

// The record right after the test speaks for the success.
int drop_to(struct server *srv) {
  if (setgroups(0, NULL) != 0) {
    log_perror(srv->errh, __FILE__, __LINE__, "setgroups()");
    // CHECK-FIXES: {{^}}    log_perror(srv->errh, __FILE__, __LINE__, "SECURITY setgroups()");{{$}}
    return -1;
  }
  log_error(srv->errh, __FILE__, __LINE__, "supplementary groups dropped");
  // CHECK-FIXES: {{^}}  log_error(srv->errh, __FILE__, __LINE__, "SECURITY supplementary groups dropped");{{$}}
  return 0;
}
// CHECK-MESSAGES: :[[@LINE-9]]:7: warning: security-critical 'setgroups' (privilege_permissions_changed): the failure path returns at line [[@LINE-6]] without a SECURITY log record [logstream-security-event-category]
