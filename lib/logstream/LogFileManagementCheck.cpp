//===--- LogFileManagementCheck.cpp - logstream-log-file-management -------===//

#include "LogFileManagementCheck.h"
#include "logstream/analysis/ProjectFacts.h"
#include "utils/AstHelpers.h"
#include "utils/CheckOptions.h"
#include "utils/FixIts.h"
#include "utils/LogApis.h"
#include "utils/UserCodeMatchers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

namespace {

/// How a path-taking API manages files, and which arguments are paths.
struct PathApi {
  StringRef Name; // qualified
  LogFileManagementCheck::Operation Op;
  unsigned PathArgs[2];
  unsigned NumPathArgs;
  bool Descriptor; // the "path" is a file descriptor (ftruncate, fchmod)
};

using Op = LogFileManagementCheck::Operation;

const PathApi PathApis[] = {
    {"::rename", Op::Rotate, {0, 1}, 2, false},
    {"::std::rename", Op::Rotate, {0, 1}, 2, false},
    {"::std::filesystem::rename", Op::Rotate, {0, 1}, 2, false},
    {"::boost::filesystem::rename", Op::Rotate, {0, 1}, 2, false},
    {"::renameat", Op::Rotate, {1, 3}, 2, false},
    {"::renameat2", Op::Rotate, {1, 3}, 2, false},
    {"::remove", Op::Delete, {0, 0}, 1, false},
    {"::std::remove", Op::Delete, {0, 0}, 1, false},
    {"::unlink", Op::Delete, {0, 0}, 1, false},
    {"::unlinkat", Op::Delete, {1, 0}, 1, false},
    {"::std::filesystem::remove", Op::Delete, {0, 0}, 1, false},
    {"::std::filesystem::remove_all", Op::Delete, {0, 0}, 1, false},
    {"::boost::filesystem::remove", Op::Delete, {0, 0}, 1, false},
    {"::boost::filesystem::remove_all", Op::Delete, {0, 0}, 1, false},
    {"::truncate", Op::Truncate, {0, 0}, 1, false},
    {"::truncate64", Op::Truncate, {0, 0}, 1, false},
    {"::ftruncate", Op::Truncate, {0, 0}, 1, true},
    {"::ftruncate64", Op::Truncate, {0, 0}, 1, true},
    {"::std::filesystem::resize_file", Op::Truncate, {0, 0}, 1, false},
    {"::mkdir", Op::CreateDirectory, {0, 0}, 1, false},
    {"::mkdirat", Op::CreateDirectory, {1, 0}, 1, false},
    {"::std::filesystem::create_directory", Op::CreateDirectory, {0, 0}, 1,
     false},
    {"::std::filesystem::create_directories", Op::CreateDirectory, {0, 0}, 1,
     false},
    {"::boost::filesystem::create_directory", Op::CreateDirectory, {0, 0}, 1,
     false},
    {"::boost::filesystem::create_directories", Op::CreateDirectory, {0, 0},
     1, false},
    {"::chmod", Op::Chmod, {0, 0}, 1, false},
    {"::fchmod", Op::Chmod, {0, 0}, 1, true},
    {"::std::filesystem::permissions", Op::Chmod, {0, 0}, 1, false},
    {"::chown", Op::Chown, {0, 0}, 1, false},
    {"::lchown", Op::Chown, {0, 0}, 1, false},
    {"::fchown", Op::Chown, {0, 0}, 1, true},
};

const PathApi *findPathApi(const FunctionDecl *FD) {
  std::string Name = "::" + FD->getQualifiedNameAsString();
  // Inline namespaces (std::filesystem::__cxx11) do not count.
  for (const PathApi &Api : PathApis) {
    if (Name == Api.Name)
      return &Api;
    StringRef Last = Api.Name.rsplit("::").second;
    StringRef Scope = Api.Name.rsplit("::").first;
    if (FD->getName() == Last && StringRef(Name).starts_with(Scope.str() + "::"))
      return &Api;
  }
  return nullptr;
}

std::vector<StringRef> pathApiNames() {
  std::vector<StringRef> Names;
  for (const PathApi &Api : PathApis)
    Names.push_back(Api.Name);
  return Names;
}

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
    return KnownPath ? "checks the size of log file" : "checks the size of a log file";
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

/// The function a handler argument names: `h`, `&h`, `(sighandler_t)h`.
const FunctionDecl *asFunction(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<FunctionDecl>(DRE->getDecl());
  return nullptr;
}

/// The local variable \p E refers to (`sa`, `&sa`).
const VarDecl *asLocalVar(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->isLocalVarDecl())
        return VD;
  return nullptr;
}

const Stmt *bodyOf(const VarDecl *VD) {
  const auto *FD = dyn_cast<FunctionDecl>(VD->getDeclContext());
  return FD ? FD->getBody() : nullptr;
}

} // namespace

static constexpr StringRef DefaultReopenSignals = "SIGHUP;SIGUSR1;SIGUSR2";

LogFileManagementCheck::LogFileManagementCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Classifier(*this, Options, Name),
      ExtraManagementFunctions(
          utils::readListOption(Options, "ExtraManagementFunctions", "")),
      ReopenSignals(utils::readListOption(Options, "ReopenSignals",
                                          DefaultReopenSignals)) {
  // POSIX signal names (and Linux's SIGPWR, SIGWINCH): a misspelt name would
  // otherwise match no handler and turn the option off without a word.
  static constexpr StringRef Known[] = {
      "SIGABRT", "SIGALRM",   "SIGBUS",   "SIGCHLD", "SIGCONT", "SIGFPE",
      "SIGHUP",  "SIGILL",    "SIGINT",   "SIGIO",   "SIGPIPE", "SIGPOLL",
      "SIGPROF", "SIGPWR",    "SIGQUIT",  "SIGSEGV", "SIGSYS",  "SIGTERM",
      "SIGTRAP", "SIGTSTP",   "SIGTTIN",  "SIGTTOU", "SIGURG",  "SIGUSR1",
      "SIGUSR2", "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ"};
  for (StringRef Signal : ReopenSignals)
    if (!llvm::is_contained(Known, Signal))
      configurationDiag("invalid signal name '%0' in option "
                        "'%1.ReopenSignals'; expected names such as 'SIGHUP' "
                        "or 'SIGUSR1'",
                        DiagnosticIDs::Error)
          << Signal << Name;
  Facts = analysis::ProjectFacts::get(*Context, *this);
}

void LogFileManagementCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Classifier.storeOptions(Options, Opts);
  Options.store(Opts, "ExtraManagementFunctions",
                tidy::utils::options::serializeStringList(
                    ExtraManagementFunctions));
  Options.store(Opts, "ReopenSignals",
                tidy::utils::options::serializeStringList(ReopenSignals));
}

void LogFileManagementCheck::registerPPCallbacks(const SourceManager &,
                                                 Preprocessor *PP,
                                                 Preprocessor *) {
  this->PP = PP;
}

std::optional<int64_t> LogFileManagementCheck::macroValue(StringRef Name) const {
  return utils::macroIntegerValue(PP, Name);
}

void LogFileManagementCheck::registerMatchers(MatchFinder *Finder) {
  auto NotInSystemHeader = unless(isExpansionInSystemHeader());
  // Every matcher here begins with NotInSystemHeader: grouped, a node of a
  // system header is tried once, not once per matcher.
  utils::UserCodeMatchers Grouped(Finder, this);

  // Rotation, deletion, truncation, directories, permissions.
  Grouped.addMatcher(callExpr(NotInSystemHeader,
                              callee(functionDecl(hasAnyName(pathApiNames()))))
                         .bind("path-call"),
                     this);

  // Deleting what a directory iteration over a log directory finds.
  auto DeleteCallee = callee(functionDecl(hasAnyName(
      "::remove", "::std::remove", "::unlink", "::unlinkat",
      "::std::filesystem::remove", "::std::filesystem::remove_all",
      "::boost::filesystem::remove", "::boost::filesystem::remove_all")));
  auto DeleteCall = callExpr(DeleteCallee);
  Grouped.addMatcher(
      cxxForRangeStmt(
          NotInSystemHeader, hasLoopVariable(varDecl().bind("entry")),
          hasRangeInit(expr().bind("range")),
          // The body may be the call itself (no braces).
          hasBody(eachOf(DeleteCall.bind("iter-delete"),
                         forEachDescendant(DeleteCall.bind("iter-delete")))))
          .bind("for"),
      this);
  Grouped.addMatcher(
      functionDecl(NotInSystemHeader, isDefinition(),
                   hasBody(hasDescendant(
                       callExpr(callee(functionDecl(hasAnyName(
                                    "::opendir", "::fdopendir"))))
                           .bind("opendir"))),
                   hasBody(forEachDescendant(
                       callExpr(DeleteCallee,
                                hasAnyArgument(hasDescendant(
                                    memberExpr(member(hasName("d_name"))))))
                           .bind("dirent-delete")))),
      this);

  if (getLangOpts().CPlusPlus)
    registerQtMatchers(Finder);

  if (getLangOpts().CPlusPlus) {
    // Truncation by reopening a stream with std::ios::trunc.
    auto FileStream = cxxRecordDecl(hasAnyName("::std::basic_ofstream",
                                               "::std::basic_fstream",
                                               "::std::basic_filebuf"))
                          .bind("stream");
    Grouped.addMatcher(
        cxxConstructExpr(NotInSystemHeader, argumentCountAtLeast(2),
                         hasDeclaration(cxxConstructorDecl(ofClass(FileStream))))
            .bind("stream-trunc"),
        this);
    Grouped.addMatcher(
        cxxMemberCallExpr(NotInSystemHeader, argumentCountAtLeast(2),
                          callee(cxxMethodDecl(hasName("open"),
                                               ofClass(FileStream))))
            .bind("stream-trunc"),
        this);
  }

  // Size checks against a limit.
  auto TellCall =
      cxxMemberCallExpr(callee(cxxMethodDecl(
                            hasName("tellp"),
                            ofClass(hasAnyName("::std::basic_ostream",
                                               "::std::basic_ofstream",
                                               "::std::basic_fstream")))))
          .bind("size-call");
  auto SizeExpr = expr(ignoringParenImpCasts(anyOf(
      callExpr(callee(functionDecl(hasAnyName(
                   "::std::filesystem::file_size", "::boost::filesystem::file_size",
                   "::ftell", "::ftello", "::ftello64", "::lseek"))))
          .bind("size-call"),
      TellCall,
      // std::streampos converted to an integer for the comparison.
      cxxMemberCallExpr(callee(cxxConversionDecl()),
                        on(ignoringParenImpCasts(TellCall))),
      memberExpr(member(hasName("st_size"))).bind("st-size"))));
  Grouped.addMatcher(
      binaryOperator(NotInSystemHeader,
                     hasAnyOperatorName("<", ">", "<=", ">="),
                     hasEitherOperand(SizeExpr))
          .bind("size-cmp"),
      this);

  // Reopen on signal.
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasAnyName("::signal", "::std::signal",
                                              "::sigaction", "::bsd_signal",
                                              "::sigset"))),
               argumentCountAtLeast(2))
          .bind("signal"),
      this);

  // Library rotation and retention settings.
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasAnyName(
                   "::spdlog::rotating_logger_mt", "::spdlog::rotating_logger_st",
                   "::spdlog::daily_logger_mt", "::spdlog::daily_logger_st",
                   "::spdlog::daily_logger_format_mt",
                   "::spdlog::daily_logger_format_st",
                   "::spdlog::hourly_logger_mt", "::spdlog::hourly_logger_st",
                   "::google::EnableLogCleaner",
                   "::boost::log::sinks::file::make_collector"))))
          .bind("lib-call"),
      this);
  auto RotatingSink = cxxRecordDecl(hasAnyName(
      "::spdlog::sinks::rotating_file_sink", "::spdlog::sinks::daily_file_sink",
      "::spdlog::sinks::hourly_file_sink",
      "::log4cxx::rolling::RollingFileAppender",
      "::log4cxx::DailyRollingFileAppender",
      "::log4cplus::RollingFileAppender", "::log4cplus::DailyRollingFileAppender",
      "::log4cplus::TimeBasedRollingFileAppender",
      "::log4cxx::rolling::SizeBasedTriggeringPolicy",
      "::log4cxx::rolling::FixedWindowRollingPolicy",
      "::log4cxx::rolling::TimeBasedRollingPolicy"));
  Grouped.addMatcher(
      cxxConstructExpr(NotInSystemHeader,
                       hasDeclaration(cxxConstructorDecl(
                           ofClass(RotatingSink.bind("lib-class")),
                           unless(isCopyConstructor()),
                           unless(isMoveConstructor()))))
          .bind("lib-construct"),
      this);
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(
                   hasAnyName("::std::make_shared", "::std::make_unique",
                              "::boost::make_shared"),
                   hasTemplateArgument(
                       0, refersToType(hasUnqualifiedDesugaredType(recordType(
                              hasDeclaration(RotatingSink.bind("lib-class")))))))))
          .bind("lib-make"),
      this);
  Grouped.addMatcher(
      cxxMemberCallExpr(
          NotInSystemHeader,
          callee(cxxMethodDecl(hasAnyName("setMaxFileSize", "setMaxBackupIndex",
                                          "setMaximumFileSize", "setMaxIndex",
                                          "set_file_collector", "rotate_file",
                                          "set_rotation_size",
                                          "set_time_based_rotation"))
                     .bind("lib-method")))
          .bind("lib-member"),
      this);
  Grouped.addMatcher(
      cxxMemberCallExpr(NotInSystemHeader, argumentCountIs(2),
                        callee(cxxMethodDecl(hasName("setProperty"))),
                        thisPointerType(cxxRecordDecl(
                            isSameOrDerivedFrom("::Poco::Configurable"))))
          .bind("poco-set"),
      this);
  Grouped.addMatcher(
      declRefExpr(NotInSystemHeader,
                  to(varDecl(hasAnyName("rotation_size", "time_based_rotation",
                                        "max_size", "max_files",
                                        "min_free_space"))
                         .bind("keyword")))
          .bind("boost-keyword"),
      this);
  Grouped.addMatcher(
      binaryOperator(NotInSystemHeader, isAssignmentOperator(),
                     hasLHS(ignoringParenImpCasts(declRefExpr(
                         to(varDecl(hasName("FLAGS_max_log_size")))))))
          .bind("glog-max-size"),
      this);

  // easylogging++: rotation by size (`MaxLogFileSize`, or
  // `MAX_LOG_FILE_SIZE` in configuration text).
  if (getLangOpts().CPlusPlus)
    Grouped.addMatcher(
        callExpr(NotInSystemHeader, argumentCountAtLeast(2),
                 callee(functionDecl(hasAnyName(
                     "set", "setGlobally", "reconfigureAllLoggers",
                     "reconfigureLogger", "unsafeSet", "setValue"))),
                 hasAnyArgument(ignoringParenImpCasts(declRefExpr(to(
                     enumConstantDecl(hasName("MaxLogFileSize"),
                                      hasDeclContext(enumDecl(
                                          hasName("::el::ConfigurationType")))))))))
            .bind("elpp-max-size"),
        this);
  if (Facts)
    analysis::matchSummarizedCalls(Finder, this, Facts->namesWithManages());

  if (!ExtraManagementFunctions.empty())
    Grouped.addMatcher(
        callExpr(NotInSystemHeader,
                 callee(functionDecl(hasAnyName(ExtraManagementFunctions))))
            .bind("extra"),
        this);

  // Log file sinks, for the note that ties management to the file.
  Grouped.addMatcher(
      callExpr(NotInSystemHeader,
               callee(functionDecl(hasAnyName("::fopen", "::fopen64",
                                              "::std::fopen", "::open",
                                              "::creat", "::open64"))),
               argumentCountAtLeast(1))
          .bind("sink-open"),
      this);
  if (getLangOpts().CPlusPlus) {
    Grouped.addMatcher(
        cxxConstructExpr(NotInSystemHeader, argumentCountAtLeast(1),
                         hasDeclaration(cxxConstructorDecl(ofClass(
                             cxxRecordDecl(hasAnyName("::std::basic_ofstream",
                                                      "::std::basic_fstream"))))))
            .bind("sink-stream"),
        this);
    Grouped.addMatcher(
        callExpr(NotInSystemHeader,
                 callee(functionDecl(hasAnyName(utils::spdlogFileFactories()))))
            .bind("sink-lib"),
        this);
    Grouped.addMatcher(
        cxxNewExpr(NotInSystemHeader,
                   hasType(pointsTo(cxxRecordDecl(isSameOrDerivedFrom(
                       hasAnyName(utils::allSinkClassNames()))))))
            .bind("sink-lib"),
        this);
  }
}

void LogFileManagementCheck::noteSink(SourceLocation Loc,
                                      const SourceManager &SM) {
  Loc = SM.getExpansionLoc(Loc);
  if (FirstSink.isInvalid() || SM.isBeforeInTranslationUnit(Loc, FirstSink))
    FirstSink = Loc;
}

void LogFileManagementCheck::check(const MatchFinder::MatchResult &Result) {
  // Test code (fixtures that write sample.log) is not production logging.
  for (const auto &Bound : Result.Nodes.getMap())
    if (const auto *S = Bound.second.get<Stmt>();
        S && Classifier.isInTestFile(S->getBeginLoc(), *Result.SourceManager))
      return;
  const auto &N = Result.Nodes;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;

  if (const auto *C = N.getNodeAs<CallExpr>("sink-open")) {
    if (Classifier.isLogPathExpr(C->getArg(0), Ctx))
      noteSink(C->getBeginLoc(), SM);
    return;
  }
  if (const auto *C = N.getNodeAs<CXXConstructExpr>("sink-stream")) {
    if (Classifier.isLogPathExpr(C->getArg(0), Ctx))
      noteSink(C->getBeginLoc(), SM);
    return;
  }
  if (const auto *E = N.getNodeAs<Expr>("sink-lib")) {
    noteSink(E->getBeginLoc(), SM);
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("path-call"))
    return checkPathCall(C, Result);
  if (checkQt(Result))
    return;
  if (const auto *E = N.getNodeAs<Expr>(analysis::SummarizedCallId))
    return checkSummarizedCall(E, Result);
  if (const auto *C = N.getNodeAs<CallExpr>("iter-delete")) {
    // for (auto &entry : directory_iterator(<log dir>)) remove(entry...)
    const auto *Entry = N.getNodeAs<VarDecl>("entry");
    const auto *Range = N.getNodeAs<Expr>("range");
    const auto *RangeRD = Range->getType()->getAsCXXRecordDecl();
    if (!RangeRD || !RangeRD->getIdentifier() ||
        !RangeRD->getName().ends_with("directory_iterator"))
      return;
    bool UsesEntry = false;
    for (const Expr *A : C->arguments())
      if (!match(findAll(declRefExpr(to(varDecl(equalsNode(Entry))))), *A, Ctx)
               .empty())
        UsesEntry = true;
    if (!UsesEntry)
      return;
    auto Ctors = match(
        findAll(cxxConstructExpr(argumentCountAtLeast(1)).bind("c")), *Range,
        Ctx);
    std::string Path;
    bool IsLog = false;
    for (const auto &M : Ctors) {
      const auto *Ctor = M.getNodeAs<CXXConstructExpr>("c");
      if (Classifier.isLogPathExpr(Ctor->getArg(0), Ctx, &Path)) {
        IsLog = true;
        break;
      }
    }
    if (!IsLog)
      return;
    add({SM.getExpansionLoc(C->getBeginLoc()), Op::DeleteFromDirectory,
         C->getDirectCallee()->getQualifiedNameAsString(), Path, "",
         std::nullopt, {}});
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("dirent-delete")) {
    const auto *Open = N.getNodeAs<CallExpr>("opendir");
    std::string Path;
    if (Open->getNumArgs() < 1 ||
        Open->getDirectCallee()->getName() != "opendir" ||
        !Classifier.isLogPathExpr(Open->getArg(0), Ctx, &Path))
      return;
    add({SM.getExpansionLoc(C->getBeginLoc()), Op::DeleteFromDirectory,
         C->getDirectCallee()->getQualifiedNameAsString(), Path, "",
         std::nullopt, {}});
    return;
  }
  if (const auto *E = N.getNodeAs<Expr>("stream-trunc")) {
    const auto *Stream = N.getNodeAs<CXXRecordDecl>("stream");
    if (const auto *C = dyn_cast<CXXConstructExpr>(E))
      return checkStreamTruncate(E, Stream, C->getArg(0), C->getArg(1),
                                 Result);
    const auto *M = cast<CXXMemberCallExpr>(E);
    return checkStreamTruncate(E, Stream, M->getArg(0), M->getArg(1), Result);
  }
  if (const auto *B = N.getNodeAs<BinaryOperator>("size-cmp"))
    return checkSizeComparison(B, Result);
  if (const auto *C = N.getNodeAs<CallExpr>("signal"))
    return checkSignal(C, Result);
  if (const auto *C = N.getNodeAs<CallExpr>("extra")) {
    add({SM.getExpansionLoc(C->getBeginLoc()), Op::UserFunction,
         C->getDirectCallee()->getQualifiedNameAsString(), "", "",
         std::nullopt, {}});
    return;
  }
  for (const char *Id : {"lib-call", "lib-construct", "lib-make",
                         "lib-member", "poco-set", "boost-keyword",
                         "glog-max-size", "elpp-max-size"})
    if (const auto *E = N.getNodeAs<Expr>(Id))
      return checkLibrarySetting(E, Result);
}

void LogFileManagementCheck::checkPathCall(const CallExpr *Call,
                                           const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const FunctionDecl *FD = Call->getDirectCallee();
  const PathApi *Api = FD ? findPathApi(FD) : nullptr;
  if (!Api)
    return;
  // std::remove(first, last, value) is the algorithm, not the file call.
  if (FD->getName() == "remove" && Call->getNumArgs() != 1 &&
      !StringRef(FD->getQualifiedNameAsString()).starts_with("std::filesystem") &&
      !StringRef(FD->getQualifiedNameAsString()).starts_with("boost::filesystem"))
    return;
  std::string Path;
  bool IsLog = false;
  for (unsigned I = 0; I < Api->NumPathArgs && !IsLog; ++I) {
    unsigned Idx = Api->PathArgs[I];
    if (Idx >= Call->getNumArgs())
      continue;
    const Expr *Arg = Call->getArg(Idx);
    IsLog = Api->Descriptor ? Classifier.mentionsLogName(Arg)
                            : Classifier.isLogPathExpr(Arg, Ctx, &Path);
  }
  if (!IsLog)
    return;
  std::string Name = FD->getQualifiedNameAsString();
  // Drop inline namespaces such as std::filesystem::__cxx11.
  size_t Inline = Name.find("::__cxx11");
  if (Inline != std::string::npos)
    Name.erase(Inline, 9);
  add({Result.SourceManager->getExpansionLoc(Call->getBeginLoc()), Api->Op,
       Name, Path, "", std::nullopt, {}});
}

void LogFileManagementCheck::checkStreamTruncate(const Expr *E,
                                                 const CXXRecordDecl *Stream,
                                                 const Expr *PathArg,
                                                 const Expr *Mode,
                                                 const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  Expr::EvalResult R;
  if (!Mode->EvaluateAsInt(R, Ctx))
    return;
  // std::ios_base::trunc and app (the same bit values in libstdc++ and
  // libc++): truncation only when trunc is asked for without app.
  int64_t M = R.Val.getInt().getExtValue();
  bool Trunc = (M & 32) != 0 && (M & 1) == 0;
  if (!Trunc)
    return;
  std::string Path;
  if (!Classifier.isLogPathExpr(PathArg, Ctx, &Path)) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
    if (!MC || !Classifier.mentionsLogName(MC->getImplicitObjectArgument()))
      return;
  }
  StringRef Name = Stream->getName();
  Name.consume_front("basic_");
  std::string Api = ("std::" + Name).str();
  if (isa<CXXMemberCallExpr>(E))
    Api += "::open";
  add({Result.SourceManager->getExpansionLoc(E->getBeginLoc()), Op::Truncate,
       Api, Path, "", std::nullopt, {}});
}

void LogFileManagementCheck::checkSizeComparison(const BinaryOperator *Cmp,
                                                 const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const auto &N = Result.Nodes;
  std::string Path;
  std::string Api;
  bool IsLog = false;
  if (const auto *C = N.getNodeAs<CallExpr>("size-call")) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
      IsLog = Classifier.mentionsLogName(MC->getImplicitObjectArgument());
      Api = MC->getMethodDecl()->getName().str();
    } else if (C->getNumArgs() >= 1) {
      const FunctionDecl *FD = C->getDirectCallee();
      Api = FD->getQualifiedNameAsString();
      bool PathArg = FD->getName() == "file_size";
      IsLog = PathArg ? Classifier.isLogPathExpr(C->getArg(0), Ctx, &Path)
                      : Classifier.mentionsLogName(C->getArg(0));
      size_t Inline = Api.find("::__cxx11");
      if (Inline != std::string::npos)
        Api.erase(Inline, 9);
    }
  } else if (const auto *ME = N.getNodeAs<MemberExpr>("st-size")) {
    // stat(<log path>, &st) ... st.st_size > limit
    const VarDecl *St = asLocalVar(ME->getBase());
    const Stmt *Body = St ? bodyOf(St) : nullptr;
    if (!Body)
      return;
    auto Stats = match(
        findAll(callExpr(callee(functionDecl(hasAnyName(
                             "::stat", "::lstat", "::fstat", "::stat64",
                             "::lstat64", "::fstat64"))),
                         argumentCountIs(2),
                         hasArgument(1, ignoringParenImpCasts(unaryOperator(
                                            hasOperatorName("&"),
                                            hasUnaryOperand(declRefExpr(to(
                                                varDecl(equalsNode(St)))))))))
                    .bind("stat")),
        *Body, Ctx);
    for (const auto &S : Stats) {
      const auto *Stat = S.getNodeAs<CallExpr>("stat");
      bool Fd = Stat->getDirectCallee()->getName().starts_with("fstat");
      if (Fd ? Classifier.mentionsLogName(Stat->getArg(0))
             : Classifier.isLogPathExpr(Stat->getArg(0), Ctx, &Path)) {
        IsLog = true;
        Api = Stat->getDirectCallee()->getName().str();
        break;
      }
    }
  }
  if (!IsLog)
    return;
  add({Result.SourceManager->getExpansionLoc(Cmp->getBeginLoc()),
       Op::SizeCheck, Api, Path, "", std::nullopt, {}});
}

SourceLocation LogFileManagementCheck::findReopen(const FunctionDecl *Handler,
                                                  ASTContext &Ctx,
                                                  unsigned Depth) const {
  if (!Handler || Depth > 3)
    return {};
  const FunctionDecl *Def = Handler->getDefinition();
  if (!Def || !Def->getBody())
    return {};
  const Stmt *Body = Def->getBody();
  // A handler that ends the process (writes a last line and exits) reopens
  // nothing.
  if (Depth == 0 &&
      !match(findAll(callExpr(callee(functionDecl(isNoReturn())))), *Body, Ctx)
           .empty())
    return {};
  // Opening a log file.
  if (SourceLocation L = logOpenIn(*Body, Ctx); L.isValid())
    return L;
  auto StreamOpens = match(
      findAll(cxxMemberCallExpr(
                  callee(cxxMethodDecl(hasAnyName("open", "close"),
                                       ofClass(hasAnyName(
                                           "::std::basic_ofstream",
                                           "::std::basic_fstream",
                                           "::std::basic_filebuf")))))
                  .bind("c")),
      *Body, Ctx);
  for (const auto &M : StreamOpens) {
    const auto *C = M.getNodeAs<CXXMemberCallExpr>("c");
    if (Classifier.mentionsLogName(C->getImplicitObjectArgument()) ||
        (C->getNumArgs() >= 1 && Classifier.isLogPathExpr(C->getArg(0), Ctx)))
      return C->getBeginLoc();
  }
  // The async-signal-safe idiom: set a log-named flag for the main loop.
  auto Flags = match(
      findAll(binaryOperator(isAssignmentOperator(),
                             hasLHS(ignoringParenImpCasts(declRefExpr(
                                 to(varDecl(hasGlobalStorage()).bind("v"))))))
                  .bind("a")),
      *Body, Ctx);
  for (const auto &M : Flags) {
    const auto *V = M.getNodeAs<VarDecl>("v");
    if (V->getIdentifier() && Classifier.isLogName(V->getName()))
      return M.getNodeAs<BinaryOperator>("a")->getBeginLoc();
    // The nginx idiom: any flag, and a main loop that reopens the log when
    // it is set.
    if (Depth == 0)
      if (SourceLocation L = reopenOnFlag(V, Ctx); L.isValid())
        return L;
  }
  // Functions it calls in this translation unit.
  auto Calls = match(
      findAll(callExpr(callee(functionDecl().bind("f"))).bind("c")), *Body,
      Ctx);
  for (const auto &M : Calls) {
    const auto *F = M.getNodeAs<FunctionDecl>("f");
    if (F == Def || !F->getIdentifier())
      continue;
    std::string Words = utils::normalizeIdentifier(F->getName());
    if (Classifier.isLogName(F->getName()) &&
        (StringRef(Words).contains("open") ||
         StringRef(Words).contains("rotate")))
      return M.getNodeAs<CallExpr>("c")->getBeginLoc();
    SourceLocation Inner = findReopen(F, Ctx, Depth + 1);
    if (Inner.isValid())
      return Inner;
  }
  return {};
}

SourceLocation LogFileManagementCheck::reopenOnFlag(const VarDecl *Flag,
                                                    ASTContext &Ctx) const {
  auto Tests = match(
      ifStmt(hasCondition(hasDescendant(declRefExpr(to(equalsNode(Flag))))),
             hasThen(stmt().bind("then"))),
      Ctx);
  for (const auto &M : Tests) {
    if (SourceLocation L = logOpenIn(*M.getNodeAs<Stmt>("then"), Ctx);
        L.isValid())
      return L;
  }
  return {};
}

SourceLocation LogFileManagementCheck::logOpenIn(const Stmt &S,
                                                 ASTContext &Ctx) const {
  auto Opens = match(
      findAll(callExpr(callee(functionDecl(hasAnyName(
                           "::fopen", "::fopen64", "::freopen", "::open",
                           "::open64", "::openat", "::creat", "::std::fopen",
                           "::std::freopen"))),
                       argumentCountAtLeast(1))
                  .bind("c")),
      S, Ctx);
  for (const auto &M : Opens) {
    const auto *C = M.getNodeAs<CallExpr>("c");
    unsigned Idx = C->getDirectCallee()->getName() == "openat" ? 1 : 0;
    if (Idx < C->getNumArgs() && Classifier.isLogPathExpr(C->getArg(Idx), Ctx))
      return C->getBeginLoc();
  }
  return {};
}

void LogFileManagementCheck::checkSignal(const CallExpr *Call,
                                         const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  Expr::EvalResult R;
  if (!Call->getArg(0)->EvaluateAsInt(R, Ctx))
    return;
  int64_t Sig = R.Val.getInt().getExtValue();
  std::string SigName;
  for (StringRef Name : ReopenSignals) {
    // Linux values when the headers' macros are not visible.
    int64_t Default = Name == "SIGHUP" ? 1 : Name == "SIGUSR1" ? 10
                                         : Name == "SIGUSR2"   ? 12
                                                               : -1;
    if (macroValue(Name).value_or(Default) == Sig) {
      SigName = Name.str();
      break;
    }
  }
  if (SigName.empty())
    return;

  const FunctionDecl *Handler = nullptr;
  StringRef Api = Call->getDirectCallee()->getName();
  if (Api == "sigaction") {
    const VarDecl *SA = asLocalVar(Call->getArg(1));
    const Stmt *Body = SA ? bodyOf(SA) : nullptr;
    if (!Body)
      return;
    auto Sets = match(
        findAll(binaryOperator(
            isAssignmentOperator(),
            hasLHS(memberExpr(member(hasAnyName("sa_handler", "sa_sigaction")),
                              hasDescendant(declRefExpr(
                                  to(varDecl(equalsNode(SA))))))),
            hasRHS(expr().bind("h")))),
        *Body, Ctx);
    // The handler in force at the call: the last assignment before it.
    const SourceManager &SM = *Result.SourceManager;
    SourceLocation Best;
    for (const auto &S : Sets) {
      const auto *H = S.getNodeAs<Expr>("h");
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
      auto Refs = match(
          findAll(declRefExpr(to(functionDecl().bind("f")))), *SA->getInit(),
          Ctx);
      if (!Refs.empty())
        Handler = Refs[0].getNodeAs<FunctionDecl>("f");
    }
  } else {
    Handler = asFunction(Call->getArg(1));
  }
  SourceLocation Reopen = findReopen(Handler, Ctx, 0);
  if (Reopen.isInvalid())
    return;
  add({Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
       Op::ReopenOnSignal, Api.str(), "", SigName, std::nullopt,
       Result.SourceManager->getExpansionLoc(Reopen)});
}

void LogFileManagementCheck::checkLibrarySetting(const Expr *E,
                                                 const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const auto &N = Result.Nodes;
  SourceLocation Loc = Result.SourceManager->getExpansionLoc(E->getBeginLoc());
  auto Removal = [&]() -> std::optional<FixItHint> {
    if (const Expr *S = utils::asDiscardedStatement(E, Ctx))
      return utils::removeStatement(S, Ctx);
    return std::nullopt;
  };

  if (const auto *C = N.getNodeAs<CallExpr>("lib-call")) {
    const FunctionDecl *FD = C->getDirectCallee();
    StringRef Name = FD->getName();
    std::string Api = FD->getQualifiedNameAsString();
    if (Name == "EnableLogCleaner") {
      add({Loc, Op::LibraryRetention, Api, "", "deletes old log files",
           Removal(), {}});
      return;
    }
    if (Name == "make_collector") {
      add({Loc, Op::LibraryRetention, "boost::log::sinks::file::make_collector",
           "", "keeps and deletes rotated files", std::nullopt, {}});
      return;
    }
    std::string Detail;
    if (Name.starts_with("rotating"))
      Detail = "rotates by size and keeps max_files";
    else if (Name.starts_with("hourly"))
      Detail = "rotates hourly";
    else
      Detail = "rotates daily";
    add({Loc, Op::LibraryRotation, Api, "", Detail, std::nullopt, {}});
    return;
  }
  if (const auto *RD = N.getNodeAs<CXXRecordDecl>("lib-class")) {
    std::string Api = RD->getQualifiedNameAsString();
    add({Loc, Op::LibraryRotation, Api, "", "", std::nullopt, {}});
    return;
  }
  if (const auto *C = N.getNodeAs<CXXMemberCallExpr>("lib-member")) {
    const auto *M = N.getNodeAs<CXXMethodDecl>("lib-method");
    const CXXRecordDecl *RD = M->getParent();
    std::string Qualified = RD->getQualifiedNameAsString();
    bool Log4 = StringRef(Qualified).starts_with("log4cxx::") ||
                StringRef(Qualified).starts_with("log4cplus::");
    bool Boost = StringRef(Qualified).starts_with("boost::log::");
    if (!Log4 && !Boost)
      return;
    StringRef Name = M->getName();
    bool Retention = Name == "setMaxBackupIndex" || Name == "setMaxIndex" ||
                     Name == "set_file_collector";
    std::optional<FixItHint> Fix;
    if (Log4 && (Name == "setMaxFileSize" || Name == "setMaxBackupIndex" ||
                 Name == "setMaximumFileSize"))
      Fix = Removal();
    // Drop inline/versioned namespaces (boost::log::v2_mt_posix).
    std::string Api = Qualified + "::" + Name.str();
    size_t V = Api.find("::v2");
    if (V != std::string::npos) {
      size_t End = Api.find("::", V + 2);
      Api.erase(V, End - V);
    }
    add({Loc, Retention ? Op::LibraryRetention : Op::LibraryRotation, Api, "",
         "", Fix, {}});
    (void)C;
    return;
  }
  if (const auto *C = N.getNodeAs<CXXMemberCallExpr>("poco-set")) {
    static constexpr StringRef Rotation[] = {"rotation", "rotateOnOpen"};
    static constexpr StringRef Retention[] = {"archive", "purgeAge",
                                              "purgeCount", "compress"};
    std::string Key;
    if (std::optional<std::string> K =
            utils::resolvePathValue(C->getArg(0), Ctx))
      Key = *K;
    else if (const auto *DRE =
                 dyn_cast<DeclRefExpr>(C->getArg(0)->IgnoreParenImpCasts())) {
      // Poco::FileChannel::PROP_ROTATION and friends.
      StringRef P = DRE->getDecl()->getName();
      if (P == "PROP_ROTATION")
        Key = "rotation";
      else if (P == "PROP_ARCHIVE")
        Key = "archive";
      else if (P == "PROP_PURGEAGE")
        Key = "purgeAge";
      else if (P == "PROP_PURGECOUNT")
        Key = "purgeCount";
      else if (P == "PROP_COMPRESS")
        Key = "compress";
      else if (P == "PROP_ROTATEONOPEN")
        Key = "rotateOnOpen";
    }
    bool IsRotation = llvm::is_contained(Rotation, Key);
    bool IsRetention = llvm::is_contained(Retention, Key);
    if (!IsRotation && !IsRetention)
      return;
    add({Loc, IsRotation ? Op::LibraryRotation : Op::LibraryRetention,
         "Poco::Channel::setProperty(\"" + Key + "\")", "", "", Removal(), {}});
    return;
  }
  if (const auto *K = N.getNodeAs<VarDecl>("keyword")) {
    std::string Q = K->getQualifiedNameAsString();
    if (!StringRef(Q).starts_with("boost::log::"))
      return;
    bool Retention = K->getName() == "max_size" ||
                     K->getName() == "max_files" ||
                     K->getName() == "min_free_space";
    add({Loc, Retention ? Op::LibraryRetention : Op::LibraryRotation,
         ("boost::log::keywords::" + K->getName()).str(), "", "", std::nullopt,
         {}});
    return;
  }
  if (N.getNodeAs<BinaryOperator>("glog-max-size")) {
    add({Loc, Op::LibraryRotation, "FLAGS_max_log_size", "", "", Removal(),
         {}});
    return;
  }
  if (N.getNodeAs<CallExpr>("elpp-max-size")) {
    add({Loc, Op::LibraryRotation, "el::ConfigurationType::MaxLogFileSize", "",
         "rolls the file over by size", Removal(), {}});
    return;
  }
}

void LogFileManagementCheck::onEndOfTranslationUnit() {
  for (const Finding &F : Findings) {
    bool Known = !F.Path.empty();
    std::string Text = ("'%0' " + operationText(F.Op, Known)).str();
    if (F.Op == Op::ReopenOnSignal)
      Text += " %2";
    else if (Known)
      Text += " '%1'";
    if (F.Op == Op::LibraryRotation || F.Op == Op::LibraryRetention) {
      if (!F.Detail.empty())
        Text += " (%2)";
    }
    Text += "; leave rotation and retention to the execution environment";
    {
      auto D = diag(F.Loc, Text) << F.Api << utils::displayPath(F.Path)
                                 << F.Detail;
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
}

} // namespace clang::tidy::logstream
