// logstream-security-event-category on Debian's real OpenSSL 3 headers
// (libssl-dev).
// REQUIRES: openssl
// RUN: %check_logstream_tidy -std=c++17 %s logstream-security-event-category %t -- -- -I%srcroot/include

#include <logstream/event.h>
#include <cstdio>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pkcs7.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <string>

bool verifyPeer(SSL *ssl, const std::string &peer) {
  if (SSL_get_verify_result(ssl) != X509_V_OK) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'SSL_get_verify_result' (authn_certificate_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return false;
  }
  logstream::security_event("authn_certificate_success", {{"peer", peer}});
  return true;
}

bool verifyChain(X509_STORE_CTX *ctx) {
  int ok = X509_verify_cert(ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: security-critical 'X509_verify_cert' (authn_certificate_fail): the failure path returns at line {{[0-9]+}}
  if (ok != 1)
    return false;
  logstream::security_event("authn_certificate_success");
  return true;
}

bool verifySignature(EVP_MD_CTX *md, const unsigned char *sig, size_t len) {
  if (EVP_DigestVerifyFinal(md, sig, len) == 1) {
    logstream::security_event("authn_signature_success");
    return true;
  }
  logstream::security_event("authn_signature_fail", {}, logstream::level::error);
  return false;
}

int decrypt(EVP_CIPHER_CTX *c, unsigned char *out, int *len) {
  if (!EVP_DecryptFinal_ex(c, out, len)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'EVP_DecryptFinal_ex' (crypt_decrypt_fail): the failure path returns at line {{[0-9]+}}
    return -1;
  }
  return *len;
  // With the success path unrecorded too, the failure path is the one named.
}

// A signed update file, checked against pinned signers: the success is
// recorded, the failure only leaves `secure` false.
bool verifyUpdate(PKCS7 *p7, STACK_OF(X509) * signers, X509_STORE *store,
                  BIO *data, bool verbose) {
  bool secure = false;
  if (PKCS7_verify(p7, signers, store, data, nullptr, PKCS7_NOINTERN) == 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'PKCS7_verify' (authn_signature_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    secure = true;
    logstream::security_event("authn_signature_success");
  } else if (verbose) {
    ERR_print_errors_fp(stderr);
  }
  return secure;
}

// Both outcomes recorded: quiet.
bool verifyEnvelope(CMS_ContentInfo *cms, X509_STORE *store, BIO *out) {
  if (CMS_verify(cms, nullptr, store, nullptr, out, 0) != 1) {
    logstream::security_event("authn_signature_fail");
    return false;
  }
  logstream::security_event("authn_signature_success");
  return true;
}

// A stapled OCSP response and a certificate's own signature.
int checkStapling(OCSP_BASICRESP *resp, X509_STORE *store, X509 *cert,
                  EVP_PKEY *issuerKey) {
  if (OCSP_basic_verify(resp, nullptr, store, 0) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'OCSP_basic_verify' (authn_certificate_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return -1;
  logstream::security_event("authn_certificate_success");
  if (X509_verify(cert, issuerKey) != 1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'X509_verify' (authn_certificate_fail): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    return -1;
  logstream::security_event("authn_certificate_success");
  return 0;
}
