//===--- LogstreamCheck.h - The base of every logstream check -------------===//
//
// The plumbing every logstream check shares, so that a check's own files hold
// only its matchers, its dispatch and its diagnostics: the preprocessor (macro
// values, include insertion), strict option readers, the traversal of the
// user's code only (utils/UserCodeTraversal.h) and one queue of work deferred
// to the end of the translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_LOGSTREAM_LOGSTREAMCHECK_H
#define LOGSTREAM_LOGSTREAM_LOGSTREAMCHECK_H

#include "utils/Compat.h"
#include "utils/CheckOptions.h"
#include "utils/IncludeFixes.h"
#include "utils/UserCodeTraversal.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/FunctionExtras.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream {

class LogstreamCheck : public ClangTidyCheck {
public:
  /// Whether the check's fix-its insert `#include`s (it then reads and
  /// stores the `IncludeStyle` option).
  enum class Includes { None, Inserted };

  LogstreamCheck(StringRef Name, ClangTidyContext *Context,
                 Includes Inserts = Includes::None);
  ~LogstreamCheck() override;

  /// Stores `IncludeStyle` when the check inserts includes; a check that
  /// overrides this calls it first.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// Registers the check's matchers (registerUserCodeMatchers) with the
  /// unit's one traversal of the user's code, not with clang-tidy's finder.
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) final;
  /// Runs the actions queued with atEndOfTranslationUnit(), in order, then
  /// forgetTranslationUnit().
  void onEndOfTranslationUnit() final;
  bool isLanguageVersionSupported(const LangOptions &) const override {
    return true;
  }
  /// No kind: the matchers run in the context's default traversal, AsIs
  /// (which is what the checks are written for), and the finder does not
  /// wrap each of them in a `traverse(TK_AsIs, ...)` to try on every node.
  compat::OptionalTraversalKind getCheckTraversalKind() const override {
    return {};
  }

protected:
  /// The name the check was registered under (`logstream-…`).
  StringRef checkName() const { return Name; }

  // Strict option readers: a malformed value is a configuration error (a
  // non-zero exit), never a silent fallback. See utils/CheckOptions.h.
  bool readBool(StringRef Option, bool Default);
  void storeBool(ClangTidyOptions::OptionMap &Opts, StringRef Option,
                 bool Value) const;
  unsigned readChoice(StringRef Option, ArrayRef<StringRef> Choices,
                      unsigned Default);
  std::string readRegex(StringRef Option, StringRef Default);
  utils::Pattern readPattern(StringRef Option, StringRef Default) {
    return utils::Pattern(readRegex(Option, Default));
  }
  std::vector<StringRef> readList(StringRef Option, StringRef Default);

  /// The value of an object-like macro whose body is one integer literal
  /// (`#define O_CREAT 0100`), as the translation unit defines it.
  std::optional<int64_t> macroValue(StringRef Macro) const;
  /// A fix-it that includes \p Header in the file of \p Loc (nothing when it
  /// is already included, or the check does not insert includes).
  std::optional<FixItHint> includeFor(SourceLocation Loc, StringRef Header);
  std::optional<FixItHint> includeIn(FileID File, StringRef Header);
  /// The preprocessor of the current translation unit (null before it).
  Preprocessor *preprocessor() const { return PP; }
  const SourceManager *sourceManager() const { return SM; }

  /// Queues \p Action to run once the whole translation unit has been seen:
  /// diagnostics that depend on something later in the unit (a flag set in
  /// main, every use of a variable) are reported from here.
  void atEndOfTranslationUnit(llvm::unique_function<void()> Action);

  /// The check's matchers: \p Finder visits the namespace-level
  /// declarations outside system headers (and what they contain), nothing
  /// else, once per translation unit; the callback is the check, as with
  /// clang-tidy's finder.
  virtual void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) = 0;
  /// Preprocessor callbacks of the check's own (called once per unit, after
  /// the shared ones are registered).
  virtual void registerPreprocessor(Preprocessor &) {}
  /// Forgets what the check remembered of the unit (called after the queued
  /// actions).
  virtual void forgetTranslationUnit() {}

private:
  std::string Name;
  ClangTidyContext *TidyContext;
  std::unique_ptr<utils::IncludeFixes> Inserter;
  std::shared_ptr<utils::UserCodeTraversal> Traversal;
  Preprocessor *PP = nullptr;
  const SourceManager *SM = nullptr;
  std::vector<llvm::unique_function<void()>> AtEnd;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_LOGSTREAMCHECK_H
