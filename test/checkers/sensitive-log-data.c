// Secrets in log records, C: printf, fprintf(stderr), syslog, dprintf, the
// runtime API's C interface; crypt() and getpass() results (also through a
// local assigned later), PAM conversation replies, struct passwd and spwd
// hashes, environment variables named like credentials, a private key
// written with PEM_write_PrivateKey to stderr. C89-style wrappers and a
// printf-like logging function of the project.
// RUN: %check_logstream_tidy -std=c11 %s logstream-sensitive-log-data %t -- -- -D_GNU_SOURCE -I%srcroot/include

#include <crypt.h>
#include <logstream/event.h>
#include <pwd.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

struct pam_message;
struct pam_response {
  char *resp;
  int resp_retcode;
};

typedef struct evp_pkey_st EVP_PKEY;
typedef struct evp_cipher_st EVP_CIPHER;
typedef int pem_password_cb(char *buf, int size, int rwflag, void *u);
int PEM_write_PrivateKey(FILE *fp, const EVP_PKEY *x, const EVP_CIPHER *enc,
                         const unsigned char *kstr, int klen,
                         pem_password_cb *cb, void *u);
int PEM_write_PUBKEY(FILE *fp, const EVP_PKEY *x);

/* The project's logging function: printf-like, named like logging. */
void app_log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Printf-like, but a string builder. */
int str_appendf(char *buf, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

struct db_config {
  const char *host;
  const char *user;
  const char *passwd;
  int passwd_len;
};

int conversation(int n, const struct pam_message **msg,
                 struct pam_response **resp, void *data) {
  (void)msg;
  (void)data;
  for (int i = 0; i < n; ++i)
    fprintf(stderr, "pam reply %d: %s\n", i, resp[i]->resp);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: log record includes the secret 'resp' (a PAM conversation reply) [logstream-sensitive-log-data]
  // CHECK-FIXES: {{^}}    fprintf(stderr, "pam reply %d: %s\n", i, "<redacted>");{{$}}
  return 0;
}

int check_user(const char *user, const char *salt) {
  char *hash;
  char *pass = getpass("Password: ");
  syslog(LOG_AUTHPRIV | LOG_DEBUG, "user %s typed %s", user, pass);
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: log record includes the secret 'pass' (named like a credential)
  // CHECK-FIXES: {{^}}  syslog(LOG_AUTHPRIV | LOG_DEBUG, "user %s typed %s", user, "<redacted>");{{$}}
  hash = crypt(pass, salt);
  printf("computed hash %s for %s\n", hash, user);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: log record includes the secret 'crypt()' (assigned from crypt())
  // CHECK-FIXES: {{^}}  printf("computed hash %s for %s\n", "<redacted>", user);{{$}}
  printf("hash prefix %.8s\n", hash);
  return 0;
}

void show_accounts(const char *name) {
  struct passwd *pw = getpwnam(name);
  struct spwd *sp = getspnam(name);
  if (!pw || !sp)
    return;
  printf("account %s hash %s uid %d\n", pw->pw_name, pw->pw_passwd, (int)pw->pw_uid);
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: log record includes the secret 'pw_passwd' (named like a credential)
  // CHECK-FIXES: {{^}}  printf("account %s hash %s uid %d\n", pw->pw_name, "<redacted>", (int)pw->pw_uid);{{$}}
  dprintf(STDERR_FILENO, "shadow entry %s\n", sp->sp_pwdp);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: log record includes the secret 'sp_pwdp' (a password hash)
  // CHECK-FIXES: {{^}}  dprintf(STDERR_FILENO, "shadow entry %s\n", "<redacted>");{{$}}
}

void connect_db(const struct db_config *cfg) {
  app_log_error("cannot connect to %s as %s (password %s, %d chars)", cfg->host,
                cfg->user, cfg->passwd, cfg->passwd_len);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: log record includes the secret 'passwd' (named like a credential)
  // CHECK-FIXES: {{^}}                cfg->user, "<redacted>", cfg->passwd_len);{{$}}
  char line[256];
  str_appendf(line, sizeof line, "password=%s", cfg->passwd);
  const char *fields[] = {"user", cfg->user};
  logstream_security_event("authn_login_fail", fields, 1);
  logstream_security_event(
      "authn_login_fail",
      (const char *[]){"user", cfg->user, "secret", getenv("DB_SECRET")}, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:53: warning: log record includes the secret ''DB_SECRET'' (looked up by a credential name)
  // CHECK-FIXES: {{^}}      (const char *[]){"user", cfg->user, "secret", "<redacted>"}, 2);{{$}}
}

void dump_key(EVP_PKEY *key, FILE *out) {
  PEM_write_PUBKEY(stderr, key);
  PEM_write_PrivateKey(out, key, NULL, NULL, 0, NULL, NULL);
  PEM_write_PrivateKey(stderr, key, NULL, NULL, 0, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PEM_write_PrivateKey' writes a private key to stderr, into the log stream
}
