// Authentication backends that hand their verdict to a dispatcher as a status
// enumerator, password-file readers that test a hash's scheme tag, and user
// look-ups with constant-time comparisons: what each leaves to its caller is
// not an unrecorded decision. Next to them, the shapes that stay reported.
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t
// Without the hand-over, every backend that returns a status is reported:
// RUN: %check_logstream_tidy -check-suffixes=NOHAND -std=c11 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.HandOverEnumStatus: false}}"
// With the scheme and identity patterns empty, their comparisons are reported:
// RUN: %check_logstream_tidy -check-suffixes=NOPAT -std=c11 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.HashSchemePattern: '', logstream-security-event-category.IdentityNamePattern: ''}}"

#include <stdio.h>
#include <string.h>

char *crypt(const char *key, const char *salt);
int memeq_consttime(const void *a, const void *b, size_t n);
int timingsafe_bcmp(const void *a, const void *b, size_t n);

typedef enum {
  BACKEND_OK,
  BACKEND_DENIED,
  BACKEND_RETRY,
} backend_status;

enum verdict { VERDICT_SECURE, VERDICT_BOGUS, VERDICT_UNCHECKED };

struct user_entry {
  const char *username;
  const char *userhash;
  const char *password_hash;
  unsigned char digest[32];
};

struct backend_conf {
  const char *realm;
  int allow_empty;
};

#define SCHEME_MD5 "$1$"
#define LIT_LEN(s) (s), (sizeof(s) - 1)

/* The digest matches or not: the dispatcher logs "login failed for ..." when
 * it gets BACKEND_DENIED. */
backend_status digest_backend_check(const struct user_entry *e,
                                    const unsigned char *computed) {
  if (!memeq_consttime(e->digest, computed, sizeof e->digest))
    // CHECK-MESSAGES-NOHAND: :[[@LINE-1]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return BACKEND_DENIED;
  return BACKEND_OK;
}

/* The verdict computed into a local and returned through a choice. */
backend_status crypt_backend_check(const struct backend_conf *conf,
                                   const struct user_entry *e,
                                   const char *password) {
  const char *crypted = crypt(password, e->password_hash);
  int rc = crypted != NULL && strcmp(crypted, e->password_hash) == 0 &&
           conf->realm != NULL;
  // CHECK-MESSAGES-NOHAND: :[[@LINE-2]]:31: warning: security-critical 'strcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  return rc ? BACKEND_OK : BACKEND_DENIED;
}

/* A signature check that reports its verdict: secure, bogus, or unchecked. */
enum verdict verify_record(const unsigned char *sig, const unsigned char *want,
                           size_t len) {
  int res = timingsafe_bcmp(sig, want, len);
  // CHECK-MESSAGES-NOHAND: :[[@LINE-1]]:13: warning: security-critical 'timingsafe_bcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  if (res == 0)
    return VERDICT_SECURE;
  if (len == 0)
    return VERDICT_UNCHECKED;
  return VERDICT_BOGUS;
}

/* Reported: the status is the same whatever the comparison said. */
backend_status sloppy_backend_check(const struct user_entry *e,
                                    const unsigned char *computed) {
  if (!memeq_consttime(e->digest, computed, sizeof e->digest))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-NOHAND: :[[@LINE-2]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-NOPAT: :[[@LINE-3]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return BACKEND_RETRY;
  return BACKEND_RETRY;
}

/* Reported: an int says -1, not a status of the project's vocabulary. */
int int_backend_check(const struct user_entry *e, const unsigned char *computed) {
  if (!memeq_consttime(e->digest, computed, sizeof e->digest))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-NOHAND: :[[@LINE-2]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-NOPAT: :[[@LINE-3]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return -1;
  return 0;
}

/* Reported: the backend writes its own (uncategorized) record of the failure,
 * which the fix-it categorizes. */
backend_status noisy_backend_check(const struct user_entry *e,
                                   const unsigned char *computed) {
  if (!memeq_consttime(e->digest, computed, sizeof e->digest)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-NOHAND: :[[@LINE-2]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-NOPAT: :[[@LINE-3]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    fprintf(stderr, "digest mismatch for %s\n", e->username);
    // CHECK-FIXES: {{^}}    fprintf(stderr, "SECURITY digest mismatch for %s\n", e->username);{{$}}
    // CHECK-FIXES-NOHAND: {{^}}    fprintf(stderr, "SECURITY digest mismatch for %s\n", e->username);{{$}}
    // CHECK-FIXES-NOPAT: {{^}}    fprintf(stderr, "SECURITY digest mismatch for %s\n", e->username);{{$}}
    return BACKEND_DENIED;
  }
  return BACKEND_OK;
}

/* The project's own logging function, defined elsewhere: printf-like. */
struct error_sink;
void log_failure(struct error_sink *sink, const char *file, unsigned line,
                 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Reported: the backend writes its own record, through that function. */
backend_status logged_backend_check(struct error_sink *errh,
                                    const struct user_entry *e,
                                    const unsigned char *computed) {
  int ok = memeq_consttime(e->digest, computed, sizeof e->digest);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  // CHECK-MESSAGES-NOHAND: :[[@LINE-2]]:12: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  // CHECK-MESSAGES-NOPAT: :[[@LINE-3]]:12: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  if (!ok)
    log_failure(errh, __FILE__, __LINE__, "digest: wrong password for %s",
                e->username);
  return ok ? BACKEND_OK : BACKEND_DENIED;
}

/* Which algorithm made the stored hash: a scheme tag, not a password. */
int hashes_with_md5(const char *password, const char *salt) {
  const char *crypted = crypt(password, salt);
  if (crypted && strncmp(crypted, SCHEME_MD5, sizeof(SCHEME_MD5) - 1) == 0)
    // CHECK-MESSAGES-NOPAT: :[[@LINE-1]]:18: warning: security-critical 'strncmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return 1;
  return 0;
}

int hash_scheme(const struct user_entry *e) {
  if (0 == memcmp(e->password_hash, LIT_LEN("$2y$10$")))
    // CHECK-MESSAGES-NOPAT: :[[@LINE-1]]:12: warning: security-critical 'memcmp of a credential' (authn_login_success): the success path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return 2;
  if (strcmp(e->password_hash, "{SSHA}") == 0)
    // CHECK-MESSAGES-NOPAT: :[[@LINE-1]]:7: warning: security-critical 'strcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return 3;
  return 0;
}

/* Reported: a hard-coded password is no scheme tag. */
int backdoor(const char *password) {
  if (strcmp(password, "letmein") == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'strcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-NOHAND: :[[@LINE-2]]:7: warning: security-critical 'strcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-NOPAT: :[[@LINE-3]]:7: warning: security-critical 'strcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return 1;
  return 0;
}

/* Finding the user's line in a password file, in constant time. */
const struct user_entry *find_entry(const struct user_entry *table, size_t n,
                                    const char *user_hash, size_t len) {
  for (size_t i = 0; i < n; ++i)
    if (memeq_consttime(table[i].userhash, user_hash, len))
      // CHECK-MESSAGES-NOPAT: :[[@LINE-1]]:9: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
      return &table[i];
  return NULL;
}

/* Reported: the password hash is compared, whoever it belongs to. */
int entry_matches(const struct user_entry *e, const char *username,
                  const char *password_hash, size_t len) {
  if (!memeq_consttime(e->password_hash, password_hash, len) ||
      // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
      // CHECK-MESSAGES-NOHAND: :[[@LINE-2]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
      // CHECK-MESSAGES-NOPAT: :[[@LINE-3]]:8: warning: security-critical 'memeq_consttime of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
      strcmp(e->username, username) != 0)
    return 0;
  return 1;
}
