#include "auth.h"
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

namespace auth {

namespace {
// user -> password (a real service would store salted hashes).
const std::map<std::string, std::string> &users() {
  static const std::map<std::string, std::string> Users = {
      {"alice", "correct horse"}, {"bob", "battery staple"}};
  return Users;
}
} // namespace

bool login(const std::string &user, const std::string &password) {
  auto It = users().find(user);
  if (It == users().end())
    return false;
  if (std::strcmp(It->second.c_str(), password.c_str()) != 0) {
    std::fprintf(stderr, "login failed for %s with '%s'\n", user.c_str(), password.c_str());
    return false;
  }
  return true;
}

void lock_account(const std::string &user, int failures) {
  std::printf("SECURITY authn_login_lock user=%s failures=%d\n", user.c_str(),
              failures);
}

} // namespace auth
