//===--- EventInjectionCheck.h - logstream-event-injection ----------------===//

#ifndef LOGSTREAM_LOGSTREAM_EVENTINJECTIONCHECK_H
#define LOGSTREAM_LOGSTREAM_EVENTINJECTIONCHECK_H

#include "utils/Compat.h"
#include "LogstreamCheck.h"
#include "analysis/RecordFinder.h"
#include "analysis/RecordValues.h"
#include "analysis/UntrustedText.h"
#include "utils/CheckOptions.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <set>
#include <string>

namespace clang::tidy::logstream {

/// Finds records that one line of the event stream cannot hold as one event
/// (CWE-117): SECURITY records that format untrusted text without escaping
/// (a line break forges a second event), messages with a line break inside,
/// stack traces written to stdout/stderr one frame per line. Fix-it: a
/// printf-style SECURITY record becomes logstream::security_event(...).
///
/// For the user-facing documentation see docs/checks/event-injection.md.
class EventInjectionCheck : public LogstreamCheck {
public:
  EventInjectionCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// A printf-style record rewritten as a runtime API call.
  struct Rewrite {
    std::string Event;
    std::string Code; // the call, without the semicolon
  };

private:
  analysis::UntrustedVocabulary readVocabulary();
  void forgetTranslationUnit() override;
  void checkRecord(const Expr *Record, ASTContext &Ctx);
  bool checkForgeable(const analysis::RecordShape &S, ASTContext &Ctx);
  void checkMultiLine(const analysis::RecordShape &S, bool Security,
                      ASTContext &Ctx);
  bool firstReport(SourceLocation Loc, ASTContext &Ctx);
  bool helperMayEscape(const Expr *Record, ASTContext &Ctx) const;
  void checkFrames(const analysis::RecordShape &S, ASTContext &Ctx);
  void checkStreamedTrace(const CXXOperatorCallExpr *Op);
  std::optional<Rewrite> securityEvent(const analysis::RecordShape &S,
                                       ASTContext &Ctx) const;
  std::optional<std::string> eventName(llvm::StringRef Text) const;

  analysis::RecordFinder Records;
  analysis::UntrustedVocabulary Vocabulary;
  const utils::Pattern StdioRecord;
  const bool ReportSyslog;
  const bool CheckMultiLine;
  const bool CheckStackTraces;
  std::set<std::pair<unsigned, unsigned>> Reported;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_EVENTINJECTIONCHECK_H
