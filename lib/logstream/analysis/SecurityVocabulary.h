//===--- SecurityVocabulary.h - Security operations and credential names --===//
//
// The defaults of logstream-security-event-category's SecurityOperations and
// CredentialNamePattern options, shared with the project-facts extraction so
// that a helper in another file is judged by the same table.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_SECURITYVOCABULARY_H
#define LOGSTREAM_ANALYSIS_SECURITYVOCABULARY_H

#include "llvm/ADT/StringRef.h"

namespace clang::tidy::logstream::analysis {

/// `function=event[:true]`; `:true` marks functions that return true/1 on
/// success, the others return 0 on success.
inline constexpr llvm::StringRef DefaultSecurityOperations =
    "pam_authenticate=authn_login;pam_acct_mgmt=authn_login;"
    "pam_chauthtok=authn_password_change;ldap_simple_bind_s=authn_login;"
    "ldap_sasl_bind_s=authn_login;sasl_server_step=authn_login;"
    "sasl_checkpass=authn_login;X509_verify_cert=authn_certificate:true;"
    "SSL_get_verify_result=authn_certificate;"
    "EVP_DigestVerify=authn_signature:true;"
    "EVP_DigestVerifyFinal=authn_signature:true;"
    "EVP_VerifyFinal=authn_signature:true;EVP_PKEY_verify=authn_signature:true;"
    "RSA_verify=authn_signature:true;ECDSA_verify=authn_signature:true;"
    "PKCS7_verify=authn_signature:true;CMS_verify=authn_signature:true;"
    "X509_verify=authn_certificate:true;X509_CRL_verify=authn_certificate:true;"
    "OCSP_basic_verify=authn_certificate:true;"
    "EVP_DecryptFinal_ex=crypt_decrypt:true;"
    "setuid=privilege_permissions_changed;seteuid=privilege_permissions_"
    "changed;"
    "setreuid=privilege_permissions_changed;"
    "setresuid=privilege_permissions_changed;"
    "setgid=privilege_permissions_changed;setegid=privilege_permissions_"
    "changed;"
    "setregid=privilege_permissions_changed;"
    "setresgid=privilege_permissions_changed;"
    "setgroups=privilege_permissions_changed;"
    "initgroups=privilege_permissions_changed;"
    "chroot=privilege_permissions_changed;capset=privilege_permissions_changed;"
    "cap_set_proc=privilege_permissions_changed";

// Bare `token` is every lexer's variable: only compound token names count.
inline constexpr llvm::StringRef DefaultCredentialPattern =
    "(^|_)(password|passwd|passphrase|pwd|secret|api_key|apikey|credential|"
    "credentials|bearer|(auth|access|refresh|session|api|csrf|oauth|reset|"
    "bearer)_token)(_|$)|^(pass|pw)$";

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_SECURITYVOCABULARY_H
