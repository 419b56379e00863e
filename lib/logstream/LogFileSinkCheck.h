//===--- LogFileSinkCheck.h - logstream-log-file-sink ---------------------===//

#ifndef LOGSTREAM_LOGSTREAM_LOGFILESINKCHECK_H
#define LOGSTREAM_LOGSTREAM_LOGFILESINKCHECK_H

#include "utils/Compat.h"
#include "FamilyCheck.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::logstream {

namespace analysis {
class ProjectFacts;
} // namespace analysis

/// Finds code that writes log events into files: C stdio, iostreams, POSIX
/// descriptors, and the file sinks of spdlog, glog, Boost.Log, log4cxx,
/// log4cplus, Poco, easylogging++ and Qt; where the rewrite is safe, fix-its
/// send the events to stdout instead. What each library is lives in its
/// family (logstream/families/); the check registers the families' matchers
/// and dispatches their matches.
///
/// For the user-facing documentation see docs/checks/log-file-sink.md.
class LogFileSinkCheck : public FamilyCheck<families::SinkHost> {
public:
  LogFileSinkCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  using MatchResult = ast_matchers::MatchFinder::MatchResult;

  // families::SinkHost (the rest of it is FamilyCheck's).
  DiagnosticBuilder report(SourceLocation Loc, StringRef Api,
                           StringRef Path) override;
  bool isLogTarget(const Expr *PathArg, const Expr *Call, ASTContext &Ctx,
                   std::string &Path, std::string &Receiver) const override;
  ast_matchers::DeclarationMatcher sinkClass() const override;

  /// A log-named variable or field that the local \p VD is copied into.
  const NamedDecl *logNamedCopyOf(const VarDecl *VD, ASTContext &Ctx) const;
  /// The log-named function that returns the handle \p Call opens (directly
  /// or through the local \p Local), if any.
  const FunctionDecl *logNamedOpener(const Expr *Call, const VarDecl *Local,
                                     ASTContext &Ctx) const;
  void checkExtraFunction(const CallExpr *Call, const MatchResult &Result);

  // Project facts (LogFileSinkFacts.cpp): calls to the project's own
  // helpers that open their parameter for writing.
  void checkSummarizedCall(const Expr *Call, const MatchResult &Result);
  std::shared_ptr<const analysis::ProjectFacts> Facts;

  const std::vector<StringRef> ExtraSinkFunctions;
  const std::vector<StringRef> ExtraSinkTypes;
  /// Whether an open whose handle a log-named function returns is a log.
  const bool LogNamedOpeners;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_LOGFILESINKCHECK_H
