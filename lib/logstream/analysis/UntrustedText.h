//===--- UntrustedText.h - Text that an attacker can choose ---------------===//
//
// logstream-event-injection asks of every string a SECURITY record formats
// whether it comes from outside the program: a parameter of the function
// that logs (a user name, a request), argv, an environment variable, a
// request header or parameter, a buffer filled by a network read. A value
// passed through an escaping function (EscapingFunctions) is not.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_UNTRUSTEDTEXT_H
#define LOGSTREAM_ANALYSIS_UNTRUSTEDTEXT_H

#include "utils/CheckOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::analysis {

struct Untrusted {
  const Expr *At;
  std::string What; // "parameter 'user'", "argv", "environment variable"
};

struct UntrustedVocabulary {
  std::vector<llvm::StringRef> EscapingFunctions;
  utils::Pattern EscapingName;                  // functions that escape by name
  std::vector<llvm::StringRef> SourceFunctions; // getenv, header lookups
  utils::Pattern RequestRecord;    // members of parameters of these types
  utils::Pattern HeaderFunction;   // req.header("..."), get_param(...)
  utils::Pattern TrustedParameter; // event names, levels, format wrappers
};

inline constexpr llvm::StringRef DefaultEscapingFunctions =
    "escape;json_escape;escape_json;log_escape;escape_log;quote;sanitize;"
    "sanitize_log;strvis;strnvis;stravis;g_strescape;url_encode;urlencode;"
    "c_escape;CEscape;escape_string;escapeString";
inline constexpr llvm::StringRef DefaultEscapingFunctionPattern =
    "escape|sanitiz|quote|encode|json|hex|base64|hash|digest|strvis|strnvis|"
    "stravis|printable";
inline constexpr llvm::StringRef DefaultSourceFunctions =
    "getenv;secure_getenv;MHD_lookup_connection_value;evhttp_find_header;"
    "FCGX_GetParam;apr_table_get;ap_table_get";
inline constexpr llvm::StringRef DefaultRequestRecordPattern =
    "(^|_)(request|req|message|msg|packet|pkt|query|form|http|client|peer|"
    "payload|login|credentials?|input)(_|$)";
inline constexpr llvm::StringRef DefaultHeaderFunctionPattern =
    "(^|_)(header|headers|get_header|header_value|get_header_value|cookie|"
    "get_cookie|get_param|param_value|query_param|get_query|form_value|"
    "get_form|user_agent|referer|remote_user)$";

inline constexpr llvm::StringRef DefaultTrustedParameterPattern =
    "^(fmt|format|func|function|file|filename|caller|component|module|"
    "category|cat|level|lvl|tag|event|event_name|prefix|where|what|action|op|"
    "operation|reason|kind|type|facility|priority|subsystem|section|scope|"
    "msg|message|text|line|str|s|buf|buffer|description|desc|detail|details|"
    "label|name_of_event|outcome|result|status)$";

class UntrustedFinder {
public:
  UntrustedFinder(const UntrustedVocabulary &V, ASTContext &Ctx)
      : V(V), Ctx(Ctx) {}
  /// The untrusted text \p Value formats, if any.
  std::optional<Untrusted> find(const Expr *Value) const;

private:
  std::optional<Untrusted> walk(const Expr *E, unsigned Depth) const;
  std::optional<Untrusted> walkCall(const CallExpr *Call, unsigned Depth) const;
  std::optional<Untrusted> walkLocal(const Expr *Ref, const VarDecl *VD,
                                     unsigned Depth) const;
  bool isListed(const FunctionDecl *F,
                const std::vector<llvm::StringRef> &List) const;

  const UntrustedVocabulary &V;
  ASTContext &Ctx;
};

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_UNTRUSTEDTEXT_H
