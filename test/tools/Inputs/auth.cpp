#include <logstream/event.h>
#include <string>
extern "C" {
struct pam_handle;
int pam_authenticate(pam_handle *h, int flags);
}
bool login(pam_handle *h, const std::string &user, bool bypass) {
  int rc = pam_authenticate(h, 0);
  if (rc != 0) {
    logstream::security_event("authn_login_fail", {{"user", user}});
    return false;
  }
  logstream::security_event("authn_login_success", {{"user", user}});
  return true;
}
