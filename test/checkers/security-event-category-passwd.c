// What a login backend compares that is not a credential: the account
// record's shell, home and gecos fields (through a `struct passwd *pw`, a
// name that CredentialNamePattern's `pw` would otherwise take for a
// password), a group's name, and a known-answer test of the C library's
// crypt(3) on a literal password (which hash schemes it supports). The
// password check itself, crypt(3) of what the user typed compared with the
// stored hash, is reported.
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t -- -- -D_GNU_SOURCE

#include <crypt.h>
#include <grp.h>
#include <pwd.h>
#include <shadow.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>

static const char *const nologin_shells[] = {"/sbin/nologin", "/bin/false"};

int shell_allowed(const struct passwd *pw) {
  for (unsigned i = 0; i < 2; ++i)
    if (strcmp(pw->pw_shell, nologin_shells[i]) == 0)
      return 0;
  if (strcasecmp(pw->pw_dir, "/nonexistent") == 0)
    return 0;
  return 1;
}

int in_group(const char *user, const char *wanted) {
  struct group *gr = getgrnam(wanted);
  if (!gr)
    return 0;
  for (char **m = gr->gr_mem; *m; ++m)
    if (strcmp(*m, user) == 0)
      return 1;
  return 0;
}

int has_bcrypt(void) {
  const char *h = crypt("test", "$2a$08$1234567890123456789012");
  return h && strcmp(h, "$2a$08$123456789012345678901uBdmsBRtJrn5i0zD25CxXA1hmwvQwKe") == 0;
}

int unix_login(const char *user, const char *password) {
  struct passwd *pw = getpwnam(user);
  if (!pw || !shell_allowed(pw))
    return -1;
  struct spwd *sp = getspnam(user);
  const char *stored = sp ? sp->sp_pwdp : pw->pw_passwd;
  const char *computed = crypt(password, stored);
  if (!computed || strcmp(computed, stored) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: security-critical 'strcmp of a credential' (authn_login_fail): the failure path returns at line [[@LINE+2]]
    syslog(LOG_WARNING, "bad password for %s", user);
    return -1;
    // CHECK-FIXES: syslog(LOG_AUTHPRIV | LOG_WARNING, "bad password for %s", user);
  }
  return 0;
}
