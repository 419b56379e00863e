// logstream-sensitive-log-data on Debian's real PAM (libpam0g-dev) and
// OpenSSL (libssl-dev) headers: a PAM conversation function that logs the
// reply, a private key written to stderr and to a BIO on stdout; public keys
// and key files stay quiet.
// REQUIRES: pam, openssl
// RUN: %check_logstream_tidy -std=c11 %s logstream-sensitive-log-data %t -- -- -D_GNU_SOURCE

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <security/pam_appl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

static int converse(int num_msg, const struct pam_message **msg,
                    struct pam_response **resp, void *appdata_ptr) {
  struct pam_response *reply = calloc((size_t)num_msg, sizeof *reply);
  (void)appdata_ptr;
  if (!reply)
    return PAM_BUF_ERR;
  for (int i = 0; i < num_msg; ++i) {
    reply[i].resp = strdup("secret");
    syslog(LOG_AUTHPRIV | LOG_DEBUG, "prompt '%s' answered with '%s'",
           msg[i]->msg, reply[i].resp);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: log record includes the secret 'resp' (a PAM conversation reply) [logstream-sensitive-log-data]
    // CHECK-FIXES: {{^}}           msg[i]->msg, "<redacted>");{{$}}
    syslog(LOG_AUTHPRIV | LOG_DEBUG, "reply of %zu bytes", strlen(reply[i].resp));
  }
  *resp = reply;
  return PAM_SUCCESS;
}

struct pam_conv conversation = {converse, NULL};

void dump_keys(EVP_PKEY *key, FILE *key_file) {
  PEM_write_PUBKEY(stdout, key);
  PEM_write_PrivateKey(key_file, key, NULL, NULL, 0, NULL, NULL);
  PEM_write_PrivateKey(stderr, key, NULL, NULL, 0, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PEM_write_PrivateKey' writes a private key to stderr, into the log stream
  BIO *out = BIO_new_fp(stdout, BIO_NOCLOSE);
  PEM_write_bio_PrivateKey(out, key, NULL, NULL, 0, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PEM_write_bio_PrivateKey' writes a private key to stdout, into the log stream
  BIO_free(out);
}
