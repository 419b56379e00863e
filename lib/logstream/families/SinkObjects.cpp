//===--- SinkObjects.cpp - File sink objects of every library -------------===//

#include "logstream/families/SinkObjects.h"
#include "logstream/families/Families.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/Uses.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral NewId = "sink-new";
constexpr llvm::StringLiteral MakeId = "sink-make";
constexpr llvm::StringLiteral ConstructId = "sink-construct";

/// The record a pointer or smart pointer type points to.
const CXXRecordDecl *pointeeRecord(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType())
    return T->getPointeeType()->getAsCXXRecordDecl();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl())) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type)
      return Args[0].getAsType()->getAsCXXRecordDecl();
  }
  return nullptr;
}

/// Whether objects are only handled through a library's base interface.
class BaseUses {
public:
  BaseUses(const LibrarySink &Api, ASTContext &Ctx) : Api(Api), Ctx(Ctx) {}

  /// Whether the object created by \p E is only ever handled through the
  /// library's base interface (so that a console sink can take its place):
  /// converted right away to a pointer or smart pointer to a base, or held
  /// in an `auto` local whose every use is such a conversion or a call of a
  /// method declared in a base.
  bool onlyThroughBase(const Expr *E) const {
    if (convertedToBase(E))
      return true;
    if (!Api.AllowAutoVariable)
      return false;
    const auto *VD = dyn_cast_or_null<VarDecl>(utils::receiverOf(E, Ctx));
    if (!VD || !VD->isLocalVarDecl() || !VD->getType()->getContainedAutoType())
      return false;
    const FunctionDecl *FD = utils::enclosingFunction(E, Ctx);
    if (!FD || !FD->getBody())
      return false;
    return utils::everyUse(
        *VD, *FD->getBody(), Ctx, [this](const DeclRefExpr *Ref) {
          return convertedToBase(Ref) || callsBaseMethod(Ref);
        });
  }

private:
  bool isBase(const CXXRecordDecl *RD) const {
    return RD && RD->getIdentifier() &&
           llvm::is_contained(Api.BaseClasses, RD->getName());
  }

  /// The parent of X's value, through parentheses, temporaries and no-op or
  /// lvalue-to-rvalue conversions.
  DynTypedNode valueUse(const Expr *X) const {
    const Expr *Child = nullptr;
    DynTypedNode P = valueParent(X, Ctx, Child);
    while (const auto *Cast = P.get<ImplicitCastExpr>()) {
      // An object (not pointer) derived-to-base conversion is how a smart
      // pointer reaches its operator-> in a base class.
      bool ObjectToBase = (Cast->getCastKind() == CK_DerivedToBase ||
                           Cast->getCastKind() == CK_UncheckedDerivedToBase) &&
                          !Cast->getType()->isPointerType();
      if (Cast->getCastKind() != CK_NoOp &&
          Cast->getCastKind() != CK_LValueToRValue && !ObjectToBase)
        break;
      P = valueParent(Cast, Ctx, Child);
    }
    return P;
  }

  bool convertedToBase(const Expr *X) const {
    DynTypedNode P = valueUse(X);
    if (const auto *Cast = P.get<ImplicitCastExpr>())
      return isBase(pointeeRecord(Cast->getType()));
    if (const auto *Construct = P.get<CXXConstructExpr>())
      return isBase(pointeeRecord(Construct->getType()));
    if (const auto *Cast = P.get<CXXFunctionalCastExpr>())
      return isBase(pointeeRecord(Cast->getType()));
    return false;
  }

  /// ptr->method(...) through a smart pointer's operator-> or a raw
  /// pointer, the method declared in a base.
  bool callsBaseMethod(const Expr *Ref) const {
    DynTypedNode P = valueUse(Ref);
    const MemberExpr *ME = P.get<MemberExpr>();
    if (const auto *Arrow = P.get<CXXOperatorCallExpr>()) {
      if (Arrow->getOperator() != OO_Arrow)
        return false;
      // The member's object: operator->'s result, converted to the class
      // that declares the member.
      const Expr *Child = nullptr;
      DynTypedNode Up = valueParent(Arrow, Ctx, Child);
      while (const auto *Cast = Up.get<ImplicitCastExpr>())
        Up = valueParent(Cast, Ctx, Child);
      ME = Up.get<MemberExpr>();
    }
    if (!ME)
      return false;
    const auto *Method = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    return Method && isBase(Method->getParent());
  }

  const LibrarySink &Api;
  ASTContext &Ctx;
};

/// Builds the fix-it that creates the console sink instead of \p Sink.
class ConsoleRewrite {
public:
  ConsoleRewrite(SinkHost &H, const Expr *E, const CXXRecordDecl *Sink,
                 ASTContext &Ctx)
      : H(H), E(E), Sink(Sink), Ctx(Ctx), Found(findFileSink(Sink)),
        Loc(Ctx.getSourceManager().getExpansionLoc(E->getBeginLoc())) {}

  /// The fix-its for a creation whose written type is \p TypeRange and whose
  /// arguments (\p Args) are written from \p AfterType to \p RParen (both
  /// invalid for `new T` without an initializer).
  llvm::SmallVector<FixItHint, 4> build(SourceRange TypeRange,
                                        SourceLocation AfterType,
                                        SourceLocation RParen,
                                        llvm::ArrayRef<const Expr *> Args) {
    llvm::SmallVector<FixItHint, 4> Fixes;
    if (!Found.Sink || Found.Sink->ConsoleType.empty() ||
        !TypeRange.isValid() || !BaseUses(*Found.Sink, Ctx).onlyThroughBase(E))
      return Fixes;
    std::optional<std::string> NewArgs =
        Found.Owner->consoleArgs(Sink, Args, Ctx);
    CharSourceRange TR = utils::fileRange(TypeRange, Ctx);
    if (!NewArgs || TR.isInvalid())
      return Fixes;
    std::string Type = Found.Owner->consoleTypeFor(*Found.Sink, Sink);
    if (RParen.isValid()) {
      CharSourceRange AR =
          utils::fileRange(SourceRange(AfterType, RParen), Ctx);
      if (AR.isInvalid())
        return Fixes;
      Fixes.push_back(FixItHint::CreateReplacement(TR, Type));
      Fixes.push_back(FixItHint::CreateReplacement(AR, "(" + *NewArgs + ")"));
    } else {
      // `new T` without an initializer.
      Fixes.push_back(
          FixItHint::CreateReplacement(TR, Type + "(" + *NewArgs + ")"));
    }
    for (llvm::StringRef Header : Found.Sink->ConsoleHeaders)
      if (auto Inc = H.include(Loc, Header))
        Fixes.push_back(*Inc);
    return Fixes;
  }

  SourceLocation location() const { return Loc; }

private:
  SinkHost &H;
  const Expr *E;
  const CXXRecordDecl *Sink;
  ASTContext &Ctx;
  SinkLookup Found;
  SourceLocation Loc;
};

/// The fix-its for `new Sink(...)` and `std::make_shared<Sink>(...)`. Direct
/// construction of a sink object (a member or a local) gets none: its
/// declared type would have to change too.
llvm::SmallVector<FixItHint, 4> rewrites(SinkHost &H, ConsoleRewrite &R,
                                         const Expr *E, ASTContext &Ctx) {
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    const auto *Construct =
        dyn_cast_or_null<CXXConstructExpr>(New->getConstructExpr());
    SourceRange TypeRange =
        New->getAllocatedTypeSourceInfo()->getTypeLoc().getSourceRange();
    if (Construct && Construct->getParenOrBraceRange().isValid())
      return R.build(TypeRange, Construct->getParenOrBraceRange().getBegin(),
                     Construct->getParenOrBraceRange().getEnd(),
                     utils::writtenArgs(Construct));
    if (!New->hasInitializer() || (Construct && Construct->getNumArgs() == 0))
      return R.build(TypeRange, {}, {}, {}); // `new T` without parentheses
    return {};
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  const auto *Callee =
      Call ? dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts())
           : nullptr;
  if (!Callee || Callee->getNumTemplateArgs() < 1)
    return {};
  SourceLocation LParen =
      compat::toStd(Lexer::findNextToken(Callee->getEndLoc(),
                                         Ctx.getSourceManager(), H.langOpts()))
          .value_or(Token())
          .getLocation();
  return R.build(Callee->template_arguments()[0].getSourceRange(), LParen,
                 Call->getRParenLoc(), utils::writtenArgs(Call));
}

} // namespace

void registerSinkObjectMatchers(SinkHost &H, utils::UserCodeMatchers &Finder) {
  auto Sink = H.sinkClass();
  Finder.addMatcher(cxxNewExpr(hasType(pointsTo(Sink))).bind(NewId),
                    H.callback());
  Finder.addCallMatcher(
      makeFunctions(/*WithAllocators=*/true),
      callExpr(callee(functionDecl(hasTemplateArgument(
                   0, refersToType(hasUnqualifiedDesugaredType(
                          recordType(hasDeclaration(Sink))))))))
          .bind(MakeId),
      H.callback());
  Finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                           ofClass(Sink), unless(isCopyConstructor()),
                           unless(isMoveConstructor()))),
                       unless(isNewInitializer()),
                       unless(isBaseInitialization()))
          .bind(ConstructId),
      H.callback());
}

bool checkSinkObject(SinkHost &H, const MatchResult &Result) {
  const auto &N = Result.Nodes;
  const auto *Sink = N.getNodeAs<CXXRecordDecl>(SinkClassId);
  const Expr *E = nullptr;
  for (llvm::StringRef Id : {NewId, MakeId, ConstructId})
    if (!E)
      E = N.getNodeAs<Expr>(Id);
  if (!Sink || !E)
    return false;
  ASTContext &Ctx = *Result.Context;
  ConsoleRewrite R(H, E, Sink, Ctx);
  llvm::SmallVector<FixItHint, 4> Fixes;
  if (!isa<CXXConstructExpr>(E))
    Fixes = rewrites(H, R, E, Ctx);
  auto D = H.report(R.location(), sinkDisplayName(Sink));
  for (const FixItHint &F : Fixes)
    D << F;
  return true;
}

} // namespace clang::tidy::logstream::families
