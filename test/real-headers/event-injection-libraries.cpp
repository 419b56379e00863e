// Forgeable and multi-line events through real logging libraries (Debian's
// headers): a spdlog "security" logger, glog records tagged SECURITY,
// log4cxx messages with a line break, Boost.Stacktrace streamed to
// std::cout.
// REQUIRES: spdlog, glog, log4cxx
// RUN: %check_logstream_tidy -std=c++17 %s logstream-event-injection %t -- -- -DSPDLOG_FMT_EXTERNAL -DSPDLOG_COMPILED_LIB -DBOOST_STACKTRACE_USE_NOOP

#include <boost/stacktrace.hpp>
#include <glog/logging.h>
#include <iostream>
#include <log4cxx/logger.h>
#include <memory>
#include <spdlog/spdlog.h>
#include <string>

struct AuthRequest {
  std::string user;
  std::string client_address;
};

class AuthAudit {
public:
  void failed(const AuthRequest &request) {
    security_log_->warn("authn_login_fail user={} from={}", request.user,
                        request.client_address);
    // CHECK-MESSAGES: :[[@LINE-2]]:61: warning: SECURITY record formats 'user' of parameter 'request' without escaping: a line break in it forges a second event [logstream-event-injection]
  }
  void succeeded(int uid) { security_log_->info("authn_login_success uid={}", uid); }

private:
  std::shared_ptr<spdlog::logger> security_log_ = spdlog::get("security");
};

void with_glog(const std::string &user) {
  LOG(WARNING) << "SECURITY authz_fail user=" << user;
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: SECURITY record formats parameter 'user' without escaping
  LOG(INFO) << "order placed by " << user;
  LOG(ERROR) << "payment failed\nretrying";
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: log record message has a line break before its end: a line-oriented stream splits it into several events
}

void with_log4cxx(const std::string &order) {
  log4cxx::LoggerPtr logger = log4cxx::Logger::getLogger("orders");
  LOG4CXX_INFO(logger, "order " << order << " placed\n  items: 3");
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: log record message has a line break before its end
  LOG4CXX_INFO(logger, "order " << order << " shipped");
}

void crash() {
  std::cout << "crashed at:\n" << boost::stacktrace::stacktrace();
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: stack trace streamed to std::cout one frame per line: each frame becomes an event of its own
}
