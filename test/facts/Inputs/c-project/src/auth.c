#include "auth.h"
#include "log.h"

#include <crypt.h>
#include <openssl/crypto.h>
#include <string.h>
#include <syslog.h>

extern const char *lookup_hash(const char *user);
static const unsigned char expected_key[32] = {1, 2, 3};

int password_matches(const char *user, const char *password) {
  const char *hash = lookup_hash(user);
  if (!hash)
    return 0;
  return strcmp(crypt(password, hash), hash) == 0;
}

/* Wrappers of wrappers: the chain is followed. */
int basicauth_check(const char *user, const char *password) {
  return password_matches(user, password);
}

int request_allowed(const char *user, const char *password) {
  return basicauth_check(user, password);
}

int check_api_key(const unsigned char *key, size_t len) {
  return len == sizeof expected_key &&
         CRYPTO_memcmp(key, expected_key, len) == 0;
}

void security_audit(const char *event, const char *user) {
  syslog(LOG_AUTHPRIV | LOG_NOTICE, "event=%s user=%s", event, user);
}

/* Records its own outcome: its callers have nothing left to record. */
int audited_login(const char *user, const char *password) {
  security_audit("authn_login_attempt", user);
  return password_matches(user, password);
}
