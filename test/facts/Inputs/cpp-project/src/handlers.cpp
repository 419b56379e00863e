#include "auth.h"
#include "config.h"
#include "files.h"
#include "logger.h"

#include <iostream>

bool login(const AuthService &auth, const std::string &user,
           const std::string &password) {
  if (!auth.verify(user, password)) {
    APP_LOG("login failed for " + user);
    return false;
  }
  return true;
}

bool login_recorded(const AuthService &auth, const std::string &user,
                    const std::string &password) {
  if (!auth.verify(user, password)) {
    audit_security("authn_login_fail", user);
    return false;
  }
  audit_security("authn_login_success", user);
  return true;
}

bool login_self_recorded(const AuthService &auth, const std::string &user,
                         const std::string &password) {
  return auth.verify_and_record(user, password);
}

void start(const Config &cfg) {
  Logger::instance().open(cfg.log_dir + "/api.log");
  Logger::instance().open(cfg.data_dir + "/export.csv");
  append_line(cfg.log_dir + "/events.log", "started");
  append_line(cfg.data_dir + "/orders.csv", "id,total");
  rotate_file(cfg.log_dir + "/api.log", cfg.keep);
  rotate_file(cfg.data_dir + "/catalog.db", cfg.keep);
}
