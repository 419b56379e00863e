//===--- Uses.cpp - Every use of a variable -------------------------------===//

#include "utils/Uses.h"
#include "clang-tidy/utils/DeclRefExprUtils.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::logstream::utils {

llvm::SmallVector<const DeclRefExpr *, 16>
usesOf(const VarDecl &VD, const Stmt &Scope, ASTContext &Ctx) {
  auto Refs = tidy::utils::decl_ref_expr::allDeclRefExprs(VD, Scope, Ctx);
  llvm::SmallVector<const DeclRefExpr *, 16> Uses(Refs.begin(), Refs.end());
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::sort(Uses, [&](const DeclRefExpr *A, const DeclRefExpr *B) {
    if (A->getBeginLoc() != B->getBeginLoc())
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    // One location, several references (a macro argument expanded twice).
    return A->getEndLoc().getRawEncoding() < B->getEndLoc().getRawEncoding();
  });
  return Uses;
}

bool everyUse(const VarDecl &VD, const Stmt &Scope, ASTContext &Ctx,
              llvm::function_ref<bool(const DeclRefExpr *)> Allowed) {
  return llvm::all_of(usesOf(VD, Scope, Ctx), Allowed);
}

} // namespace clang::tidy::logstream::utils
