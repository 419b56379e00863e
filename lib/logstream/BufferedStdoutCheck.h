//===--- BufferedStdoutCheck.h - logstream-buffered-stdout ----------------===//

#ifndef LOGSTREAM_LOGSTREAM_BUFFEREDSTDOUTCHECK_H
#define LOGSTREAM_LOGSTREAM_BUFFEREDSTDOUTCHECK_H

#include "utils/Compat.h"
#include "LogstreamCheck.h"
#include "utils/UserCodeMatchers.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace clang::tidy::logstream {

namespace analysis {
struct StdoutWrite;
} // namespace analysis

/// Finds events that wait in a buffer on their way to stdout: code that makes
/// the standard output or error stream fully buffered, a `main` that writes
/// events to stdout while the C library buffers it fully (the default when
/// stdout is a pipe), and logging-library settings that drop queued events.
///
/// For the user-facing documentation see docs/checks/buffered-stdout.md.
class BufferedStdoutCheck : public LogstreamCheck {
public:
  enum class Mode { Line, None };

  BufferedStdoutCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkStdioCall(const CallExpr *Call, const FunctionDecl *Callee,
                      bool CanFix,
                      const ast_matchers::MatchFinder::MatchResult &Result);
  /// Whether a setvbuf/setbuf/setbuffer call makes its stream fully
  /// buffered.
  bool setsFullBuffering(const CallExpr *Call, bool IsSetvbuf,
                         ASTContext &Ctx) const;
  void checkPubsetbuf(const CXXMemberCallExpr *Call,
                      const ast_matchers::MatchFinder::MatchResult &Result);
  void checkRdbuf(const CXXMemberCallExpr *Call,
                  const ast_matchers::MatchFinder::MatchResult &Result);

  // The default buffering of stdout (BufferedStdoutDefault.cpp).
  void checkDefaultBuffering(const FunctionDecl *Main, ASTContext &Ctx);
  bool isUsageText(const analysis::StdoutWrite &W) const;
  std::optional<FixItHint> lineBufferingFix(const FunctionDecl *Main,
                                            ASTContext &Ctx,
                                            bool SpellsUnqualified,
                                            bool SpellsStdQualified,
                                            std::optional<FixItHint> &Include);

  // Logging-library settings that drop events (BufferedStdoutLoggers.cpp).
  void registerLoggerMatchers(utils::UserCodeMatchers &Grouped);
  bool checkLoggerSetting(const ast_matchers::MatchFinder::MatchResult &Result);
  void checkSpelledTypes(const DynTypedNode &Node,
                         const ast_matchers::MatchFinder::MatchResult &Result);
  void replaceToken(SourceLocation Loc, StringRef Message, StringRef Old,
                    StringRef New, const SourceManager &SM,
                    std::optional<FixItHint> Include = std::nullopt);

  const Mode BufferMode;
  const std::vector<StringRef> IgnoredStreamBuffers;
  const bool CheckDefaultBuffering;
  const bool CheckLoggerSettings;
  const std::vector<StringRef> FlushFunctions;
  /// Functions (lower snake_case names) whose stdout writes are a command
  /// line tool's usage, help or version text, not events.
  const utils::Pattern UsageFunctionPattern;
  /// Whether writes in functions called only right before the program
  /// exits (a `-V` build report) are left out.
  const bool IgnoreWritesBeforeExit;
  /// Type names already reported (a type can be reached more than once).
  llvm::DenseSet<SourceLocation::UIntTy> ReportedTypeLocs;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_BUFFEREDSTDOUTCHECK_H
