#ifndef AUTH_H
#define AUTH_H
#include <stddef.h>

int password_matches(const char *user, const char *password);
int basicauth_check(const char *user, const char *password);
int request_allowed(const char *user, const char *password);
int check_api_key(const unsigned char *key, size_t len);
void security_audit(const char *event, const char *user);
int audited_login(const char *user, const char *password);

#endif
