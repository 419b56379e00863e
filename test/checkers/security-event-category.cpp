// RUN: %check_logstream_tidy -std=c++17 %s logstream-security-event-category %t -- -- -I%srcroot/include
// RUN: %check_logstream_tidy -check-suffix=ANY %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.RequireAllOutcomes: false}}" -- -- -I%srcroot/include
// RUN: %check_logstream_tidy -check-suffix=INSERT %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.InsertSecurityEvents: true}}" -- -- -I%srcroot/include

#include <cstdio>
#include <cstring>
#include <iostream>
#include <logstream/event.h>
#include <stdexcept>
#include <string>
#include <syslog.h>
#include <unistd.h>

extern "C" {
struct pam_handle;
int pam_authenticate(pam_handle *h, int flags);
int pam_acct_mgmt(pam_handle *h, int flags);
char *crypt(const char *key, const char *salt);
}
#define PAM_SUCCESS 0

// Failure path not logged at all: warning, note with the statement to add,
// and (InsertSecurityEvents) a fix-it at the start of the failure branch.
bool login(pam_handle *h, const std::string &user) {
  int rc = pam_authenticate(h, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
  // CHECK-MESSAGES-INSERT: :[[@LINE-2]]:12: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line {{[0-9]+}}
  if (rc != PAM_SUCCESS) {
    return false;
  }
  // CHECK-FIXES-INSERT: {{^}}  if (rc != PAM_SUCCESS) {{{$}}
  // CHECK-FIXES-INSERT-NEXT: {{^}}    logstream::security_event("authn_login_fail", {{[{][{]}}"user", user}});{{$}}
  logstream::security_event("authn_login_success", {{"user", user}});
  return true;
}

// A record on the failure path that is not in the SECURITY category: the
// fix-it categorizes it.
bool loginSyslog(pam_handle *h, const char *user) {
  if (pam_authenticate(h, 0) != PAM_SUCCESS) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line {{[0-9]+}}
    // CHECK-MESSAGES-INSERT: :[[@LINE-2]]:7: warning: security-critical 'pam_authenticate'
    syslog(LOG_ERR, "login failed for %s", user);
    // CHECK-FIXES: {{^}}    syslog(LOG_AUTHPRIV | LOG_ERR, "login failed for %s", user);{{$}}
    return false;
  }
  syslog(LOG_AUTHPRIV | LOG_INFO, "login ok for %s", user);
  return true;
}

bool loginPrintf(pam_handle *h, const char *user) {
  if (pam_acct_mgmt(h, 0) == PAM_SUCCESS) {
    std::printf("SECURITY authn_login_success user=%s\n", user);
    return true;
  }
  std::fprintf(stderr, "account check failed for %s\n", user);
  // CHECK-FIXES: {{^}}  std::fprintf(stderr, "SECURITY account check failed for %s\n", user);{{$}}
  return false;
  // CHECK-MESSAGES: :[[@LINE-7]]:7: warning: security-critical 'pam_acct_mgmt' (authn_login_fail): the failure path returns at line {{[0-9]+}}
  // CHECK-MESSAGES-INSERT: :[[@LINE-8]]:7: warning: security-critical 'pam_acct_mgmt'
}

// Privilege changes; exceptions end paths too. With RequireAllOutcomes off,
// one recorded outcome is enough.
void dropPrivileges(uid_t uid) {
  if (setuid(uid) != 0)
    throw std::runtime_error("setuid failed");
  std::cout << "SECURITY privilege_permissions_changed uid=" << uid << '\n';
  // CHECK-MESSAGES: :[[@LINE-3]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path throws at line {{[0-9]+}} without a SECURITY log record
  // CHECK-MESSAGES-INSERT: :[[@LINE-4]]:7: warning: security-critical 'setuid'
}

// Credential comparisons: crypt() results and credential-named operands.
bool checkPassword(const char *pass, const char *stored) {
  return std::strcmp(crypt(pass, stored), stored) == 0;
}
bool verifyToken(const std::string &api_key, const std::string &expected) {
  if (api_key != expected) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical '!= on a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}}
    // CHECK-MESSAGES-ANY: :[[@LINE-2]]:7: warning: security-critical '!= on a credential' (authn_login_fail): the failure path returns at line {{[0-9]+}}
    // CHECK-MESSAGES-INSERT: :[[@LINE-3]]:7: warning: security-critical '!= on a credential'
    return false;
  }
  return true;
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: this path returns here
}

// checkPassword returns the comparison: a wrapper. Its callers are checked.
void handleLogin(const char *user, const char *pass, const char *stored) {
  if (!checkPassword(pass, stored)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'checkPassword' (authn_login_fail): the failure path returns at line {{[0-9]+}}
    // CHECK-MESSAGES-ANY: :[[@LINE-2]]:8: warning: security-critical 'checkPassword' (authn_login_fail)
    // CHECK-MESSAGES-INSERT: :[[@LINE-3]]:8: warning: security-critical 'checkPassword'
    return;
  }
  std::printf("welcome %s\n", user);
}

// Decisions by name.
bool authorize(const std::string &user, const std::string &resource);
void serve(const std::string &user, const std::string &resource) {
  if (!authorize(user, resource)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'authorize' (authz_fail): the failure path returns at line {{[0-9]+}}
    // CHECK-MESSAGES-INSERT: :[[@LINE-2]]:8: warning: security-critical 'authorize' (authz_fail)
    // CHECK-FIXES-INSERT: {{^}}    logstream::security_event("authz_fail", {{[{][{]}}"user", user}});{{$}}
    return;
  }
  logstream::security_event("authz_success", {{"user", user}});
}

// Must stay quiet: both outcomes in the SECURITY category, through every
// recognized kind of record.
#define LOG_SECURITY(msg) std::fprintf(stderr, "%s\n", msg)
enum class Category { General, Security };
void logEvent(Category c, const char *msg);
bool allLogged(pam_handle *h, const std::string &user) {
  int rc = pam_authenticate(h, 0);
  if (rc != PAM_SUCCESS) {
    logstream::security_event("authn_login_fail", {{"user", user}});
    return false;
  }
  std::clog << "SECURITY authn_login_success " << user << std::endl;
  return true;
}
void macroAndCategory(uid_t uid) {
  if (setuid(uid) != 0) {
    LOG_SECURITY("privilege change failed");
    return;
  }
  logEvent(Category::Security, "privilege_permissions_changed");
}
bool unrelated(const std::string &name, const std::string &other) {
  return name == other && std::strcmp(name.c_str(), "x") == 0;
}
// Look-alike names that are not credentials or decisions.
bool authorization_header_present(const std::string &h);
bool permitted_region(const std::string &r);
void lookAlikes(const std::string &passenger, const std::string &bypass,
                const char *compass, const std::string &tokenizer,
                const std::string &header) {
  if (passenger == bypass)
    return;
  if (std::strcmp(compass, "north") != 0)
    return;
  if (tokenizer != "ws")
    return;
  if (!authorization_header_present(header) || !permitted_region(header))
    return;
  std::printf("%s\n", header.c_str());
}
