// Forgeable events through a project's own logging layer, declared in a
// header (Inputs/logging-project/app_config.h): a logger class template
// listed in LoggingFunctions whose SECURITY channel is named by its
// constructor argument, macros over a printf-like function (no fix-it
// through a macro: a note), a request struct passed by reference.
// RUN: %check_logstream_tidy -std=c++17 %s logstream-event-injection %t \
// RUN:   -config="{CheckOptions: {logstream-event-injection.LoggingFunctions: 'svc::Channel'}}" \
// RUN:   -- -- -I%S/Inputs/logging-project -I%srcroot/include

#include "app_config.h"

namespace svc {

void reject(const ClientRequest &request, const std::string &reason) {
  Log("SECURITY") << "authz_fail user=" << request.user << " reason=" << reason;
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: SECURITY record formats 'user' of parameter 'request' without escaping: a line break in it forges a second event [logstream-event-injection]
  SVC_WARN("SECURITY authn_login_fail user=%s agent=%s", request.user.c_str(),
           request.user_agent.c_str());
  // CHECK-MESSAGES: :[[@LINE-2]]:58: warning: SECURITY record formats 'user' of parameter 'request' without escaping
  // CHECK-FIXES: {{^}}  SVC_WARN("SECURITY authn_login_fail user=%s agent=%s", request.user.c_str(),{{$}}
  SVC_INFO("request from %s rejected", request.remote_addr.c_str());
  log_write(Level::Warning, "SECURITY authz_fail user=%s", request.user.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: SECURITY record formats 'user' of parameter 'request' without escaping
  // CHECK-FIXES: {{^}}  logstream::security_event("authz_fail", {{[{][{]}}"user", request.user.c_str()}});{{$}}
}

// In a template: reported in its instantiation, no fix-it (a note).
template <typename Request> void audit_denied(const Request &request) {
  log_write(Level::Warning, "SECURITY authz_fail addr=%s", request.remote_addr.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: SECURITY record formats 'remote_addr' of parameter 'request' without escaping
  // CHECK-FIXES: {{^}}  log_write(Level::Warning, "SECURITY authz_fail addr=%s", request.remote_addr.c_str());{{$}}
}

template void audit_denied<ClientRequest>(const ClientRequest &);

} // namespace svc
