//===--- CheckOptions.h - Validated option reading for logstream checks ---===//
//
// clang-tidy's own option readers fall back to the default on a bad value
// with a warning; logstream-tidy treats a malformed option as a configuration
// error (non-zero exit) so that a typo never turns into a silent pass.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_CHECKOPTIONS_H
#define LOGSTREAM_UTILS_CHECKOPTIONS_H

#include "utils/Compat.h"

#include "utils/SmallRegex.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::utils {

/// Reads option \p Name, which must be one of \p Choices (case-sensitive).
/// Returns the index of the chosen value; on any other value reports an
/// error naming the valid choices and returns the index of \p Default.
unsigned readChoiceOption(const ClangTidyCheck &Check,
                          const ClangTidyCheck::OptionsView &Options,
                          llvm::StringRef CheckName, llvm::StringRef Name,
                          llvm::ArrayRef<llvm::StringRef> Choices,
                          unsigned Default);

/// Reads a boolean option: `true`/`false` (any case) or `1`/`0`. Anything
/// else is a configuration error and gives \p Default. (Booleans are read as
/// strings: clang-tidy's own `get<bool>` is lenient, and its mangled name
/// differs between GCC and the clang that built libclangTidy.)
bool readBoolOption(const ClangTidyCheck &Check,
                    const ClangTidyCheck::OptionsView &Options,
                    llvm::StringRef CheckName, llvm::StringRef Name,
                    bool Default);

/// Stores a boolean option as clang-tidy writes one (`true`/`false`).
void storeBoolOption(const ClangTidyCheck::OptionsView &Options,
                     ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                     bool Value);

/// Reads a regular-expression option. An empty value means "matches nothing".
/// An invalid expression is reported as a configuration error and replaced
/// by \p Default. A value other than the default is compiled here (to find
/// out); the default is not (see defaultPatternsRead).
std::string readRegexOption(const ClangTidyCheck &Check,
                            const ClangTidyCheck::OptionsView &Options,
                            llvm::StringRef CheckName, llvm::StringRef Name,
                            llvm::StringRef Default);

/// The default of every regular-expression option read so far in this
/// process, sorted: readRegexOption does not compile a default, so a test
/// proves that each of them compiles.
std::vector<std::string> defaultPatternsRead();

/// Reads a ';'-separated list option, trimming blanks and dropping empty
/// entries.
std::vector<llvm::StringRef>
readListOption(const ClangTidyCheck::OptionsView &Options, llvm::StringRef Name,
               llvm::StringRef Default);

/// A case-insensitive regular expression, matched without compiling it when
/// it is of the subset utils::SmallRegex reads (every default pattern is).
///
/// Otherwise, with llvm::Regex and the literals one of which every text it
/// matches contains (utils/RegexLiterals.h): a text with none of them is
/// answered without running the expression, which is compiled only when a
/// text gets past that test (compiling a vocabulary's alternation costs
/// about a million instructions). A large alternation is kept as its
/// branches (utils::branchesOf), each with its own literals and compiled
/// when a text first holds them: a name that gets past the whole
/// expression's literals (`user_id` holds `id`) is tried on the few words it
/// holds, not on the vocabulary.
class CompiledPattern {
public:
  /// \p UseSmallRegex false: always llvm::Regex (for tests of the filters).
  explicit CompiledPattern(llvm::StringRef Source, bool UseSmallRegex = true);
  bool match(llvm::StringRef Text) const;
  /// Whether utils::SmallRegex matches it.
  bool small() const { return Small.has_value(); }
  /// The compiled expression (compiled now if it was not).
  const llvm::Regex &regex() const;
  const std::optional<std::vector<std::string>> &required() const {
    return Required;
  }
  /// How many branches the expression is tried as (1: whole).
  size_t branches() const { return Branches.size(); }

private:
  struct Branch {
    std::string Source;
    std::optional<std::vector<std::string>> Required;
    mutable std::unique_ptr<llvm::Regex> RE;
    mutable std::once_flag Compiled;
  };
  std::string Source;
  std::optional<SmallRegex> Small;
  std::optional<std::vector<std::string>> Required;
  mutable std::unique_ptr<llvm::Regex> RE;
  mutable std::once_flag Compiled;
  std::vector<std::unique_ptr<Branch>> Branches;
};

/// The process's compiled form of \p Source (compiled on the first call).
const CompiledPattern &compiled(llvm::StringRef Source);

/// A case-insensitive regular expression that matches nothing when empty,
/// compiled on its first match (once per process for each text: copies and
/// other patterns with the same text share the compiled form). Each text
/// asked about is answered once: the checks ask about the same names again
/// and again (every call of strcmp, every record in one file), and one
/// match of a vocabulary's large alternation costs a few hundred thousand
/// instructions. Not for use by two threads at once (a check's patterns
/// belong to the check).
class Pattern {
public:
  Pattern() = default;
  explicit Pattern(llvm::StringRef Src) : Source(Src.str()) {}
  bool matches(llvm::StringRef Text) const;
  bool empty() const { return Source.empty(); }
  const std::string &source() const { return Source; }

private:
  std::string Source;
  // The process's compiled form of Source (llvm::Regex::match is const),
  // set on the first match.
  mutable const CompiledPattern *Compiled = nullptr;
  // The answer for each text asked about.
  mutable llvm::StringMap<bool> Answers;
};

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_CHECKOPTIONS_H
