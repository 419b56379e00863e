//===--- LogFileManagementCheck.h - logstream-log-file-management ---------===//

#ifndef LOGSTREAM_LOGSTREAM_LOGFILEMANAGEMENTCHECK_H
#define LOGSTREAM_LOGSTREAM_LOGFILEMANAGEMENTCHECK_H

#include "utils/Compat.h"
#include "utils/LogFiles.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::logstream {

namespace analysis {
class ProjectFacts;
} // namespace analysis

/// Finds code that manages log files: rotation, retention and deletion,
/// truncation, size-triggered rotation, log directories and permissions,
/// reopen-on-signal handlers, and the rotation/retention settings of logging
/// libraries. Routing and storage belong to the execution environment.
///
/// For the user-facing documentation see docs/checks/log-file-management.md.
class LogFileManagementCheck : public ClangTidyCheck {
public:
  LogFileManagementCheck(StringRef Name, ClangTidyContext *Context);
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

  /// What a finding says the code does.
  enum class Operation {
    Rotate,
    Delete,
    DeleteFromDirectory,
    Truncate,
    SizeCheck,
    CreateDirectory,
    Chmod,
    Chown,
    ReopenOnSignal,
    LibraryRotation,
    LibraryRetention,
    UserFunction,
  };

private:
  using MatchResult = ast_matchers::MatchFinder::MatchResult;

  struct Finding {
    SourceLocation Loc;
    Operation Op;
    std::string Api;
    std::string Path;   // resolved path, or "" when unknown
    std::string Detail; // library setting, signal name
    std::optional<FixItHint> Removal;
    SourceLocation NoteLoc; // the reopen in a signal handler
  };

  void checkPathCall(const CallExpr *Call, const MatchResult &Result);
  void checkRemoveOfIteratedEntry(const CallExpr *Call,
                                  const MatchResult &Result);
  void checkStreamTruncate(const Expr *E, const CXXRecordDecl *Stream,
                           const Expr *PathArg, const Expr *Mode,
                           const MatchResult &Result);
  void checkSizeComparison(const BinaryOperator *Cmp,
                           const MatchResult &Result);
  void checkSignal(const CallExpr *Call, const MatchResult &Result);
  void checkLibrarySetting(const Expr *E, const MatchResult &Result);
  void noteSink(SourceLocation Loc, const SourceManager &SM);

  /// Where a handler (or a function it calls in this translation unit)
  /// reopens a log file, or an invalid location.
  SourceLocation findReopen(const FunctionDecl *Handler, ASTContext &Ctx,
                            unsigned Depth) const;
  SourceLocation reopenOnFlag(const VarDecl *Flag, ASTContext &Ctx) const;
  /// The first open of a log file (fopen/open/freopen/creat) in \p S.
  SourceLocation logOpenIn(const Stmt &S, ASTContext &Ctx) const;
  std::optional<int64_t> macroValue(StringRef Name) const;
  void add(Finding F) { Findings.push_back(std::move(F)); }

  // Qt (LogFileManagementQt.cpp): QFile/QDir/QFileInfo rotation, deletion,
  // truncation, size checks, folders and permissions.
  void registerQtMatchers(ast_matchers::MatchFinder *Finder);
  bool checkQt(const MatchResult &Result);
  void checkQtManagementCall(const CallExpr *Call, const MatchResult &Result);

  // Project facts (LogFileManagementFacts.cpp): calls to the project's own
  // helpers that rename, delete or truncate a path built from a parameter;
  // the notes that explain them, by finding location.
  void checkSummarizedCall(const Expr *Call, const MatchResult &Result);
  std::shared_ptr<const analysis::ProjectFacts> Facts;
  std::vector<std::pair<SourceLocation, std::string>> FactNotes;

  const utils::LogFileClassifier Classifier;
  const std::vector<StringRef> ExtraManagementFunctions;
  const std::vector<StringRef> ReopenSignals;
  Preprocessor *PP = nullptr;

  // Findings are reported at the end of the translation unit, so that each
  // can point at the log file sink the unit opens (wherever it comes).
  std::vector<Finding> Findings;
  SourceLocation FirstSink;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_LOGFILEMANAGEMENTCHECK_H
