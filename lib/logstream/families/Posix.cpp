//===--- Posix.cpp - The POSIX family -------------------------------------===//

#include "logstream/families/Posix.h"
#include "logstream/families/Families.h"
#include "logstream/families/Iostreams.h"
#include "utils/Expressions.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral OpenId = "posix-open";
constexpr llvm::StringLiteral Dup2Id = "posix-dup2";
constexpr llvm::StringLiteral OpenerId = "posix-opener";
constexpr llvm::StringLiteral StSizeId = "posix-st-size";
constexpr llvm::StringLiteral StatId = "posix-stat";
constexpr llvm::StringLiteral DirentDeleteId = "posix-dirent-delete";
constexpr llvm::StringLiteral SignalId = "posix-signal";
// Bindings of the searches inside a function body.
constexpr llvm::StringLiteral HandlerId = "handler";
constexpr llvm::StringLiteral FunctionId = "function";
constexpr llvm::StringLiteral CallId = "call";
constexpr llvm::StringLiteral FlagId = "flag";
constexpr llvm::StringLiteral AssignId = "assign";
constexpr llvm::StringLiteral ThenId = "then";

// The calls the family knows, each list spelled once.
constexpr llvm::StringRef OpenFunctions[] = {
    "::open",  "::open64",  "::openat", "::openat64",
    "::creat", "::creat64", "::_open",  "::_wopen"};
constexpr llvm::StringRef Dup2Functions[] = {"::dup2", "::dup3"};
constexpr llvm::StringRef StatFunctions[] = {
    "::stat", "::lstat", "::fstat", "::stat64", "::lstat64", "::fstat64"};
constexpr llvm::StringRef OpendirFunctions[] = {"::opendir", "::fdopendir"};
constexpr llvm::StringRef SignalFunctions[] = {
    "::signal", "::std::signal", "::sigaction", "::bsd_signal", "::sigset"};
constexpr llvm::StringRef DescriptorFunctions[] = {"::fileno", "::lseek"};

/// \p E without parentheses, casts and one `&`.
const Expr *withoutAddressOf(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  return E;
}

/// The function a handler argument names: `h`, `&h`, `(sighandler_t)h`.
const FunctionDecl *asFunction(const Expr *E) {
  const auto *DRE = E ? dyn_cast<DeclRefExpr>(withoutAddressOf(E)) : nullptr;
  return DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
}

/// The local variable \p E refers to (`sa`, `&sa`).
const VarDecl *asLocalVar(const Expr *E) {
  const auto *DRE = E ? dyn_cast<DeclRefExpr>(withoutAddressOf(E)) : nullptr;
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->isLocalVarDecl() ? VD : nullptr;
}

const Stmt *bodyOf(const VarDecl *VD) {
  const auto *FD = dyn_cast<FunctionDecl>(VD->getDeclContext());
  return FD ? FD->getBody() : nullptr;
}

class Posix : public Family {
public:
  llvm::StringRef name() const override { return "POSIX"; }

  llvm::ArrayRef<PathApi> pathApis() const override {
    using Op = Operation;
    static const PathApi Apis[] = {
        {"::renameat", Op::Rotate, {1, 3}},
        {"::renameat2", Op::Rotate, {1, 3}},
        {"::unlink", Op::Delete, {0}},
        {"::unlinkat", Op::Delete, {1}},
        {"::truncate", Op::Truncate, {0}},
        {"::truncate64", Op::Truncate, {0}},
        {"::ftruncate", Op::Truncate, {0}, true},
        {"::ftruncate64", Op::Truncate, {0}, true},
        {"::mkdir", Op::CreateDirectory, {0}},
        {"::mkdirat", Op::CreateDirectory, {1}},
        {"::chmod", Op::Chmod, {0}},
        {"::fchmod", Op::Chmod, {0}, true},
        {"::chown", Op::Chown, {0}},
        {"::lchown", Op::Chown, {0}},
        {"::fchown", Op::Chown, {0}, true},
    };
    return Apis;
  }

  std::vector<llvm::StringRef> otherNames() const override {
    return concat({OpenFunctions, Dup2Functions, StatFunctions,
                   OpendirFunctions, SignalFunctions, DescriptorFunctions});
  }

  std::optional<StatementMatcher> sizeExpression() const override {
    return expr(anyOf(
        callExpr(utils::calleeNamed(DescriptorFunctions[1])).bind(SizeCallId),
        memberExpr(member(hasName("st_size"))).bind(StSizeId)));
  }

  void registerSinkMatchers(SinkHost &H,
                            utils::UserCodeMatchers &Finder) override;
  bool checkSink(SinkHost &H, const MatchResult &Result) override;
  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override;
  bool checkManagement(ManagementHost &H, const MatchResult &Result) override;

private:
  void checkOpen(SinkHost &H, const CallExpr *Call, ASTContext &Ctx);
  void checkDup2(SinkHost &H, const CallExpr *Call, ASTContext &Ctx);
  /// The open/fopen call a descriptor passed to dup2 comes from.
  const CallExpr *openerOf(const Expr *Source, const CallExpr *Dup2,
                           ASTContext &Ctx) const;
  void checkStSize(ManagementHost &H, const BinaryOperator *Cmp,
                   const MemberExpr *Size, ASTContext &Ctx);
  void checkDirentDelete(ManagementHost &H, const CallExpr *Delete,
                         const CallExpr *Open, ASTContext &Ctx);
  void checkSignal(ManagementHost &H, const CallExpr *Call, ASTContext &Ctx);
  /// The name of the ReopenSignals signal \p Sig is, or "".
  std::string signalName(ManagementHost &H, const Expr *Sig,
                         ASTContext &Ctx) const;
  /// The handler sigaction(sig, &sa, ...) installs: the last assignment to
  /// sa.sa_handler before the call, or sa's initializer.
  const FunctionDecl *sigactionHandler(const CallExpr *Call,
                                       ASTContext &Ctx) const;
  /// Where a handler (or a function it calls in this translation unit)
  /// reopens a log file, or an invalid location.
  /// \p Signal, when known, narrows a handler that switches on its signal
  /// number to that signal's case.
  SourceLocation findReopen(const utils::LogFileClassifier &C,
                            const FunctionDecl *Handler, ASTContext &Ctx,
                            unsigned Depth,
                            std::optional<int64_t> Signal = std::nullopt) const;
  SourceLocation flagOrCallReopen(const utils::LogFileClassifier &C,
                                  const FunctionDecl *Def, const Stmt *Body,
                                  ASTContext &Ctx, unsigned Depth) const;
  /// A call in \p S (not of \p Self) that reopens the log: a log-named
  /// function that says so (reopensByName), or one whose body in this
  /// translation unit reopens it.
  SourceLocation callReopen(const utils::LogFileClassifier &C,
                            const FunctionDecl *Self, const Stmt &S,
                            ASTContext &Ctx, unsigned Depth) const;
  /// A log-named function whose name says it (re)opens, rotates or cycles
  /// the log: `reopen_logs`, `log_rotate`, `errorlog_cycle`, or initializes
  /// it again (`log__init`, `log_reload` called on SIGHUP).
  static bool reopensByName(const utils::LogFileClassifier &C,
                            const FunctionDecl *F);
  SourceLocation reopenOnFlag(const utils::LogFileClassifier &C,
                              const VarDecl *Flag, ASTContext &Ctx) const;
  /// The first open of a log file (fopen/open/freopen/creat) in \p S.
  SourceLocation logOpenIn(const utils::LogFileClassifier &C, const Stmt &S,
                           ASTContext &Ctx) const;
};

//===----------------------------------------------------------------------===//
// logstream-log-file-sink
//===----------------------------------------------------------------------===//

void Posix::registerSinkMatchers(SinkHost &H, utils::UserCodeMatchers &Finder) {
  Finder.addCallMatcher(OpenFunctions,
                        callExpr(argumentCountAtLeast(1)).bind(OpenId),
                        H.callback());
  Finder.addCallMatcher(Dup2Functions,
                        callExpr(argumentCountAtLeast(2)).bind(Dup2Id),
                        H.callback());
}

bool Posix::checkSink(SinkHost &H, const MatchResult &Result) {
  if (const auto *C = Result.Nodes.getNodeAs<CallExpr>(OpenId)) {
    checkOpen(H, C, *Result.Context);
    return true;
  }
  if (const auto *C = Result.Nodes.getNodeAs<CallExpr>(Dup2Id)) {
    checkDup2(H, C, *Result.Context);
    return true;
  }
  return false;
}

void Posix::checkOpen(SinkHost &H, const CallExpr *Call, ASTContext &Ctx) {
  llvm::StringRef Name = Call->getDirectCallee()->getName();
  unsigned PathIdx = Name.starts_with("openat") ? 1 : 0;
  if (Call->getNumArgs() <= PathIdx)
    return;
  // open(path, flags): only writers. creat() always writes.
  if (!Name.starts_with("creat") && Call->getNumArgs() > PathIdx + 1) {
    Expr::EvalResult Flags;
    if (Call->getArg(PathIdx + 1)->EvaluateAsInt(Flags, Ctx)) {
      int64_t F = Flags.Val.getInt().getExtValue();
      int64_t AccMode = H.macroValue("O_ACCMODE").value_or(3);
      int64_t ReadOnly = H.macroValue("O_RDONLY").value_or(0);
      int64_t Creat = H.macroValue("O_CREAT").value_or(0100);
      if ((F & AccMode) == ReadOnly && !(F & Creat))
        return;
    }
  }
  std::string Path, Receiver;
  if (!H.isLogTarget(Call->getArg(PathIdx), Call, Ctx, Path, Receiver))
    return;
  H.report(Ctx.getSourceManager().getExpansionLoc(Call->getBeginLoc()), Name,
           Path);
}

const CallExpr *Posix::openerOf(const Expr *Source, const CallExpr *Dup2,
                                ASTContext &Ctx) const {
  // Directly, or through a local variable initialized or assigned from
  // open/openat/creat/fileno(fopen(...)).
  auto OpenCall = callExpr(
      utils::calleeNamed({"::open", "::open64", "::openat", "::openat64",
                          "::creat", "::creat64", "::fopen", "::fopen64"}));
  auto FileOpen = expr(ignoringParenImpCasts(
      anyOf(OpenCall.bind(OpenerId),
            callExpr(utils::calleeNamed(DescriptorFunctions[0]),
                     hasArgument(
                         0, ignoringParenImpCasts(OpenCall.bind(OpenerId)))))));
  auto Direct = match(FileOpen, *Source, Ctx);
  if (!Direct.empty())
    return Direct[0].getNodeAs<CallExpr>(OpenerId);
  const auto *Ref = dyn_cast<DeclRefExpr>(Source);
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const FunctionDecl *Fn = utils::enclosingFunction(Dup2, Ctx);
  if (!VD || !Fn || !Fn->getBody())
    return nullptr;
  auto Decls = match(findAll(varDecl(equalsNode(VD), hasInitializer(FileOpen))),
                     *Fn, Ctx);
  if (!Decls.empty())
    return Decls[0].getNodeAs<CallExpr>(OpenerId);
  auto Sets = match(
      findAll(binaryOperator(isAssignmentOperator(),
                             hasLHS(declRefExpr(to(varDecl(equalsNode(VD))))),
                             hasRHS(FileOpen))),
      *Fn->getBody(), Ctx);
  if (!Sets.empty())
    return Sets[0].getNodeAs<CallExpr>(OpenerId);
  return nullptr;
}

void Posix::checkDup2(SinkHost &H, const CallExpr *Call, ASTContext &Ctx) {
  Expr::EvalResult Target;
  if (!Call->getArg(1)->EvaluateAsInt(Target, Ctx))
    return;
  int64_t Fd = Target.Val.getInt().getExtValue();
  if (Fd != 1 && Fd != 2)
    return;
  // The source descriptor must come from a file opened in this function.
  const CallExpr *Opener =
      openerOf(Call->getArg(0)->IgnoreParenImpCasts(), Call, Ctx);
  if (!Opener)
    return;
  unsigned PathIdx =
      Opener->getDirectCallee()->getName().starts_with("openat") ? 1 : 0;
  std::optional<std::string> Path;
  if (Opener->getNumArgs() > PathIdx)
    Path = utils::resolvePathValue(Opener->getArg(PathIdx), Ctx);
  // Devices (/dev/null when daemonizing, a tty) are not log files.
  if (Path && (llvm::StringRef(*Path).starts_with("/dev/") ||
               H.classifier().isAllowedPath(*Path)))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  H.diagnose(SM.getExpansionLoc(Call->getBeginLoc()),
             "'%0' redirects %1 into %select{a file|file '%3'}2; leave %1 as "
             "the event stream and let the environment route it")
      << Call->getDirectCallee()->getName() << (Fd == 1 ? "stdout" : "stderr")
      << (Path ? 1 : 0) << (Path ? utils::displayPath(*Path) : std::string());
  H.diagnose(SM.getExpansionLoc(Opener->getBeginLoc()),
             "the file is opened here", DiagnosticIDs::Note);
}

//===----------------------------------------------------------------------===//
// logstream-log-file-management
//===----------------------------------------------------------------------===//

void Posix::registerManagementMatchers(ManagementHost &H,
                                       utils::UserCodeMatchers &Finder) {
  // Deleting what readdir finds in a log directory: the deletion, then
  // (checkManagement) the opendir of its function. Anchored on the rare
  // call, not on every function (whose body a hasDescendant would walk).
  Finder.addCallMatcher(allPathApis(Operation::Delete),
                        callExpr(hasAnyArgument(hasDescendant(
                                     memberExpr(member(hasName("d_name"))))))
                            .bind(DirentDeleteId),
                        H.callback());
  // Reopen on signal.
  Finder.addCallMatcher(SignalFunctions,
                        callExpr(argumentCountAtLeast(2)).bind(SignalId),
                        H.callback());
  // Log file sinks, for the note that ties management to the file.
  Finder.addCallMatcher({"::open", "::creat", "::open64"},
                        callExpr(argumentCountAtLeast(1)).bind(SinkOpenId),
                        H.callback());
}

/// The first call of opendir or fdopendir in \p Fn's body, in the order
/// of the source (the first a hasDescendant would find).
static const CallExpr *firstOpendir(const FunctionDecl *Fn) {
  if (!Fn || !Fn->getBody())
    return nullptr;
  llvm::SmallVector<const Stmt *, 32> Work = {Fn->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *C = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = C->getDirectCallee();
          Callee && Callee->getIdentifier() &&
          llvm::is_contained(OpendirFunctions,
                             ("::" + Callee->getQualifiedNameAsString())))
        return C;
    // Children in reverse, so that the first child is looked at first.
    llvm::SmallVector<const Stmt *, 8> Children;
    for (const Stmt *Child : S->children())
      if (Child)
        Children.push_back(Child);
    Work.append(Children.rbegin(), Children.rend());
  }
  return nullptr;
}

bool Posix::checkManagement(ManagementHost &H, const MatchResult &Result) {
  const auto &N = Result.Nodes;
  ASTContext &Ctx = *Result.Context;
  if (const auto *C = N.getNodeAs<CallExpr>(DirentDeleteId)) {
    if (const CallExpr *Open = firstOpendir(
            utils::enclosingFunction(C, Ctx, utils::Lambdas::Cross)))
      checkDirentDelete(H, C, Open, Ctx);
    return true;
  }
  if (const auto *C = N.getNodeAs<CallExpr>(SignalId)) {
    checkSignal(H, C, Ctx);
    return true;
  }
  if (const auto *ME = N.getNodeAs<MemberExpr>(StSizeId)) {
    checkStSize(H, N.getNodeAs<BinaryOperator>(SizeComparisonId), ME, Ctx);
    return true;
  }
  return false;
}

void Posix::checkDirentDelete(ManagementHost &H, const CallExpr *Delete,
                              const CallExpr *Open, ASTContext &Ctx) {
  std::string Path;
  if (Open->getNumArgs() < 1 ||
      Open->getDirectCallee()->getName() != "opendir" ||
      !H.classifier().isLogPathExpr(Open->getArg(0), Ctx, &Path))
    return;
  H.add({Ctx.getSourceManager().getExpansionLoc(Delete->getBeginLoc()),
         Operation::DeleteFromDirectory,
         Delete->getDirectCallee()->getQualifiedNameAsString(), Path});
}

void Posix::checkStSize(ManagementHost &H, const BinaryOperator *Cmp,
                        const MemberExpr *Size, ASTContext &Ctx) {
  // stat(<log path>, &st) ... st.st_size > limit
  const VarDecl *St = asLocalVar(Size->getBase());
  const Stmt *Body = St ? bodyOf(St) : nullptr;
  if (!Body)
    return;
  auto Stats = match(
      findAll(callExpr(utils::calleeNamed(StatFunctions), argumentCountIs(2),
                       hasArgument(1, ignoringParenImpCasts(unaryOperator(
                                          hasOperatorName("&"),
                                          hasUnaryOperand(declRefExpr(
                                              to(varDecl(equalsNode(St)))))))))
                  .bind(StatId)),
      *Body, Ctx);
  const utils::LogFileClassifier &C = H.classifier();
  std::string Path;
  for (const auto &S : Stats) {
    const auto *Stat = S.getNodeAs<CallExpr>(StatId);
    bool Fd = Stat->getDirectCallee()->getName().starts_with("fstat");
    if (Fd ? C.mentionsLogName(Stat->getArg(0))
           : C.isLogPathExpr(Stat->getArg(0), Ctx, &Path)) {
      H.add({Ctx.getSourceManager().getExpansionLoc(Cmp->getBeginLoc()),
             Operation::SizeCheck, Stat->getDirectCallee()->getName().str(),
             Path});
      return;
    }
  }
}

std::string Posix::signalName(ManagementHost &H, const Expr *SigArg,
                              ASTContext &Ctx) const {
  Expr::EvalResult R;
  if (!SigArg->EvaluateAsInt(R, Ctx))
    return "";
  int64_t Sig = R.Val.getInt().getExtValue();
  for (llvm::StringRef Name : H.reopenSignals()) {
    // Linux values when the headers' macros are not visible.
    int64_t Default = Name == "SIGHUP"    ? 1
                      : Name == "SIGUSR1" ? 10
                      : Name == "SIGUSR2" ? 12
                                          : -1;
    if (H.macroValue(Name).value_or(Default) == Sig)
      return Name.str();
  }
  return "";
}

const FunctionDecl *Posix::sigactionHandler(const CallExpr *Call,
                                            ASTContext &Ctx) const {
  const VarDecl *SA = asLocalVar(Call->getArg(1));
  const Stmt *Body = SA ? bodyOf(SA) : nullptr;
  if (!Body)
    return nullptr;
  auto Sets =
      match(findAll(binaryOperator(
                isAssignmentOperator(),
                hasLHS(memberExpr(
                    member(utils::hasAnyNameFast("sa_handler", "sa_sigaction")),
                    hasDescendant(declRefExpr(to(varDecl(equalsNode(SA))))))),
                hasRHS(expr().bind(HandlerId)))),
            *Body, Ctx);
  // The handler in force at the call: the last assignment before it.
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Handler = nullptr;
  SourceLocation Best;
  for (const auto &S : Sets) {
    const auto *H = S.getNodeAs<Expr>(HandlerId);
    const FunctionDecl *F = asFunction(H);
    SourceLocation L = H->getBeginLoc();
    if (!F || !SM.isBeforeInTranslationUnit(L, Call->getBeginLoc()))
      continue;
    if (!Handler || SM.isBeforeInTranslationUnit(Best, L)) {
      Handler = F;
      Best = L;
    }
  }
  if (!Handler && SA->getInit()) {
    auto Refs = match(findAll(declRefExpr(to(functionDecl().bind(FunctionId)))),
                      *SA->getInit(), Ctx);
    if (!Refs.empty())
      Handler = Refs[0].getNodeAs<FunctionDecl>(FunctionId);
  }
  return Handler;
}

void Posix::checkSignal(ManagementHost &H, const CallExpr *Call,
                        ASTContext &Ctx) {
  std::string SigName = signalName(H, Call->getArg(0), Ctx);
  if (SigName.empty())
    return;
  llvm::StringRef Api = Call->getDirectCallee()->getName();
  const FunctionDecl *Handler = Api == "sigaction"
                                    ? sigactionHandler(Call, Ctx)
                                    : asFunction(Call->getArg(1));
  Expr::EvalResult Sig;
  std::optional<int64_t> Signal;
  if (Call->getArg(0)->EvaluateAsInt(Sig, Ctx))
    Signal = Sig.Val.getInt().getExtValue();
  SourceLocation Reopen = findReopen(H.classifier(), Handler, Ctx, 0, Signal);
  if (Reopen.isInvalid())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  H.add({SM.getExpansionLoc(Call->getBeginLoc()), Operation::ReopenOnSignal,
         Api.str(), "", SigName, std::nullopt, SM.getExpansionLoc(Reopen)});
}

/// Whether \p E refers to \p P.
static bool refersTo(const Stmt *E, const ParmVarDecl *P) {
  if (!E)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl() == P;
  return llvm::any_of(E->children(),
                      [&](const Stmt *Child) { return refersTo(Child, P); });
}

/// The statements of \p Switch that run for \p Signal: from its `case`
/// (else `default:`) to the first `break`. The whole switch when its body is
/// not a block.
static void appendCase(const SwitchStmt *Switch, int64_t Signal,
                       llvm::SmallVectorImpl<const Stmt *> &Out,
                       ASTContext &Ctx) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch->getBody());
  if (!Body) {
    Out.push_back(Switch);
    return;
  }
  auto Collect = [&](bool Default) {
    bool On = false;
    for (const Stmt *S : Body->body()) {
      while (const auto *SC = dyn_cast<SwitchCase>(S)) {
        if (const auto *Case = dyn_cast<CaseStmt>(SC)) {
          Expr::EvalResult V;
          if (!Default && !Case->caseStmtIsGNURange() &&
              !Case->getLHS()->isValueDependent() &&
              Case->getLHS()->EvaluateAsInt(V, Ctx) &&
              V.Val.getInt().getExtValue() == Signal)
            On = true;
        } else if (Default) {
          On = true;
        }
        S = SC->getSubStmt();
      }
      if (!On)
        continue;
      if (isa<BreakStmt>(S))
        return true;
      Out.push_back(S);
    }
    return On;
  };
  if (!Collect(/*Default=*/false))
    Collect(/*Default=*/true);
}

/// What a handler runs for \p Signal: its statements, with a `switch` on
/// the signal number (its first parameter) narrowed to that signal's case.
static llvm::SmallVector<const Stmt *, 8>
handlerPartsFor(const FunctionDecl *Def, std::optional<int64_t> Signal,
                ASTContext &Ctx) {
  const Stmt *Body = Def->getBody();
  const auto *Block = dyn_cast<CompoundStmt>(Body);
  if (!Signal || !Block || Def->getNumParams() == 0)
    return {Body};
  llvm::SmallVector<const Stmt *, 8> Parts;
  for (const Stmt *S : Block->body()) {
    const auto *Switch = dyn_cast<SwitchStmt>(S);
    if (Switch && refersTo(Switch->getCond(), Def->getParamDecl(0)))
      appendCase(Switch, *Signal, Parts, Ctx);
    else
      Parts.push_back(S);
  }
  return Parts;
}

SourceLocation Posix::findReopen(const utils::LogFileClassifier &C,
                                 const FunctionDecl *Handler, ASTContext &Ctx,
                                 unsigned Depth,
                                 std::optional<int64_t> Signal) const {
  if (!Handler || Depth > 3)
    return {};
  const FunctionDecl *Def = Handler->getDefinition();
  if (!Def || !Def->getBody())
    return {};
  // A handler shared by several signals: what it does for this one.
  llvm::SmallVector<const Stmt *, 8> Parts = handlerPartsFor(Def, Signal, Ctx);
  // A handler that ends the process (writes a last line and exits) reopens
  // nothing.
  if (Depth == 0)
    for (const Stmt *Part : Parts)
      if (!match(findAll(callExpr(callee(functionDecl(isNoReturn())))), *Part,
                 Ctx)
               .empty())
        return {};
  for (const Stmt *Part : Parts) {
    // Opening a log file.
    if (SourceLocation L = logOpenIn(C, *Part, Ctx); L.isValid())
      return L;
    auto StreamOpens =
        match(findAll(cxxMemberCallExpr(
                          utils::calleeNamed(
                              {"open", "close"},
                              cxxMethodDecl(ofClass(
                                  utils::hasAnyNameFast(FileStreamClasses)))))
                          .bind(CallId)),
              *Part, Ctx);
    for (const auto &M : StreamOpens) {
      const auto *Open = M.getNodeAs<CXXMemberCallExpr>(CallId);
      if (C.mentionsLogName(Open->getImplicitObjectArgument()) ||
          (Open->getNumArgs() >= 1 && C.isLogPathExpr(Open->getArg(0), Ctx)))
        return Open->getBeginLoc();
    }
  }
  for (const Stmt *Part : Parts)
    if (SourceLocation L = flagOrCallReopen(C, Def, Part, Ctx, Depth);
        L.isValid())
      return L;
  return {};
}

SourceLocation Posix::flagOrCallReopen(const utils::LogFileClassifier &C,
                                       const FunctionDecl *Def,
                                       const Stmt *Body, ASTContext &Ctx,
                                       unsigned Depth) const {
  // The async-signal-safe idiom: set a log-named flag for the main loop.
  auto Flags = match(
      findAll(binaryOperator(isAssignmentOperator(),
                             hasLHS(ignoringParenImpCasts(declRefExpr(to(
                                 varDecl(hasGlobalStorage()).bind(FlagId))))))
                  .bind(AssignId)),
      *Body, Ctx);
  for (const auto &M : Flags) {
    const auto *V = M.getNodeAs<VarDecl>(FlagId);
    if (V->getIdentifier() && C.isLogName(V->getName()))
      return M.getNodeAs<BinaryOperator>(AssignId)->getBeginLoc();
    // The nginx idiom: any flag, and a main loop that reopens the log when
    // it is set.
    if (Depth == 0)
      if (SourceLocation L = reopenOnFlag(C, V, Ctx); L.isValid())
        return L;
  }
  // Functions it calls.
  return callReopen(C, Def, *Body, Ctx, Depth);
}

SourceLocation Posix::callReopen(const utils::LogFileClassifier &C,
                                 const FunctionDecl *Self, const Stmt &S,
                                 ASTContext &Ctx, unsigned Depth) const {
  auto Calls = match(
      findAll(callExpr(callee(functionDecl().bind(FunctionId))).bind(CallId)),
      S, Ctx);
  for (const auto &M : Calls) {
    const auto *F = M.getNodeAs<FunctionDecl>(FunctionId);
    if (F == Self || !F->getIdentifier())
      continue;
    if (reopensByName(C, F))
      return M.getNodeAs<CallExpr>(CallId)->getBeginLoc();
    SourceLocation Inner = findReopen(C, F, Ctx, Depth + 1);
    if (Inner.isValid())
      return Inner;
  }
  return {};
}

SourceLocation Posix::reopenOnFlag(const utils::LogFileClassifier &C,
                                   const VarDecl *Flag, ASTContext &Ctx) const {
  auto Tests = match(
      ifStmt(hasCondition(hasDescendant(declRefExpr(to(equalsNode(Flag))))),
             hasThen(stmt().bind(ThenId))),
      Ctx);
  for (const auto &M : Tests) {
    const Stmt &Then = *M.getNodeAs<Stmt>(ThenId);
    if (SourceLocation L = logOpenIn(C, Then, Ctx); L.isValid())
      return L;
    // `if (flag_reload) { log__close(cfg); log__init(cfg); }`,
    // `if (got_sighup) { got_sighup = 0; errorlog_cycle(srv); }`: the
    // program's own reopen, in whichever file it is defined, or in a
    // function of this file that reopens it (one level less deep than a
    // handler's: no flag of theirs is followed).
    if (SourceLocation L = callReopen(C, nullptr, Then, Ctx, 1); L.isValid())
      return L;
  }
  return {};
}

bool Posix::reopensByName(const utils::LogFileClassifier &C,
                          const FunctionDecl *F) {
  if (!F || !F->getIdentifier() || !C.isLogName(F->getName()))
    return false;
  std::string Words = utils::normalizeIdentifier(F->getName());
  llvm::StringRef W = Words;
  if (W.contains("open") || W.contains("rotate") || W.contains("cycle"))
    return true;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  W.split(Parts, '_', -1, /*KeepEmpty=*/false);
  return llvm::any_of(Parts, [](llvm::StringRef Part) {
    return Part == "init" || Part == "reinit" || Part == "reload" ||
           Part == "restart";
  });
}

SourceLocation Posix::logOpenIn(const utils::LogFileClassifier &C,
                                const Stmt &S, ASTContext &Ctx) const {
  auto Opens =
      match(findAll(callExpr(utils::calleeNamed(
                                 {"::fopen", "::fopen64", "::freopen", "::open",
                                  "::open64", "::openat", "::creat",
                                  "::std::fopen", "::std::freopen"}),
                             argumentCountAtLeast(1))
                        .bind(CallId)),
            S, Ctx);
  for (const auto &M : Opens) {
    const auto *Open = M.getNodeAs<CallExpr>(CallId);
    unsigned Idx = Open->getDirectCallee()->getName() == "openat" ? 1 : 0;
    if (Idx < Open->getNumArgs() && C.isLogPathExpr(Open->getArg(Idx), Ctx))
      return Open->getBeginLoc();
  }
  return {};
}

} // namespace

llvm::ArrayRef<llvm::StringRef> knownSignalNames() {
  // POSIX signal names (and Linux's SIGPWR, SIGWINCH).
  static constexpr llvm::StringRef Known[] = {
      "SIGABRT", "SIGALRM",   "SIGBUS",   "SIGCHLD", "SIGCONT", "SIGFPE",
      "SIGHUP",  "SIGILL",    "SIGINT",   "SIGIO",   "SIGPIPE", "SIGPOLL",
      "SIGPROF", "SIGPWR",    "SIGQUIT",  "SIGSEGV", "SIGSYS",  "SIGTERM",
      "SIGTRAP", "SIGTSTP",   "SIGTTIN",  "SIGTTOU", "SIGURG",  "SIGUSR1",
      "SIGUSR2", "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ"};
  return Known;
}

std::unique_ptr<Family> makePosix() { return std::make_unique<Posix>(); }

} // namespace clang::tidy::logstream::families
