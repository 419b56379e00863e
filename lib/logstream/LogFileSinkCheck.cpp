//===--- LogFileSinkCheck.cpp - logstream-log-file-sink -------------------===//

#include "LogFileSinkCheck.h"
#include "logstream/analysis/ProjectFacts.h"
#include "utils/CheckOptions.h"
#include "utils/AstHelpers.h"
#include "utils/FixIts.h"
#include "utils/LogApis.h"
#include "utils/StandardStreams.h"
#include "utils/UserCodeMatchers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Regex.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

static std::string streamTypeName(const CXXRecordDecl *RD, bool &Wide);

using utils::asStringLiteral;
using utils::enclosingFunction;
using utils::sourceText;
using utils::writtenArgs;

namespace {

AST_MATCHER(CXXConstructExpr, isBaseInitialization) {
  auto Parents = utils::parentsOf(Node, Finder->getASTContext());
  if (Parents.size() != 1)
    return false;
  if (const auto *Init = Parents[0].get<CXXCtorInitializer>())
    return Init->isBaseInitializer();
  // Some LLVM versions parent initializer expressions to the constructor.
  if (const auto *Ctor = Parents[0].get<CXXConstructorDecl>())
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit() == &Node)
        return Init->isBaseInitializer();
  return false;
}

/// `new Sink(...)`: hasParent(cxxNewExpr()) through the parents of the
/// enclosing declaration only (utils::parentsOf).
AST_MATCHER(CXXConstructExpr, isNewInitializer) {
  auto Parents = utils::parentsOf(Node, Finder->getASTContext());
  return llvm::any_of(Parents, [](const DynTypedNode &P) {
    return P.get<CXXNewExpr>() != nullptr;
  });
}

/// Climbs from an expression through the nodes that only carry its value.
DynTypedNode valueParent(const Expr *E, ASTContext &Ctx, const Expr *&Child) {
  DynTypedNode Node = DynTypedNode::create(*E);
  Child = E;
  while (true) {
    auto Parents = utils::parentsOf(Node, Ctx);
    if (Parents.empty())
      return {};
    // An element of a braced list has two parents, the syntactic and the
    // semantic form of the list; the semantic path carries conversions.
    DynTypedNode Parent = Parents[0];
    if (Parents.size() > 1) {
      for (const DynTypedNode &Candidate : Parents)
        if (!Candidate.get<InitListExpr>()) {
          Parent = Candidate;
          break;
        }
    }
    const Expr *P = Parent.get<Expr>();
    if (P && isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                 ExprWithCleanups>(P)) {
      Node = Parent;
      Child = P;
      continue;
    }
    return Parent;
  }
}

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

/// Whether the object created by \p E is only ever handled through the
/// library's base interface (so that a console sink can take its place):
/// converted right away to a pointer or smart pointer to a base, or held in
/// an `auto` local whose every use is such a conversion or a call of a
/// method declared in a base.
bool usedOnlyThroughBase(const Expr *E, ASTContext &Ctx,
                         const utils::SinkApi &Api) {
  auto IsBase = [&Api](const CXXRecordDecl *RD) {
    return RD && RD->getIdentifier() &&
           llvm::is_contained(Api.BaseClasses, RD->getName());
  };
  // The parent of X's value, through parentheses, temporaries and no-op or
  // lvalue-to-rvalue conversions.
  auto ValueUse = [&](const Expr *X) {
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
  };
  auto ConvertedToBase = [&](const Expr *X) {
    DynTypedNode P = ValueUse(X);
    if (const auto *Cast = P.get<ImplicitCastExpr>())
      return IsBase(pointeeRecord(Cast->getType()));
    if (const auto *Construct = P.get<CXXConstructExpr>())
      return IsBase(pointeeRecord(Construct->getType()));
    if (const auto *Cast = P.get<CXXFunctionalCastExpr>())
      return IsBase(pointeeRecord(Cast->getType()));
    return false;
  };
  if (ConvertedToBase(E))
    return true;
  if (!Api.AllowAutoVariable)
    return false;

  const auto *VD = dyn_cast_or_null<VarDecl>(utils::receiverOf(E, Ctx));
  if (!VD || !VD->isLocalVarDecl() || !VD->getType()->getContainedAutoType())
    return false;
  const FunctionDecl *FD = enclosingFunction(E, Ctx);
  if (!FD || !FD->getBody())
    return false;
  auto Uses = match(findAll(declRefExpr(to(varDecl(equalsNode(VD)))).bind("u")),
                    *FD->getBody(), Ctx);
  for (const auto &U : Uses) {
    const auto *Ref = U.getNodeAs<DeclRefExpr>("u");
    if (ConvertedToBase(Ref))
      continue;
    // ptr->method(...) through a smart pointer's operator-> or a raw pointer.
    DynTypedNode P = ValueUse(Ref);
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
    if (!Method || !IsBase(Method->getParent()))
      return false;
  }
  return true;
}

} // namespace

LogFileSinkCheck::LogFileSinkCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Classifier(*this, Options, Name),
      ExtraSinkFunctions(
          utils::readListOption(Options, "ExtraSinkFunctions", "")),
      ExtraSinkTypes(utils::readListOption(Options, "ExtraSinkTypes", "")),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  Facts = analysis::ProjectFacts::get(*Context, *this);
}

void LogFileSinkCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Classifier.storeOptions(Options, Opts);
  Options.store(Opts, "ExtraSinkFunctions",
                tidy::utils::options::serializeStringList(ExtraSinkFunctions));
  Options.store(Opts, "ExtraSinkTypes",
                tidy::utils::options::serializeStringList(ExtraSinkTypes));
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void LogFileSinkCheck::registerPPCallbacks(const SourceManager &,
                                           Preprocessor *PP, Preprocessor *) {
  this->PP = PP;
  Inserter.registerPreprocessor(PP);
}

void LogFileSinkCheck::registerMatchers(MatchFinder *Finder) {
  // Nothing in system headers is reported: filter first, it is the cheapest
  // test and most of a translation unit is system headers.
  auto NotInSystemHeader = unless(isExpansionInSystemHeader());
  // Every matcher here begins with NotInSystemHeader: grouped, a node of a
  // system header is tried once, not once per matcher.
  utils::UserCodeMatchers Grouped(Finder, this);
  // C stdio and POSIX.
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasAnyName("::fopen", "::fopen64",
                                              "::std::fopen", "::_wfopen",
                                              "::_fsopen", "::_wfsopen"))),
               argumentCountAtLeast(1))
          .bind("fopen"),
      this);
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasAnyName("::freopen", "::freopen64",
                                              "::std::freopen",
                                              "::_wfreopen"))),
               argumentCountIs(3))
          .bind("freopen"),
      this);
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasAnyName("::open", "::open64", "::openat",
                                              "::openat64", "::creat",
                                              "::creat64", "::_open",
                                              "::_wopen"))),
               argumentCountAtLeast(1))
          .bind("open"),
      this);
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasAnyName("::dup2", "::dup3"))),
               argumentCountAtLeast(2))
          .bind("dup2"),
      this);

  if (Facts)
    analysis::matchSummarizedCalls(Finder, this, Facts->namesWithOpens());

  // User-declared sink functions.
  if (!ExtraSinkFunctions.empty())
    Grouped.addMatcher(
        callExpr(NotInSystemHeader,
                 callee(functionDecl(hasAnyName(ExtraSinkFunctions))))
            .bind("extra-fn"),
        this);

  if (!getLangOpts().CPlusPlus)
    return;

  // iostreams.
  auto FileStream = cxxRecordDecl(hasAnyName(
      "::std::basic_ofstream", "::std::basic_fstream", "::std::basic_filebuf"));
  Grouped.addMatcher(
      cxxConstructExpr(NotInSystemHeader, argumentCountAtLeast(1),
                       hasDeclaration(cxxConstructorDecl(ofClass(FileStream))),
                       unless(isBaseInitialization()))
          .bind("stream-construct"),
      this);
  Grouped.addMatcher(
      cxxMemberCallExpr(NotInSystemHeader, argumentCountAtLeast(1),
                        callee(cxxMethodDecl(hasName("open"),
                                             ofClass(FileStream))))
          .bind("stream-open"),
      this);
  Grouped.addMatcher(
      cxxMemberCallExpr(
          NotInSystemHeader,
          callee(cxxMethodDecl(hasName("rdbuf"), parameterCountIs(1))),
          on(utils::stdOStreamObject()),
          hasArgument(0, expr(hasType(hasCanonicalType(pointsTo(cxxRecordDecl(
                             isSameOrDerivedFrom("::std::basic_filebuf"))))))))
          .bind("rdbuf"),
      this);

  registerQtMatchers(Finder);

  // Library file sinks, however they are created.
  std::vector<StringRef> SinkNames = utils::allSinkClassNames();
  SinkNames.insert(SinkNames.end(), ExtraSinkTypes.begin(),
                   ExtraSinkTypes.end());
  auto Sink = cxxRecordDecl(isSameOrDerivedFrom(hasAnyName(SinkNames)))
                  .bind("sink");
  Grouped.addMatcher(
      cxxNewExpr(NotInSystemHeader, hasType(pointsTo(Sink))).bind("sink-new"),
      this);
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(
                   hasAnyName("::std::make_shared", "::std::make_unique",
                              "::std::allocate_shared", "::boost::make_shared",
                              "::boost::allocate_shared"),
                   hasTemplateArgument(
                       0, refersToType(hasUnqualifiedDesugaredType(
                              recordType(hasDeclaration(Sink))))))))
          .bind("sink-make"),
      this);
  Grouped.addMatcher(
      cxxConstructExpr(NotInSystemHeader,
                       hasDeclaration(cxxConstructorDecl(
                           ofClass(Sink), unless(isCopyConstructor()),
                           unless(isMoveConstructor()))),
                       unless(isNewInitializer()),
                       unless(isBaseInitialization()))
          .bind("sink-construct"),
      this);

  // spdlog::create<Sink>(name, sink args...) builds the sink in spdlog's
  // own headers.
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(
                   hasAnyName("::spdlog::create", "::spdlog::create_async",
                              "::spdlog::create_async_nb"),
                   hasTemplateArgument(
                       0, refersToType(hasUnqualifiedDesugaredType(
                              recordType(hasDeclaration(Sink))))))))
          .bind("sink-create"),
      this);
  // std::make_unique<std::ofstream>("app.log") constructs in <memory>.
  Grouped.addMatcher(
      callExpr(NotInSystemHeader, argumentCountAtLeast(1),
               callee(functionDecl(
                   hasAnyName("::std::make_shared", "::std::make_unique",
                              "::boost::make_shared"),
                   hasTemplateArgument(
                       0, refersToType(hasUnqualifiedDesugaredType(recordType(
                              hasDeclaration(cxxRecordDecl(hasAnyName(
                                  "::std::basic_ofstream",
                                  "::std::basic_fstream"))
                                                 .bind("stream-class")))))))))
          .bind("stream-make"),
      this);

  // spdlog factories.
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasAnyName(utils::spdlogFileFactories()))
                          .bind("factory")))
          .bind("spdlog-factory"),
      this);

  // glog.
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasAnyName(
                   "::google::SetLogDestination", "::google::SetLogSymlink",
                   "::google::SetLogFilenameExtension",
                   "::google::InitGoogleLogging", "::google::LogToStderr"))
                          .bind("glog-fn")))
          .bind("glog-call"),
      this);
  auto GlogFlag = declRefExpr(to(varDecl(hasAnyName(
                                             "FLAGS_log_dir",
                                             "FLAGS_logtostderr",
                                             "FLAGS_logtostdout"))
                                     .bind("flag")));
  Grouped.addMatcher(
      binaryOperator(NotInSystemHeader, isAssignmentOperator(),
                     hasLHS(ignoringParenImpCasts(GlogFlag)),
                     hasRHS(expr().bind("rhs")))
          .bind("glog-assign"),
      this);
  Grouped.addMatcher(
      cxxOperatorCallExpr(NotInSystemHeader, hasOverloadedOperatorName("="),
                          hasArgument(0, ignoringParenImpCasts(GlogFlag)),
                          hasArgument(1, expr().bind("rhs")))
          .bind("glog-assign"),
      this);

  // Boost.Log.
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasName("::boost::log::add_file_log"))))
          .bind("boost-add-file-log"),
      this);

  // Poco: setProperty("path", ...) on a file channel.
  Grouped.addMatcher(
      cxxMemberCallExpr(
          NotInSystemHeader, argumentCountIs(2),
          callee(cxxMethodDecl(hasName("setProperty"))),
          thisPointerType(cxxRecordDecl(isSameOrDerivedFrom(
              hasAnyName("::Poco::FileChannel", "::Poco::SimpleFileChannel")))))
          .bind("poco-set"),
      this);

  // easylogging++.
  auto ElppType = declRefExpr(to(enumConstantDecl(
      hasAnyName("ToFile", "Filename"),
      hasDeclContext(enumDecl(hasName("::el::ConfigurationType"))))));
  Grouped.addMatcher(
      callExpr(NotInSystemHeader, argumentCountAtLeast(2),
               callee(functionDecl(hasAnyName(
                   "set", "setGlobally", "reconfigureAllLoggers",
                   "reconfigureLogger", "unsafeSet", "setValue"))),
               hasAnyArgument(ignoringParenImpCasts(ElppType)))
          .bind("elpp-set"),
      this);
  Grouped.addMatcher(
      cxxMemberCallExpr(NotInSystemHeader,
                        callee(cxxMethodDecl(
                            hasName("parseFromText"),
                            ofClass(hasName("::el::Configurations")))))
          .bind("elpp-text"),
      this);
}

void LogFileSinkCheck::check(const MatchFinder::MatchResult &Result) {
  // Test code (fixtures that write sample.log) is not production logging.
  for (const auto &Bound : Result.Nodes.getMap())
    if (const auto *S = Bound.second.get<Stmt>();
        S && Classifier.isInTestFile(S->getBeginLoc(), *Result.SourceManager))
      return;
  const auto &N = Result.Nodes;
  if (const auto *C = N.getNodeAs<CallExpr>("fopen"))
    return checkStdioOpen(C, Result);
  if (const auto *C = N.getNodeAs<CallExpr>("freopen"))
    return checkFreopen(C, Result);
  if (const auto *C = N.getNodeAs<CallExpr>("open"))
    return checkPosixOpen(C, Result);
  if (const auto *C = N.getNodeAs<CallExpr>("dup2"))
    return checkDup2(C, Result);
  if (const auto *C = N.getNodeAs<CallExpr>("extra-fn"))
    return checkExtraFunction(C, Result);
  if (const auto *E = N.getNodeAs<Expr>(analysis::SummarizedCallId))
    return checkSummarizedCall(E, Result);
  if (const auto *C = N.getNodeAs<CXXConstructExpr>("stream-construct"))
    return checkStreamConstruct(C, Result);
  if (const auto *C = N.getNodeAs<CXXMemberCallExpr>("stream-open"))
    return checkStreamOpen(C, Result);
  if (const auto *C = N.getNodeAs<CXXMemberCallExpr>("rdbuf"))
    return checkRdbufRedirect(C, Result);
  if (const auto *Sink = N.getNodeAs<CXXRecordDecl>("sink")) {
    if (const auto *E = N.getNodeAs<Expr>("sink-new"))
      return checkSinkCreation(E, Sink, Result);
    if (const auto *E = N.getNodeAs<Expr>("sink-make"))
      return checkSinkCreation(E, Sink, Result);
    if (const auto *E = N.getNodeAs<Expr>("sink-construct"))
      return checkSinkCreation(E, Sink, Result);
  }
  if (const auto *C = N.getNodeAs<CallExpr>("sink-create")) {
    const auto *Sink = N.getNodeAs<CXXRecordDecl>("sink");
    const utils::SinkApi *Api = utils::findSinkApi(Sink);
    report(Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
           Api ? Api->displayName(Sink) : Sink->getQualifiedNameAsString());
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("stream-make")) {
    const auto *RD = N.getNodeAs<CXXRecordDecl>("stream-class");
    std::string Path, Receiver;
    if (!isLogTarget(C->getArg(0), C, *Result.Context, Path, Receiver))
      return;
    bool Wide = false;
    report(Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
           streamTypeName(RD, Wide), Path);
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("spdlog-factory"))
    return checkSpdlogFactory(C, Result);
  if (const auto *C = N.getNodeAs<CallExpr>("glog-call"))
    return checkGlogCall(C, Result);
  if (const auto *A = N.getNodeAs<Expr>("glog-assign"))
    return checkGlogFlag(A, N.getNodeAs<VarDecl>("flag"),
                         N.getNodeAs<Expr>("rhs"), Result);
  if (const auto *C = N.getNodeAs<CallExpr>("boost-add-file-log"))
    return checkBoostAddFileLog(C, Result);
  if (const auto *C = N.getNodeAs<CXXMemberCallExpr>("poco-set"))
    return checkPocoSetProperty(C, Result);
  if (const auto *C = N.getNodeAs<CXXMemberCallExpr>("elpp-text"))
    return checkEasyloggingText(C, Result);
  if (const auto *C = N.getNodeAs<CallExpr>("elpp-set"))
    return checkEasyloggingSet(C, Result);
  checkQt(Result);
}

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

DiagnosticBuilder LogFileSinkCheck::report(SourceLocation Loc, StringRef Api,
                                           StringRef Path) {
  if (!Path.empty())
    return diag(Loc, "'%0' writes log events to file '%1'; write them to "
                     "stdout as an event stream")
           << Api << utils::displayPath(Path);
  return diag(Loc, "'%0' writes log events to a file; write them to stdout "
                   "as an event stream")
         << Api;
}

std::optional<FixItHint> LogFileSinkCheck::include(SourceLocation Loc,
                                                   StringRef Header) {
  if (!PP)
    return std::nullopt;
  const SourceManager &SM = PP->getSourceManager();
  return compat::toStd(Inserter.createIncludeInsertion(
      SM.getFileID(SM.getExpansionLoc(Loc)), Header));
}

std::optional<int64_t> LogFileSinkCheck::macroValue(StringRef Name) const {
  return utils::macroIntegerValue(PP, Name);
}

bool LogFileSinkCheck::isLogTarget(const Expr *PathArg, const Expr *Call,
                                   ASTContext &Ctx, std::string &Path,
                                   std::string &Receiver) const {
  // One classifier for sink and management: a log path value, a path built
  // from a log-named variable, field or function, a buffer filled with one.
  if (PathArg) {
    if (std::optional<std::string> P = utils::resolvePathValue(PathArg, Ctx))
      if (Classifier.isAllowedPath(*P))
        return false;
    if (Classifier.isLogPathExpr(PathArg, Ctx, &Path))
      return true;
  }
  if (!Call)
    return false;
  const NamedDecl *R = utils::receiverOf(Call, Ctx);
  if (!R || !R->getIdentifier())
    return false;
  if (Classifier.isLogName(R->getName())) {
    Receiver = R->getName().str();
    return true;
  }
  // `int fd = open(...); ... cfg->log_fd = fd;`: the handle is kept as the
  // log.
  if (const NamedDecl *Kept = logNamedCopyOf(dyn_cast<VarDecl>(R), Ctx)) {
    Receiver = Kept->getName().str();
    return true;
  }
  if (Facts && Facts->logHandle(R)) {
    Receiver = R->getName().str();
    return true;
  }
  return false;
}

const NamedDecl *LogFileSinkCheck::logNamedCopyOf(const VarDecl *VD,
                                                  ASTContext &Ctx) const {
  if (!VD || !VD->isLocalVarDecl())
    return nullptr;
  const auto *Fn =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Fn || !Fn->getBody())
    return nullptr;
  auto Value = ignoringParenImpCasts(declRefExpr(to(equalsNode(VD))));
  auto Copies = match(
      findAll(stmt(anyOf(
          binaryOperator(isAssignmentOperator(), hasRHS(Value),
                         hasLHS(expr().bind("to"))),
          declStmt(has(varDecl(hasInitializer(Value)).bind("var")))))),
      *Fn->getBody(), Ctx);
  for (const auto &M : Copies) {
    const NamedDecl *To = M.getNodeAs<VarDecl>("var");
    if (!To)
      To = utils::referencedDecl(M.getNodeAs<Expr>("to"));
    if (To && To != VD && To->getIdentifier() &&
        Classifier.isLogName(To->getName()))
      return To;
  }
  return nullptr;
}

//===----------------------------------------------------------------------===//
// C stdio and POSIX
//===----------------------------------------------------------------------===//

static bool isWriteMode(const Expr *Mode) {
  const StringLiteral *SL = asStringLiteral(Mode);
  if (!SL)
    return true; // Unknown: assume it writes.
  // Narrow or wide (`_wfopen(path, L"a")`).
  for (unsigned I = 0; I < SL->getLength(); ++I) {
    uint32_t C = SL->getCodeUnit(I);
    if (C == 'w' || C == 'a' || C == '+')
      return true;
  }
  return false;
}

/// Whether every use of the local \p VD in \p Body is a write, a flush, a
/// null test or a close in statement position (collected in \p Closes).
static bool usesOnlyWriteFlushClose(const VarDecl *VD, const Stmt *Body,
                                    ASTContext &Ctx,
                                    llvm::SmallVectorImpl<const Stmt *> &Closes) {
  static constexpr StringRef StreamFirst[] = {"fflush", "fclose"};
  static constexpr StringRef StreamLast[] = {"fputs", "fputc", "putc",
                                             "fwrite"};
  static constexpr StringRef StreamFirstWrite[] = {"fprintf", "vfprintf",
                                                   "fputws", "fwprintf"};
  auto Uses = match(findAll(declRefExpr(to(varDecl(equalsNode(VD)))).bind("u")),
                    *Body, Ctx);
  for (const auto &U : Uses) {
    const auto *Ref = U.getNodeAs<DeclRefExpr>("u");
    const Expr *Child = nullptr;
    DynTypedNode P = valueParent(Ref, Ctx, Child);
    // Through the lvalue-to-rvalue conversion.
    if (const auto *Cast = P.get<ImplicitCastExpr>()) {
      if (Cast->getCastKind() == CK_PointerToBoolean) {
        continue; // if (log), !log
      }
      P = valueParent(Cast, Ctx, Child);
    }
    if (const auto *BO = P.get<BinaryOperator>()) {
      if (BO->isEqualityOp())
        continue; // log == NULL
      return false;
    }
    if (const auto *UO = P.get<UnaryOperator>()) {
      if (UO->getOpcode() == UO_LNot)
        continue;
      return false;
    }
    const auto *Call = P.get<CallExpr>();
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    if (!FD || !FD->getIdentifier())
      return false;
    StringRef Name = FD->getName();
    unsigned N = Call->getNumArgs();
    if (llvm::is_contained(StreamFirst, Name) && N == 1) {
      if (Name == "fclose") {
        const Expr *Stmt = utils::asDiscardedStatement(Call, Ctx);
        if (!Stmt)
          return false;
        Closes.push_back(Stmt);
      }
      continue;
    }
    if (llvm::is_contained(StreamLast, Name) && N >= 1 &&
        Call->getArg(N - 1)->IgnoreParenImpCasts() == Ref)
      continue;
    if (llvm::is_contained(StreamFirstWrite, Name) && N >= 1 &&
        Call->getArg(0)->IgnoreParenImpCasts() == Ref)
      continue;
    return false;
  }
  return true;
}

void LogFileSinkCheck::checkStdioOpen(const CallExpr *Call,
                                      const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (Call->getNumArgs() >= 2 && !isWriteMode(Call->getArg(1)))
    return;
  std::string Path, Receiver;
  if (!isLogTarget(Call->getArg(0), Call, Ctx, Path, Receiver))
    return;
  const FunctionDecl *FD = Call->getDirectCallee();
  SourceLocation Loc = Result.SourceManager->getExpansionLoc(Call->getBeginLoc());

  // FILE *log = fopen(...); used only to write, flush and close: write to
  // stdout instead and drop the fclose.
  llvm::SmallVector<FixItHint, 4> Fixes;
  const auto *VD = dyn_cast_or_null<VarDecl>(utils::receiverOf(Call, Ctx));
  const FunctionDecl *Fn = enclosingFunction(Call, Ctx);
  llvm::SmallVector<const Stmt *, 2> Closes;
  if (VD && VD->isLocalVarDecl() && VD->getInit() &&
      VD->getInit()->IgnoreParenImpCasts() == Call && Fn && Fn->getBody() &&
      usesOnlyWriteFlushClose(VD, Fn->getBody(), Ctx, Closes)) {
    CharSourceRange R = utils::fileRange(Call->getSourceRange(), Ctx);
    bool Ok = R.isValid();
    Fixes.push_back(FixItHint::CreateReplacement(R, "stdout"));
    for (const Stmt *Close : Closes) {
      std::optional<FixItHint> Removal = utils::removeStatement(Close, Ctx);
      if (!Removal)
        Ok = false;
      else
        Fixes.push_back(*Removal);
    }
    if (!Ok)
      Fixes.clear();
  }
  auto D = report(Loc, FD->getName(), Path);
  for (const FixItHint &F : Fixes)
    D << F;
}

void LogFileSinkCheck::checkFreopen(const CallExpr *Call,
                                    const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  std::optional<utils::StdStream> Stream =
      utils::classifyStdFile(Call->getArg(2), Ctx);
  std::string Path, Receiver;
  std::optional<std::string> P = utils::resolvePathValue(Call->getArg(0), Ctx);
  if (Call->getArg(0)->isNullPointerConstant(
          Ctx, Expr::NPC_ValueDependentIsNotNull))
    return; // freopen(NULL, mode, f) only changes the mode.
  if (P && Classifier.isAllowedPath(*P))
    return;
  SourceLocation Loc = Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  if (Stream) {
    auto D = diag(Loc, "'%3' redirects %0 into %select{a file|file '%2'}1; "
                       "leave %0 as the event stream and let the environment "
                       "route it")
             << utils::spelling(*Stream) << (P ? 1 : 0)
             << (P ? utils::displayPath(*P) : std::string())
             << Call->getDirectCallee()->getName();
    if (const Expr *S = utils::asDiscardedStatement(Call, Ctx))
      if (std::optional<FixItHint> Removal = utils::removeStatement(S, Ctx))
        D << *Removal;
    return;
  }
  if (!isWriteMode(Call->getArg(1)))
    return;
  if (!isLogTarget(Call->getArg(0), Call, Ctx, Path, Receiver))
    return;
  report(Loc, Call->getDirectCallee()->getName(), Path);
}

void LogFileSinkCheck::checkPosixOpen(const CallExpr *Call,
                                      const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const FunctionDecl *FD = Call->getDirectCallee();
  StringRef Name = FD->getName();
  bool At = Name.starts_with("openat");
  unsigned PathIdx = At ? 1 : 0;
  if (Call->getNumArgs() <= PathIdx)
    return;
  // open(path, flags): only writers. creat() always writes.
  if (!Name.starts_with("creat") && Call->getNumArgs() > PathIdx + 1) {
    Expr::EvalResult Flags;
    if (Call->getArg(PathIdx + 1)->EvaluateAsInt(Flags, Ctx)) {
      int64_t F = Flags.Val.getInt().getExtValue();
      int64_t AccMode = macroValue("O_ACCMODE").value_or(3);
      int64_t ReadOnly = macroValue("O_RDONLY").value_or(0);
      int64_t Creat = macroValue("O_CREAT").value_or(0100);
      if ((F & AccMode) == ReadOnly && !(F & Creat))
        return;
    }
  }
  std::string Path, Receiver;
  if (!isLogTarget(Call->getArg(PathIdx), Call, Ctx, Path, Receiver))
    return;
  report(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()), Name,
         Path);
}

void LogFileSinkCheck::checkDup2(const CallExpr *Call,
                                 const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  Expr::EvalResult Target;
  if (!Call->getArg(1)->EvaluateAsInt(Target, Ctx))
    return;
  int64_t Fd = Target.Val.getInt().getExtValue();
  if (Fd != 1 && Fd != 2)
    return;
  // The source descriptor must come from a file opened in this function:
  // directly, or through a local variable initialized or assigned from
  // open/openat/creat/fileno(fopen(...)).
  auto OpenCall = callExpr(callee(functionDecl(hasAnyName(
      "::open", "::open64", "::openat", "::openat64", "::creat", "::creat64",
      "::fopen", "::fopen64"))));
  auto FileOpen = expr(ignoringParenImpCasts(anyOf(
      OpenCall.bind("opener"),
      callExpr(callee(functionDecl(hasName("::fileno"))),
               hasArgument(0, ignoringParenImpCasts(OpenCall.bind("opener")))))));
  const Expr *Source = Call->getArg(0)->IgnoreParenImpCasts();
  const CallExpr *Opener = nullptr;
  auto Direct = match(FileOpen, *Source, Ctx);
  if (!Direct.empty()) {
    Opener = Direct[0].getNodeAs<CallExpr>("opener");
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(Source)) {
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    const FunctionDecl *Fn = enclosingFunction(Call, Ctx);
    if (!VD || !Fn || !Fn->getBody())
      return;
    auto Decls = match(
        findAll(varDecl(equalsNode(VD), hasInitializer(FileOpen))), *Fn, Ctx);
    auto Sets = match(
        findAll(binaryOperator(isAssignmentOperator(),
                               hasLHS(declRefExpr(to(varDecl(equalsNode(VD))))),
                               hasRHS(FileOpen))),
        *Fn->getBody(), Ctx);
    if (!Decls.empty())
      Opener = Decls[0].getNodeAs<CallExpr>("opener");
    else if (!Sets.empty())
      Opener = Sets[0].getNodeAs<CallExpr>("opener");
  }
  if (!Opener)
    return;
  unsigned PathIdx =
      Opener->getDirectCallee()->getName().starts_with("openat") ? 1 : 0;
  std::optional<std::string> Path;
  if (Opener->getNumArgs() > PathIdx)
    Path = utils::resolvePathValue(Opener->getArg(PathIdx), Ctx);
  // Devices (/dev/null when daemonizing, a tty) are not log files.
  if (Path && (StringRef(*Path).starts_with("/dev/") ||
               Classifier.isAllowedPath(*Path)))
    return;
  diag(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
       "'%0' redirects %1 into %select{a file|file '%3'}2; leave %1 as the "
       "event stream and let the environment route it")
      << Call->getDirectCallee()->getName() << (Fd == 1 ? "stdout" : "stderr")
      << (Path ? 1 : 0)
      << (Path ? utils::displayPath(*Path) : std::string());
  diag(Result.SourceManager->getExpansionLoc(Opener->getBeginLoc()),
       "the file is opened here", DiagnosticIDs::Note);
}

void LogFileSinkCheck::checkExtraFunction(const CallExpr *Call,
                                          const MatchResult &Result) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return;
  report(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
         FD->getQualifiedNameAsString());
}

//===----------------------------------------------------------------------===//
// iostreams
//===----------------------------------------------------------------------===//

/// `std::ofstream`, `std::wfstream`, `std::filebuf`, ... for a
/// specialization of basic_ofstream, basic_fstream or basic_filebuf.
static std::string streamTypeName(const CXXRecordDecl *RD, bool &Wide) {
  Wide = false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Wide = Spec->getTemplateArgs().size() > 0 &&
           Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
           Spec->getTemplateArgs()[0].getAsType()->isWideCharType();
  StringRef Name = RD->getName();
  Name.consume_front("basic_");
  return ("std::" + Twine(Wide ? "w" : "") + Name).str();
}

static bool isOutputOpenMode(const Expr *Mode, ASTContext &Ctx) {
  // std::fstream(path, std::ios::in) reads; anything with out/app/trunc
  // writes. Unknown modes are taken to write.
  Expr::EvalResult R;
  if (!Mode || !Mode->EvaluateAsInt(R, Ctx))
    return true;
  // libstdc++: app=1, ate=2, binary=4, in=8, out=16, trunc=32; libc++:
  // app=1, ate=2, binary=4, in=8, out=16, trunc=32 as well.
  int64_t M = R.Val.getInt().getExtValue();
  return (M & (1 | 16 | 32)) != 0;
}

/// Whether every use of the local stream \p VD only writes to it through the
/// std::basic_ostream interface (operator<<, write, put, flush, tests of its
/// state, passing it as std::ostream&).
static bool usesOnlyOstreamInterface(const VarDecl *VD, const Stmt *Body,
                                     ASTContext &Ctx) {
  auto IsOstreamBase = [](const CXXRecordDecl *RD) {
    if (!RD || !RD->getIdentifier())
      return false;
    StringRef N = RD->getName();
    return RD->isInStdNamespace() &&
           (N == "basic_ostream" || N == "basic_ios" || N == "ios_base");
  };
  auto Uses = match(findAll(declRefExpr(to(varDecl(equalsNode(VD)))).bind("u")),
                    *Body, Ctx);
  for (const auto &U : Uses) {
    const auto *Ref = U.getNodeAs<DeclRefExpr>("u");
    const Expr *Child = nullptr;
    DynTypedNode P = valueParent(Ref, Ctx, Child);
    if (const auto *Cast = P.get<ImplicitCastExpr>()) {
      // Derived-to-base: binds to a std::ostream& parameter or operator<<.
      if (Cast->getCastKind() == CK_DerivedToBase ||
          Cast->getCastKind() == CK_UncheckedDerivedToBase) {
        const auto *RD = Cast->getType()->getAsCXXRecordDecl();
        if (IsOstreamBase(RD))
          continue;
      }
      return false;
    }
    if (const auto *ME = P.get<MemberExpr>()) {
      const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      if (M && IsOstreamBase(M->getParent()))
        continue;
      return false;
    }
    return false;
  }
  return true;
}

void LogFileSinkCheck::checkStreamConstruct(const CXXConstructExpr *Construct,
                                            const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const CXXRecordDecl *RD = Construct->getConstructor()->getParent();
  bool IsFilebuf = RD->getName() == "basic_filebuf";
  // basic_filebuf has no path constructor; basic_ofstream/fstream do.
  if (IsFilebuf || Construct->getNumArgs() < 1)
    return;
  const Expr *PathArg = Construct->getArg(0);
  QualType PT = PathArg->IgnoreParenImpCasts()->getType();
  if (PT->getAsCXXRecordDecl() == RD)
    return; // move construction
  if (RD->getName() == "basic_fstream" && Construct->getNumArgs() >= 2 &&
      !isOutputOpenMode(Construct->getArg(1), Ctx))
    return;
  std::string Path, Receiver;
  if (!isLogTarget(PathArg, Construct, Ctx, Path, Receiver))
    return;

  bool Wide = false;
  std::string TypeName = streamTypeName(RD, Wide);

  SourceLocation Loc =
      Result.SourceManager->getExpansionLoc(Construct->getBeginLoc());
  // std::ofstream log("x.log"); used only as an ostream -> a reference to
  // std::cout.
  std::optional<FixItHint> Fix;
  auto Parents = utils::parentsOf(*Construct, Ctx);
  const VarDecl *VD = Parents.size() == 1 ? Parents[0].get<VarDecl>() : nullptr;
  if (VD && VD->isLocalVarDecl() && !VD->isStaticLocal() &&
      VD->getInit() == Construct && !VD->getType()->getContainedAutoType()) {
    auto DeclParents = utils::parentsOf(*VD, Ctx);
    const auto *DS =
        DeclParents.size() == 1 ? DeclParents[0].get<DeclStmt>() : nullptr;
    const FunctionDecl *Fn = enclosingFunction(Construct, Ctx);
    if (DS && DS->isSingleDecl() && Fn && Fn->getBody() &&
        usesOnlyOstreamInterface(VD, Fn->getBody(), Ctx)) {
      CharSourceRange R = utils::fileRange(DS->getSourceRange(), Ctx);
      if (R.isValid())
        Fix = FixItHint::CreateReplacement(
            R, (Twine(Wide ? "std::wostream &" : "std::ostream &") +
                VD->getName() + (Wide ? " = std::wcout;" : " = std::cout;"))
                   .str());
    }
  }
  auto D = report(Loc, TypeName, Path);
  if (Fix) {
    D << *Fix;
    if (auto Inc = include(Loc, "<iostream>"))
      D << *Inc;
  }
}

void LogFileSinkCheck::checkStreamOpen(const CXXMemberCallExpr *Call,
                                       const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const CXXRecordDecl *RD = Call->getMethodDecl()->getParent();
  if (RD->getName() == "basic_fstream" && Call->getNumArgs() >= 2 &&
      !isOutputOpenMode(Call->getArg(1), Ctx))
    return;
  if (RD->getName() == "basic_filebuf" && Call->getNumArgs() >= 2 &&
      !isOutputOpenMode(Call->getArg(1), Ctx))
    return;
  std::string Path;
  std::optional<std::string> P = utils::resolvePathValue(Call->getArg(0), Ctx);
  if (P && Classifier.isAllowedPath(*P))
    return;
  // The one classifier: a log path, a path held in a log-named member
  // (`m_out.open(m_logPath)`), or a log-named stream.
  if (!Classifier.isLogPathExpr(Call->getArg(0), Ctx, &Path)) {
    const NamedDecl *Obj =
        utils::referencedDecl(Call->getImplicitObjectArgument());
    if (!Obj || !Obj->getIdentifier() || !Classifier.isLogName(Obj->getName()))
      return;
  }
  bool Wide = false;
  std::string Api = streamTypeName(RD, Wide) + "::open";
  report(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()), Api,
         Path);
}

void LogFileSinkCheck::checkRdbufRedirect(const CXXMemberCallExpr *Call,
                                          const MatchResult &Result) {
  const Expr *Obj = Call->getImplicitObjectArgument();
  std::optional<utils::StdStream> S = utils::classifyStdOStream(Obj);
  if (!S)
    return;
  diag(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
       "'%0' is redirected into a file buffer; leave %1 as the event stream "
       "and let the environment route it")
      << cast<DeclRefExpr>(Obj->IgnoreParenImpCasts())
             ->getDecl()
             ->getQualifiedNameAsString()
      << utils::spelling(*S);
}

//===----------------------------------------------------------------------===//
// Library sinks
//===----------------------------------------------------------------------===//

void LogFileSinkCheck::checkSinkCreation(const Expr *E,
                                         const CXXRecordDecl *Sink,
                                         const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const utils::SinkApi *Api = utils::findSinkApi(Sink);
  std::string Name = Api ? Api->displayName(Sink)
                         : Sink->getQualifiedNameAsString();
  SourceLocation Loc = SM.getExpansionLoc(E->getBeginLoc());

  // Where the creation can be rewritten to the library's console sink.
  llvm::SmallVector<FixItHint, 4> Fixes;
  auto TryFix = [&](SourceRange TypeRange, SourceLocation AfterType,
                    SourceLocation RParen, llvm::ArrayRef<const Expr *> Args) {
    if (!Api || Api->ConsoleType.empty() || !TypeRange.isValid() ||
        !usedOnlyThroughBase(E, Ctx, *Api))
      return;
    std::string NewArgs = Api->consoleArgs(Sink, Args, Ctx);
    if (NewArgs == utils::SinkApi::NoFix)
      return;
    CharSourceRange TR = utils::fileRange(TypeRange, Ctx);
    if (TR.isInvalid())
      return;
    if (RParen.isValid()) {
      CharSourceRange AR =
          utils::fileRange(SourceRange(AfterType, RParen), Ctx);
      if (AR.isInvalid())
        return;
      Fixes.push_back(
          FixItHint::CreateReplacement(TR, Api->consoleTypeFor(Sink)));
      Fixes.push_back(FixItHint::CreateReplacement(AR, "(" + NewArgs + ")"));
    } else {
      // `new T` without an initializer.
      Fixes.push_back(FixItHint::CreateReplacement(
          TR, Api->consoleTypeFor(Sink) + "(" + NewArgs + ")"));
    }
    for (StringRef Header : Api->ConsoleHeaders)
      if (auto Inc = include(Loc, Header))
        Fixes.push_back(*Inc);
  };

  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    const auto *Construct =
        dyn_cast_or_null<CXXConstructExpr>(New->getConstructExpr());
    SourceRange TypeRange =
        New->getAllocatedTypeSourceInfo()->getTypeLoc().getSourceRange();
    if (Construct && Construct->getParenOrBraceRange().isValid())
      TryFix(TypeRange, Construct->getParenOrBraceRange().getBegin(),
             Construct->getParenOrBraceRange().getEnd(),
             writtenArgs(Construct));
    else if (!New->hasInitializer() ||
             (Construct && Construct->getNumArgs() == 0))
      TryFix(TypeRange, {}, {}, {}); // `new T` without parentheses
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const auto *Callee =
        dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
    if (Callee && Callee->getNumTemplateArgs() >= 1) {
      SourceLocation LParen = compat::toStd(Lexer::findNextToken(
                                                Callee->getEndLoc(), SM,
                                                getLangOpts()))
                                  .value_or(Token())
                                  .getLocation();
      TryFix(Callee->template_arguments()[0].getSourceRange(), LParen,
             Call->getRParenLoc(), writtenArgs(Call));
    }
  }
  // Direct construction of a sink object (a member or a local) is reported
  // without a fix-it: its declared type would have to change too.
  auto D = report(Loc, Name);
  for (const FixItHint &F : Fixes)
    D << F;
}

void LogFileSinkCheck::checkSpdlogFactory(const CallExpr *Call,
                                          const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const FunctionDecl *FD = Call->getDirectCallee();
  StringRef Name = FD->getName();
  SourceLocation Loc =
      Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  auto D = report(Loc, "spdlog::" + Name.str());
  // spdlog::basic_logger_mt("name", "file", ...) -> stdout_logger_mt("name")
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
  auto Args = writtenArgs(Call);
  if (!Ref || Args.size() < 1)
    return;
  CharSourceRange NameRange = utils::fileRange(Ref->getLocation(), Ctx);
  CharSourceRange Rest;
  if (Args.size() > 1)
    Rest = utils::fileRange(
        SourceRange(Lexer::getLocForEndOfToken(Args[0]->getEndLoc(), 0,
                                               *Result.SourceManager,
                                               getLangOpts()),
                    Args.back()->getEndLoc()),
        Ctx);
  if (NameRange.isInvalid() || (Args.size() > 1 && Rest.isInvalid()))
    return;
  StringRef Suffix = Name.ends_with("_st") ? "_st" : "_mt";
  D << FixItHint::CreateReplacement(NameRange,
                                    ("stdout_logger" + Suffix).str());
  if (Rest.isValid())
    D << FixItHint::CreateRemoval(Rest);
  if (auto Inc = include(Loc, "<spdlog/sinks/stdout_sinks.h>"))
    D << *Inc;
}

void LogFileSinkCheck::checkGlogCall(const CallExpr *Call,
                                     const MatchResult &Result) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (FD->getName() == "InitGoogleLogging") {
    GlogInits.push_back({Call, Result.Context});
    return;
  }
  // LogToStderr() sends every severity to stderr and no file.
  if (FD->getName() == "LogToStderr") {
    GlogToStreamSeen = true;
    return;
  }
  // SetLogDestination(severity, "") turns that severity's file off.
  if (FD->getName() == "SetLogDestination" && Call->getNumArgs() == 2)
    if (std::optional<std::string> P =
            utils::resolvePathValue(Call->getArg(1), *Result.Context);
        P && P->empty())
      return;
  report(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
         "google::" + FD->getName().str());
}

void LogFileSinkCheck::checkGlogFlag(const Expr *Assign, const VarDecl *Flag,
                                     const Expr *RHS,
                                     const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  StringRef Name = Flag->getName();
  SourceLocation Loc =
      Result.SourceManager->getExpansionLoc(Assign->getBeginLoc());
  if (Name == "FLAGS_log_dir") {
    auto D = report(Loc, "FLAGS_log_dir");
    if (const Expr *S = utils::asDiscardedStatement(Assign, Ctx)) {
      CharSourceRange R = utils::fileRange(S->getSourceRange(), Ctx);
      if (R.isValid())
        D << FixItHint::CreateReplacement(R, "FLAGS_logtostdout = true");
    }
    return;
  }
  bool Value = false;
  if (RHS->isValueDependent() || !RHS->EvaluateAsBooleanCondition(Value, Ctx))
    return;
  if (Value) {
    GlogToStreamSeen = true;
    return;
  }
  if (Name == "FLAGS_logtostderr")
    report(Loc, "FLAGS_logtostderr = false");
}

void LogFileSinkCheck::onEndOfTranslationUnit() {
  if (!GlogToStreamSeen) {
    for (const PendingGlogInit &P : GlogInits) {
      ASTContext &Ctx = *P.Ctx;
      const SourceManager &SM = Ctx.getSourceManager();
      SourceLocation Loc = SM.getExpansionLoc(P.Call->getBeginLoc());
      auto D = diag(Loc, "'google::InitGoogleLogging' writes log events to "
                         "files unless FLAGS_logtostdout or FLAGS_logtostderr "
                         "is set; write them to stdout as an event stream");
      const Expr *S = utils::asDiscardedStatement(P.Call, Ctx);
      if (!S)
        continue;
      CharSourceRange R = utils::fileRange(S->getSourceRange(), Ctx);
      if (R.isInvalid())
        continue;
      unsigned Col = SM.getSpellingColumnNumber(R.getBegin());
      D << FixItHint::CreateInsertion(
          R.getBegin(),
          "FLAGS_logtostdout = true;\n" + std::string(Col ? Col - 1 : 0, ' '));
    }
  }
  GlogInits.clear();
  GlogToStreamSeen = false;
}

void LogFileSinkCheck::checkBoostAddFileLog(const CallExpr *Call,
                                            const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  SourceLocation Loc =
      Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  auto D = report(Loc, "boost::log::add_file_log");
  // add_file_log(...) -> add_console_log(std::cout, <format/filter/auto_flush>)
  // when the returned sink is not used (its type changes).
  if (!utils::asDiscardedStatement(Call, Ctx))
    return;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
  if (!Ref || Call->getNumArgs() == 0)
    return;
  static const llvm::Regex Tag("keywords::tag::([a-z_]+)");
  static constexpr StringRef Kept[] = {"format", "filter", "auto_flush"};
  std::string Args = "std::cout";
  for (const Expr *A : writtenArgs(Call)) {
    std::string TypeName = A->getType().getCanonicalType().getAsString();
    llvm::SmallVector<StringRef, 2> M;
    if (!Tag.match(TypeName, &M))
      continue; // a positional file name
    if (!llvm::is_contained(Kept, M[1]))
      continue;
    std::string Text = sourceText(A->getSourceRange(), Ctx);
    if (Text.empty())
      return;
    Args += ", " + Text;
  }
  CharSourceRange NameRange = utils::fileRange(Ref->getLocation(), Ctx);
  CharSourceRange ArgRange = utils::fileRange(
      SourceRange(Call->getArg(0)->getBeginLoc(),
                  writtenArgs(Call).back()->getEndLoc()),
      Ctx);
  if (NameRange.isInvalid() || ArgRange.isInvalid())
    return;
  D << FixItHint::CreateReplacement(NameRange, "add_console_log")
    << FixItHint::CreateReplacement(ArgRange, Args);
  if (auto Inc = include(Loc, "<boost/log/utility/setup/console.hpp>"))
    D << *Inc;
  if (auto Inc = include(Loc, "<iostream>"))
    D << *Inc;
}

void LogFileSinkCheck::checkPocoSetProperty(const CXXMemberCallExpr *Call,
                                            const MatchResult &Result) {
  std::optional<std::string> Key =
      utils::resolvePathValue(Call->getArg(0), *Result.Context);
  if (!Key || *Key != "path")
    return;
  std::optional<std::string> Path =
      utils::resolvePathValue(Call->getArg(1), *Result.Context);
  report(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
         "Poco::FileChannel::setProperty(\"path\")", Path.value_or(""));
}

void LogFileSinkCheck::checkEasyloggingSet(const CallExpr *Call,
                                           const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const EnumConstantDecl *Which = nullptr;
  const StringLiteral *Value = nullptr;
  for (const Expr *A : Call->arguments()) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()))
      if (const auto *EC = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
        Which = EC;
    if (const StringLiteral *SL = asStringLiteral(A))
      Value = SL;
  }
  if (!Which)
    return;
  SourceLocation Loc =
      Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  if (Which->getName() == "Filename") {
    diag(Loc, "easylogging++ 'ConfigurationType::Filename' names a log "
              "file; write log events to stdout as an event stream");
    return;
  }
  if (!Value || !Value->getString().equals_insensitive("true"))
    return;
  auto D = diag(Loc, "easylogging++ 'ConfigurationType::ToFile' set to "
                     "\"true\" writes log events to a file; write them to "
                     "stdout as an event stream");
  CharSourceRange R = utils::fileRange(Value->getSourceRange(), Ctx);
  if (R.isValid())
    D << FixItHint::CreateReplacement(R, "\"false\"");
}

void LogFileSinkCheck::checkEasyloggingText(const CXXMemberCallExpr *Call,
                                            const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (Call->getNumArgs() < 1)
    return;
  const StringLiteral *SL = asStringLiteral(Call->getArg(0));
  if (!SL || SL->getCharByteWidth() != 1)
    return;
  StringRef Text = SL->getString();
  static const llvm::Regex ToFile("TO_FILE[ \t]*=[ \t]*\"?(true)",
                                  llvm::Regex::IgnoreCase);
  static const llvm::Regex FileName("(^|[\n \t])FILENAME[ \t]*=",
                                    llvm::Regex::IgnoreCase);
  SourceLocation Loc =
      Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  llvm::SmallVector<StringRef, 2> M;
  if (ToFile.match(Text, &M)) {
    auto D = diag(Loc, "easylogging++ configuration enables 'TO_FILE', "
                       "which writes log events to a file; write them to "
                       "stdout as an event stream");
    unsigned Offset = M[1].data() - Text.data();
    SourceLocation B = SL->getLocationOfByte(
        Offset, *Result.SourceManager, getLangOpts(), Ctx.getTargetInfo());
    SourceLocation E = SL->getLocationOfByte(
        Offset + 4, *Result.SourceManager, getLangOpts(), Ctx.getTargetInfo());
    if (B.isFileID() && E.isFileID())
      D << FixItHint::CreateReplacement(CharSourceRange::getCharRange(B, E),
                                        "false");
    return;
  }
  if (FileName.match(Text))
    diag(Loc, "easylogging++ configuration sets 'FILENAME' for a log file; "
              "write log events to stdout as an event stream");
}

} // namespace clang::tidy::logstream
