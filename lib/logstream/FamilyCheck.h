//===--- FamilyCheck.h - A check that runs the library families -----------===//
//
// The base of the checks that run the library families (logstream/families/):
// it implements what every family may ask of its check (families::CheckHost)
// over LogstreamCheck, and owns the check's log file classifier and its own
// instance of every family. A check derives from FamilyCheck<SinkHost> or
// FamilyCheck<ManagementHost> and implements the rest of its host.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_LOGSTREAM_FAMILYCHECK_H
#define LOGSTREAM_LOGSTREAM_FAMILYCHECK_H

#include "utils/Compat.h"
#include "LogstreamCheck.h"
#include "logstream/families/Families.h"
#include "utils/LogFiles.h"

namespace clang::tidy::logstream {

template <typename Host>
class FamilyCheck : public LogstreamCheck, protected Host {
protected:
  FamilyCheck(StringRef Name, ClangTidyContext *Context,
              Includes Inserts = Includes::None)
      : LogstreamCheck(Name, Context, Inserts),
        Classifier(*this, Options, Name), Families(families::makeFamilies()) {}

  /// Whether a match is in test code (option TestFilePattern): fixtures
  /// that write sample.log are not production logging.
  bool isInTestCode(const ast_matchers::MatchFinder::MatchResult &R) const {
    for (const auto &Bound : R.Nodes.getMap())
      if (const auto *S = Bound.second.template get<Stmt>();
          S && Classifier.isInTestFile(S->getBeginLoc(), *R.SourceManager))
        return true;
    return false;
  }

  // families::CheckHost.
  ast_matchers::MatchFinder::MatchCallback *callback() override { return this; }
  const LangOptions &langOpts() const override { return getLangOpts(); }
  const utils::LogFileClassifier &classifier() const override {
    return Classifier;
  }
  DiagnosticBuilder diagnose(SourceLocation Loc, StringRef Text,
                             DiagnosticIDs::Level Level) override {
    return diag(Loc, Text, Level);
  }
  std::optional<FixItHint> include(SourceLocation Loc,
                                   StringRef Header) override {
    return includeFor(Loc, Header);
  }
  std::optional<int64_t> macroValue(StringRef Macro) const override {
    return LogstreamCheck::macroValue(Macro);
  }
  void atEndOfTranslationUnit(llvm::unique_function<void()> Action) override {
    LogstreamCheck::atEndOfTranslationUnit(std::move(Action));
  }

  const utils::LogFileClassifier Classifier;
  /// This check's own instance of every family.
  const families::FamilyList Families;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_FAMILYCHECK_H
