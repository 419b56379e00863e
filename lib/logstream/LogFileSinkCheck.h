//===--- LogFileSinkCheck.h - logstream-log-file-sink ---------------------===//

#ifndef LOGSTREAM_LOGSTREAM_LOGFILESINKCHECK_H
#define LOGSTREAM_LOGSTREAM_LOGFILESINKCHECK_H

#include "utils/Compat.h"
#include "utils/LogFiles.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::logstream {

namespace analysis {
class ProjectFacts;
} // namespace analysis

/// Finds code that writes log events into files: C stdio, iostreams, POSIX
/// descriptors, and the file sinks of spdlog, glog, Boost.Log, log4cxx,
/// log4cplus, Poco and easylogging++; where the rewrite is safe, fix-its send
/// the events to stdout instead.
///
/// For the user-facing documentation see docs/checks/log-file-sink.md.
class LogFileSinkCheck : public ClangTidyCheck {
public:
  LogFileSinkCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return true;
  }
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return TK_AsIs;
  }

private:
  using MatchResult = ast_matchers::MatchFinder::MatchResult;

  void checkStdioOpen(const CallExpr *Call, const MatchResult &Result);
  void checkFreopen(const CallExpr *Call, const MatchResult &Result);
  void checkPosixOpen(const CallExpr *Call, const MatchResult &Result);
  void checkDup2(const CallExpr *Call, const MatchResult &Result);
  void checkStreamConstruct(const CXXConstructExpr *Construct,
                            const MatchResult &Result);
  void checkStreamOpen(const CXXMemberCallExpr *Call,
                       const MatchResult &Result);
  void checkRdbufRedirect(const CXXMemberCallExpr *Call,
                          const MatchResult &Result);
  void checkSpdlogFactory(const CallExpr *Call, const MatchResult &Result);
  void checkSinkCreation(const Expr *E, const CXXRecordDecl *Sink,
                         const MatchResult &Result);
  void checkGlogCall(const CallExpr *Call, const MatchResult &Result);
  void checkGlogFlag(const Expr *Assign, const VarDecl *Flag, const Expr *RHS,
                     const MatchResult &Result);
  void checkBoostAddFileLog(const CallExpr *Call, const MatchResult &Result);
  void checkPocoSetProperty(const CXXMemberCallExpr *Call,
                            const MatchResult &Result);
  void checkEasyloggingSet(const CallExpr *Call, const MatchResult &Result);
  void checkEasyloggingText(const CXXMemberCallExpr *Call,
                            const MatchResult &Result);
  void checkExtraFunction(const CallExpr *Call, const MatchResult &Result);

  /// Whether a path argument, or the variable the call's result lands in,
  /// says "log". Fills \p Path with the resolved path when there is one.
  bool isLogTarget(const Expr *PathArg, const Expr *Call, ASTContext &Ctx,
                   std::string &Path, std::string &Receiver) const;
  /// A log-named variable or field that the local \p VD is copied into.
  const NamedDecl *logNamedCopyOf(const VarDecl *VD, ASTContext &Ctx) const;
  /// A warning at \p Loc naming \p Api, with the path when known.
  DiagnosticBuilder report(SourceLocation Loc, StringRef Api,
                           StringRef Path = {});
  std::optional<FixItHint> include(SourceLocation Loc, StringRef Header);
  std::optional<int64_t> macroValue(StringRef Name) const;

  // Qt (LogFileSinkQt.cpp): QFile opened for writing on a log, message
  // handlers that write to a file.
  void registerQtMatchers(ast_matchers::MatchFinder *Finder);
  bool checkQt(const MatchResult &Result);
  void checkQtFileOpen(const CXXMemberCallExpr *Call,
                       const MatchResult &Result);
  void checkQtMessageHandler(const CallExpr *Call, const MatchResult &Result);

  // Project facts (LogFileSinkFacts.cpp): calls to the project's own
  // helpers that open their parameter for writing.
  void checkSummarizedCall(const Expr *Call, const MatchResult &Result);
  std::shared_ptr<const analysis::ProjectFacts> Facts;

  const utils::LogFileClassifier Classifier;
  const std::vector<StringRef> ExtraSinkFunctions;
  const std::vector<StringRef> ExtraSinkTypes;
  compat::IncludeInserter Inserter;
  Preprocessor *PP = nullptr;

  // glog's InitGoogleLogging writes files unless FLAGS_logtostdout or
  // FLAGS_logtostderr is set to true somewhere in the translation unit; the
  // calls are reported once the whole unit has been seen.
  struct PendingGlogInit {
    const CallExpr *Call;
    ASTContext *Ctx;
  };
  std::vector<PendingGlogInit> GlogInits;
  bool GlogToStreamSeen = false;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_LOGFILESINKCHECK_H
