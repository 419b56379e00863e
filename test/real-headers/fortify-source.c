// Built as Debian and Fedora build C by default (-D_FORTIFY_SOURCE=2 -O2),
// glibc's headers turn printf, fprintf and syslog into __printf_chk,
// __fprintf_chk and __syslog_chk through macros. The checks parse the unit
// without fortification, so the records are the ones written: the privilege
// drop's syslog records in the auth facility are its SECURITY records, and
// the password printed is a secret in a record. With the global option
// logstream.KeepFortifySource, the fortified calls are no records (KEEP).
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t -- -- -D_GNU_SOURCE -D_FORTIFY_SOURCE=2 -O2
// RUN: %check_logstream_tidy -check-suffix=SECRET -std=c11 %s logstream-sensitive-log-data %t -- -- -D_GNU_SOURCE -D_FORTIFY_SOURCE=2 -O2
// RUN: %check_logstream_tidy -check-suffix=KEEP -std=c11 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream.KeepFortifySource: true}}" -- -- -D_GNU_SOURCE -D_FORTIFY_SOURCE=2 -O2

#include <stdio.h>
#include <syslog.h>
#include <sys/types.h>
#include <unistd.h>

struct account {
  const char *name;
  uid_t uid;
};

int become(const struct account *acct) {
  if (setuid(acct->uid) != 0) {
    // CHECK-MESSAGES-KEEP: :[[@LINE-1]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record
    syslog(LOG_AUTHPRIV | LOG_ERR, "cannot become %s", acct->name);
    return -1;
  }
  syslog(LOG_AUTHPRIV | LOG_INFO, "now running as %s", acct->name);
  return 0;
}

void debug_login(const char *user, const char *password) {
  fprintf(stderr, "login %s with %s\n", user, password);
  // CHECK-MESSAGES-SECRET: :[[@LINE-1]]:47: warning: log record includes the secret 'password' (named like a credential) [logstream-sensitive-log-data]
  // CHECK-FIXES-SECRET: fprintf(stderr, "login %s with %s\n", user, "<redacted>");
}
