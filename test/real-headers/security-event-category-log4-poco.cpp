// SECURITY records through log4cxx, log4cplus and Poco loggers (macros and
// methods), on Debian's real headers.
// REQUIRES: log4cxx, log4cplus, poco
// RUN: %check_logstream_tidy -std=c++17 %s logstream-security-event-category %t

#include <Poco/Logger.h>
#include <log4cplus/logger.h>
#include <log4cplus/loggingmacros.h>
#include <log4cxx/logger.h>

extern "C" int pam_authenticate(struct pam_handle *h, int flags);

bool withLog4cxx(pam_handle *h, log4cxx::LoggerPtr logger) {
  if (pam_authenticate(h, 0) != 0) {
    LOG4CXX_WARN(logger, "SECURITY authn_login_fail");
    return false;
  }
  LOG4CXX_INFO(logger, "SECURITY authn_login_success");
  return true;
}

bool withLog4cplus(pam_handle *h, log4cplus::Logger logger) {
  if (pam_authenticate(h, 0) != 0) {
    LOG4CPLUS_WARN(logger, LOG4CPLUS_TEXT("SECURITY authn_login_fail"));
    return false;
  }
  LOG4CPLUS_INFO(logger, LOG4CPLUS_TEXT("SECURITY authn_login_success"));
  return true;
}

bool withPoco(pam_handle *h, Poco::Logger &logger) {
  if (pam_authenticate(h, 0) != 0) {
    poco_warning(logger, "SECURITY authn_login_fail");
    return false;
  }
  logger.information("SECURITY authn_login_success");
  return true;
}

// Untagged: reported.
bool untagged(pam_handle *h, Poco::Logger &logger) {
  if (pam_authenticate(h, 0) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'pam_authenticate' (authn_login_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    logger.warning("login failed");
    // CHECK-FIXES: {{^}}    logger.warning("SECURITY login failed");{{$}}
    return false;
  }
  logger.information("SECURITY authn_login_success");
  return true;
}
