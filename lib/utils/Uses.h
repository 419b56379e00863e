//===--- Uses.h - Every use of a variable ---------------------------------===//
//
// "Is every use of this variable X?" is how the fix-its decide that a file
// stream, a sink or a buffer can be replaced: built on clang-tidy's
// decl_ref_expr utilities, in source order so that what a caller collects
// (the fclose calls to remove, ...) comes out the same on every run.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_USES_H
#define LOGSTREAM_UTILS_USES_H

#include "utils/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::logstream::utils {

/// The references to \p VD inside \p Scope, in source order.
llvm::SmallVector<const DeclRefExpr *, 16>
usesOf(const VarDecl &VD, const Stmt &Scope, ASTContext &Ctx);

/// Whether \p Allowed holds for every reference to \p VD inside \p Scope
/// (true when there is none).
bool everyUse(const VarDecl &VD, const Stmt &Scope, ASTContext &Ctx,
              llvm::function_ref<bool(const DeclRefExpr *)> Allowed);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_USES_H
