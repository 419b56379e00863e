// The daemon's logging API is declared in a header and defined in a file
// this unit never sees (no facts file): a printf-like `daemon_log` and
// `daemon_fatal` (format attribute through a macro), a variadic `logmsg`
// without one, and an AUTH_NOTICE macro that passes LOG_AUTHPRIV. Calls of
// printf-like project functions named like logging (LoggingFunctionPattern)
// are records: a message with the SECURITY tag, or a syslog priority written
// with LOG_AUTH/LOG_AUTHPRIV, makes one a SECURITY record; an untagged one is
// a record whose message the fix-it tags. Printf-like string helpers
// (`str_printf`, `buf_appendf`) are no records.
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t -- -- -D_GNU_SOURCE -I%S/Inputs/c-daemon
// RUN: %check_logstream_tidy -check-suffixes=OFF -std=c11 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.LoggingFunctionPattern: ''}}" -- -- -D_GNU_SOURCE -I%S/Inputs/c-daemon

#include "daemon_log.h"

#include <stdlib.h>
#include <syslog.h>
#include <sys/types.h>
#include <unistd.h>

struct daemon_config {
  const char *run_user;
  uid_t run_uid;
  gid_t run_gid;
  const char *jail;
};

// Tagged records through the project's functions: quiet.
void drop_root(const struct daemon_config *cfg) {
  if (setgid(cfg->run_gid) != 0)
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:7: warning: security-critical 'setgid' (privilege_permissions_changed): the failure path exits at line {{[0-9]+}} without a SECURITY log record
    daemon_fatal("SECURITY cannot drop group privileges to %d",
                 (int)cfg->run_gid);
  if (setuid(cfg->run_uid) != 0)
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path exits at line {{[0-9]+}} without a SECURITY log record
    daemon_fatal("SECURITY cannot drop privileges to %s", cfg->run_user);
  daemon_log(LOG_NOTICE, "SECURITY dropped privileges to %s", cfg->run_user);
}

// The auth facility, written in the call or in the project's macro: quiet.
int enter_jail(const struct daemon_config *cfg) {
  if (chroot(cfg->jail) != 0) {
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:7: warning: security-critical 'chroot'
    daemon_log(LOG_AUTHPRIV | LOG_ERR, "chroot to %s failed", cfg->jail);
    return -1;
  }
  AUTH_NOTICE("jailed in %s", cfg->jail);
  return 0;
}

// Records, not in the SECURITY category: the fix-it tags their messages.
int switch_group(gid_t gid) {
  if (setgid(gid) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'setgid' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:7: warning: security-critical 'setgid'
    logmsg(LOG_ERR, "setgid %d failed", (int)gid);
    // CHECK-FIXES: logmsg(LOG_ERR, "SECURITY setgid %d failed", (int)gid);
    // CHECK-MESSAGES: :[[@LINE+1]]:5: note: this path returns here without a SECURITY log record
    return -1;
  }
  logmsg(LOG_INFO, "group is now %d", (int)gid);
  // CHECK-FIXES: logmsg(LOG_INFO, "SECURITY group is now %d", (int)gid);
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the success path also returns here without a SECURITY log record
  return 0;
}

// A message built with the project's string helpers is no record, even
// with a log word in the name when the text goes into the caller's buffer.
char *become(uid_t uid, char *status, unsigned long size) {
  if (setuid(uid) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:7: warning: security-critical 'setuid'
    buf_appendf(status, size, "cannot become %d", (int)uid);
    format_error(status, size, "SECURITY cannot become %d", (int)uid);
    return NULL;
  }
  return str_printf("now running as %d", (int)uid);
}
