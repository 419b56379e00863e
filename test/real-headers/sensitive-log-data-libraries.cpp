// Secrets in records of real logging libraries (Debian's headers): spdlog
// (the default logger and a member logger, fmt-style arguments), glog
// (LOG(...) <<), log4cxx and log4cplus macros (a message built with <<), Poco
// Logger methods, easylogging++ excluded (mock tests).
// REQUIRES: spdlog, glog, log4cxx, log4cplus, poco
// RUN: %check_logstream_tidy -std=c++17 %s logstream-sensitive-log-data %t -- -- -DSPDLOG_FMT_EXTERNAL -DSPDLOG_COMPILED_LIB

#include <Poco/Logger.h>
#include <glog/logging.h>
#include <log4cplus/logger.h>
#include <log4cplus/loggingmacros.h>
#include <log4cxx/logger.h>
#include <memory>
#include <spdlog/spdlog.h>
#include <string>

struct SmtpSettings {
  std::string server;
  std::string username;
  std::string password;
  std::size_t password_length = 0;
};

class Mailer {
public:
  explicit Mailer(const SmtpSettings &s) : settings_(s) {}

  void connect() {
    log_->info("connecting to {} as {} with password {}", settings_.server,
               settings_.username, settings_.password);
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: log record includes the secret 'password' (named like a credential) [logstream-sensitive-log-data]
    // CHECK-FIXES: {{^}}               settings_.username, "<redacted>");{{$}}
    log_->info("password of {} characters", settings_.password_length);
  }

private:
  SmtpSettings settings_;
  std::shared_ptr<spdlog::logger> log_ = spdlog::get("mail");
};

void with_spdlog(const std::string &user, const std::string &api_key) {
  spdlog::warn("user {} presented api key {}", user, api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: log record includes the secret 'api_key'
  // CHECK-FIXES: {{^}}  spdlog::warn("user {} presented api key {}", user, "<redacted>");{{$}}
  spdlog::info("api key of {} accepted ({} characters)", user, api_key.size());
}

void with_glog(const std::string &user, const char *session_token) {
  LOG(INFO) << "session " << session_token << " for " << user;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: log record includes the secret 'session_token'
  // CHECK-FIXES: {{^}}  LOG(INFO) << "session " << "<redacted>" << " for " << user;{{$}}
  LOG(WARNING) << "session token missing for " << user;
}

void with_log4cxx(const std::string &user, const std::string &password) {
  log4cxx::LoggerPtr logger = log4cxx::Logger::getLogger("auth");
  LOG4CXX_WARN(logger, "login of " << user << " with " << password);
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: log record includes the secret 'password'
  // CHECK-FIXES: {{^}}  LOG4CXX_WARN(logger, "login of " << user << " with " << "<redacted>");{{$}}
  LOG4CXX_INFO(logger, "password accepted for " << user);
}

void with_log4cplus(const std::string &user, const std::string &secret) {
  log4cplus::Logger logger = log4cplus::Logger::getInstance("auth");
  LOG4CPLUS_WARN(logger, "secret of " << user << ": " << secret);
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: log record includes the secret 'secret'
  // CHECK-FIXES: {{^}}  LOG4CPLUS_WARN(logger, "secret of " << user << ": " << "<redacted>");{{$}}
}

void with_poco(const std::string &user, const std::string &password) {
  Poco::Logger &logger = Poco::Logger::get("auth");
  logger.warning("login of " + user + " with password " + password);
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: log record includes the secret 'password'
  logger.information("password changed for " + user);
}
