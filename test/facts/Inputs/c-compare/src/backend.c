/* A password backend that compares through the string helpers of
 * strutil.c: the comparisons are credential checks as with strcmp. */
#include <crypt.h>
#include <stdio.h>

int str_cmp(const char *a, const char *b);
int str_same(const char *a, const char *b);

struct account {
  const char *name;
  const char *password_hash;
};

int backend_login(const struct account *acct, const char *password) {
  const char *hashed = crypt(password, acct->password_hash);
  if (str_cmp(hashed, acct->password_hash) != 0) {
    fprintf(stderr, "login refused for %s\n", acct->name);
    return 0;
  }
  return 1;
}

int backend_admin(const char *password, const char *admin_password) {
  if (!str_same(password, admin_password))
    return -1;
  return 0;
}

/* Names, not credentials. */
int backend_same_account(const struct account *a, const struct account *b) {
  return str_same(a->name, b->name);
}
