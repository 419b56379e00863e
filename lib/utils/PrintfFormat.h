//===--- PrintfFormat.h - printf format strings and printf-like calls -----===//
//
// Which argument of a printf-like call a conversion consumes, and what the
// literal text around the conversions says: the checks that read log
// records (secrets, forgeable events) need both.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_PRINTFFORMAT_H
#define LOGSTREAM_UTILS_PRINTFFORMAT_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::utils {

/// One conversion of a printf format string.
struct Conversion {
  char Kind = 0;      // 's', 'd', 'p', ... ('%' and 'm' take none)
  std::string Length; // "l", "ll", "z", ...
  std::optional<unsigned> Precision; // `%.8s`
  bool StarWidth = false;            // `%*s`: a width argument comes first
  bool StarPrecision = false;        // `%.*s`: a precision argument comes first
  std::optional<unsigned> Arg;       // index among the variadic arguments
  size_t Begin = 0, End = 0;         // byte offsets of `%...` in the format
};

/// The conversions of \p Format, in order; nullopt when it does not parse
/// (an unknown conversion, a `%n$` positional argument).
std::optional<std::vector<Conversion>>
parsePrintfFormat(llvm::StringRef Format);

/// Where a call's format string and first variadic argument are.
struct PrintfCall {
  unsigned FormatIndex;
  unsigned FirstArg;
};

/// The printf-like shape of \p Call: the C library's printf family
/// (printf, fprintf, dprintf, syslog, ...) and any function declared with
/// `__attribute__((format(printf, M, N)))`; nullopt otherwise (including
/// the v* forms, whose arguments are a va_list).
std::optional<PrintfCall> printfShape(const CallExpr *Call);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_PRINTFFORMAT_H
