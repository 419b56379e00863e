// A project's own thin wrappers of strcmp & co., as daemons write them for
// their string types: a credential compared through one is compared as with
// the function it wraps, with that function's answer (`return strcmp(a,
// b);`: 0 is a match) or the wrapper's (`return strcmp(a, b) == 0;`, `return
// !memcmp(...)`: true is a match). A wrapper in another file is known
// through project facts (test/facts/c-project.test).
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t -- -- -D_GNU_SOURCE
// RUN: %check_logstream_tidy -check-suffixes=OFF -std=c11 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: [{key: logstream-security-event-category.ComparisonWrappers, value: false}]}" -- -- -D_GNU_SOURCE

#include <crypt.h>
#include <pwd.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct text {
  char *data;
  size_t len;
};

int util_strcmp(const char *p_a, const char *p_b) { return strcmp(p_a, p_b); }

static int text_equal(const char *a, const char *b) {
  return strcmp(a, b) == 0;
}

static int bytes_same(const void *x, const void *y, size_t n) {
  return !memcmp(x, y, n);
}

/* Not a thin wrapper: it decides more than the comparison. */
static int loose_equal(const char *a, const char *b) {
  if (a == NULL || b == NULL)
    return 0;
  return strcmp(a, b) == 0;
}

int backend_check(const struct text *user, const struct text *secret) {
  const struct passwd *pw = getpwnam(user->data);
  if (pw == NULL)
    return 0;
  const char *hashed = crypt(secret->data, pw->pw_passwd);
  if (util_strcmp(hashed, pw->pw_passwd) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'util_strcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    fprintf(stderr, "login refused for %s\n", user->data);
    // CHECK-FIXES: {{^}}    fprintf(stderr, "SECURITY login refused for %s\n", user->data);{{$}}
    return 0;
  }
  return 1;
}

int admin_login(const char *password, const char *admin_password) {
  if (!text_equal(password, admin_password)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'text_equal of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return -1;
  }
  return 0;
}

int api_key_ok(const unsigned char *api_key, const unsigned char *expected) {
  // CHECK-MESSAGES: :[[@LINE+1]]:7: warning: security-critical 'bytes_same of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  if (bytes_same(api_key, expected, 32))
    return 1;
  return 0;
}

/* The comparison as one operand of a condition, and as the test of a ?:. */
struct session {
  int locked;
  const char *password_hash;
};

int unlock(struct session *s, const char *password) {
  if (!s->locked && util_strcmp(crypt(password, s->password_hash), s->password_hash) == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: security-critical 'util_strcmp of a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return 0;
  return -1;
}

/* Mapped to a status by ?: and returned: the caller decides. */
int pin_status(const char *pin_password, const char *stored_password) {
  return text_equal(pin_password, stored_password) ? 0 : -1;
}

int pin_login(const char *pin_password, const char *stored_password) {
  switch (pin_status(pin_password, stored_password)) {
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: security-critical 'pin_status' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  case 0:
    return 1;
  default:
    return 0;
  }
}

/* A wrapper named like a decision is reported as that decision. */
static int check_password(const char *given, const char *expected) {
  return strcmp(given, expected) == 0;
}

int http_login(const char *password, const char *secret) {
  if (!check_password(password, secret))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'check_password' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:8: warning: security-critical 'check_password' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return -1;
  return 0;
}

/* Not credentials: configuration keys and names. */
int is_port_key(const char *key) { return text_equal(key, "port"); }
int same_user(const struct text *a, const struct text *b) {
  return util_strcmp(a->data, b->data) == 0;
}

/* A wrapper that is more than the comparison is not followed. */
int loose_login(const char *password, const char *stored) {
  if (!loose_equal(password, stored))
    return -1;
  return 0;
}
