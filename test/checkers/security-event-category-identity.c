// A password file is searched for the user with a constant-time comparison
// of the user-name hash, then the password of the line found is compared:
// the first comparison is a look-up (IdentityNamePattern), the second the
// credential check. With the option empty, both are credential checks.
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t -- -- -D_GNU_SOURCE
// RUN: %check_logstream_tidy -check-suffix=OFF -std=c11 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.IdentityNamePattern: ''}}" -- -- -D_GNU_SOURCE

#include <stddef.h>
#include <syslog.h>

int ck_memeq_const_time_fixed_len(const void *a, const void *b, size_t n);

struct auth_info {
  const char *username;
  size_t ulen;
  const char *pwd;
};

const char *htdigest_find(const struct auth_info *ai, const char *lines[],
                          size_t count) {
  for (size_t i = 0; i < count; ++i)
    if (ck_memeq_const_time_fixed_len(ai->username, lines[i], ai->ulen))
      // CHECK-MESSAGES-OFF: :[[@LINE-1]]:9: warning: security-critical 'ck_memeq_const_time_fixed_len of a credential' (authn_login_fail): the failure path returns at line [[@LINE+2]]
      return lines[i];
  return NULL;
}

int htdigest_check(const struct auth_info *ai, const char *stored) {
  if (!ck_memeq_const_time_fixed_len(ai->pwd, stored, 32))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'ck_memeq_const_time_fixed_len of a credential' (authn_login_fail): the failure path returns at line [[@LINE+2]]
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:8: warning: security-critical 'ck_memeq_const_time_fixed_len of a credential' (authn_login_fail): the failure path returns at line [[@LINE+1]]
    return -1;
  syslog(LOG_AUTHPRIV | LOG_INFO, "digest ok");
  return 0;
}
