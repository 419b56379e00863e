// openlog(ident, options, LOG_AUTHPRIV) puts every later syslog record that
// names no facility of its own in the auth facility: those records are
// SECURITY records. A record that names another facility is not.
// RUN: %check_logstream_tidy %s logstream-security-event-category %t -- -- -std=c99 -D_GNU_SOURCE

#include <string.h>
#include <syslog.h>
#include <unistd.h>

void init_logging(void) { openlog("sshd-lite", LOG_PID, LOG_AUTHPRIV); }

int become(uid_t uid) {
  if (setuid(uid) != 0) {
    syslog(LOG_ERR, "setuid %u failed", (unsigned)uid);
    return -1;
  }
  syslog(LOG_INFO, "now uid %u", (unsigned)uid);
  return 0;
}

int become_daemon_facility(gid_t gid) {
  if (setgid(gid) != 0) {
    syslog(LOG_DAEMON | LOG_ERR, "setgid %u failed", (unsigned)gid);
    return -1;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:7: warning: security-critical 'setgid' (privilege_permissions_changed): the failure path returns at line [[@LINE-2]] without a SECURITY log record [logstream-security-event-category]
  // (No fix-it: or-ing LOG_AUTHPRIV into LOG_DAEMON would name a third facility.)
  syslog(LOG_INFO, "now gid %u", (unsigned)gid);
  return 0;
}
