// Secrets through a project's own logging layer, declared in a header
// (Inputs/logging-project/app_config.h): macros over a printf-like
// function, a logger class template listed in LoggingFunctions (its `<<`),
// nested config structs, a function template.
// RUN: %check_logstream_tidy -std=c++17 %s logstream-sensitive-log-data %t \
// RUN:   -config="{CheckOptions: {logstream-sensitive-log-data.LoggingFunctions: 'svc::Channel'}}" \
// RUN:   -- -- -I%S/Inputs/logging-project

#include "app_config.h"
#include <iostream>

namespace svc {

void start(const Config &config) {
  SVC_INFO("listening on %s, admin %s", config.listen_address.c_str(),
           config.admin_user.c_str());
  SVC_INFO("admin password must have %u characters",
           config.admin_password_min_length);
  SVC_WARN("admin password is still the default: %s",
           config.admin_password.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: log record includes the secret 'admin_password' (named like a credential) [logstream-sensitive-log-data]
  // CHECK-FIXES: {{^}}           "<redacted>");{{$}}
  SVC_INFO("tls key %s (passphrase %s)", config.tls.private_key_path.c_str(),
           config.tls.private_key_passphrase.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: log record includes the secret 'private_key_passphrase'
  // CHECK-FIXES: {{^}}           "<redacted>");{{$}}
}

void authorize(const ClientRequest &request) {
  Log("SECURITY") << "request from " << request.remote_addr << " with "
                  << request.authorization;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: log record includes the secret 'authorization' (named like a credential)
  // CHECK-FIXES: {{^}}                  << "<redacted>";{{$}}
  Log("SECURITY") << "agent " << request.user_agent;
}

template <typename Settings> void dump(const Settings &settings) {
  std::cerr << "[DEBUG] admin hash " << settings.admin_password_hash << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: log record includes the secret 'admin_password_hash'
  // CHECK-FIXES: {{^}}  std::cerr << "[DEBUG] admin hash " << "<redacted>" << "\n";{{$}}
}

template void dump<Config>(const Config &);

} // namespace svc
