#include "output.h"

#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <sys/types.h>
#include <unistd.h>

struct account {
  const char *name;
  uid_t uid;
  gid_t gid;
};

/* Logged in the auth facility through the project's own output path. */
int become_user(const struct account *acct) {
  if (setgid(acct->gid) != 0) {
    emit_line(LOG_AUTHPRIV | LOG_ERR, "cannot set group %d for %s",
              (int)acct->gid, acct->name);
    return -1;
  }
  if (setuid(acct->uid) != 0) {
    emit_line(LOG_AUTHPRIV | LOG_ERR, "cannot set user %d for %s",
              (int)acct->uid, acct->name);
    return -1;
  }
  emit_line(LOG_AUTHPRIV | LOG_NOTICE, "session now runs as %s", acct->name);
  return 0;
}

/* Logged, but at the daemon's default facility: not a SECURITY record. */
int enter_chroot(const char *dir) {
  if (chroot(dir) != 0) {
    emit_line(LOG_ERR, "chroot to %s failed", dir);
    return -1;
  }
  emit_line(LOG_INFO, "chrooted to %s", dir);
  return 0;
}

/* Logged through the helper that always writes to the auth facility. */
int check_token(const char *expected, const char *token, const char *who) {
  if (strcmp(token, expected) != 0) {
    note_auth("bad token for %s", who);
    return -1;
  }
  note_auth("token accepted for %s", who);
  return 0;
}

/* A reply built with the project's formatter is no record. */
char *drop_privileges(uid_t uid) {
  if (setuid(uid) != 0)
    return format_reply("cannot switch to %d", (int)uid);
  return format_reply("running as %d", (int)uid);
}

/* Uses the self-test's answer: no credential is checked here. */
const char *hash_scheme(void) {
  if (!output_has_sha512())
    return "md5";
  return "sha512";
}
