// SECURITY records through real logging libraries: spdlog (a "security"
// logger, spdlog::get("security"), a tagged message) and glog (LOG << with
// the tag). Debian's real headers.
// REQUIRES: spdlog, glog
// RUN: %check_logstream_tidy -std=c++17 %s logstream-security-event-category %t -- -- -DSPDLOG_FMT_EXTERNAL -DSPDLOG_COMPILED_LIB

#include <glog/logging.h>
#include <spdlog/spdlog.h>
#include <string>

extern "C" int pam_authenticate(struct pam_handle *h, int flags);

class Service {
public:
  bool loginWithMember(pam_handle *h, const std::string &user) {
    if (pam_authenticate(h, 0) != 0) {
      security_log_->warn("authn_login_fail user={}", user);
      return false;
    }
    security_log_->info("authn_login_success user={}", user);
    return true;
  }

private:
  std::shared_ptr<spdlog::logger> security_log_ = spdlog::get("security");
};

bool loginWithRegistry(pam_handle *h, const std::string &user) {
  if (pam_authenticate(h, 0) != 0) {
    spdlog::get("security")->warn("authn_login_fail user={}", user);
    return false;
  }
  spdlog::info("SECURITY authn_login_success user={}", user);
  return true;
}

bool loginWithGlog(pam_handle *h, const std::string &user) {
  if (pam_authenticate(h, 0) != 0) {
    LOG(WARNING) << "SECURITY authn_login_fail user=" << user;
    return false;
  }
  LOG(INFO) << "SECURITY authn_login_success user=" << user;
  return true;
}

// Not categorized: reported, and the fix-it adds the tag to the message.
bool loginUntagged(pam_handle *h, const std::string &user) {
  if (pam_authenticate(h, 0) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    LOG(WARNING) << "login failed for " << user;
    // CHECK-FIXES: {{^}}    LOG(WARNING) << "SECURITY login failed for " << user;{{$}}
    return false;
  }
  spdlog::info("SECURITY authn_login_success user={}", user);
  return true;
}
