//===--- UntrustedText.cpp - Text that an attacker can choose -------------===//

#include "UntrustedText.h"
#include "RecordValues.h"
#include "Secrets.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::analysis {

namespace {

constexpr unsigned MaxDepth = 4;

bool isArgv(const ParmVarDecl *P) {
  const auto *Fn = dyn_cast<FunctionDecl>(P->getDeclContext());
  return (Fn && Fn->isMain() && P->getFunctionScopeIndex() == 1) ||
         (P->getIdentifier() && P->getName() == "argv");
}

bool isTextAccessor(llvm::StringRef Name) {
  static constexpr llvm::StringRef Names[] = {
      "c_str",       "data",   "str",      "substr",
      "toStdString", "toUtf8", "toLatin1", "toLocal8Bit",
      "constData",   "value",  "view",     "string"};
  return llvm::is_contained(Names, Name);
}

/// The parameter an object expression starts from (`req.hdr.user` ->
/// `req`), through members and dereferences.
const ParmVarDecl *baseParameter(const Expr *E) {
  for (unsigned I = 0; I < 8 && E; ++I) {
    E = stripValue(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<ParmVarDecl>(DRE->getDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(E))
      E = UO->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

std::string typeName(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  if (const auto *RD = T->getAsRecordDecl(); RD && RD->getIdentifier())
    return utils::normalizeIdentifier(RD->getName());
  return std::string();
}

} // namespace

bool UntrustedFinder::isListed(const FunctionDecl *F,
                               const std::vector<llvm::StringRef> &List) const {
  if (!F || !F->getIdentifier())
    return false;
  std::string Q = F->getQualifiedNameAsString();
  return llvm::is_contained(List, F->getName()) ||
         llvm::is_contained(List, Q) || llvm::is_contained(List, "::" + Q);
}

std::optional<Untrusted> UntrustedFinder::find(const Expr *Value) const {
  return walk(Value, 0);
}

std::optional<Untrusted> UntrustedFinder::walk(const Expr *E,
                                               unsigned Depth) const {
  if (!E || Depth > MaxDepth)
    return std::nullopt;
  E = stripValue(E);
  if (isa<StringLiteral>(E) || E->isTypeDependent())
    return std::nullopt;
  // Integers, booleans, characters cannot hold a line break worth forging
  // (a char can, but formats print one).
  if (!isTextType(E->getType()) && !E->getType()->isRecordType())
    return std::nullopt;
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    if (auto U = walk(CO->getTrueExpr(), Depth + 1))
      return U;
    return walk(CO->getFalseExpr(), Depth + 1);
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAdditiveOp())
      return walk(BO->getLHS(), Depth + 1);
    if (BO->isCommaOp())
      return walk(BO->getRHS(), Depth + 1);
    return std::nullopt;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = stripValue(AS->getBase());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Base))
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
        return Untrusted{E, isArgv(P)
                                ? std::string("argv")
                                : "parameter '" + P->getName().str() + "'"};
    return walk(Base, Depth + 1);
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
      if (!P->getIdentifier() || !isTextType(P->getType()) ||
          V.TrustedParameter.matches(P->getName()))
        return std::nullopt;
      return Untrusted{E, "parameter '" + P->getName().str() + "'"};
    }
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->isLocalVarDecl())
      return walkLocal(E, VD, Depth);
    return std::nullopt;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    // `req.user`, `msg->from` of a request-like parameter.
    const ParmVarDecl *P = baseParameter(ME->getBase());
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!P || !Field || !Field->getIdentifier() ||
        !isTextType(Field->getType()) ||
        !V.RequestRecord.matches(typeName(P->getType())))
      return std::nullopt;
    return Untrusted{E, "'" + Field->getName().str() + "' of parameter '" +
                            P->getName().str() + "'"};
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2) {
      if (auto U = walk(Op->getArg(0), Depth + 1))
        return U;
      return walk(Op->getArg(1), Depth + 1);
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return walkCall(Call, Depth);
  if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() >= 1)
    return walk(C->getArg(0), Depth + 1);
  return std::nullopt;
}

std::optional<Untrusted> UntrustedFinder::walkCall(const CallExpr *Call,
                                                   unsigned Depth) const {
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !F->getIdentifier() || isListed(F, V.EscapingFunctions))
    return std::nullopt;
  llvm::StringRef Name = F->getName();
  if (isListed(F, V.SourceFunctions))
    return Untrusted{Call, ("'" + Name + "()'").str()};
  if (isTextType(Call->getType()) &&
      V.HeaderFunction.matches(utils::normalizeIdentifier(Name)))
    return Untrusted{Call, ("a request value ('" + Name + "()')").str()};
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (isTextAccessor(Name))
      return walk(MC->getImplicitObjectArgument(), Depth + 1);
  // Other text functions carry their text arguments' line breaks through
  // (`trim(user)`, `fmt::format("{}", user)`), unless they escape by name.
  if (!isTextType(Call->getType()) && !Call->getType()->isRecordType())
    return std::nullopt;
  if (V.EscapingName.matches(utils::normalizeIdentifier(Name)))
    return std::nullopt;
  for (const Expr *A : Call->arguments())
    if (isTextType(stripValue(A)->getType()) ||
        stripValue(A)->getType()->isRecordType())
      if (auto U = walk(A, Depth + 1))
        return U;
  return std::nullopt;
}

std::optional<Untrusted> UntrustedFinder::walkLocal(const Expr *Ref,
                                                    const VarDecl *VD,
                                                    unsigned Depth) const {
  if (const Expr *Init = VD->getInit())
    if (auto U = walk(Init, Depth + 1)) {
      U->At = Ref;
      return U;
    }
  // A buffer a read fills: recv(fd, buf, ...), fgets(buf, n, stdin),
  // std::getline(in, line).
  const auto *Fn = dyn_cast<FunctionDecl>(VD->getDeclContext());
  if (!Fn || !Fn->getBody())
    return std::nullopt;
  auto BufferRef = ignoringParenImpCasts(
      anyOf(declRefExpr(to(equalsNode(VD))),
            unaryOperator(hasOperatorName("&"),
                          hasUnaryOperand(declRefExpr(to(equalsNode(VD)))))));
  auto Reads =
      match(findAll(callExpr(
                callee(functionDecl(utils::hasAnyNameFast(
                                        "::recv", "::recvfrom", "::read",
                                        "::SSL_read", "::BIO_read", "::fgets",
                                        "::getline", "::getdelim",
                                        "::std::getline", "::fread"))
                           .bind("fn")),
                hasAnyArgument(BufferRef))),
            *Fn->getBody(), Ctx);
  if (Reads.empty())
    return std::nullopt;
  const auto *Read = Reads.front().getNodeAs<FunctionDecl>("fn");
  return Untrusted{Ref,
                   ("a buffer filled by '" + Read->getName() + "()'").str()};
}

} // namespace clang::tidy::logstream::analysis
