//===--- StandardStreams.h - Recognizing stdout/stderr and their C++ peers ===//
//
// The event stream is the process's standard output (and, for diagnostics,
// standard error). Several checks need to know whether an expression names
// one of them, in C (`stdout`, `stderr`, whatever the C library expands them
// to) or in C++ (`std::cout`, `std::cerr`, `std::clog` and wide variants).
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_STANDARDSTREAMS_H
#define LOGSTREAM_UTILS_STANDARDSTREAMS_H

#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang::tidy::logstream::utils {

enum class StdStream { Out, Err };

/// Returns which standard C stream \p E denotes, looking through parens and
/// casts: the `stdout`/`stderr` macros of any C library (glibc's variables,
/// musl's, BSD's `__stdoutp`, MSVC's `__acrt_iob_func(1)`) or
/// `fdopen(1|2, ...)`-free references to them.
std::optional<StdStream> classifyStdFile(const Expr *E, const ASTContext &Ctx);

/// Returns which standard C++ stream object \p E denotes (`std::cout`,
/// `std::wcout`, `std::cerr`, `std::clog`, ...).
std::optional<StdStream> classifyStdOStream(const Expr *E);

/// Matches a reference to one of the standard C++ output stream objects.
ast_matchers::internal::Matcher<Expr> stdOStreamObject();

/// The spelling of the C stream, for messages and fix-its.
llvm::StringRef spelling(StdStream S);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_STANDARDSTREAMS_H
