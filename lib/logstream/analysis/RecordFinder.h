//===--- RecordFinder.h - The log records a check inspects ----------------===//
//
// The checks that read what a record holds (logstream-sensitive-log-data,
// logstream-event-injection) find records the same way: the record matchers
// of RecordValues.h, the outermost `<<` of each chain, printf-like project
// functions named like logging (LoggingFunctionPattern), stdio writes to
// stdout, stderr or a log handle (LogHandlePattern). RecordFinder owns those
// options, the classifier and the per-unit state, and turns a match into the
// record it found.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_RECORDFINDER_H
#define LOGSTREAM_ANALYSIS_RECORDFINDER_H

#include "utils/Compat.h"
#include "LogRecords.h"
#include "RecordValues.h"
#include "utils/CheckOptions.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <optional>

namespace clang::tidy::logstream::analysis {

/// A match of the record matchers.
struct RecordMatch {
  /// The record, when the match is one.
  const Expr *Record = nullptr;
  /// The outermost `<<` of a chain not seen before, record or not.
  const CXXOperatorCallExpr *Stream = nullptr;
};

class RecordFinder {
public:
  /// Reads the record options of \p Check (the classifier's and
  /// LogHandlePattern) and the project facts.
  RecordFinder(const ClangTidyCheck &Check,
               const ClangTidyCheck::OptionsView &Options,
               llvm::StringRef CheckName, ClangTidyContext &Context);
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  void
  registerMatchers(ast_matchers::MatchFinder *Finder,
                   ast_matchers::MatchFinder::MatchCallback *Callback) const;
  /// What \p Nodes, a match of any of the check's matchers, is: nullopt when
  /// it is not a match of the record matchers.
  std::optional<RecordMatch> match(const ast_matchers::BoundNodes &Nodes,
                                   ASTContext &Ctx);
  /// Forgets the unit's state (at the end of each translation unit).
  void clear() { Streams.clear(); }

  const RecordClassifier &classifier() const { return Records; }
  const utils::Pattern &loggingFunctionPattern() const {
    return Records.loggingFunctionPattern();
  }

private:
  RecordClassifier Records;
  const utils::Pattern LogHandle;
  OutermostStreams Streams;
};

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_RECORDFINDER_H
