// What real servers and tools do that is not an unrecorded security decision,
// next to the decisions they do make, named the way real code names them.
// `auth_log` (variadic, named like logging) writes records: an untagged one
// gets the tag from the fix-it, unless it is the security channel (CHANNEL).
// RUN: %check_logstream_tidy -std=c++17 %s logstream-security-event-category %t -- -- -I%srcroot/include
// RUN: %check_logstream_tidy -check-suffix=CHANNEL -std=c++17 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.SecurityLoggingFunctions: 'auth_log;AUTH_LOG'}}" -- -- -I%srcroot/include

#include <cstdio>
#include <cstring>
#include <logstream/event.h>
#include <string>
#include <syslog.h>
#include <unistd.h>

extern "C" {
int CRYPTO_memcmp(const void *a, const void *b, size_t len);
char *crypt(const char *key, const char *salt);
[[noreturn]] void fatal(const char *fmt, ...);
}

// The project's own security channel: a helper and a macro that always write
// to the auth facility. Quiet with SecurityLoggingFunctions naming them.
void auth_log(const char *fmt, ...);
#define AUTH_LOG(...) auth_log(__VA_ARGS__)

struct Conn {
  const char *user;
  const char *pass;
  std::string header_key;
};

bool basicauth_check(const Conn &c);
bool password_equal(const char *a, const char *b);
bool auth_userokay(const char *user, const char *pass);
bool is_in_authed_list(const char *user);
bool verify_token(const std::string &t);
bool check_user_pass(const char *user, const char *pass);
bool check_password(const char *user, const char *pass);
int authenticate(const char *user, const char *pass);

// Decisions by name, as real code names them. Each failure is written through
// the project's own auth channel: unrecorded by default, recorded once
// SecurityLoggingFunctions names it.
int serveBasic(const Conn &c) {
  if (!basicauth_check(c)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'basicauth_check' (authn_login_fail): the failure path returns at line [[@LINE+2]]
    auth_log("basic auth failed for %s", c.user);
    return 401;
  }
  logstream::security_event("authn_login_success", {{"user", c.user}});
  return 200;
}
int servePassword(const Conn &c, const char *stored) {
  if (password_equal(c.pass, stored)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'password_equal' (authn_login_fail): the failure path returns at line [[@LINE+5]]
    logstream::security_event("authn_login_success", {{"user", c.user}});
    return 200;
  }
  AUTH_LOG("bad password for %s", c.user);
  return 403;
}
int serveOkay(const Conn &c) {
  if (auth_userokay(c.user, c.pass) && is_in_authed_list(c.user)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'auth_userokay' (authn_login_fail): the failure path returns at line [[@LINE+7]]
    // CHECK-MESSAGES-CHANNEL: :[[@LINE-2]]:7: warning: security-critical 'auth_userokay' (authn_login_fail): the failure path returns at line [[@LINE+6]]
    // CHECK-MESSAGES: :[[@LINE-3]]:40: warning: security-critical 'is_in_authed_list' (authn_login_fail): the failure path returns at line [[@LINE+5]]
    // CHECK-MESSAGES-CHANNEL: :[[@LINE-4]]:40: warning: security-critical 'is_in_authed_list' (authn_login_fail): the failure path returns at line [[@LINE+4]]
    syslog(LOG_AUTHPRIV | LOG_INFO, "user %s ok", c.user);
    return 0;
  }
  return -1;
}
// A decision stored and tested later.
bool serveToken(const Conn &c) {
  const bool allowed = verify_token(c.header_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: security-critical 'verify_token' (authn_login_fail): the failure path returns at line [[@LINE+3]]
  if (!allowed) {
    auth_log("token rejected");
    return false;
  }
  logstream::security_event("authn_token_success", {});
  return true;
}
bool serveUserPass(const Conn &c) {
  bool ok;
  ok = check_user_pass(c.user, c.pass);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'check_user_pass' (authn_login_fail): the failure path returns at line [[@LINE+4]]
  // CHECK-MESSAGES-CHANNEL: :[[@LINE-2]]:8: warning: security-critical 'check_user_pass' (authn_login_fail): the failure path returns at line [[@LINE+3]]
  if (ok)
    logstream::security_event("authn_login_success", {{"user", c.user}});
  return ok;
}

// Decisions in loop conditions: a prompt that asks again until the password
// checks out, a bounded retry.
struct Prompt {
  Conn conn;
  int tries;
};
void read_password(Prompt &p);
bool promptLogin(Prompt &p) {
  while (!check_password(p.conn.user, p.conn.pass)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: security-critical 'check_password' (authn_login_fail): the failure path returns at line [[@LINE+3]]
    if (++p.tries >= 3) {
      AUTH_LOG("too many failures for %s", p.conn.user);
      return false;
    }
    read_password(p);
  }
  return true;
  // CHECK-MESSAGES-CHANNEL: :[[@LINE-9]]:11: warning: security-critical 'check_password' (authn_login_success): the success path returns at line [[@LINE-1]]
}
bool promptLoginRecorded(Prompt &p) {
  while (!check_password(p.conn.user, p.conn.pass)) {
    if (++p.tries >= 3) {
      syslog(LOG_AUTHPRIV | LOG_WARNING, "too many failures for %s", p.conn.user);
      return false;
    }
    read_password(p);
  }
  syslog(LOG_AUTHPRIV | LOG_INFO, "login ok for %s", p.conn.user);
  return true;
}
bool askUntil(Prompt &p) {
  do {
    read_password(p);
  } while (!check_password(p.conn.user, p.conn.pass) && ++p.tries < 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: security-critical 'check_password' (authn_login_fail): the failure path returns at line [[@LINE+3]]
  // Through the project's channel (CHANNEL), both outcomes are recorded.
  AUTH_LOG("login for %s: %s", p.conn.user, p.tries < 3 ? "ok" : "failed");
  return p.tries < 3;
}
bool retryToken(Conn &c) {
  int n = 0;
  for (; n < 3 && !verify_token(c.header_key); ++n)
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: security-critical 'verify_token' (authn_login_fail): the failure path returns at line [[@LINE+3]]
    c.header_key.clear();
  auth_log("token %s", n < 3 ? "accepted" : "rejected");
  return n < 3;
}
// A switch over a decision's value: what its cases mean is the project's.
int dispatch(const Conn &c) {
  switch (authenticate(c.user, c.pass)) {
  case 0:
    return 0;
  default:
    return 1;
  }
}

// A constant-time comparison that looks a user up (the user-name hash of a
// password file's line) is no credential check: IdentityNamePattern.
struct PasswdLine {
  const char *user;
  const char *userhash;
  const char *pwd;
};
bool consttime_memequal_n(const void *a, const void *b, size_t n);
const PasswdLine *findUser(const PasswdLine *lines, size_t count,
                           const char *username_hash, size_t len) {
  for (size_t i = 0; i < count; ++i)
    if (consttime_memequal_n(username_hash, lines[i].userhash, len))
      return &lines[i];
  return nullptr;
}
// ... the password of the line it found is.
bool checkLine(const PasswdLine &line, const char *typed, size_t len) {
  if (!consttime_memequal_n(line.pwd, typed, len)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'consttime_memequal_n of a credential' (authn_login_fail): the failure path returns at line [[@LINE+2]]
    // CHECK-MESSAGES-CHANNEL: :[[@LINE-2]]:8: warning: security-critical 'consttime_memequal_n of a credential' (authn_login_fail): the failure path returns at line [[@LINE+1]]
    return false;
  }
  logstream::security_event("authn_login_success", {});
  return true;
}

// Authentication backends that compare and return their verdict as the
// server's own codes: the caller decides (here one in this file, through the
// backend; in a server, often through a table of backends).
enum handler_t { HANDLER_GO_ON, HANDLER_ERROR };
handler_t file_basic(const Conn &c, const unsigned char *stored) {
  int rc = CRYPTO_memcmp(c.pass, stored, 32);
  return rc == 0 ? HANDLER_GO_ON : HANDLER_ERROR;
}
handler_t file_digest(const Conn &c, const char *ha1) {
  const bool ok = std::strcmp(c.pass, ha1) == 0;
  return ok ? HANDLER_GO_ON : HANDLER_ERROR;
}
int serveFile(const Conn &c, const unsigned char *stored) {
  if (file_basic(c, stored) != HANDLER_GO_ON)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'file_basic' (authn_login_fail): the failure path returns at line [[@LINE+2]]
    // CHECK-MESSAGES-CHANNEL: :[[@LINE-2]]:7: warning: security-critical 'file_basic' (authn_login_fail): the failure path returns at line [[@LINE+1]]
    return 401;
  logstream::security_event("authn_login_success", {{"user", c.user}});
  return 200;
}
// A backend that records the success itself and hands the failure over as
// a status (HandOverEnumStatus): its callers record the failure.
handler_t file_basic_audited(const Conn &c, const unsigned char *stored) {
  int rc = CRYPTO_memcmp(c.pass, stored, 32);
  if (rc == 0)
    logstream::security_event("authn_login_success", {{"user", c.user}});
  return rc == 0 ? HANDLER_GO_ON : HANDLER_ERROR;
}

// Decisions handed on, not taken here: the caller tests them.
bool tokenValid(const Conn &c) { return verify_token(c.header_key); }
void countValid(const Conn &c, int *valid) {
  *valid += verify_token(c.header_key) ? 1 : 0;
}

// C89-style crypt(): the hash is assigned after its declaration.
int checkShadow(const char *typed, const char *shadow_hash) {
  char *hash;
  hash = crypt(typed, shadow_hash);
  if (hash == nullptr || std::strcmp(hash, shadow_hash) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: security-critical 'strcmp of a credential' (authn_login_fail): the failure path returns at line [[@LINE+2]]
    AUTH_LOG("password mismatch");
    return 0;
  }
  AUTH_LOG("password ok");
  return 1;
}

// A constant-time comparison is a credential check whatever its operands
// are called.
struct KeyStore {
  unsigned char expected[32];
};
bool checkMac(const KeyStore &ks, const unsigned char *got) {
  if (CRYPTO_memcmp(ks.expected, got, sizeof ks.expected) != 0)
    return false;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: security-critical 'CRYPTO_memcmp of a credential' (authn_login_fail): the failure path returns at line [[@LINE-1]]
  // CHECK-MESSAGES-CHANNEL: :[[@LINE-3]]:7: warning: security-critical 'CRYPTO_memcmp of a credential' (authn_login_fail): the failure path returns at line [[@LINE-2]]
  logstream::security_event("authn_token_success", {});
  return true;
}

// --- Must stay quiet ---------------------------------------------------------

// A lexer: `token` alone is no credential, keywords are no secrets.
struct Lexer {
  const char *token;
  int next();
};
int Lexer::next() {
  if (std::strcmp(token, "if") == 0)
    return 1;
  if (std::strcmp(token, "--") == 0)
    return 2;
  return 0;
}
// A compiler pass manager.
bool runPass(const std::string &pass_name, const std::string &d) {
  return pass_name == d;
}
int schedule(const std::string &pass_name, const std::string &wanted) {
  if (pass_name == wanted)
    return 1;
  return 0;
}
// Password strength and retype checks decide no authentication.
int changePassword(const char *user, const char *new_password,
                   const char *confirm_password, const char *common_password) {
  if (std::strcmp(new_password, user) == 0)
    return -1;
  if (std::strcmp(new_password, common_password) == 0)
    return -2;
  if (std::strcmp(new_password, confirm_password) != 0)
    return -3;
  return 0;
}
int retype(const char *password1, const char *password2) {
  if (std::strcmp(password1, password2) != 0)
    return -1;
  return 0;
}
// An empty-passphrase test and placeholder keywords in configuration.
int loadKey(const char *passphrase) {
  if (std::strcmp(passphrase, "") == 0)
    return 0;
  if (std::strcmp(passphrase, "prompt") == 0)
    return 1;
  return 2;
}
// Reading a result without deciding on it: copied out for display or
// forwarding.
struct pam_handle;
extern "C" int pam_acct_mgmt(pam_handle *h, int flags);
void exportStatus(char *out, size_t n, pam_handle *h) {
  int rc = pam_acct_mgmt(h, 0);
  std::snprintf(out, n, "acct=%d", rc);
}
// Verifying that privileges cannot be regained expects failure.
void dropForGood(uid_t uid, uid_t old_uid) {
  if (setuid(uid) != 0) {
    syslog(LOG_AUTHPRIV | LOG_ERR, "setuid failed");
    fatal("setuid failed");
  }
  logstream::security_event("privilege_permissions_changed", {});
  if (setuid(old_uid) != -1)
    fatal("was able to restore old uid");
  if (setuid(0) != -1)
    fatal("was able to regain root");
}
// Configuration handlers named like decisions.
int handle_permit(const char *arg);
void parseConfig(const char *key, const char *arg) {
  if (std::strcmp(key, "permit") == 0 && handle_permit(arg) != 0)
    std::fprintf(stderr, "bad permit line\n");
}
// A gtest-style test body is test code.
namespace testing {
class Test {
public:
  virtual ~Test() = default;
  virtual void TestBody() = 0;
};
} // namespace testing
class AuthTest_RejectsBadKey_Test : public testing::Test {
  void TestBody() override {
    Conn c{"u", "p", "k"};
    if (!basicauth_check(c))
      return;
  }
};

// The records the fix-it tags, in order.
// CHECK-FIXES: auth_log("SECURITY basic auth failed for %s", c.user);
// CHECK-FIXES: AUTH_LOG("SECURITY bad password for %s", c.user);
// CHECK-FIXES: auth_log("SECURITY token rejected");
// CHECK-FIXES: AUTH_LOG("SECURITY too many failures for %s", p.conn.user);
// CHECK-FIXES: auth_log("SECURITY token %s", n < 3 ? "accepted" : "rejected");
// CHECK-FIXES: AUTH_LOG("SECURITY password mismatch");
// CHECK-FIXES: AUTH_LOG("SECURITY password ok");
