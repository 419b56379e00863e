//===--- LogFileManagementCheck.cpp - logstream-log-file-management -------===//

#include "LogFileManagementCheck.h"
#include "logstream/analysis/ProjectFacts.h"
#include "logstream/families/Posix.h"
#include "utils/NameMatchers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

namespace {

constexpr llvm::StringLiteral PathCallId = "path-call";
constexpr llvm::StringLiteral ExtraId = "extra";
constexpr llvm::StringLiteral SinkLibraryId = "sink-lib";
constexpr llvm::StringLiteral RotatingId = "lib-rotating";
constexpr llvm::StringLiteral RotatingClassId = "lib-class";

using Op = families::Operation;

StringRef operationText(Op O, bool KnownPath) {
  switch (O) {
  case Op::Rotate:
    return KnownPath ? "rotates log file" : "rotates a log file";
  case Op::Delete:
    return KnownPath ? "deletes log file" : "deletes a log file";
  case Op::DeleteFromDirectory:
    return KnownPath ? "deletes files found in log directory"
                     : "deletes files found in a log directory";
  case Op::Truncate:
    return KnownPath ? "truncates log file" : "truncates a log file";
  case Op::SizeCheck:
    return KnownPath ? "checks the size of log file"
                     : "checks the size of a log file";
  case Op::CreateDirectory:
    return KnownPath ? "creates log directory" : "creates a log directory";
  case Op::Chmod:
    return KnownPath ? "changes the permissions of log file"
                     : "changes the permissions of a log file";
  case Op::Chown:
    return KnownPath ? "changes the owner of log file"
                     : "changes the owner of a log file";
  case Op::ReopenOnSignal:
    return "installs a handler that reopens log files on";
  case Op::LibraryRotation:
    return "configures log rotation";
  case Op::LibraryRetention:
    return "configures log retention";
  case Op::UserFunction:
    return "manages log files";
  }
  return "manages log files";
}

/// The message of a finding (its arguments: API, path, detail).
std::string messageOf(const families::Finding &F) {
  bool Known = !F.Path.empty();
  std::string Text = ("'%0' " + operationText(F.Op, Known)).str();
  if (F.Op == Op::ReopenOnSignal)
    Text += " %2";
  else if (Known)
    Text += " '%1'";
  if ((F.Op == Op::LibraryRotation || F.Op == Op::LibraryRetention) &&
      !F.Detail.empty())
    Text += " (%2)";
  return Text + "; leave rotation and retention to the execution environment";
}

/// A relational comparison (`<`, `>`, `<=`, `>=`) with an operand that is,
/// through parentheses and implicit casts, a call or a member access: what
/// every family's size expression is (ftell, lseek, tellp, file_size,
/// st_size). The families' matchers are tried only on these, not on every
/// `i < n` of the unit.
AST_MATCHER(BinaryOperator, comparesCallOrMember) {
  if (!Node.isRelationalOp())
    return false;
  auto Candidate = [](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    return isa<CallExpr>(E) || isa<MemberExpr>(E);
  };
  return Candidate(Node.getLHS()) || Candidate(Node.getRHS());
}

} // namespace

static constexpr StringRef DefaultReopenSignals = "SIGHUP;SIGUSR1;SIGUSR2";

LogFileManagementCheck::LogFileManagementCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : FamilyCheck(Name, Context),
      ExtraManagementFunctions(readList("ExtraManagementFunctions", "")),
      ReopenSignals(readList("ReopenSignals", DefaultReopenSignals)) {
  // A misspelt signal name would otherwise match no handler and turn the
  // option off without a word.
  for (StringRef Signal : ReopenSignals)
    if (!llvm::is_contained(families::knownSignalNames(), Signal))
      configurationDiag("invalid signal name '%0' in option "
                        "'%1.ReopenSignals'; expected names such as 'SIGHUP' "
                        "or 'SIGUSR1'",
                        DiagnosticIDs::Error)
          << Signal << Name;
  Facts = analysis::ProjectFacts::get(*Context, *this);
}

void LogFileManagementCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  LogstreamCheck::storeOptions(Opts);
  Classifier.storeOptions(Options, Opts);
  Options.store(
      Opts, "ExtraManagementFunctions",
      tidy::utils::options::serializeStringList(ExtraManagementFunctions));
  Options.store(Opts, "ReopenSignals",
                tidy::utils::options::serializeStringList(ReopenSignals));
}

void LogFileManagementCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  {
    // The tables' matchers and the families', grouped by node kind
    // (registered at the end of the block, before the matchers below, in
    // the order they had).
    utils::UserCodeMatchers Grouped(Finder, this);
    registerTableMatchers(Grouped);
    for (const std::unique_ptr<families::Family> &F : Families)
      F->registerManagementMatchers(*this, Grouped);
  }
  if (Facts)
    analysis::matchSummarizedCalls(Finder, this, Facts->namesWithManages());
  if (!ExtraManagementFunctions.empty())
    Finder->addMatcher(
        callExpr(utils::calleeNamed(ExtraManagementFunctions)).bind(ExtraId),
        this);
}

void LogFileManagementCheck::registerTableMatchers(
    utils::UserCodeMatchers &Finder) {
  // Rotation, deletion, truncation, directories, permissions.
  Finder.addCallMatcher(families::allPathApis(), callExpr().bind(PathCallId),
                        this);
  // Size checks against a limit: one matcher over every family's measures.
  std::optional<StatementMatcher> Size;
  for (const std::unique_ptr<families::Family> &F : Families)
    if (std::optional<StatementMatcher> M = F->sizeExpression())
      Size = Size ? StatementMatcher(anyOf(*Size, *M)) : *M;
  if (Size)
    Finder.addMatcher(
        binaryOperator(comparesCallOrMember(),
                       hasEitherOperand(expr(ignoringParenImpCasts(*Size))))
            .bind(families::SizeComparisonId),
        this);
  // Library rotation: rotating appenders, sinks and policies.
  auto Rotating =
      cxxRecordDecl(utils::hasAnyNameFast(families::allRotatingClasses()))
          .bind(RotatingClassId);
  Finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                           ofClass(Rotating), unless(isCopyConstructor()),
                           unless(isMoveConstructor()))))
          .bind(RotatingId),
      this);
  Finder.addCallMatcher(
      families::makeFunctions(/*WithAllocators=*/false),
      callExpr(callee(functionDecl(hasTemplateArgument(
                   0, refersToType(hasUnqualifiedDesugaredType(
                          recordType(hasDeclaration(Rotating))))))))
          .bind(RotatingId),
      this);
  if (!getLangOpts().CPlusPlus)
    return;
  // Library file sinks, for the note that ties management to the file.
  Finder.addCallMatcher(families::allFileFactories(),
                        callExpr().bind(SinkLibraryId), this);
  Finder.addMatcher(
      cxxNewExpr(hasType(pointsTo(cxxRecordDecl(isSameOrDerivedFrom(
                     utils::hasAnyNameFast(families::allFileSinkClasses()))))))
          .bind(SinkLibraryId),
      this);
}

void LogFileManagementCheck::check(const MatchFinder::MatchResult &Result) {
  if (isInTestCode(Result))
    return;
  const auto &N = Result.Nodes;
  if (checkTables(Result))
    return;
  if (const auto *E = N.getNodeAs<Expr>(analysis::SummarizedCallId))
    return checkSummarizedCall(E, Result);
  if (const auto *C = N.getNodeAs<CallExpr>(ExtraId)) {
    add({Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
         Op::UserFunction, C->getDirectCallee()->getQualifiedNameAsString()});
    return;
  }
  for (const std::unique_ptr<families::Family> &F : Families)
    if (F->checkManagement(*this, Result))
      return;
}

bool LogFileManagementCheck::checkTables(const MatchResult &Result) {
  const auto &N = Result.Nodes;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *C = N.getNodeAs<CallExpr>(families::SinkOpenId)) {
    if (Classifier.isLogPathExpr(C->getArg(0), Ctx))
      noteSink(C->getBeginLoc(), SM);
  } else if (const auto *E = N.getNodeAs<Expr>(SinkLibraryId)) {
    noteSink(E->getBeginLoc(), SM);
  } else if (const auto *C = N.getNodeAs<CallExpr>(PathCallId)) {
    checkPathCall(C, Result);
  } else if (const auto *E = N.getNodeAs<Expr>(RotatingId)) {
    add({SM.getExpansionLoc(E->getBeginLoc()), Op::LibraryRotation,
         N.getNodeAs<CXXRecordDecl>(RotatingClassId)
             ->getQualifiedNameAsString()});
  } else if (const auto *C = N.getNodeAs<CallExpr>(families::SizeCallId)) {
    checkSizeCall(N.getNodeAs<BinaryOperator>(families::SizeComparisonId), C,
                  /*ByPath=*/false, Result);
  } else if (const auto *C =
                 N.getNodeAs<CallExpr>(families::SizeOfPathCallId)) {
    checkSizeCall(N.getNodeAs<BinaryOperator>(families::SizeComparisonId), C,
                  /*ByPath=*/true, Result);
  } else {
    return false;
  }
  return true;
}

void LogFileManagementCheck::checkPathCall(const CallExpr *Call,
                                           const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const FunctionDecl *FD = Call->getDirectCallee();
  const families::PathApi *Api = FD ? families::findPathApi(FD) : nullptr;
  if (!Api)
    return;
  std::string Name = families::apiName(FD);
  // std::remove(first, last, value) is the algorithm, not the file call.
  if (FD->getName() == "remove" && Call->getNumArgs() != 1 &&
      !StringRef(Name).starts_with("std::filesystem") &&
      !StringRef(Name).starts_with("boost::filesystem"))
    return;
  std::string Path;
  bool IsLog = false;
  for (unsigned Idx : Api->PathArgs) {
    if (IsLog)
      break;
    if (Idx >= Call->getNumArgs())
      continue;
    const Expr *Arg = Call->getArg(Idx);
    IsLog = Api->Descriptor ? Classifier.mentionsLogName(Arg)
                            : Classifier.isLogPathExpr(Arg, Ctx, &Path);
  }
  if (!IsLog)
    return;
  add({Result.SourceManager->getExpansionLoc(Call->getBeginLoc()), Api->Op,
       Name, Path});
}

void LogFileManagementCheck::checkSizeCall(const BinaryOperator *Cmp,
                                           const CallExpr *Size, bool ByPath,
                                           const MatchResult &Result) {
  std::string Path, Api;
  bool IsLog = false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Size)) {
    IsLog = Classifier.mentionsLogName(MC->getImplicitObjectArgument());
    Api = MC->getMethodDecl()->getName().str();
  } else if (Size->getNumArgs() >= 1) {
    Api = families::apiName(Size->getDirectCallee());
    IsLog = ByPath ? Classifier.isLogPathExpr(Size->getArg(0), *Result.Context,
                                              &Path)
                   : Classifier.mentionsLogName(Size->getArg(0));
  }
  if (!IsLog)
    return;
  add({Result.SourceManager->getExpansionLoc(Cmp->getBeginLoc()), Op::SizeCheck,
       Api, Path});
}

void LogFileManagementCheck::queueReport() {
  if (ReportQueued)
    return;
  ReportQueued = true;
  atEndOfTranslationUnit([this] { reportFindings(); });
}

void LogFileManagementCheck::add(Finding F) {
  queueReport();
  Findings.push_back(std::move(F));
}

void LogFileManagementCheck::noteSink(SourceLocation Loc,
                                      const SourceManager &SM) {
  queueReport();
  Loc = SM.getExpansionLoc(Loc);
  if (FirstSink.isInvalid() || SM.isBeforeInTranslationUnit(Loc, FirstSink))
    FirstSink = Loc;
}

void LogFileManagementCheck::reportFindings() {
  for (const Finding &F : Findings) {
    {
      auto D = diag(F.Loc, messageOf(F))
               << F.Api << utils::displayPath(F.Path) << F.Detail;
      if (F.Removal)
        D << *F.Removal;
    }
    if (F.NoteLoc.isValid())
      diag(F.NoteLoc, "the handler reopens the log here", DiagnosticIDs::Note);
    for (const auto &[Loc, Text] : FactNotes)
      if (Loc == F.Loc)
        diag(Loc, "%0", DiagnosticIDs::Note) << Text;
    if (FirstSink.isValid() && FirstSink != F.Loc)
      diag(FirstSink, "the log file is written here", DiagnosticIDs::Note);
  }
  Findings.clear();
  FactNotes.clear();
  FirstSink = SourceLocation();
  ReportQueued = false;
}

} // namespace clang::tidy::logstream
