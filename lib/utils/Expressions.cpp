//===--- Expressions.cpp - What an expression is, as written --------------===//

#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"

namespace clang::tidy::logstream::utils {

/// The written arguments of a call (default arguments are not written).
llvm::SmallVector<const Expr *, 4> writtenArgs(const CallExpr *Call) {
  llvm::SmallVector<const Expr *, 4> Args;
  for (const Expr *A : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  return Args;
}

llvm::SmallVector<const Expr *, 4> writtenArgs(const CXXConstructExpr *C) {
  llvm::SmallVector<const Expr *, 4> Args;
  for (const Expr *A : C->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  return Args;
}

std::string sourceText(SourceRange R, ASTContext &Ctx) {
  CharSourceRange FR = utils::fileRange(R, Ctx);
  if (FR.isInvalid())
    return "";
  return Lexer::getSourceText(FR, Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

/// The string literal an argument is, through conversions and temporaries.
const StringLiteral *asStringLiteral(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return SL;
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() < 1)
        return nullptr;
      E = C->getArg(0);
      continue;
    }
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
      continue;
    }
    if (const auto *W = dyn_cast<ExprWithCleanups>(E)) {
      E = W->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

std::optional<int64_t> macroIntegerValue(const Preprocessor *PP,
                                         llvm::StringRef Name) {
  if (!PP)
    return std::nullopt;
  const MacroInfo *MI = PP->getMacroInfo(PP->getIdentifierInfo(Name));
  if (!MI || MI->isFunctionLike() || MI->getNumTokens() != 1 ||
      !MI->getReplacementToken(0).is(tok::numeric_constant))
    return std::nullopt;
  const Token &T = MI->getReplacementToken(0);
  int64_t Value = 0;
  if (llvm::StringRef(T.getLiteralData(), T.getLength()).getAsInteger(0, Value))
    return std::nullopt;
  return Value;
}

bool anyStatement(const Stmt *Root,
                  llvm::function_ref<bool(const Stmt *)> Pred) {
  llvm::SmallVector<const Stmt *, 32> Work = {Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (Pred(S))
      return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace clang::tidy::logstream::utils
