//===--- LogFileManagementCheck.h - logstream-log-file-management ---------===//

#ifndef LOGSTREAM_LOGSTREAM_LOGFILEMANAGEMENTCHECK_H
#define LOGSTREAM_LOGSTREAM_LOGFILEMANAGEMENTCHECK_H

#include "utils/Compat.h"
#include "FamilyCheck.h"
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
/// libraries. Routing and storage belong to the execution environment. What
/// each library is lives in its family (logstream/families/); the check
/// matches the families' tables, dispatches their own matches and reports.
///
/// For the user-facing documentation see docs/checks/log-file-management.md.
class LogFileManagementCheck : public FamilyCheck<families::ManagementHost> {
public:
  LogFileManagementCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// What a finding says the code does.
  using Operation = families::Operation;

private:
  using MatchResult = ast_matchers::MatchFinder::MatchResult;
  using Finding = families::Finding;

  // families::ManagementHost (the rest of it is FamilyCheck's).
  void add(Finding F) override;
  void noteSink(SourceLocation Loc, const SourceManager &SM) override;
  llvm::ArrayRef<StringRef> reopenSignals() const override {
    return ReopenSignals;
  }

  void registerTableMatchers(utils::UserCodeMatchers &Finder);
  /// The matches of the tables (path calls, size checks, rotating classes,
  /// library sinks); false for any other match.
  bool checkTables(const MatchResult &Result);
  void checkPathCall(const CallExpr *Call, const MatchResult &Result);
  void checkSizeCall(const BinaryOperator *Cmp, const CallExpr *Size,
                     bool ByPath, const MatchResult &Result);
  /// Reports the unit's findings, each with the note that points at the log
  /// file sink the unit opens (wherever it comes), once the unit has been
  /// seen whole; then forgets the unit.
  void queueReport();
  void reportFindings();

  // Project facts (LogFileManagementFacts.cpp): calls to the project's own
  // helpers that rename, delete or truncate a path built from a parameter;
  // the notes that explain them, by finding location.
  void checkSummarizedCall(const Expr *Call, const MatchResult &Result);
  std::shared_ptr<const analysis::ProjectFacts> Facts;
  std::vector<std::pair<SourceLocation, std::string>> FactNotes;

  const std::vector<StringRef> ExtraManagementFunctions;
  const std::vector<StringRef> ReopenSignals;

  // The unit's findings, reported at its end.
  std::vector<Finding> Findings;
  SourceLocation FirstSink;
  bool ReportQueued = false;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_LOGFILEMANAGEMENTCHECK_H
