//===--- Glog.cpp - The glog family ---------------------------------------===//

#include "logstream/families/Glog.h"
#include "utils/FixIts.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "llvm/Support/Regex.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral CallId = "glog-call";
constexpr llvm::StringLiteral AssignId = "glog-assign";
constexpr llvm::StringLiteral FlagId = "glog-flag";
constexpr llvm::StringLiteral ValueId = "glog-value";
constexpr llvm::StringLiteral CleanerId = "glog-cleaner";
constexpr llvm::StringLiteral MaxSizeId = "glog-max-size";

/// The functions that set up glog's log files.
constexpr llvm::StringRef FileFunctions[] = {
    "::google::SetLogDestination", "::google::SetLogSymlink",
    "::google::SetLogFilenameExtension", "::google::InitGoogleLogging",
    "::google::LogToStderr"};
constexpr llvm::StringRef LogCleaner = "::google::EnableLogCleaner";

class Glog : public Family {
public:
  llvm::StringRef name() const override { return "glog"; }

  std::vector<llvm::StringRef> otherNames() const override {
    return concat({FileFunctions, LogCleaner});
  }

  void registerSinkMatchers(SinkHost &H,
                            utils::UserCodeMatchers &Finder) override;
  bool checkSink(SinkHost &H, const MatchResult &Result) override;
  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override;
  bool checkManagement(ManagementHost &H, const MatchResult &Result) override;

  MacroKind loggingMacro(llvm::StringRef Name) const override {
    // The stream macros end in `<< ...` outside the macro: their records
    // are judged by the stream chain.
    static const llvm::Regex Streams(
        "^(LOG|VLOG|DLOG|PLOG|SYSLOG|LOG_IF|LOG_EVERY_N|LOG_FIRST_N|"
        "LOG_EVERY_T|LOG_IF_EVERY_N|DLOG_IF|VLOG_IF|PLOG_IF)$");
    return Streams.match(Name) ? MacroKind::Stream : MacroKind::None;
  }
  bool isLoggingStream(llvm::StringRef Qualified) const override {
    return Qualified.starts_with("google::");
  }

private:
  void checkCall(SinkHost &H, const CallExpr *Call, ASTContext &Ctx);
  void checkFlag(SinkHost &H, const Expr *Assign, const VarDecl *Flag,
                 const Expr *RHS, ASTContext &Ctx);
  /// Reports the InitGoogleLogging calls of the unit once it has been seen
  /// whole (a FLAGS_logtostdout = true may come after them).
  void atEnd(SinkHost &H);
  void reportInits(SinkHost &H);

  // What the current translation unit has shown so far.
  std::vector<std::pair<const CallExpr *, ASTContext *>> Inits;
  bool ToStreamSeen = false;
  bool Queued = false;
};

//===----------------------------------------------------------------------===//
// logstream-log-file-sink
//===----------------------------------------------------------------------===//

void Glog::registerSinkMatchers(SinkHost &H, utils::UserCodeMatchers &Finder) {
  if (!H.langOpts().CPlusPlus)
    return;
  Finder.addCallMatcher(FileFunctions, callExpr().bind(CallId), H.callback());
  auto Flag = declRefExpr(
      to(varDecl(utils::hasAnyNameFast("FLAGS_log_dir", "FLAGS_logtostderr",
                                       "FLAGS_logtostdout"))
             .bind(FlagId)));
  Finder.addMatcher(binaryOperator(isAssignmentOperator(),
                                   hasLHS(ignoringParenImpCasts(Flag)),
                                   hasRHS(expr().bind(ValueId)))
                        .bind(AssignId),
                    H.callback());
  Finder.addMatcher(
      cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                          hasArgument(0, ignoringParenImpCasts(Flag)),
                          hasArgument(1, expr().bind(ValueId)))
          .bind(AssignId),
      H.callback());
}

bool Glog::checkSink(SinkHost &H, const MatchResult &Result) {
  const auto &N = Result.Nodes;
  if (const auto *C = N.getNodeAs<CallExpr>(CallId)) {
    checkCall(H, C, *Result.Context);
    return true;
  }
  if (const auto *A = N.getNodeAs<Expr>(AssignId)) {
    checkFlag(H, A, N.getNodeAs<VarDecl>(FlagId), N.getNodeAs<Expr>(ValueId),
              *Result.Context);
    return true;
  }
  return false;
}

void Glog::checkCall(SinkHost &H, const CallExpr *Call, ASTContext &Ctx) {
  llvm::StringRef Name = Call->getDirectCallee()->getName();
  if (Name == "InitGoogleLogging") {
    Inits.push_back({Call, &Ctx});
    atEnd(H);
    return;
  }
  // LogToStderr() sends every severity to stderr and no file.
  if (Name == "LogToStderr") {
    ToStreamSeen = true;
    atEnd(H);
    return;
  }
  // SetLogDestination(severity, "") turns that severity's file off.
  if (Name == "SetLogDestination" && Call->getNumArgs() == 2)
    if (std::optional<std::string> P =
            utils::resolvePathValue(Call->getArg(1), Ctx);
        P && P->empty())
      return;
  H.report(Ctx.getSourceManager().getExpansionLoc(Call->getBeginLoc()),
           "google::" + Name.str());
}

void Glog::checkFlag(SinkHost &H, const Expr *Assign, const VarDecl *Flag,
                     const Expr *RHS, ASTContext &Ctx) {
  llvm::StringRef Name = Flag->getName();
  SourceLocation Loc =
      Ctx.getSourceManager().getExpansionLoc(Assign->getBeginLoc());
  if (Name == "FLAGS_log_dir") {
    auto D = H.report(Loc, "FLAGS_log_dir");
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
    ToStreamSeen = true;
    atEnd(H);
    return;
  }
  if (Name == "FLAGS_logtostderr")
    H.report(Loc, "FLAGS_logtostderr = false");
}

void Glog::atEnd(SinkHost &H) {
  if (Queued)
    return;
  Queued = true;
  H.atEndOfTranslationUnit([this, &H] {
    if (!ToStreamSeen)
      reportInits(H);
    Inits.clear();
    ToStreamSeen = false;
    Queued = false;
  });
}

void Glog::reportInits(SinkHost &H) {
  for (const auto &[Call, Ctx] : Inits) {
    const SourceManager &SM = Ctx->getSourceManager();
    SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
    auto D = H.diagnose(Loc, "'google::InitGoogleLogging' writes log events "
                             "to files unless FLAGS_logtostdout or "
                             "FLAGS_logtostderr is set; write them to stdout "
                             "as an event stream");
    const Expr *S = utils::asDiscardedStatement(Call, *Ctx);
    if (!S)
      continue;
    CharSourceRange R = utils::fileRange(S->getSourceRange(), *Ctx);
    if (R.isInvalid())
      continue;
    unsigned Col = SM.getSpellingColumnNumber(R.getBegin());
    D << FixItHint::CreateInsertion(R.getBegin(),
                                    "FLAGS_logtostdout = true;\n" +
                                        std::string(Col ? Col - 1 : 0, ' '));
  }
}

//===----------------------------------------------------------------------===//
// logstream-log-file-management
//===----------------------------------------------------------------------===//

void Glog::registerManagementMatchers(ManagementHost &H,
                                      utils::UserCodeMatchers &Finder) {
  if (!H.langOpts().CPlusPlus)
    return;
  Finder.addCallMatcher(LogCleaner, callExpr().bind(CleanerId), H.callback());
  Finder.addMatcher(
      binaryOperator(isAssignmentOperator(),
                     hasLHS(ignoringParenImpCasts(declRefExpr(
                         to(varDecl(hasName("FLAGS_max_log_size")))))))
          .bind(MaxSizeId),
      H.callback());
}

bool Glog::checkManagement(ManagementHost &H, const MatchResult &Result) {
  const auto &N = Result.Nodes;
  ASTContext &Ctx = *Result.Context;
  if (const auto *C = N.getNodeAs<CallExpr>(CleanerId)) {
    H.add({Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
           Operation::LibraryRetention,
           C->getDirectCallee()->getQualifiedNameAsString(), "",
           "deletes old log files", removalOf(C, Ctx)});
    return true;
  }
  if (const auto *A = N.getNodeAs<BinaryOperator>(MaxSizeId)) {
    H.add({Result.SourceManager->getExpansionLoc(A->getBeginLoc()),
           Operation::LibraryRotation, "FLAGS_max_log_size", "", "",
           removalOf(A, Ctx)});
    return true;
  }
  return false;
}

} // namespace

std::unique_ptr<Family> makeGlog() { return std::make_unique<Glog>(); }

} // namespace clang::tidy::logstream::families
