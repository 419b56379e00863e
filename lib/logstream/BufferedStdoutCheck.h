//===--- BufferedStdoutCheck.h - logstream-buffered-stdout ----------------===//

#ifndef LOGSTREAM_LOGSTREAM_BUFFEREDSTDOUTCHECK_H
#define LOGSTREAM_LOGSTREAM_BUFFEREDSTDOUTCHECK_H

#include "utils/Compat.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::logstream {

/// Finds code that makes the standard output or error stream fully buffered,
/// so that events would sit in a buffer when stdout is a pipe, and suggests
/// line (or no) buffering instead.
///
/// For the user-facing documentation see docs/checks/buffered-stdout.md.
class BufferedStdoutCheck : public ClangTidyCheck {
public:
  enum class Mode { Line, None };

  BufferedStdoutCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return true;
  }
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return TK_AsIs;
  }

private:
  void checkStdioCall(const CallExpr *Call, const FunctionDecl *Callee,
                      bool CanFix,
                      const ast_matchers::MatchFinder::MatchResult &Result);
  void checkPubsetbuf(const CXXMemberCallExpr *Call,
                      const ast_matchers::MatchFinder::MatchResult &Result);
  void checkRdbuf(const CXXMemberCallExpr *Call,
                  const ast_matchers::MatchFinder::MatchResult &Result);
  std::optional<int64_t> macroValue(StringRef Name) const;

  const Mode BufferMode;
  const std::vector<StringRef> IgnoredStreamBuffers;
  Preprocessor *PP = nullptr;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_BUFFEREDSTDOUTCHECK_H
