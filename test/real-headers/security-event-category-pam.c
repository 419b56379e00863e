// logstream-security-event-category on Debian's real PAM headers
// (libpam0g-dev).
// REQUIRES: pam
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t -- -- -D_GNU_SOURCE

#include <security/pam_appl.h>
#include <stdio.h>
#include <syslog.h>

int authenticate_user(pam_handle_t *pamh, const char *user) {
  int rc = pam_authenticate(pamh, PAM_DISALLOW_NULL_AUTHTOK);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  if (rc != PAM_SUCCESS) {
    fprintf(stderr, "authentication failure for %s: %s\n", user, pam_strerror(pamh, rc));
    // CHECK-FIXES: {{^}}    fprintf(stderr, "SECURITY authentication failure for %s: %s\n", user, pam_strerror(pamh, rc));{{$}}
    return rc;
  }
  rc = pam_acct_mgmt(pamh, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'pam_acct_mgmt' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record
  if (rc == PAM_NEW_AUTHTOK_REQD)
    rc = pam_chauthtok(pamh, PAM_CHANGE_EXPIRED_AUTHTOK);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: security-critical 'pam_chauthtok' (authn_password_change_fail): the failure path returns at line {{[0-9]+}}
  if (rc != PAM_SUCCESS)
    return rc;
  syslog(LOG_AUTHPRIV | LOG_INFO, "authn_login_success user=%s", user);
  return PAM_SUCCESS;
}

/* Both outcomes in the SECURITY category: quiet. */
int logged(pam_handle_t *pamh, const char *user) {
  int rc = pam_authenticate(pamh, 0);
  if (rc != PAM_SUCCESS) {
    syslog(LOG_AUTHPRIV | LOG_WARNING, "authn_login_fail user=%s", user);
    return rc;
  }
  syslog(LOG_AUTH | LOG_INFO, "authn_login_success user=%s", user);
  return rc;
}
