//===--- FactsExtractor.h - Per-translation-unit project facts ------------===//
//
// The extraction phase of project facts (docs/project-facts.md): summarizes
// each function defined in the project's own files (not system headers) as
// the effects it has on its parameters and on the event stream, and the
// calls through which it passes its parameters on, for the merge
// (tools/logstream-ci/logstream_facts.py) to close over wrapper chains.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_FACTSEXTRACTOR_H
#define LOGSTREAM_ANALYSIS_FACTSEXTRACTOR_H

#include "utils/CheckOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <set>
#include <string>
#include <vector>

namespace clang::tidy::logstream::analysis {

/// The `format` member of a per-translation-unit facts file.
inline constexpr llvm::StringRef UnitFactsFormat = "logstream-unit-facts";

struct ExtractorOptions {
  /// Functions (or their classes) whose names say "log"; a function that
  /// forwards its message to stdio is a logging function only then.
  utils::Pattern LogName;
  utils::Pattern CredentialName;
  /// The word that marks a message as a SECURITY record.
  std::string SecurityTag;
  /// `function=event[:true]` entries (the security check's table).
  std::vector<std::pair<std::string, std::string>> Operations;
  /// Comparison functions that compare secrets whatever their operands are
  /// called (constant-time comparisons).
  std::vector<std::string> SecretComparisons;
};

class FactsExtractor {
public:
  explicit FactsExtractor(ExtractorOptions Opts) : Opts(std::move(Opts)) {}

  /// Summarizes one function definition.
  void addFunction(const FunctionDecl *FD, ASTContext &Ctx);
  /// Records `openlog(ident, option, facility)`.
  void addOpenlog(const CallExpr *Call, ASTContext &Ctx);
  /// Records a call from the main file's code, for re-check decisions.
  void addCall(const FunctionDecl *Callee);

  /// The translation unit's facts as JSON.
  llvm::json::Value toJSON(const SourceManager &SM) const;
  /// Writes them atomically into \p Directory; returns an error message or "".
  std::string write(llvm::StringRef Directory, const SourceManager &SM) const;

private:
  ExtractorOptions Opts;
  std::vector<std::pair<std::string, llvm::json::Object>> Functions;
  std::set<std::string> Seen;
  llvm::StringMap<std::string> Digests;
  std::vector<llvm::json::Object> Handles;
  std::set<int64_t> OpenlogFacilities;
  bool OpenlogUnknown = false;
  std::set<std::string> Called;
  bool SecuritySites = false;
};

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_FACTSEXTRACTOR_H
