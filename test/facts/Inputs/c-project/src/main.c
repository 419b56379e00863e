#include "auth.h"
#include "files.h"
#include "log.h"
#include "rotate.h"

#include <stdio.h>
#include <syslog.h>

int handle_login(const char *user, const char *password) {
  if (!password_matches(user, password)) {
    log_msg(LOG_WARNING, "login failed for %s", user);
    return -1;
  }
  return 0;
}

int handle_login_audited(const char *user, const char *password) {
  if (!password_matches(user, password)) {
    security_audit("authn_login_fail", user);
    return -1;
  }
  security_audit("authn_login_success", user);
  return 0;
}

int serve(const char *user, const char *password) {
  if (!request_allowed(user, password))
    return 403;
  return 200;
}

int api(const unsigned char *key, size_t len) {
  if (!check_api_key(key, len)) {
    log_msg(LOG_AUTHPRIV | LOG_WARNING, "bad api key");
    return 401;
  }
  log_msg(LOG_AUTHPRIV | LOG_INFO, "api key accepted");
  return 200;
}

int api_quiet(const unsigned char *key, size_t len) {
  if (!check_api_key(key, len)) {
    log_msg(LOG_WARNING, "bad api key");
    return 401;
  }
  return 200;
}

int login_with_audit(const char *user, const char *password) {
  return audited_login(user, password) ? 0 : -1;
}

int main(void) {
  log_open("/var/log/app");
  create_file_safely("/var/log/app/audit.log", 1);
  FILE *report = app_fopen("report.csv", "w");
  FILE *config = app_fopen("/etc/app.conf", "r");
  shift_backups("/var/log/app/server.log", 5);
  shift_backups("catalog.db", 3);
  rotate_now("/var/log/app/access.log");
  log_file("started\n");
  fclose(report);
  fclose(config);
  return 0;
}
