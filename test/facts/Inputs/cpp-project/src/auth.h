#pragma once
#include <string>

class AuthService {
public:
  bool verify(const std::string &user, const std::string &password) const;
  bool verify_and_record(const std::string &user,
                         const std::string &password) const;
};

void audit_security(const std::string &event, const std::string &user);
