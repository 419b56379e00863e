#pragma once
#include <string>

namespace auth {

/// Checks a user's password against the stored hash.
bool login(const std::string &user, const std::string &password);

} // namespace auth
