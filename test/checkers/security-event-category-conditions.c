// Conditions on security decisions as C servers write them: switch over the
// result, retry loops, comma expressions, macros, C89-style assignment, and
// openlog(..., LOG_AUTHPRIV) making every later syslog a security record.
// RUN: %check_logstream_tidy %s logstream-security-event-category %t -- -- -std=c99 -D_GNU_SOURCE

#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

struct pam_handle;
int pam_authenticate(struct pam_handle *h, int flags);
int pam_acct_mgmt(struct pam_handle *h, int flags);
#define PAM_SUCCESS 0
#define PAM_USER_UNKNOWN 10
#define FAILED(rc) ((rc) != PAM_SUCCESS)

struct session {
  struct pam_handle *pamh;
  const char *user;
  int attempts;
};

int login_switch(struct session *s) {
  switch (pam_authenticate(s->pamh, 0)) {
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE+6]] without a SECURITY log record [logstream-security-event-category]
  case PAM_SUCCESS:
    syslog(LOG_AUTHPRIV | LOG_INFO, "login ok for %s", s->user);
    return 0;
  case PAM_USER_UNKNOWN:
    fprintf(stderr, "no such user %s\n", s->user);
    return -2;
  default:
    syslog(LOG_AUTHPRIV | LOG_WARNING, "login failed for %s", s->user);
    return -1;
  }
  // CHECK-FIXES: {{^}}    fprintf(stderr, "SECURITY no such user %s\n", s->user);{{$}}
}

int login_retry(struct session *s) {
  int rc;
  while ((s->attempts++, rc = pam_authenticate(s->pamh, 0)) != PAM_SUCCESS) {
    if (s->attempts >= 3) {
      syslog(LOG_AUTHPRIV | LOG_WARNING, "giving up on %s", s->user);
      return rc;
    }
  }
  syslog(LOG_AUTHPRIV | LOG_INFO, "login ok for %s", s->user);
  return 0;
}

int account(struct session *s) {
  int rc;
  rc = pam_acct_mgmt(s->pamh, 0);
  if (FAILED(rc)) {
    // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: security-critical 'pam_acct_mgmt' (authn_login_fail): the failure path returns at line [[@LINE+1]] without
    return rc;
  }
  syslog(LOG_AUTHPRIV | LOG_INFO, "account ok for %s", s->user);
  return 0;
}

int drop(uid_t uid) {
  if (setuid(uid) == -1) {
    syslog(LOG_AUTHPRIV | LOG_ERR, "setuid(%u) failed", (unsigned)uid);
    return -1;
  }
  syslog(LOG_AUTHPRIV | LOG_INFO, "running as %u", (unsigned)uid);
  if (setuid(0) != -1) {
    syslog(LOG_AUTHPRIV | LOG_CRIT, "regained root");
    _exit(1);
  }
  return 0;
}
