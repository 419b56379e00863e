//===--- Secrets.h - Which values written into a log record are secrets ---===//
//
// logstream-sensitive-log-data asks of every value a log record writes
// whether it is a secret: a variable, member, parameter or call named like a
// credential (CredentialNamePattern, the same default as
// logstream-security-event-category's) or like key material, the result of
// crypt()/getpass(), a PAM conversation reply, an Authorization or Cookie
// header, a configuration value looked up by a credential key. Lengths,
// emptiness tests, comparisons, literals and redacted values are not.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_SECRETS_H
#define LOGSTREAM_ANALYSIS_SECRETS_H

#include "utils/Compat.h"
#include "utils/CheckOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::analysis {

/// A secret found in a value.
struct Secret {
  const Expr *At;     // the expression that is the secret
  std::string Name;   // what the message calls it: 'password', 'crypt()'
  std::string Why;    // why it is one: "named like a credential", ...
  bool Whole = false; // the value is the secret (through c_str(), casts)
  bool PrefixAllowed = false; // a short prefix of it may be logged
};

struct SecretVocabulary {
  utils::Pattern CredentialName;
  utils::Pattern KeyMaterialName;
  utils::Pattern NonSecretName;
  utils::Pattern CredentialRecord;
  std::vector<llvm::StringRef> RedactionFunctions;
  std::vector<llvm::StringRef> SecretHeaders;
  unsigned AllowedPrefixLength = 8;
};

/// Whether \p T holds text a log record prints: a character pointer or
/// array, std::string, std::string_view and other string classes.
bool isTextType(QualType T);

class SecretFinder {
public:
  SecretFinder(const SecretVocabulary &V, ASTContext &Ctx) : V(V), Ctx(Ctx) {}
  /// The first secret \p Value writes, if any.
  std::optional<Secret> find(const Expr *Value) const;
  /// Whether an identifier names a secret (credential or key material, and
  /// not a length, a path, a flag, ...).
  bool isSecretName(llvm::StringRef Identifier) const;

private:
  std::optional<Secret> walk(const Expr *E, unsigned Depth, bool Whole) const;
  std::optional<Secret> walkCall(const CallExpr *Call, unsigned Depth,
                                 bool Whole) const;
  std::optional<Secret> walkDecl(const Expr *Ref, const ValueDecl *D,
                                 unsigned Depth, bool Whole) const;
  bool isRedaction(const FunctionDecl *F) const;
  bool isPasswordName(llvm::StringRef Identifier) const;

  const SecretVocabulary &V;
  ASTContext &Ctx;
};

/// The default of the KeyMaterialPattern option.
inline constexpr llvm::StringRef DefaultKeyMaterialPattern =
    "(^|_)(private_key|privkey|priv_key|signing_key|master_key|"
    "encryption_key|decryption_key|secret_key|client_secret|aes_key|"
    "hmac_key|session_key|key_pem|pem_key|user_pin|so_pin|pin_code|otp|"
    "totp_secret|mnemonic|authorization|authorization_header|auth_header|"
    "cookie|cookies|set_cookie)(_|$)";
/// The default of the NonSecretNamePattern option: names that say the value
/// is about a secret, not the secret.
inline constexpr llvm::StringRef DefaultNonSecretNamePattern =
    "(^|_)(len|length|size|sz|count|cnt|num|max|min|limit|file|filename|"
    "path|dir|prompt|hint|policy|changed|set|is|has|enabled|required|"
    "expired|expiry|expires|ttl|age|timeout|type|kind|name|id|idx|index|"
    "field|label|url|uri|env|var|format|fmt|rules?|strength|attempts|tries|"
    "retries|ok|valid|flag|flags|mode|source|location|header|provider|"
    "algorithm|algo|scheme|method|version|status|state|error|err|msg|"
    "message|result|mask|masked|redacted|placeholder|"
    "char|chars|charset|alphabet|entropy|score|quality|buf_size|width)(_|$)";
/// The default of the CredentialRecordPattern option: in these structs and
/// classes a member called `token` or `key` is a credential.
inline constexpr llvm::StringRef DefaultCredentialRecordPattern =
    "(^|_)(auth|authn|authentication|session|sessions|credential|"
    "credentials|creds|oauth|oauth2|login|bearer|jwt|apikey|api_key|secret|"
    "secrets)(_|$)";
inline constexpr llvm::StringRef DefaultRedactionFunctions =
    "redact;redacted;mask;mask_secret;obfuscate;scrub;censor;anonymize;"
    "sanitize_secret;hide_secret";
inline constexpr llvm::StringRef DefaultSecretHeaders =
    "Authorization;Proxy-Authorization;Cookie;Set-Cookie;X-Api-Key;"
    "X-Auth-Token;X-CSRF-Token";

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_SECRETS_H
