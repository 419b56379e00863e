#include "auth.h"

#include <iostream>

static std::string hash_of(const std::string &secret) {
  return std::to_string(std::hash<std::string>{}(secret));
}

static std::string stored_hash(const std::string &user) {
  return user == "admin" ? "42" : "";
}

bool AuthService::verify(const std::string &user,
                         const std::string &password) const {
  return hash_of(password) == stored_hash(user);
}

void audit_security(const std::string &event, const std::string &user) {
  std::cout << "SECURITY event=" << event << " user=" << user << std::endl;
}

bool AuthService::verify_and_record(const std::string &user,
                                    const std::string &password) const {
  bool ok = verify(user, password);
  audit_security(ok ? "authn_login_success" : "authn_login_fail", user);
  return ok;
}
