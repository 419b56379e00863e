// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t -- -- -D_GNU_SOURCE

#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

struct pam_handle;
int pam_authenticate(struct pam_handle *h, int flags);
int pam_end(struct pam_handle *h, int status);
#define PAM_SUCCESS 0
#define AUDIT_SECURITY(...) syslog(LOG_WARNING, __VA_ARGS__)

/* goto cleanup: the failure jumps past the success record. */
int login(struct pam_handle *h, const char *user) {
  int ok = 0;
  int rc = pam_authenticate(h, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  if (rc != PAM_SUCCESS)
    goto out;
  syslog(LOG_AUTHPRIV | LOG_NOTICE, "authn_login_success %s", user);
  ok = 1;
out:
  pam_end(h, rc);
  return ok;
}

/* Retried in a loop: every exit of the loop must be recorded. */
int login_retry(struct pam_handle *h, const char *user) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (pam_authenticate(h, 0) == PAM_SUCCESS) {
      syslog(LOG_AUTH | LOG_INFO, "authn_login_success %s", user);
      return 1;
    }
    fprintf(stderr, "attempt %d failed for %s\n", attempt, user);
    // CHECK-FIXES: {{^}}    fprintf(stderr, "SECURITY attempt %d failed for %s\n", attempt, user);{{$}}
  }
  // CHECK-MESSAGES: :[[@LINE-7]]:9: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line {{[0-9]+}}
  return 0;
}

/* Must stay quiet: a macro whose name says SECURITY, syslog LOG_AUTHPRIV,
 * a comparison that is not about credentials. */
int drop(uid_t uid, const char *name) {
  if (setuid(uid) != 0) {
    AUDIT_SECURITY("privilege drop to %s failed", name);
    return -1;
  }
  syslog(LOG_AUTHPRIV | LOG_INFO, "privilege_permissions_changed %s", name);
  return strcmp(name, "root") == 0;
}
