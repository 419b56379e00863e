// Options of logstream-security-event-category.
// RUN: %check_logstream_tidy -check-suffix=DEFAULT %s logstream-security-event-category %t -- -- -I%srcroot/include
// RUN: %check_logstream_tidy -check-suffix=TUNED %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: { \
// RUN:     logstream-security-event-category.SecurityOperations: 'myapp::Auth::login=authn_login:true;pam_authenticate=authn_login', \
// RUN:     logstream-security-event-category.CheckPermissionChanges: true, \
// RUN:     logstream-security-event-category.SecurityTag: 'AUDIT', \
// RUN:     logstream-security-event-category.SecurityLoggerPattern: '(^|_)audit(_|$)', \
// RUN:     logstream-security-event-category.CredentialNamePattern: '', \
// RUN:     logstream-security-event-category.SecurityDecisionPattern: ''}}" -- -- -I%srcroot/include
// RUN: not %logstream_tidy --checks='-*,logstream-security-event-category' %s \
// RUN:   --config="{CheckOptions: [{key: logstream-security-event-category.SecurityOperations, value: 'broken'}]}" -- 2>&1 \
// RUN:   | FileCheck --check-prefix=BAD %s
// BAD: error: invalid entry 'broken' in option 'logstream-security-event-category.SecurityOperations'; expected 'function=event' or 'function=event:true'

#include <cstdio>
#include <string>
#include <sys/stat.h>

namespace myapp {
struct Auth {
  static bool login(const std::string &user, const std::string &password);
};
} // namespace myapp
struct Logger {
  void info(const char *msg);
};
Logger audit_logger, app_logger;

void handle(const std::string &user, const std::string &password) {
  if (!myapp::Auth::login(user, password)) {
    // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:8: warning: security-critical 'login' (authn_login_success): the success path ends at line {{[0-9]+}}
    std::printf("AUDIT login failed\n");
    return;
  }
  app_logger.info("login ok");
}

void tokens(const std::string &access_token, const std::string &expected) {
  if (access_token == expected) {
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:7: warning: security-critical '== on a credential' (authn_login_fail): the failure path ends at line {{[0-9]+}}
    std::printf("SECURITY token accepted\n");
    return;
  }
}

bool authenticate(const std::string &user);
void decide(const std::string &user) {
  if (authenticate(user))
    std::printf("SECURITY authn_login_success\n");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:7: warning: security-critical 'authenticate' (authn_login_fail): the failure path ends at line {{[0-9]+}}
}

void permissions(const char *path) {
  if (chmod(path, 0600) != 0)
    return;
  // CHECK-MESSAGES-TUNED: :[[@LINE-2]]:7: warning: security-critical 'chmod' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}}
  audit_logger.info("privilege_permissions_changed");
}
