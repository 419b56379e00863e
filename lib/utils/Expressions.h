//===--- Expressions.h - What an expression is, as written ---------------===//

#ifndef LOGSTREAM_UTILS_EXPRESSIONS_H
#define LOGSTREAM_UTILS_EXPRESSIONS_H

#include "utils/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class Preprocessor;
} // namespace clang

namespace clang::tidy::logstream::utils {

/// The arguments written at a call (default arguments are not written).
llvm::SmallVector<const Expr *, 4> writtenArgs(const CallExpr *Call);
llvm::SmallVector<const Expr *, 4> writtenArgs(const CXXConstructExpr *C);

/// The source text of a range, or "" when it is (partly) in a macro body.
std::string sourceText(SourceRange R, ASTContext &Ctx);

/// The value of an object-like macro whose body is one integer literal
/// (`#define _IOFBF 0`, `#define O_CREAT 0100`), as the headers in use
/// define it; nullopt when there is no such macro.
std::optional<int64_t> macroIntegerValue(const Preprocessor *PP,
                                         llvm::StringRef Name);

/// The string literal an argument is, through conversions and temporaries
/// (`std::string("x")`, `const std::string &` parameters bound to "x").
const StringLiteral *asStringLiteral(const Expr *E);

/// Whether \p Pred holds for \p Root or a statement below it (children
/// only: no declaration is entered), stopping at the first. A walk by hand
/// for the analyses that ask one question of one body: a matcher builds a
/// finder and a traversal each time. To visit every statement, return false.
bool anyStatement(const Stmt *Root,
                  llvm::function_ref<bool(const Stmt *)> Pred);

/// The C comparison functions a credential check is written with (strcmp,
/// strncmp, memcmp, bcmp, strcasecmp), unqualified.
llvm::ArrayRef<llvm::StringRef> comparisonFunctions();

/// The comparison function (one of comparisonFunctions()) \p FD is a thin
/// wrapper of: its body returns that function's result for two of its own
/// parameters, as it is (`return strcmp(a, b);`) or as equality
/// (`return strcmp(a, b) == 0;`, `return !memcmp(a, b, n);`: then
/// \p ReturnsEqual is set); "" for any other function or one without a body
/// here.
llvm::StringRef comparedBy(const FunctionDecl *FD,
                           bool *ReturnsEqual = nullptr);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_EXPRESSIONS_H
