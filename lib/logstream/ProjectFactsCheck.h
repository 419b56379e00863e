//===--- ProjectFactsCheck.h - logstream-project-facts --------------------===//

#ifndef LOGSTREAM_LOGSTREAM_PROJECTFACTSCHECK_H
#define LOGSTREAM_LOGSTREAM_PROJECTFACTSCHECK_H

#include "utils/Compat.h"
#include "LogstreamCheck.h"
#include "logstream/analysis/FactsExtractor.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::logstream {

/// The extraction phase of project facts: writes a summary of the project's
/// own functions in this translation unit (which parameter they open for
/// writing or rotate, whether they log and where, whether they write SECURITY
/// records or return a security operation's result) into OutputDirectory,
/// for `logstream-ci facts` to merge. Reports nothing; does nothing unless
/// OutputDirectory (or LOGSTREAM_FACTS_DIR) is set.
///
/// For the user-facing documentation see docs/checks/project-facts.md and
/// docs/project-facts.md.
class ProjectFactsCheck : public LogstreamCheck {
public:
  ProjectFactsCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void registerPreprocessor(Preprocessor &PP) override;
  void writeFacts();

  const std::string OutputDirectory;
  const std::string LogNamePattern;
  const std::string CredentialNamePattern;
  const std::string SecurityTag;
  const std::string SecurityOperations;
  const std::vector<StringRef> SecretComparisons;
  std::unique_ptr<analysis::FactsExtractor> Extractor;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_PROJECTFACTSCHECK_H
