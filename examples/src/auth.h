#pragma once
#include <string>

namespace auth {

/// Checks a user's password against the stored hash.
bool login(const std::string &user, const std::string &password);

/// Locks an account after too many failed logins.
void lock_account(const std::string &user, int failures);

} // namespace auth
