//===--- Names.cpp - What a name says -------------------------------------===//

#include "utils/Names.h"
#include "utils/Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::logstream::utils {

std::string normalizeIdentifier(llvm::StringRef Id) {
  std::string Out;
  auto Push = [&Out](char C) {
    if (C == '_') {
      if (!Out.empty() && Out.back() != '_')
        Out += '_';
      return;
    }
    Out += C;
  };
  for (size_t I = 0; I < Id.size(); ++I) {
    char C = Id[I];
    char Prev = I ? Id[I - 1] : '\0';
    char Next = I + 1 < Id.size() ? Id[I + 1] : '\0';
    bool Boundary = false;
    if (llvm::isUpper(C) && I > 0 &&
        (llvm::isLower(Prev) || llvm::isDigit(Prev) ||
         (llvm::isUpper(Prev) && llvm::isLower(Next))))
      Boundary = true;
    if (llvm::isDigit(C) && I > 0 && llvm::isAlpha(Prev))
      Boundary = true;
    if (llvm::isAlpha(C) && I > 0 && llvm::isDigit(Prev))
      Boundary = true;
    if (Boundary)
      Push('_');
    Push(C == '_' ? '_' : llvm::toLower(C));
  }
  while (!Out.empty() && Out.back() == '_')
    Out.pop_back();
  size_t Start = Out.find_first_not_of('_');
  return Start == std::string::npos ? std::string() : Out.substr(Start);
}

bool isInTestFile(const Pattern &TestFile, SourceLocation Loc,
                  const SourceManager &SM) {
  if (TestFile.empty() || Loc.isInvalid())
    return false;
  llvm::StringRef Path = SM.getFilename(SM.getExpansionLoc(Loc));
  if (Path.empty())
    return false;
  llvm::ErrorOr<std::string> Cwd =
      SM.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory();
  if (Cwd && !Cwd->empty() && Path.starts_with(*Cwd + "/"))
    Path = Path.drop_front(Cwd->size() + 1);
  return TestFile.matches(Path);
}

bool mentionsMatchingName(const Expr *E, const Pattern &P) {
  if (!E || P.empty())
    return false;
  llvm::SmallVector<const Stmt *, 16> Work = {E};
  for (unsigned Visited = 0; !Work.empty() && Visited < 256; ++Visited) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    const NamedDecl *ND = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      ND = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(S))
      ND = ME->getMemberDecl();
    if (ND && ND->getIdentifier() &&
        P.matches(normalizeIdentifier(ND->getName())))
      return true;
    // A field of the C library's account records names what it holds
    // (`pw->pw_shell`, `sp->sp_pwdp`): the record's variable, as often as
    // not `pw` or `pwd`, says nothing about the field.
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (const RecordDecl *RD =
              ME->getBase()->getType()->isPointerType()
                  ? ME->getBase()
                        ->getType()
                        ->getPointeeType()
                        ->getAsRecordDecl()
                  : ME->getBase()->getType()->getAsRecordDecl();
          RD && RD->getIdentifier() &&
          (RD->getName() == "passwd" || RD->getName() == "spwd" ||
           RD->getName() == "group"))
        continue;
    // A local built from a matching value: `std::string from = log_path +
    // ".1"; rename(from.c_str(), ...)`.
    if (const auto *VD = dyn_cast_or_null<VarDecl>(ND))
      if (VD->isLocalVarDecl() && !VD->isImplicit() && VD->getInit())
        Work.push_back(VD->getInit());
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

const NamedDecl *referencedDecl(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

/// A node that only carries its operand's value on to its parent.
static bool carriesValue(const DynTypedNode &Node) {
  const Expr *E = Node.get<Expr>();
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    return CE->getNumArgs() >= 1;
  return isa_and_nonnull<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
                         CXXBindTemporaryExpr, ExprWithCleanups,
                         ExplicitCastExpr, InitListExpr>(E);
}

/// Whether \p RHS, through parentheses and conversions, is \p Value.
static bool isSameValue(const Expr *RHS, const Expr *Value) {
  return Value && RHS->IgnoreParenImpCasts() == Value->IgnoreParenImpCasts();
}

const NamedDecl *receiverOf(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node;
  DynTypedNode P = climbThrough(DynTypedNode::create(*E), Ctx, carriesValue,
                                &Node, /*MaxSteps=*/16);
  const Expr *Value = Node.get<Expr>();
  if (const auto *VD = P.get<VarDecl>())
    return VD;
  if (const auto *Init = P.get<CXXCtorInitializer>())
    return Init->getMember();
  // Some LLVM versions parent a member initializer's expression to the
  // constructor itself.
  if (const auto *Ctor = P.get<CXXConstructorDecl>()) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit() == Value)
        return Init->getMember();
    return nullptr;
  }
  if (const auto *BO = P.get<BinaryOperator>())
    return BO->isAssignmentOp() && isSameValue(BO->getRHS(), Value)
               ? referencedDecl(BO->getLHS())
               : nullptr;
  if (const auto *Op = P.get<CXXOperatorCallExpr>())
    return Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
                   isSameValue(Op->getArg(1), Value)
               ? referencedDecl(Op->getArg(0))
               : nullptr;
  return nullptr;
}

} // namespace clang::tidy::logstream::utils
