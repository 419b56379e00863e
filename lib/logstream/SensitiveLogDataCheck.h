//===--- SensitiveLogDataCheck.h - logstream-sensitive-log-data -----------===//

#ifndef LOGSTREAM_LOGSTREAM_SENSITIVELOGDATACHECK_H
#define LOGSTREAM_LOGSTREAM_SENSITIVELOGDATACHECK_H

#include "utils/Compat.h"
#include "LogstreamCheck.h"
#include "analysis/RecordFinder.h"
#include "analysis/RecordValues.h"
#include "analysis/Secrets.h"
#include "utils/CheckOptions.h"
#include <set>
#include <vector>

namespace clang::tidy::logstream {

/// Finds log records that write a secret (CWE-532): credentials by name,
/// crypt() and getpass() results, PAM replies, credential headers, private
/// keys; fix-its redact the value to "<redacted>".
///
/// For the user-facing documentation see docs/checks/sensitive-log-data.md.
class SensitiveLogDataCheck : public LogstreamCheck {
public:
  SensitiveLogDataCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  analysis::SecretVocabulary readVocabulary();
  void forgetTranslationUnit() override;
  void checkRecord(const Expr *Record, ASTContext &Ctx);
  void checkKeyOutput(const CallExpr *Call, ASTContext &Ctx);
  bool isBareOutput(const analysis::RecordShape &S) const;
  bool isFactsHelper(const Expr *Record) const;
  bool canRedact(const analysis::RecordValue &V) const;
  void report(const analysis::Secret &S, const analysis::RecordValue &V,
              ASTContext &Ctx);

  analysis::RecordFinder Records;
  analysis::SecretVocabulary Vocabulary;
  const bool ReportBareOutput;
  /// Secrets reported in this translation unit (a macro's expansion can
  /// hold the same argument in several records).
  std::set<std::pair<unsigned, unsigned>> Reported;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_SENSITIVELOGDATACHECK_H
