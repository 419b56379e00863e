//===--- Names.h - What a name says ---------------------------------------===//
//
// Identifiers read the way the name heuristics of every check read them
// (lower snake_case), test files by path, and the declaration an expression
// names or is stored into.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_NAMES_H
#define LOGSTREAM_UTILS_NAMES_H

#include "utils/Compat.h"
#include "utils/CheckOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::logstream::utils {

/// Normalizes an identifier to lower snake_case: `errorLog` -> `error_log`,
/// `kLOGFile` -> `k_log_file`, `log2` -> `log_2`, `__log_` -> `log`.
std::string normalizeIdentifier(llvm::StringRef Identifier);

/// Whether \p E mentions a variable, field or function whose name, in lower
/// snake_case, matches \p P; local variables are followed to their
/// initializer. Shared by the log-name and credential-name heuristics.
bool mentionsMatchingName(const Expr *E, const Pattern &P);

/// The default of the TestFilePattern options: test code (fixtures that
/// write `sample.log`, helpers that drop privileges) is not production
/// logging. Matched against the file's path relative to the compile
/// command's directory.
inline constexpr llvm::StringRef DefaultTestFilePattern =
    R"((^|/)(tests?|testing|unittests?|fuzz|fuzzers?)/|)"
    R"((_|-)(unit)?tests?\.(c|cc|cpp|cxx)$|(^|/)tests?_[^/]*\.(c|cc|cpp|cxx)$)";

/// Whether \p Loc is in a file that \p TestFile matches, the path taken
/// relative to the compile command's working directory.
bool isInTestFile(const Pattern &TestFile, SourceLocation Loc,
                  const SourceManager &SM);

/// The variable, field or parameter that \p E initializes or is assigned
/// to, looking through parentheses, conversions and temporaries.
const NamedDecl *receiverOf(const Expr *E, ASTContext &Ctx);

/// The declaration an expression refers to (a variable, a field through
/// `this->f`, `obj.f` or `obj->f`), through parentheses and conversions.
const NamedDecl *referencedDecl(const Expr *E);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_NAMES_H
