//===--- Iostreams.cpp - The iostreams family -----------------------------===//

#include "logstream/families/Iostreams.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "utils/Uses.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral ConstructId = "iostreams-construct";
constexpr llvm::StringLiteral OpenId = "iostreams-open";
constexpr llvm::StringLiteral RdbufId = "iostreams-rdbuf";
constexpr llvm::StringLiteral MakeId = "iostreams-make";
constexpr llvm::StringLiteral MadeClassId = "iostreams-made-class";
constexpr llvm::StringLiteral TruncateId = "iostreams-truncate";
constexpr llvm::StringLiteral TruncatedClassId = "iostreams-truncated-class";
constexpr llvm::StringLiteral SinkStreamId = "iostreams-sink-stream";

/// The streams whose tellp() measures a file.
constexpr llvm::StringRef TellClasses[] = {
    "::std::basic_ostream", "::std::basic_ofstream", "::std::basic_fstream"};

// std::ios_base bits (the same values in libstdc++ and libc++).
constexpr int64_t App = 1, Out = 16, Trunc = 32;

/// `std::ofstream`, `std::wfstream`, `std::filebuf`, ... for a
/// specialization of basic_ofstream, basic_fstream or basic_filebuf.
std::string streamTypeName(const CXXRecordDecl *RD, bool &Wide) {
  Wide = false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Wide = Spec->getTemplateArgs().size() > 0 &&
           Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
           Spec->getTemplateArgs()[0].getAsType()->isWideCharType();
  llvm::StringRef Name = RD->getName();
  Name.consume_front("basic_");
  return ("std::" + llvm::Twine(Wide ? "w" : "") + Name).str();
}

bool isOutputOpenMode(const Expr *Mode, ASTContext &Ctx) {
  // std::fstream(path, std::ios::in) reads; anything with out/app/trunc
  // writes. Unknown modes are taken to write.
  Expr::EvalResult R;
  if (!Mode || !Mode->EvaluateAsInt(R, Ctx))
    return true;
  int64_t M = R.Val.getInt().getExtValue();
  return (M & (App | Out | Trunc)) != 0;
}

bool isOstreamBase(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return false;
  llvm::StringRef N = RD->getName();
  return RD->isInStdNamespace() &&
         (N == "basic_ostream" || N == "basic_ios" || N == "ios_base");
}

/// Whether every use of the local stream \p VD only writes to it through the
/// std::basic_ostream interface (operator<<, write, put, flush, tests of its
/// state, passing it as std::ostream&).
bool usesOnlyOstreamInterface(const VarDecl *VD, const Stmt *Body,
                              ASTContext &Ctx) {
  return utils::everyUse(*VD, *Body, Ctx, [&Ctx](const DeclRefExpr *Ref) {
    const Expr *Child = nullptr;
    DynTypedNode P = valueParent(Ref, Ctx, Child);
    // Derived-to-base: binds to a std::ostream& parameter or operator<<.
    if (const auto *Cast = P.get<ImplicitCastExpr>())
      return (Cast->getCastKind() == CK_DerivedToBase ||
              Cast->getCastKind() == CK_UncheckedDerivedToBase) &&
             isOstreamBase(Cast->getType()->getAsCXXRecordDecl());
    const auto *ME = P.get<MemberExpr>();
    const auto *M = ME ? dyn_cast<CXXMethodDecl>(ME->getMemberDecl()) : nullptr;
    return M && isOstreamBase(M->getParent());
  });
}

class Iostreams : public Family {
public:
  llvm::StringRef name() const override { return "iostreams"; }

  std::vector<llvm::StringRef> otherNames() const override {
    return concat({FileStreamClasses, TellClasses});
  }

  std::optional<StatementMatcher> sizeExpression() const override {
    auto TellCall =
        cxxMemberCallExpr(
            utils::calleeNamed(
                {"tellp"},
                cxxMethodDecl(ofClass(utils::hasAnyNameFast(TellClasses)))))
            .bind(SizeCallId);
    return expr(
        anyOf(TellCall,
              // std::streampos converted to an integer for the comparison.
              cxxMemberCallExpr(callee(cxxConversionDecl()),
                                on(ignoringParenImpCasts(TellCall)))));
  }

  void registerSinkMatchers(SinkHost &H,
                            utils::UserCodeMatchers &Finder) override;
  bool checkSink(SinkHost &H, const MatchResult &Result) override;
  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override;
  bool checkManagement(ManagementHost &H, const MatchResult &Result) override;

private:
  void checkConstruct(SinkHost &H, const CXXConstructExpr *Construct,
                      ASTContext &Ctx);
  /// `std::ofstream log("x.log");` used only as an ostream: a reference to
  /// std::cout.
  std::optional<FixItHint> toCout(const CXXConstructExpr *Construct, bool Wide,
                                  ASTContext &Ctx);
  void checkOpen(SinkHost &H, const CXXMemberCallExpr *Call, ASTContext &Ctx);
  void checkRdbuf(SinkHost &H, const CXXMemberCallExpr *Call, ASTContext &Ctx);
  void checkTruncate(ManagementHost &H, const Expr *E,
                     const CXXRecordDecl *Stream, ASTContext &Ctx);
};

//===----------------------------------------------------------------------===//
// logstream-log-file-sink
//===----------------------------------------------------------------------===//

void Iostreams::registerSinkMatchers(SinkHost &H,
                                     utils::UserCodeMatchers &Finder) {
  if (!H.langOpts().CPlusPlus)
    return;
  auto FileStream = cxxRecordDecl(utils::hasAnyNameFast(FileStreamClasses));
  Finder.addMatcher(
      cxxConstructExpr(argumentCountAtLeast(1),
                       hasDeclaration(cxxConstructorDecl(ofClass(FileStream))),
                       unless(isBaseInitialization()))
          .bind(ConstructId),
      H.callback());
  Finder.addCallMatcher(
      {"open"},
      cxxMemberCallExpr(argumentCountAtLeast(1),
                        callee(cxxMethodDecl(ofClass(FileStream))))
          .bind(OpenId),
      H.callback());
  Finder.addCallMatcher(
      {"rdbuf"},
      cxxMemberCallExpr(
          callee(cxxMethodDecl(parameterCountIs(1))),
          on(utils::stdOStreamObject()),
          hasArgument(0, expr(hasType(hasCanonicalType(pointsTo(cxxRecordDecl(
                             isSameOrDerivedFrom("::std::basic_filebuf"))))))))
          .bind(RdbufId),
      H.callback());
  // std::make_unique<std::ofstream>("app.log") constructs in <memory>.
  Finder.addCallMatcher(
      makeFunctions(/*WithAllocators=*/false),
      callExpr(argumentCountAtLeast(1),
               callee(functionDecl(hasTemplateArgument(
                   0, refersToType(hasUnqualifiedDesugaredType(recordType(
                          hasDeclaration(cxxRecordDecl(utils::hasAnyNameFast(
                                                           PathStreamClasses))
                                             .bind(MadeClassId)))))))))
          .bind(MakeId),
      H.callback());
}

bool Iostreams::checkSink(SinkHost &H, const MatchResult &Result) {
  const auto &N = Result.Nodes;
  ASTContext &Ctx = *Result.Context;
  if (const auto *C = N.getNodeAs<CXXConstructExpr>(ConstructId)) {
    checkConstruct(H, C, Ctx);
  } else if (const auto *C = N.getNodeAs<CXXMemberCallExpr>(OpenId)) {
    checkOpen(H, C, Ctx);
  } else if (const auto *C = N.getNodeAs<CXXMemberCallExpr>(RdbufId)) {
    checkRdbuf(H, C, Ctx);
  } else if (const auto *C = N.getNodeAs<CallExpr>(MakeId)) {
    std::string Path, Receiver;
    if (!H.isLogTarget(C->getArg(0), C, Ctx, Path, Receiver))
      return true;
    bool Wide = false;
    H.report(Ctx.getSourceManager().getExpansionLoc(C->getBeginLoc()),
             streamTypeName(N.getNodeAs<CXXRecordDecl>(MadeClassId), Wide),
             Path);
  } else {
    return false;
  }
  return true;
}

std::optional<FixItHint> Iostreams::toCout(const CXXConstructExpr *Construct,
                                           bool Wide, ASTContext &Ctx) {
  auto Parents = utils::parentsOf(*Construct, Ctx);
  const VarDecl *VD = Parents.size() == 1 ? Parents[0].get<VarDecl>() : nullptr;
  if (!VD || !VD->isLocalVarDecl() || VD->isStaticLocal() ||
      VD->getInit() != Construct || VD->getType()->getContainedAutoType())
    return std::nullopt;
  auto DeclParents = utils::parentsOf(*VD, Ctx);
  const auto *DS =
      DeclParents.size() == 1 ? DeclParents[0].get<DeclStmt>() : nullptr;
  const FunctionDecl *Fn = utils::enclosingFunction(Construct, Ctx);
  if (!DS || !DS->isSingleDecl() || !Fn || !Fn->getBody() ||
      !usesOnlyOstreamInterface(VD, Fn->getBody(), Ctx))
    return std::nullopt;
  CharSourceRange R = utils::fileRange(DS->getSourceRange(), Ctx);
  if (R.isInvalid())
    return std::nullopt;
  return FixItHint::CreateReplacement(
      R, (llvm::Twine(Wide ? "std::wostream &" : "std::ostream &") +
          VD->getName() + (Wide ? " = std::wcout;" : " = std::cout;"))
             .str());
}

void Iostreams::checkConstruct(SinkHost &H, const CXXConstructExpr *Construct,
                               ASTContext &Ctx) {
  const CXXRecordDecl *RD = Construct->getConstructor()->getParent();
  // basic_filebuf has no path constructor; basic_ofstream/fstream do.
  if (RD->getName() == "basic_filebuf" || Construct->getNumArgs() < 1)
    return;
  const Expr *PathArg = Construct->getArg(0);
  if (PathArg->IgnoreParenImpCasts()->getType()->getAsCXXRecordDecl() == RD)
    return; // move construction
  if (RD->getName() == "basic_fstream" && Construct->getNumArgs() >= 2 &&
      !isOutputOpenMode(Construct->getArg(1), Ctx))
    return;
  std::string Path, Receiver;
  if (!H.isLogTarget(PathArg, Construct, Ctx, Path, Receiver))
    return;
  bool Wide = false;
  std::string TypeName = streamTypeName(RD, Wide);
  SourceLocation Loc =
      Ctx.getSourceManager().getExpansionLoc(Construct->getBeginLoc());
  std::optional<FixItHint> Fix = toCout(Construct, Wide, Ctx);
  auto D = H.report(Loc, TypeName, Path);
  if (Fix) {
    D << *Fix;
    if (auto Inc = H.include(Loc, "<iostream>"))
      D << *Inc;
  }
}

void Iostreams::checkOpen(SinkHost &H, const CXXMemberCallExpr *Call,
                          ASTContext &Ctx) {
  const CXXRecordDecl *RD = Call->getMethodDecl()->getParent();
  if ((RD->getName() == "basic_fstream" || RD->getName() == "basic_filebuf") &&
      Call->getNumArgs() >= 2 && !isOutputOpenMode(Call->getArg(1), Ctx))
    return;
  const utils::LogFileClassifier &C = H.classifier();
  std::optional<std::string> P = utils::resolvePathValue(Call->getArg(0), Ctx);
  if (P && C.isAllowedPath(*P))
    return;
  // The one classifier: a log path, a path held in a log-named member
  // (`m_out.open(m_logPath)`), or a log-named stream.
  std::string Path;
  if (!C.isLogPathExpr(Call->getArg(0), Ctx, &Path)) {
    const NamedDecl *Obj =
        utils::referencedDecl(Call->getImplicitObjectArgument());
    if (!Obj || !Obj->getIdentifier() || !C.isLogName(Obj->getName()))
      return;
  }
  bool Wide = false;
  H.report(Ctx.getSourceManager().getExpansionLoc(Call->getBeginLoc()),
           streamTypeName(RD, Wide) + "::open", Path);
}

void Iostreams::checkRdbuf(SinkHost &H, const CXXMemberCallExpr *Call,
                           ASTContext &Ctx) {
  const Expr *Obj = Call->getImplicitObjectArgument();
  std::optional<utils::StdStream> S = utils::classifyStdOStream(Obj);
  if (!S)
    return;
  H.diagnose(Ctx.getSourceManager().getExpansionLoc(Call->getBeginLoc()),
             "'%0' is redirected into a file buffer; leave %1 as the event "
             "stream and let the environment route it")
      << cast<DeclRefExpr>(Obj->IgnoreParenImpCasts())
             ->getDecl()
             ->getQualifiedNameAsString()
      << utils::spelling(*S);
}

//===----------------------------------------------------------------------===//
// logstream-log-file-management
//===----------------------------------------------------------------------===//

void Iostreams::registerManagementMatchers(ManagementHost &H,
                                           utils::UserCodeMatchers &Finder) {
  if (!H.langOpts().CPlusPlus)
    return;
  // Truncation by opening a stream with std::ios::trunc.
  auto FileStream = cxxRecordDecl(utils::hasAnyNameFast(FileStreamClasses))
                        .bind(TruncatedClassId);
  Finder.addMatcher(
      cxxConstructExpr(argumentCountAtLeast(2),
                       hasDeclaration(cxxConstructorDecl(ofClass(FileStream))))
          .bind(TruncateId),
      H.callback());
  Finder.addCallMatcher(
      {"open"},
      cxxMemberCallExpr(argumentCountAtLeast(2),
                        callee(cxxMethodDecl(ofClass(FileStream))))
          .bind(TruncateId),
      H.callback());
  // Log file sinks, for the note that ties management to the file.
  Finder.addMatcher(
      cxxConstructExpr(argumentCountAtLeast(1),
                       hasDeclaration(cxxConstructorDecl(ofClass(cxxRecordDecl(
                           utils::hasAnyNameFast(PathStreamClasses))))))
          .bind(SinkStreamId),
      H.callback());
}

bool Iostreams::checkManagement(ManagementHost &H, const MatchResult &Result) {
  const auto &N = Result.Nodes;
  ASTContext &Ctx = *Result.Context;
  if (const auto *C = N.getNodeAs<CXXConstructExpr>(SinkStreamId)) {
    if (H.classifier().isLogPathExpr(C->getArg(0), Ctx))
      H.noteSink(C->getBeginLoc(), *Result.SourceManager);
    return true;
  }
  if (const auto *E = N.getNodeAs<Expr>(TruncateId)) {
    checkTruncate(H, E, N.getNodeAs<CXXRecordDecl>(TruncatedClassId), Ctx);
    return true;
  }
  return false;
}

void Iostreams::checkTruncate(ManagementHost &H, const Expr *E,
                              const CXXRecordDecl *Stream, ASTContext &Ctx) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const auto *CE = dyn_cast<CXXConstructExpr>(E);
  const Expr *PathArg = MC ? MC->getArg(0) : CE->getArg(0);
  const Expr *Mode = MC ? MC->getArg(1) : CE->getArg(1);
  Expr::EvalResult R;
  if (!Mode->EvaluateAsInt(R, Ctx))
    return;
  // Truncation only when trunc is asked for without app.
  int64_t M = R.Val.getInt().getExtValue();
  if ((M & Trunc) == 0 || (M & App) != 0)
    return;
  std::string Path;
  if (!H.classifier().isLogPathExpr(PathArg, Ctx, &Path) &&
      !(MC && H.classifier().mentionsLogName(MC->getImplicitObjectArgument())))
    return;
  llvm::StringRef Name = Stream->getName();
  Name.consume_front("basic_");
  std::string Api = ("std::" + Name).str();
  if (MC)
    Api += "::open";
  H.add({Ctx.getSourceManager().getExpansionLoc(E->getBeginLoc()),
         Operation::Truncate, Api, Path});
}

} // namespace

std::unique_ptr<Family> makeIostreams() {
  return std::make_unique<Iostreams>();
}

} // namespace clang::tidy::logstream::families
