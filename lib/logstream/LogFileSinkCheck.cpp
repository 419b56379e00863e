//===--- LogFileSinkCheck.cpp - logstream-log-file-sink -------------------===//

#include "LogFileSinkCheck.h"
#include "logstream/analysis/ProjectFacts.h"
#include "logstream/families/SinkObjects.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

namespace {
constexpr llvm::StringLiteral ExtraFunctionId = "extra-fn";
constexpr llvm::StringLiteral CopyTargetId = "to";
constexpr llvm::StringLiteral CopyVarId = "var";
} // namespace

LogFileSinkCheck::LogFileSinkCheck(StringRef Name, ClangTidyContext *Context)
    : FamilyCheck(Name, Context, Includes::Inserted),
      ExtraSinkFunctions(readList("ExtraSinkFunctions", "")),
      ExtraSinkTypes(readList("ExtraSinkTypes", "")),
      LogNamedOpeners(readBool("LogNamedOpeners", true)) {
  Facts = analysis::ProjectFacts::get(*Context, *this);
}

void LogFileSinkCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  LogstreamCheck::storeOptions(Opts);
  Classifier.storeOptions(Options, Opts);
  Options.store(Opts, "ExtraSinkFunctions",
                tidy::utils::options::serializeStringList(ExtraSinkFunctions));
  Options.store(Opts, "ExtraSinkTypes",
                tidy::utils::options::serializeStringList(ExtraSinkTypes));
  storeBool(Opts, "LogNamedOpeners", LogNamedOpeners);
}

DeclarationMatcher LogFileSinkCheck::sinkClass() const {
  std::vector<StringRef> Names = families::allFileSinkClasses();
  Names.insert(Names.end(), ExtraSinkTypes.begin(), ExtraSinkTypes.end());
  return cxxRecordDecl(isSameOrDerivedFrom(utils::hasAnyNameFast(Names)))
      .bind(families::SinkClassId);
}

void LogFileSinkCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // Nothing in system headers is reported: every matcher filters first, it
  // is the cheapest test and most of a translation unit is system headers.
  if (Facts)
    analysis::matchSummarizedCalls(Finder, this, Facts->namesWithOpens());
  // User-declared sink functions.
  if (!ExtraSinkFunctions.empty())
    Finder->addMatcher(
        callExpr(utils::calleeNamed(ExtraSinkFunctions)).bind(ExtraFunctionId),
        this);
  // The families' matchers and the sink objects', grouped by node kind
  // (registered when Grouped goes).
  utils::UserCodeMatchers Grouped(Finder, this);
  for (const std::unique_ptr<families::Family> &F : Families)
    F->registerSinkMatchers(*this, Grouped);
  // Library file sinks, however they are created.
  if (getLangOpts().CPlusPlus)
    families::registerSinkObjectMatchers(*this, Grouped);
}

void LogFileSinkCheck::check(const MatchFinder::MatchResult &Result) {
  if (isInTestCode(Result))
    return;
  const auto &N = Result.Nodes;
  if (const auto *C = N.getNodeAs<CallExpr>(ExtraFunctionId))
    return checkExtraFunction(C, Result);
  if (const auto *E = N.getNodeAs<Expr>(analysis::SummarizedCallId))
    return checkSummarizedCall(E, Result);
  if (families::checkSinkObject(*this, Result))
    return;
  for (const std::unique_ptr<families::Family> &F : Families)
    if (F->checkSink(*this, Result))
      return;
}

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
  const NamedDecl *Kept = nullptr;
  if (R && R->getIdentifier()) {
    // The handle lands in a log-named variable; or it is kept as the log
    // (`int fd = open(...); ... cfg->log_fd = fd;`); or the project facts
    // say the variable holds a log.
    Kept = R;
    if (!Classifier.isLogName(R->getName()))
      Kept = logNamedCopyOf(dyn_cast<VarDecl>(R), Ctx);
    if (!Kept && Facts && Facts->logHandle(R))
      Kept = R;
  }
  if (!Kept && LogNamedOpeners)
    Kept = logNamedOpener(Call, dyn_cast_or_null<VarDecl>(R), Ctx);
  if (!Kept)
    return false;
  Receiver = Kept->getName().str();
  return true;
}

const FunctionDecl *LogFileSinkCheck::logNamedOpener(const Expr *Call,
                                                     const VarDecl *Local,
                                                     ASTContext &Ctx) const {
  // `int errorlog_open(const char *fn) { return open(fn, ...); }`: whatever
  // its callers pass, the function that returns the handle says it opens a
  // log. Reported here, once: its callers' paths are not known to be logs.
  const FunctionDecl *Fn =
      utils::enclosingFunction(Call, Ctx, utils::Lambdas::Stop);
  if (!Fn || !Fn->getIdentifier() || !Classifier.isLogName(Fn->getName()) ||
      !Fn->getBody())
    return nullptr;
  DynTypedNode Below;
  DynTypedNode Above = utils::climbThrough(
      DynTypedNode::create(*Call), Ctx,
      [](const DynTypedNode &N) {
        return N.get<ParenExpr>() || N.get<ImplicitCastExpr>() ||
               N.get<CStyleCastExpr>();
      },
      &Below);
  if (Above.get<ReturnStmt>())
    return Fn;
  // `int fd = open(...); ...; return fd;`
  if (!Local || !Local->isLocalVarDecl())
    return nullptr;
  auto Returned = match(findAll(returnStmt(hasReturnValue(ignoringParenCasts(
                            declRefExpr(to(varDecl(equalsNode(Local)))))))),
                        *Fn->getBody(), Ctx);
  return Returned.empty() ? nullptr : Fn;
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
                         hasLHS(expr().bind(CopyTargetId))),
          declStmt(has(varDecl(hasInitializer(Value)).bind(CopyVarId)))))),
      *Fn->getBody(), Ctx);
  for (const auto &M : Copies) {
    const NamedDecl *To = M.getNodeAs<VarDecl>(CopyVarId);
    if (!To)
      To = utils::referencedDecl(M.getNodeAs<Expr>(CopyTargetId));
    if (To && To != VD && To->getIdentifier() &&
        Classifier.isLogName(To->getName()))
      return To;
  }
  return nullptr;
}

void LogFileSinkCheck::checkExtraFunction(const CallExpr *Call,
                                          const MatchResult &Result) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return;
  report(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
         FD->getQualifiedNameAsString(), {});
}

} // namespace clang::tidy::logstream
