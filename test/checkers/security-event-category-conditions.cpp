// Every shape a condition on a security decision takes in real code: the
// result as either operand of && and ||, negated, in ternaries, switches,
// loop conditions, comma expressions, macros, condition declarations and
// C++17 if initializers. None may crash the check; each outcome is named.
// RUN: %check_logstream_tidy -std=c++17,c++20 %s logstream-security-event-category %t -- -- -I%srcroot/include
// RUN: %check_logstream_tidy -check-suffix=INSERT -std=c++17 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.InsertSecurityEvents: true}}" -- -- -I%srcroot/include

#include <cstdio>
#include <logstream/event.h>
#include <string>
#include <syslog.h>
#include <unistd.h>

extern "C" {
struct pam_handle;
int pam_authenticate(pam_handle *h, int flags);
int pam_acct_mgmt(pam_handle *h, int flags);
}
#define PAM_SUCCESS 0
#define PAM_AUTH_ERR 7
#define PAM_USER_UNKNOWN 10
#define PAM_FAILED(rc) ((rc) != PAM_SUCCESS)

struct Config {
  std::string api_key;
  std::string admin_password;
};
struct Request {
  std::string path;
  std::string header_api_key;
  bool internal = false;
};

// The shape that used to crash: a credential comparison as the right-hand
// operand of ||.
int handleRequest(const Request &req, const Config &cfg) {
  if (req.internal || req.header_api_key != cfg.api_key)
    return 401;
  return 200;
  // CHECK-MESSAGES: :[[@LINE-3]]:23: warning: security-critical '!= on a credential' (authn_login_fail): the failure path returns at line [[@LINE-2]] without a SECURITY log record [logstream-security-event-category]
  // CHECK-MESSAGES-INSERT: :[[@LINE-4]]:23: warning: security-critical '!= on a credential' (authn_login_fail): the failure path returns at line [[@LINE-3]]
}

// ... and of &&, with the record on the other side.
int handleAdmin(const Request &req, const Config &cfg, const std::string &password) {
  if (req.path == "/admin" && password == cfg.admin_password) {
    logstream::security_event("authn_login_success", {});
    return 200;
  }
  return 403;
  // CHECK-MESSAGES: :[[@LINE-5]]:31: warning: security-critical '== on a credential' (authn_login_fail): the failure path returns at line [[@LINE-1]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-6]]:31: warning: security-critical '== on a credential' (authn_login_fail): the failure path returns at line [[@LINE-2]] without
}

// Negation of a comparison, fully recorded: quiet.
bool checkKey(const std::string &key, const Config &cfg) {
  if (!(key == cfg.api_key)) {
    syslog(LOG_AUTHPRIV | LOG_WARNING, "rejected api key");
    return false;
  }
  syslog(LOG_AUTHPRIV | LOG_INFO, "accepted api key");
  return true;
}

// A ternary: both outcomes run into the same call, both unrecorded. (A
// function that returns such a ternary is a wrapper: its callers decide.)
void respond(int status);
void statusFor(const std::string &given_api_key, const Config &cfg) {
  respond(given_api_key == cfg.api_key ? 200 : 401);
}
// CHECK-MESSAGES: :[[@LINE-2]]:11: warning: security-critical '== on a credential' (authn_login_fail): the failure path ends at line [[@LINE-1]] without
// CHECK-MESSAGES-INSERT: :[[@LINE-3]]:11: warning: security-critical '== on a credential'
// CHECK-MESSAGES: :[[@LINE-3]]:1: note: the success path also ends here without a SECURITY log record

// A switch over the result: case PAM_SUCCESS is the success path, the other
// cases and default are failures.
int loginSwitch(pam_handle *h, const char *user) {
  switch (pam_authenticate(h, 0)) {
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE+7]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-2]]:11: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE+6]] without
  // CHECK-MESSAGES: :[[@LINE+5]]:5: note: this path returns here without a SECURITY log record
  case PAM_SUCCESS:
    logstream::security_event("authn_login_success", {{"user", user}});
    return 0;
  case PAM_USER_UNKNOWN:
    return -2;
  default:
    syslog(LOG_AUTHPRIV | LOG_ERR, "login failed for %s", user);
    return -1;
  }
}

// A switch whose success case is the unrecorded one.
int loginSwitchSuccess(pam_handle *h, const char *user) {
  int rc = pam_authenticate(h, 0);
  switch (rc) {
  case PAM_SUCCESS:
    return 0;
  default:
    syslog(LOG_AUTHPRIV | LOG_ERR, "login failed for %s", user);
    return -1;
  }
  // CHECK-MESSAGES: :[[@LINE-8]]:12: warning: security-critical 'pam_authenticate' (authn_login_success): the success path returns at line [[@LINE-5]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-9]]:12: warning: security-critical 'pam_authenticate' (authn_login_success): the success path returns at line [[@LINE-6]] without
}

// Loop conditions: a retry loop.
bool loginRetry(pam_handle *h, const char *user) {
  int tries = 0;
  while (pam_authenticate(h, 0) != PAM_SUCCESS) {
    if (++tries == 3) {
      syslog(LOG_AUTHPRIV | LOG_WARNING, "too many failures for %s", user);
      return false;
    }
  }
  syslog(LOG_AUTHPRIV | LOG_INFO, "login ok for %s", user);
  return true;
}
bool loginFor(pam_handle *h) {
  int i = 0;
  for (; i < 3 && pam_authenticate(h, 0) != PAM_SUCCESS; ++i)
    std::fprintf(stderr, "retrying\n");
  return i < 3;
  // CHECK-MESSAGES: :[[@LINE-3]]:19: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE-1]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-4]]:19: warning: security-critical 'pam_authenticate' (authn_login_fail)
  // CHECK-FIXES: {{^}}    std::fprintf(stderr, "SECURITY retrying\n");{{$}}
}

// A comma expression, a macro around the test, parentheses.
bool loginComma(pam_handle *h, int &attempts) {
  if ((attempts++, pam_authenticate(h, 0) == PAM_SUCCESS)) {
    logstream::security_event("authn_login_success", {});
    return true;
  }
  logstream::security_event("authn_login_fail", {});
  return false;
}
bool loginMacro(pam_handle *h, const char *user) {
  int rc = pam_acct_mgmt(h, 0);
  if (PAM_FAILED(rc)) {
    std::fprintf(stderr, "account %s refused\n", user);
    return false;
  }
  // CHECK-MESSAGES: :[[@LINE-5]]:12: warning: security-critical 'pam_acct_mgmt' (authn_login_fail): the failure path returns at line [[@LINE-2]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-6]]:12: warning: security-critical 'pam_acct_mgmt' (authn_login_fail)
  // CHECK-FIXES: {{^}}    std::fprintf(stderr, "SECURITY account %s refused\n", user);{{$}}
  logstream::security_event("authn_login_success", {{"user", user}});
  return true;
}

// A condition declaration and a C++17 if initializer.
bool loginDecl(pam_handle *h) {
  if (int rc = pam_authenticate(h, 0)) {
    std::fprintf(stderr, "pam error %d\n", rc);
    return false;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:16: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE-2]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-5]]:16: warning: security-critical 'pam_authenticate' (authn_login_fail)
  // CHECK-FIXES: {{^}}    std::fprintf(stderr, "SECURITY pam error %d\n", rc);{{$}}
  logstream::security_event("authn_login_success", {});
  return true;
}
bool loginInit(pam_handle *h, const char *user) {
  if (int rc = pam_authenticate(h, 0); rc != PAM_SUCCESS) {
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE+4]] without
    // CHECK-MESSAGES-INSERT: :[[@LINE-2]]:16: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE+3]] without
    // CHECK-FIXES-INSERT: {{^}}  if (int rc = pam_authenticate(h, 0); rc != PAM_SUCCESS) {{{$}}
    // CHECK-FIXES-INSERT-NEXT: {{^}}    logstream::security_event("authn_login_fail", {{[{][{]}}"user", user}});{{$}}
    return false;
  }
  logstream::security_event("authn_login_success", {{"user", user}});
  return true;
}

// Every unrecorded outcome in one run: both records are categorized at once,
// so that a second run has nothing left to do.
bool loginBoth(pam_handle *h, const char *user) {
  if (pam_authenticate(h, 0) != PAM_SUCCESS) {
    std::fprintf(stderr, "login failed for %s\n", user);
    return false;
  }
  std::printf("user %s logged in\n", user);
  return true;
  // CHECK-MESSAGES: :[[@LINE-6]]:7: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE-4]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-7]]:7: warning: security-critical 'pam_authenticate' (authn_login_fail)
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the success path also returns here without a SECURITY log record
  // CHECK-FIXES: {{^}}    std::fprintf(stderr, "SECURITY login failed for %s\n", user);{{$}}
  // CHECK-FIXES: {{^}}  std::printf("SECURITY user %s logged in\n", user);{{$}}
}

// One record shared by two operations is categorized once (not
// LOG_AUTHPRIV | LOG_AUTHPRIV | ...).
bool loginShared(pam_handle *h, const char *user) {
  if (pam_authenticate(h, 0) != PAM_SUCCESS || pam_acct_mgmt(h, 0) != PAM_SUCCESS) {
    syslog(LOG_ERR, "login refused for %s", user);
    return false;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:7: warning: security-critical 'pam_authenticate' (authn_login_fail)
  // CHECK-MESSAGES-INSERT: :[[@LINE-5]]:7: warning: security-critical 'pam_authenticate' (authn_login_fail)
  // CHECK-MESSAGES: :[[@LINE-6]]:48: warning: security-critical 'pam_acct_mgmt' (authn_login_fail)
  // CHECK-MESSAGES-INSERT: :[[@LINE-7]]:48: warning: security-critical 'pam_acct_mgmt' (authn_login_fail)
  // CHECK-FIXES: {{^}}    syslog(LOG_AUTHPRIV | LOG_ERR, "login refused for %s", user);{{$}}
  syslog(LOG_AUTHPRIV | LOG_INFO, "login ok for %s", user);
  return true;
}

// Impossible paths: the second test of the same result cannot take the
// other branch. Quiet.
int loginTwice(pam_handle *h, const char *user) {
  int rc = pam_authenticate(h, 0);
  if (rc != PAM_SUCCESS)
    syslog(LOG_AUTHPRIV | LOG_NOTICE, "login failed for %s", user);
  std::fprintf(stderr, "pam returned %d\n", rc);
  if (rc == PAM_SUCCESS)
    logstream::security_event("authn_login_success", {{"user", user}});
  return rc;
}

// A later assignment replaces the value: tests after it say nothing of the
// first operation (the failure path runs on and returns at the first return).
int openSession(const char *user);
int loginReassigned(pam_handle *h, const char *user) {
  int rc = pam_authenticate(h, 0);
  if (rc == PAM_SUCCESS)
    syslog(LOG_AUTHPRIV | LOG_INFO, "login ok for %s", user);
  rc = openSession(user);
  if (rc == 0)
    return 0;
  return -1;
  // CHECK-MESSAGES: :[[@LINE-7]]:12: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE-2]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-8]]:12: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE-3]] without
}

// One defect, one warning: setgid's success path runs into setuid, whose
// unrecorded failure is setuid's finding only.
bool dropPrivileges(uid_t uid, gid_t gid) {
  if (setgid(gid) != 0) {
    syslog(LOG_AUTHPRIV | LOG_ERR, "setgid failed");
    return false;
  }
  if (setuid(uid) != 0)
    return false;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path returns at line [[@LINE-1]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-3]]:7: warning: security-critical 'setuid' (privilege_permissions_changed)
  syslog(LOG_AUTHPRIV | LOG_INFO, "dropped privileges to %u", uid);
  return true;
}

// A 0/-1 API tested with == -1: the other branch is the success path.
bool dropMinusOne(uid_t uid) {
  if (setuid(uid) == -1) {
    syslog(LOG_AUTHPRIV | LOG_ERR, "setuid failed");
    return false;
  }
  std::printf("now running as %u\n", uid);
  return true;
  // CHECK-MESSAGES: :[[@LINE-6]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the success path returns at line [[@LINE-1]] without
  // CHECK-MESSAGES-INSERT: :[[@LINE-7]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the success path
  // CHECK-FIXES: {{^}}  std::printf("SECURITY now running as %u\n", uid);{{$}}
}

// Inside a lambda: the lambda's own paths.
struct Server {
  pam_handle *pam = nullptr;
  template <typename F> bool withRetry(F f) { return f() || f(); }
  bool login() {
    return withRetry([this] {
      if (pam_authenticate(pam, 0) != PAM_SUCCESS)
        return false;
      // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line [[@LINE-1]] without
      // CHECK-MESSAGES-INSERT: :[[@LINE-3]]:11: warning: security-critical 'pam_authenticate' (authn_login_fail)
      logstream::security_event("authn_login_success", {});
      return true;
    });
  }
};
