//===--- SecurityEventCategoryCheck.cpp - logstream-security-event-category ===//

#include "SecurityEventCategoryCheck.h"
#include "logstream/analysis/ProjectFacts.h"
#include "logstream/analysis/SecurityVocabulary.h"
#include "utils/AstHelpers.h"
#include "utils/FixIts.h"
#include "utils/LogFiles.h"
#include "utils/StandardStreams.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Regex.h"
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

namespace {

constexpr StringRef DefaultOperations = analysis::DefaultSecurityOperations;
constexpr StringRef PermissionOperations =
    "chmod=privilege_permissions_changed;fchmod=privilege_permissions_changed;"
    "chown=privilege_permissions_changed;fchown=privilege_permissions_changed;"
    "lchown=privilege_permissions_changed";
constexpr StringRef DefaultCredentialPattern =
    analysis::DefaultCredentialPattern;
constexpr StringRef DefaultDecisionPattern =
    "(^|_)(authenticate|authorize|permit)(_|$)|^(check_password|verify_password|"
    "check_credentials|check_acl|check_permission|check_permissions|"
    "is_authorized|has_permission)$";
constexpr StringRef DefaultCategoryPattern = "^security$";
constexpr StringRef DefaultLoggerPattern = "(^|_)security(_|$)";

std::string qualify(StringRef Name) {
  return Name.starts_with("::") ? Name.str() : ("::" + Name).str();
}

bool nameMatches(const utils::Pattern &P, const NamedDecl *D) {
  return D && D->getIdentifier() &&
         P.matches(utils::normalizeIdentifier(D->getName()));
}


/// The macro a statement is spelled through, if any (outermost).
StringRef outermostMacro(SourceLocation Loc, const SourceManager &SM,
                         const LangOptions &LO) {
  StringRef Name;
  while (Loc.isMacroID()) {
    Name = Lexer::getImmediateMacroName(Loc, SM, LO);
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return Name;
}

bool containsWord(StringRef Text, StringRef Word) {
  size_t Pos = 0;
  while ((Pos = Text.find(Word, Pos)) != StringRef::npos) {
    bool Start = Pos == 0 || !llvm::isAlnum(Text[Pos - 1]);
    size_t End = Pos + Word.size();
    bool Stop = End == Text.size() || !llvm::isAlnum(Text[End]);
    if (Start && Stop)
      return true;
    Pos = End;
  }
  return false;
}

/// The root object of a `a << b << c` chain.
const Expr *streamRoot(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  while (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
      break;
    E = Op->getArg(0)->IgnoreParenImpCasts();
  }
  return E;
}

/// The message literal of a logging call: breadth-first from the left, the
/// first literal that reads like a message (a space or a format directive),
/// else the first literal (`emit("warn", "login failed")` -> the second).
const StringLiteral *messageLiteral(const Stmt *S) {
  llvm::SmallVector<const Stmt *, 16> Work = {S};
  const StringLiteral *First = nullptr;
  for (size_t I = 0; I < Work.size() && I < 256; ++I) {
    const Stmt *Cur = Work[I];
    if (!Cur)
      continue;
    if (const auto *SL = dyn_cast<StringLiteral>(Cur)) {
      if (SL->getCharByteWidth() == 1 &&
          SL->getString().find_first_of(" %") != StringRef::npos)
        return SL;
      if (!First)
        First = SL;
      continue;
    }
    for (const Stmt *C : Cur->children())
      Work.push_back(C);
  }
  return First;
}

} // namespace

SecurityEventCategoryCheck::SecurityEventCategoryCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CheckPermissionChanges(Options.get("CheckPermissionChanges", false)),
      CredentialName(utils::readRegexOption(*this, Options, Name,
                                            "CredentialNamePattern",
                                            DefaultCredentialPattern)),
      SecurityDecision(utils::readRegexOption(*this, Options, Name,
                                              "SecurityDecisionPattern",
                                              DefaultDecisionPattern)),
      SecurityTag(Options.get("SecurityTag", "SECURITY").str()),
      SecurityCategory(utils::readRegexOption(*this, Options, Name,
                                              "SecurityCategoryPattern",
                                              DefaultCategoryPattern)),
      SecurityLogger(utils::readRegexOption(*this, Options, Name,
                                            "SecurityLoggerPattern",
                                            DefaultLoggerPattern)),
      LoggingFunctions(utils::readListOption(Options, "LoggingFunctions", "")),
      LoggingMacros(utils::readListOption(Options, "LoggingMacros", "")),
      RequireAllOutcomes(Options.get("RequireAllOutcomes", true)),
      InsertSecurityEvents(Options.get("InsertSecurityEvents", false)),
      SecurityTagFormat(Options.get("SecurityTagFormat", "SECURITY ").str()),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  std::string List = Options.get("SecurityOperations", DefaultOperations).str();
  if (CheckPermissionChanges)
    List += ";" + PermissionOperations.str();
  for (StringRef Entry : tidy::utils::options::parseStringList(List)) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    auto [Fn, Rest] = Entry.split('=');
    auto [Event, Conv] = Rest.split(':');
    Fn = Fn.trim();
    Event = Event.trim();
    if (Fn.empty() || Event.empty() || (!Conv.empty() && Conv != "true" &&
                                        Conv != "zero")) {
      configurationDiag("invalid entry '%0' in option '%1.SecurityOperations'; "
                        "expected 'function=event' or 'function=event:true'",
                        DiagnosticIDs::Error)
          << Entry << Name;
      continue;
    }
    Operation Op{Event.str(), Conv == "true" ? Convention::TrueIsSuccess
                                             : Convention::ZeroIsSuccess};
    Operations.push_back({qualify(Fn), Op});
    OperationByName[qualify(Fn)] = Op;
  }
  addProjectFacts(Context);
}

void SecurityEventCategoryCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SecurityOperations",
                Options.get("SecurityOperations", DefaultOperations));
  Options.store(Opts, "CheckPermissionChanges", CheckPermissionChanges);
  Options.store(Opts, "CredentialNamePattern", CredentialName.source());
  Options.store(Opts, "SecurityDecisionPattern", SecurityDecision.source());
  Options.store(Opts, "SecurityTag", SecurityTag);
  Options.store(Opts, "SecurityCategoryPattern", SecurityCategory.source());
  Options.store(Opts, "SecurityLoggerPattern", SecurityLogger.source());
  Options.store(Opts, "LoggingFunctions",
                tidy::utils::options::serializeStringList(LoggingFunctions));
  Options.store(Opts, "LoggingMacros",
                tidy::utils::options::serializeStringList(LoggingMacros));
  Options.store(Opts, "RequireAllOutcomes", RequireAllOutcomes);
  Options.store(Opts, "InsertSecurityEvents", InsertSecurityEvents);
  Options.store(Opts, "SecurityTagFormat", SecurityTagFormat);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void SecurityEventCategoryCheck::registerPPCallbacks(const SourceManager &,
                                                     Preprocessor *PP,
                                                     Preprocessor *) {
  this->PP = PP;
  Inserter.registerPreprocessor(PP);
}

void SecurityEventCategoryCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<StringRef> Names;
  for (const auto &[Name, Op] : Operations)
    Names.push_back(Name);
  auto InFunction = [](auto Inner) {
    return functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                        hasBody(forEachDescendant(Inner)))
        .bind("fn");
  };
  if (!Names.empty())
    Finder->addMatcher(
        InFunction(callExpr(callee(functionDecl(hasAnyName(Names)).bind("opfn")))
                       .bind("op")),
        this);
  // Credential comparisons.
  Finder->addMatcher(
      InFunction(callExpr(callee(functionDecl(hasAnyName(
                              "::strcmp", "::strncmp", "::memcmp",
                              "::CRYPTO_memcmp", "::timingsafe_bcmp", "::bcmp",
                              "::strcasecmp", "::std::strcmp", "::std::strncmp",
                              "::std::memcmp"))),
                          argumentCountAtLeast(2))
                     .bind("cmp")),
      this);
  if (getLangOpts().CPlusPlus)
    Finder->addMatcher(
        InFunction(cxxOperatorCallExpr(hasAnyOverloadedOperatorName("==", "!="),
                                       argumentCountIs(2))
                       .bind("cmp-op")),
        this);
  // Decisions by name in conditions.
  if (!SecurityDecision.empty()) {
    auto Decision = callExpr(callee(functionDecl().bind("decfn"))).bind("decision");
    Finder->addMatcher(
        InFunction(ifStmt(hasCondition(
            expr(eachOf(ignoringParenImpCasts(Decision),
                        forEachDescendant(Decision)))))),
        this);
  }
}

void SecurityEventCategoryCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Fn)
    return;
  const auto &N = Result.Nodes;
  if (const auto *Call = N.getNodeAs<CallExpr>("op")) {
    const auto *OpFn = N.getNodeAs<FunctionDecl>("opfn");
    auto It = OperationByName.find("::" + OpFn->getQualifiedNameAsString());
    if (It == OperationByName.end() || isForeignFactOperation(OpFn))
      return;
    Sites.push_back({Fn, Call, OpFn->getName().str(), It->second});
    return;
  }
  auto IsCryptResult = [](const Expr *E) {
    if (const auto *C = dyn_cast<CallExpr>(E->IgnoreParenCasts()))
      if (const FunctionDecl *F = C->getDirectCallee())
        return F->getName() == "crypt" || F->getName() == "crypt_r";
    return false;
  };
  if (const auto *Cmp = N.getNodeAs<CallExpr>("cmp")) {
    bool Credential = false;
    for (unsigned I = 0; I < 2; ++I)
      Credential |= IsCryptResult(Cmp->getArg(I)) ||
                    utils::mentionsMatchingName(Cmp->getArg(I), CredentialName);
    if (!Credential)
      return;
    Sites.push_back({Fn, Cmp, Cmp->getDirectCallee()->getName().str() +
                                  " of a credential",
                     {"authn_login", Convention::ZeroIsSuccess}});
    return;
  }
  if (const auto *Op = N.getNodeAs<CXXOperatorCallExpr>("cmp-op")) {
    const auto *RD = Op->getArg(0)->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->getIdentifier() ||
        (RD->getName() != "basic_string" && RD->getName() != "basic_string_view"))
      return;
    if (!utils::mentionsMatchingName(Op->getArg(0), CredentialName) &&
        !utils::mentionsMatchingName(Op->getArg(1), CredentialName))
      return;
    bool Equal = Op->getOperator() == OO_EqualEqual;
    Sites.push_back({Fn, Op,
                     std::string(Equal ? "==" : "!=") + " on a credential",
                     {"authn_login", Convention::TrueIsSuccess}});
    if (!Equal)
      Sites.back().Op.Success = Convention::ZeroIsSuccess;
    return;
  }
  if (const auto *Call = N.getNodeAs<CallExpr>("decision")) {
    const auto *F = N.getNodeAs<FunctionDecl>("decfn");
    if (!nameMatches(SecurityDecision, F) ||
        OperationByName.count("::" + F->getQualifiedNameAsString()))
      return;
    std::string Words = utils::normalizeIdentifier(F->getName());
    bool Authz = StringRef(Words).contains("authoriz") ||
                 StringRef(Words).contains("permi") ||
                 StringRef(Words).contains("acl");
    Sites.push_back({Fn, Call, F->getName().str(),
                     {Authz ? "authz" : "authn_login", Convention::TrueIsSuccess}});
  }
}

std::string SecurityEventCategoryCheck::eventName(const Operation &Op,
                                                  bool Failure) const {
  StringRef Base = Op.Event;
  if (Base.ends_with("_changed") || Base.ends_with("_fail") ||
      Base.ends_with("_success"))
    return Base.str();
  if (Base.ends_with("_change"))
    return Failure ? (Base + "_fail").str() : Base.str();
  return (Base + (Failure ? "_fail" : "_success")).str();
}

std::string SecurityEventCategoryCheck::suggestedStatement(const Site &S,
                                                           bool Failure) const {
  std::string Fields, User;
  for (const ParmVarDecl *P : S.Function->parameters()) {
    if (!P->getIdentifier())
      continue;
    std::string N = utils::normalizeIdentifier(P->getName());
    QualType T = P->getType().getNonReferenceType();
    const auto *RD = T->getAsCXXRecordDecl();
    bool Text = T->isPointerType() ||
                (RD && RD->getIdentifier() &&
                 (RD->getName() == "basic_string" ||
                  RD->getName() == "basic_string_view"));
    if (Text && (N == "user" || N == "username" || N == "user_name" ||
                 N == "login" || N == "account" || N == "principal")) {
      Fields = "{\"user\", " + P->getName().str() + "}";
      User = P->getName().str();
      break;
    }
  }
  std::string Event = eventName(S.Op, Failure);
  if (!getLangOpts().CPlusPlus)
    return User.empty()
               ? "logstream_security_event(\"" + Event + "\", NULL, 0);"
               : "logstream_security_event(\"" + Event +
                     "\", (const char *[]){\"user\", " + User + "}, 1);";
  return "logstream::security_event(\"" + Event + "\", {" + Fields + "});";
}

/// The logging macros of the libraries logstream-tidy knows: glog's LOG,
/// VLOG, DLOG, PLOG, LOG_IF..., log4cxx's LOG4CXX_*, log4cplus's LOG4CPLUS_*,
/// Poco's poco_*, Boost.Log's BOOST_LOG*, spdlog's SPDLOG_*, easylogging's
/// CLOG/ELPP_*. Their expansions test the level before logging, so they are
/// judged as a whole, by their written arguments.
static bool isLibraryLoggingMacro(StringRef Name, bool IncludeStreams) {
  static const llvm::Regex Known(
      "^(LOG4CXX_|LOG4CPLUS_|poco_|BOOST_LOG|SPDLOG_|ELPP_|CLOG$)");
  // glog's stream macros end in `<< ...` outside the macro: their records are
  // judged by the stream chain instead.
  static const llvm::Regex Streams(
      "^(LOG|VLOG|DLOG|PLOG|SYSLOG|LOG_IF|LOG_EVERY_N|LOG_FIRST_N|LOG_EVERY_T|"
      "LOG_IF_EVERY_N|DLOG_IF|VLOG_IF|PLOG_IF)$");
  return Known.match(Name) || (IncludeStreams && Streams.match(Name));
}

bool SecurityEventCategoryCheck::isLogRecord(const Stmt *S,
                                             ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  StringRef Macro = outermostMacro(S->getBeginLoc(), SM, getLangOpts());
  if (!Macro.empty() && (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)) &&
      (llvm::is_contained(LoggingMacros, Macro) ||
       isLibraryLoggingMacro(Macro, /*IncludeStreams=*/false)))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() != OO_LessLess)
      return false;
    const Expr *Root = streamRoot(Op);
    if (utils::classifyStdOStream(Root))
      return true;
    // glog's LOG(...) << and similar: a stream from a logging library.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Root))
      if (const CXXRecordDecl *RD = MC->getMethodDecl()->getParent()) {
        std::string Q = RD->getQualifiedNameAsString();
        return StringRef(Q).starts_with("google::") ||
               StringRef(Q).starts_with("boost::log") ||
               StringRef(Q).contains("Log");
      }
    return false;
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call)
    return false;
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !F->getIdentifier())
    return false;
  if (Facts && Facts->isLoggingCall(Call))
    return true;
  static constexpr StringRef CLogging[] = {
      "printf", "fprintf", "dprintf", "puts", "fputs", "vprintf", "vfprintf",
      "syslog", "vsyslog", "perror", "logstream_event", "logstream_event_fd",
      "logstream_security_event"};
  std::string Q = F->getQualifiedNameAsString();
  if (llvm::is_contained(CLogging, F->getName()) &&
      F->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return true;
  if (llvm::is_contained(LoggingFunctions, "::" + Q) ||
      llvm::is_contained(LoggingFunctions, Q))
    return true;
  StringRef QR(Q);
  return QR.starts_with("spdlog::") || QR.starts_with("logstream::") ||
         QR.starts_with("log4cxx::") || QR.starts_with("log4cplus::") ||
         (QR.starts_with("Poco::Logger::"));
}

bool SecurityEventCategoryCheck::isSecurityRecord(const Stmt *S,
                                                  ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *F = Call->getDirectCallee()) {
      std::string Q = F->getQualifiedNameAsString();
      if (Q == "logstream::security_event" || Q == "logstream_security_event")
        return true;
    }
  StringRef Macro = outermostMacro(S->getBeginLoc(), SM, getLangOpts());
  if (StringRef(Macro).contains("SECURITY"))
    return true;
  // A logging macro is a record as a whole: the tag among its written
  // arguments counts, wherever the expansion puts it.
  if (!Macro.empty() && (llvm::is_contained(LoggingMacros, Macro) ||
                         isLibraryLoggingMacro(Macro, /*IncludeStreams=*/true))) {
    CharSourceRange Whole = SM.getExpansionRange(S->getBeginLoc());
    StringRef Written = Lexer::getSourceText(Whole, SM, getLangOpts());
    if (containsWord(Written, SecurityTag))
      return true;
  }
  // A call given a SECURITY category enumerator (or constant) as an
  // argument: `logEvent(Category::Security, ...)`, whatever the function.
  if (const auto *Call = dyn_cast<CallExpr>(S))
    for (const Expr *A : Call->arguments())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()))
        if (const ValueDecl *D = DRE->getDecl();
            D && (isa<EnumConstantDecl>(D) ||
                  (isa<VarDecl>(D) && cast<VarDecl>(D)->getType().isConstQualified())) &&
            D->getIdentifier() && SecurityCategory.matches(D->getName()))
          return true;
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && Facts && Facts->isSecurityRecordCall(Call, Ctx))
    return true;
  if (!isLogRecord(S, Ctx))
    return false;
  // syslog(LOG_AUTH | ..., ...) / LOG_AUTHPRIV.
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *F = Call->getDirectCallee())
      if ((F->getName() == "syslog" || F->getName() == "vsyslog") &&
          Call->getNumArgs() >= 1) {
        Expr::EvalResult R;
        if (Call->getArg(0)->EvaluateAsInt(R, Ctx)) {
          int64_t Facility = R.Val.getInt().getExtValue() & 0x03f8;
          if (Facility == (4 << 3) || Facility == (10 << 3))
            return true;
        }
      }
  // A literal with the tag, a category enumerator or constant, a security
  // logger.
  llvm::SmallVector<const Stmt *, 32> Work = {S};
  for (unsigned N = 0; !Work.empty() && N < 256; ++N) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (const auto *SL = dyn_cast<StringLiteral>(Cur)) {
      if (SL->getCharByteWidth() == 1 &&
          containsWord(SL->getString(), SecurityTag))
        return true;
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Cur)) {
      const ValueDecl *D = DRE->getDecl();
      if (isa<EnumConstantDecl>(D) && D->getIdentifier() &&
          SecurityCategory.matches(D->getName()))
        return true;
      if (isa<VarDecl>(D) && nameMatches(SecurityLogger, D))
        return true;
    } else if (const auto *ME = dyn_cast<MemberExpr>(Cur)) {
      if (isa<FieldDecl>(ME->getMemberDecl()) &&
          nameMatches(SecurityLogger, ME->getMemberDecl()))
        return true;
    } else if (const auto *C = dyn_cast<CallExpr>(Cur)) {
      // spdlog::get("security")->...
      if (const FunctionDecl *F = C->getDirectCallee())
        if (F->getQualifiedNameAsString() == "spdlog::get" &&
            C->getNumArgs() == 1)
          if (const StringLiteral *SL = utils::asStringLiteral(C->getArg(0)))
            if (SecurityLogger.matches(SL->getString()))
              return true;
    }
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return false;
}

namespace {
enum class Outcome { Unknown, Success, Failure };

struct PathEnd {
  Outcome Label;
  SourceLocation Loc;
  StringRef Verb;
  const Stmt *FirstLog; // a non-SECURITY log record on the path
  const Stmt *Branch;   // the if statement that chose this outcome
};

/// The outcome the true branch of \p Cond stands for, when it tests
/// \p Result (the operation or a variable holding its result).
std::optional<Outcome>
trueBranchOutcome(const Expr *Cond, const Expr *Call, const VarDecl *Var,
                  SecurityEventCategoryCheck::Convention Conv,
                  ASTContext &Ctx) {
  auto IsResult = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (E == Call->IgnoreParenImpCasts())
      return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return Var && DRE->getDecl() == Var;
    return false;
  };
  bool ZeroOk = Conv == SecurityEventCategoryCheck::Convention::ZeroIsSuccess;
  Cond = Cond->IgnoreParenImpCasts();
  if (IsResult(Cond))
    return ZeroOk ? Outcome::Failure : Outcome::Success;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    if (UO->getOpcode() == UO_LNot && IsResult(UO->getSubExpr()))
      return ZeroOk ? Outcome::Success : Outcome::Failure;
  const Expr *L = nullptr, *R = nullptr;
  BinaryOperatorKind K;
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    L = BO->getLHS();
    R = BO->getRHS();
    K = BO->getOpcode();
  } else {
    return std::nullopt;
  }
  if (!IsResult(L)) {
    if (!IsResult(R))
      return std::nullopt;
    std::swap(L, R);
    K = BinaryOperator::reverseComparisonOp(K);
  }
  Expr::EvalResult V;
  if (!R->EvaluateAsInt(V, Ctx))
    return std::nullopt;
  int64_t K0 = V.Val.getInt().getExtValue();
  int64_t Ok = ZeroOk ? 0 : 1;
  switch (K) {
  case BO_EQ:
    return K0 == Ok ? Outcome::Success : Outcome::Failure;
  case BO_NE:
    return K0 == Ok ? Outcome::Failure : Outcome::Success;
  case BO_LT: // rc < 0, ok < 1
  case BO_LE:
    return Outcome::Failure;
  case BO_GT:
  case BO_GE:
    return ZeroOk ? Outcome::Failure : Outcome::Success;
  default:
    return std::nullopt;
  }
}
} // namespace

void SecurityEventCategoryCheck::analyze(const Site &S, ASTContext &Ctx) {
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd();
  BO.AddCXXDefaultInitExprInCtors = false;
  std::unique_ptr<CFG> G = CFG::buildCFG(S.Function, S.Function->getBody(),
                                         &Ctx, BO);
  if (!G)
    return;
  // Where the operation is.
  const CFGBlock *Start = nullptr;
  unsigned StartIdx = 0;
  for (const CFGBlock *B : *G) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (auto CS = E.getAs<CFGStmt>())
        if (CS->getStmt() == S.Call) {
          Start = B;
          StartIdx = I;
        }
      ++I;
    }
  }
  if (!Start)
    return;

  // The variable the result lands in (rc = pam_authenticate(...)).
  const VarDecl *ResultVar = nullptr;
  const Expr *Op = S.Call->IgnoreParenImpCasts();
  for (const CFGBlock *B : *G)
    for (const CFGElement &E : *B) {
      auto CS = E.getAs<CFGStmt>();
      if (!CS || ResultVar)
        continue;
      if (const auto *DS = dyn_cast<DeclStmt>(CS->getStmt())) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            if (VD->getInit() &&
                VD->getInit()->IgnoreImplicit()->IgnoreParenImpCasts() == Op)
              ResultVar = VD;
      } else if (const auto *BO = dyn_cast<BinaryOperator>(CS->getStmt())) {
        if (BO->isAssignmentOp() &&
            BO->getRHS()->IgnoreImplicit()->IgnoreParenImpCasts() == Op)
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
            ResultVar = dyn_cast<VarDecl>(DRE->getDecl());
      }
    }

  struct Item {
    const CFGBlock *Block;
    unsigned Index;
    Outcome Label;
    const Stmt *FirstLog;
    const Stmt *Branch;
  };
  std::vector<Item> Work = {{Start, StartIdx + 1, Outcome::Unknown, nullptr,
                             nullptr}};
  std::set<std::pair<unsigned, int>> Seen;
  std::vector<PathEnd> Unlogged;
  bool AnyLogged = false;
  while (!Work.empty()) {
    Item It = Work.back();
    Work.pop_back();
    if (!Seen.insert({It.Block->getBlockID(), static_cast<int>(It.Label)})
             .second &&
        It.Index == 0)
      continue;
    bool Logged = false;
    const Stmt *Last = nullptr;
    unsigned I = 0;
    for (const CFGElement &E : *It.Block) {
      if (I++ < It.Index)
        continue;
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *St = CS->getStmt();
      Last = St;
      if (isSecurityRecord(St, Ctx)) {
        Logged = true;
        break;
      }
      if (!It.FirstLog && isLogRecord(St, Ctx))
        It.FirstLog = St;
    }
    if (Logged) {
      AnyLogged = true;
      continue;
    }
    if (It.Block == &G->getExit()) {
      continue; // handled by the predecessor below
    }
    // Successors; a branch on the operation's result labels the path.
    std::optional<Outcome> TrueLabel;
    const Stmt *Term = It.Block->getTerminatorStmt();
    if (It.Label == Outcome::Unknown && It.Block->getTerminatorCondition())
      if (const auto *Cond = dyn_cast<Expr>(It.Block->getTerminatorCondition()))
        TrueLabel = trueBranchOutcome(Cond, S.Call, ResultVar, S.Op.Success, Ctx);
    unsigned SuccIdx = 0;
    for (const CFGBlock::AdjacentBlock &Succ : It.Block->succs()) {
      const CFGBlock *Next = Succ.getReachableBlock();
      unsigned ThisIdx = SuccIdx++;
      if (!Next)
        continue;
      Outcome Label = It.Label;
      const Stmt *Branch = It.Branch;
      if (TrueLabel) {
        bool IsTrue = ThisIdx == 0;
        Label = IsTrue ? *TrueLabel
                       : (*TrueLabel == Outcome::Success ? Outcome::Failure
                                                         : Outcome::Success);
        Branch = Term;
      }
      if (Next == &G->getExit()) {
        SourceLocation Loc = S.Function->getBody()->getEndLoc();
        StringRef Verb = "ends";
        if (Last) {
          if (isa<ReturnStmt>(Last)) {
            Loc = Last->getBeginLoc();
            Verb = "returns";
          } else if (isa<CXXThrowExpr>(Last)) {
            Loc = Last->getBeginLoc();
            Verb = "throws";
          } else if (const auto *C = dyn_cast<CallExpr>(Last)) {
            if (const FunctionDecl *F = C->getDirectCallee())
              if (F->isNoReturn() || F->hasAttr<NoReturnAttr>()) {
                Loc = Last->getBeginLoc();
                Verb = "exits";
              }
          }
        }
        Unlogged.push_back({Label, Loc, Verb, It.FirstLog, Branch});
        continue;
      }
      Work.push_back({Next, 0, Label, It.FirstLog, Branch});
    }
  }
  if (Unlogged.empty())
    return;
  if (!RequireAllOutcomes && AnyLogged)
    return;
  // Report the failure path first, then an unlabeled one, then success.
  auto Rank = [](const PathEnd &P) {
    return P.Label == Outcome::Failure ? 0 : P.Label == Outcome::Unknown ? 1 : 2;
  };
  const PathEnd *Worst = &Unlogged.front();
  for (const PathEnd &P : Unlogged)
    if (Rank(P) < Rank(*Worst) ||
        (Rank(P) == Rank(*Worst) &&
         Ctx.getSourceManager().isBeforeInTranslationUnit(P.Loc, Worst->Loc)))
      Worst = &P;

  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation OpLoc = SM.getExpansionLoc(S.Call->getBeginLoc());
  SourceLocation EndLoc = SM.getExpansionLoc(Worst->Loc);
  bool Failure = Worst->Label != Outcome::Success;
  StringRef Which = Worst->Label == Outcome::Failure   ? "the failure path"
                    : Worst->Label == Outcome::Success ? "the success path"
                                                       : "a path";
  {
    auto D = diag(OpLoc, "security-critical '%0' (%1): %2 %3 at line %4 "
                         "without a SECURITY log record")
             << S.Api << eventName(S.Op, Failure) << Which << Worst->Verb
             << SM.getExpansionLineNumber(EndLoc);
    // A record exists on the path but is not categorized: categorize it.
    if (Worst->FirstLog) {
      const Stmt *L = Worst->FirstLog;
      const auto *Call = dyn_cast<CallExpr>(L);
      const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
      if (F && F->getName() == "syslog" && Call->getNumArgs() >= 1) {
        CharSourceRange R =
            utils::fileRange(Call->getArg(0)->getSourceRange(), Ctx);
        if (R.isValid())
          D << FixItHint::CreateInsertion(R.getBegin(), "LOG_AUTHPRIV | ");
      } else if (const StringLiteral *SL = messageLiteral(L)) {
        SourceLocation B = SL->getBeginLoc();
        if (B.isFileID() && SL->getNumConcatenated() >= 1 &&
            SL->getCharByteWidth() == 1) {
          SourceLocation Inside =
              SL->getLocationOfByte(0, SM, getLangOpts(), Ctx.getTargetInfo());
          if (Inside.isFileID())
            D << FixItHint::CreateInsertion(Inside, SecurityTagFormat);
        }
      }
    } else if (InsertSecurityEvents && Worst->Branch) {
      // Insert at the start of the branch that tests the result.
      if (const auto *If = dyn_cast<IfStmt>(Worst->Branch)) {
        const Stmt *Arm = Worst->Label == Outcome::Failure
                              ? (trueBranchOutcome(If->getCond(), S.Call,
                                                   ResultVar, S.Op.Success,
                                                   Ctx) == Outcome::Failure
                                     ? If->getThen()
                                     : If->getElse())
                              : nullptr;
        if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Arm)) {
          SourceLocation L = CS->getLBracLoc();
          if (L.isFileID()) {
            unsigned Col = SM.getSpellingColumnNumber(If->getBeginLoc());
            D << FixItHint::CreateInsertion(
                L.getLocWithOffset(1),
                "\n" + std::string(Col + 1, ' ') +
                    suggestedStatement(S, Failure));
            if (auto Inc = Inserter.createIncludeInsertion(
                    SM.getFileID(L), "<logstream/event.h>"))
              D << *Inc;
          }
        }
      }
    }
  }
  noteProjectFacts(S.Call, OpLoc);
  diag(EndLoc, "this path %0 here without a SECURITY log record",
       DiagnosticIDs::Note)
      << Worst->Verb;
  if (!Worst->FirstLog)
    diag(OpLoc, "record the outcome in the SECURITY category, e.g. '%0'",
         DiagnosticIDs::Note)
        << suggestedStatement(S, Failure);
}

void SecurityEventCategoryCheck::onEndOfTranslationUnit() {
  if (!Context) {
    Sites.clear();
    return;
  }
  ASTContext &Ctx = *Context;
  // Wrappers: a function that returns the operation's result directly, or
  // that is itself listed as an operation, is not checked inside; its callers
  // are checked as if they called the operation.
  std::vector<Site> Work = std::move(Sites);
  Sites.clear();
  llvm::SmallPtrSet<const FunctionDecl *, 8> Expanded;
  std::set<const Expr *> Done;
  for (unsigned Round = 0; Round < 3 && !Work.empty(); ++Round) {
    std::vector<Site> Next;
    for (const Site &S : Work) {
      if (!Done.insert(S.Call).second)
        continue;
      bool Listed = OperationByName.count(
          "::" + S.Function->getQualifiedNameAsString());
      bool Returns =
          !match(findAll(returnStmt(hasDescendant(expr(equalsNode(S.Call))))),
                 *S.Function->getBody(), Ctx)
               .empty() ||
          !match(findAll(returnStmt(hasReturnValue(
                     ignoringParenImpCasts(expr(equalsNode(S.Call)))))),
                 *S.Function->getBody(), Ctx)
               .empty();
      if (!Listed && !Returns) {
        analyze(S, Ctx);
        continue;
      }
      if (Listed || !Expanded.insert(S.Function).second)
        continue;
      auto Callers = match(
          functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                       hasBody(forEachDescendant(
                           callExpr(callee(functionDecl(hasName(
                                                S.Function->getQualifiedNameAsString()))
                                               .bind("cf")))
                               .bind("c"))))
              .bind("f"),
          Ctx);
      for (const auto &M : Callers) {
        const auto *Callee = M.getNodeAs<FunctionDecl>("cf");
        if (Callee->getCanonicalDecl() != S.Function->getCanonicalDecl())
          continue;
        // A wrapper returning bool says true on success.
        Operation Op = S.Op;
        if (S.Function->getReturnType()->isBooleanType())
          Op.Success = Convention::TrueIsSuccess;
        Next.push_back({M.getNodeAs<FunctionDecl>("f"),
                        M.getNodeAs<CallExpr>("c"),
                        S.Function->getName().str(), Op});
      }
    }
    Work = std::move(Next);
  }
  Sites.clear();
  Context = nullptr;
}

} // namespace clang::tidy::logstream
