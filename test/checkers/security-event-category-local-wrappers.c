// A daemon's own logging functions, defined in the file that uses them and
// known to no option or facts file: a printf-like `log_msg` over vsyslog
// with the priority its callers give, an `audit` channel with a fixed auth
// facility over it, a macro over `log_msg`, a `die` that prints what it is
// given. Their calls are records (LocalLoggingWrappers, default true), in
// the SECURITY category when the syslog priority they pass on is an auth
// facility; a function that only formats into a buffer is none.
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t -- -- -D_GNU_SOURCE
// RUN: %check_logstream_tidy -check-suffixes=OFF -std=c11 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.LocalLoggingWrappers: false}}" -- -- -D_GNU_SOURCE

#include <grp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <sys/types.h>
#include <unistd.h>

struct daemon_config {
  const char *user_name;
  uid_t uid;
  gid_t gid;
  int verbose;
};

static void log_msg(int priority, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void log_msg(int priority, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsyslog(priority, fmt, ap);
  va_end(ap);
}

/* Every record of this channel goes to the auth facility. */
static void audit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void audit(const char *fmt, ...) {
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  log_msg(LOG_AUTHPRIV | LOG_NOTICE, "%s", line);
}

#define LOG_WARN(...) log_msg(LOG_WARNING, __VA_ARGS__)

__attribute__((noreturn)) static void die(const char *what) {
  fprintf(stderr, "fatal: %s\n", what);
  exit(1);
}

/* Formats, logs nothing. */
static void describe(char *buf, size_t size, const char *who) {
  snprintf(buf, size, "user %s", who);
}

int drop_privileges(const struct daemon_config *cfg) {
  if (setgid(cfg->gid) != 0) {
    // Quiet with LocalLoggingWrappers off too: log_msg is printf-like and
    // named like logging (LoggingFunctionPattern), and the priority is
    // written with LOG_AUTHPRIV.
    log_msg(LOG_AUTHPRIV | LOG_ERR, "setgid(%d) failed", (int)cfg->gid);
    return -1;
  }
  if (setuid(cfg->uid) != 0) {
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    audit("setuid(%d) failed", (int)cfg->uid);
    return -1;
  }
  audit("dropped privileges to %s", cfg->user_name);
  return 0;
}

int check_login(const char *user, const char *password, const char *stored) {
  if (strcmp(password, stored) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'strcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:7: warning: security-critical 'strcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    LOG_WARN("bad password for %s", user);
    // CHECK-FIXES: {{^}}    LOG_WARN("SECURITY bad password for %s", user);{{$}}
    return -1;
  }
  log_msg(LOG_INFO, "user %s logged in", user);
  // CHECK-FIXES: {{^}}  log_msg(LOG_INFO, "SECURITY user %s logged in", user);{{$}}
  return 0;
}

int join_group(const struct daemon_config *cfg, gid_t extra) {
  gid_t groups[1] = {extra};
  if (setgroups(1, groups) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'setgroups' (privilege_permissions_changed): the failure path exits at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:7: warning: security-critical 'setgroups' (privilege_permissions_changed): the failure path exits at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    die("setgroups");
    // CHECK-FIXES: {{^}}    die("SECURITY setgroups");{{$}}
  }
  if (cfg->verbose)
    audit("joined group %d", (int)extra);
  return 0;
}

int switch_user(const struct daemon_config *cfg, char *why, size_t size) {
  if (seteuid(cfg->uid) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'seteuid' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: record the outcome in the SECURITY category, e.g. '{{.*}}'
    // CHECK-MESSAGES-OFF: :[[@LINE-3]]:7: warning: security-critical 'seteuid' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    describe(why, size, cfg->user_name);
    return -1;
  }
  audit("now running as %s", cfg->user_name);
  return 0;
}

// With LocalLoggingWrappers off, log_msg and audit are still records by
// their names (LoggingFunctionPattern: printf-like, named like logging), so
// the fix-it tags the messages of those the wrapper analysis put in the auth
// facility.
// CHECK-FIXES-OFF: audit("SECURITY setuid(%d) failed", (int)cfg->uid);
// CHECK-FIXES-OFF: audit("SECURITY dropped privileges to %s", cfg->user_name);
// CHECK-FIXES-OFF: LOG_WARN("SECURITY bad password for %s", user);
// CHECK-FIXES-OFF: log_msg(LOG_INFO, "SECURITY user %s logged in", user);
// CHECK-FIXES-OFF: audit("SECURITY now running as %s", cfg->user_name);
