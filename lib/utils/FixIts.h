//===--- FixIts.h - Fix-it building blocks shared by the checks -----------===//

#ifndef LOGSTREAM_UTILS_FIXITS_H
#define LOGSTREAM_UTILS_FIXITS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>

namespace clang::tidy::logstream::utils {

/// Whether \p S is a statement of its own: its parent is a compound
/// statement (so removing it leaves valid code), not a condition, a
/// for-init or the body of an `if` without braces.
bool isStandaloneStatement(const Stmt *S, ASTContext &Ctx);

/// The expression statement that \p E is, if it is one whose value is unused
/// and that stands on its own (see isStandaloneStatement).
const Expr *asDiscardedStatement(const Expr *E, ASTContext &Ctx);

/// A fix-it that removes the statement \p S with its semicolon and, when the
/// statement is alone on its line(s), the whole line. Returns nullopt when
/// the statement is (partly) written by a macro.
std::optional<FixItHint> removeStatement(const Stmt *S, ASTContext &Ctx);

/// The file range of \p S's tokens when it can be rewritten in place (not
/// inside a macro body), invalid otherwise.
CharSourceRange fileRange(SourceRange R, ASTContext &Ctx);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_FIXITS_H
