//===--- Expressions.cpp - What an expression is, as written --------------===//

#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"

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

llvm::ArrayRef<llvm::StringRef> comparisonFunctions() {
  static constexpr llvm::StringRef Names[] = {"strcmp", "strncmp", "memcmp",
                                              "bcmp", "strcasecmp"};
  return Names;
}

llvm::StringRef comparedBy(const FunctionDecl *FD, bool *ReturnsEqual) {
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def) || !Def || Def->getNumParams() < 2)
    return "";
  const Stmt *Body = Def->getBody();
  if (const auto *Block = dyn_cast<CompoundStmt>(Body)) {
    if (Block->size() != 1)
      return "";
    Body = Block->body_front();
  }
  const auto *Return = dyn_cast<ReturnStmt>(Body);
  const Expr *Value = Return && Return->getRetValue()
                          ? Return->getRetValue()->IgnoreParenCasts()
                          : nullptr;
  // `== 0` (either side) or `!`: the wrapper answers "equal".
  bool Equal = false;
  auto IsZero = [](const Expr *E) {
    const auto *L = dyn_cast<IntegerLiteral>(E->IgnoreParenCasts());
    return L && L->getValue() == 0;
  };
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Value);
      BO && BO->getOpcode() == BO_EQ) {
    Equal = true;
    Value = IsZero(BO->getRHS())   ? BO->getLHS()->IgnoreParenCasts()
            : IsZero(BO->getLHS()) ? BO->getRHS()->IgnoreParenCasts()
                                   : nullptr;
  } else if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Value);
             UO && UO->getOpcode() == UO_LNot) {
    Equal = true;
    Value = UO->getSubExpr()->IgnoreParenCasts();
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(Value);
  const FunctionDecl *Inner = Call ? Call->getDirectCallee() : nullptr;
  if (!Inner || !Inner->getIdentifier() || Call->getNumArgs() < 2 ||
      !llvm::is_contained(comparisonFunctions(), Inner->getName()))
    return "";
  const DeclContext *DC = Inner->getDeclContext()->getRedeclContext();
  if (!DC->isTranslationUnit() && !DC->isStdNamespace())
    return "";
  // Both compared operands are the wrapper's own parameters, two of them.
  const ParmVarDecl *Seen = nullptr;
  for (unsigned I = 0; I < 2; ++I) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Call->getArg(I)->IgnoreParenCasts());
    const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    if (!P || P->getDeclContext() != Def || P == Seen)
      return "";
    Seen = P;
  }
  if (ReturnsEqual)
    *ReturnsEqual = Equal;
  return Inner->getName();
}

} // namespace clang::tidy::logstream::utils
