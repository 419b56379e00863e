//===--- SmallRegex.h - The checks' name patterns without a regex engine --===//
//
// The checks' options are POSIX extended regular expressions, matched
// case-insensitively against identifiers, paths and short texts. llvm::Regex
// (a Spencer engine) compiles each into an automaton: about a hundred
// thousand instructions for one of the vocabularies' words, a million for a
// whole vocabulary, paid in every process for every pattern a text first
// reaches. The patterns are made of literal words, anchors, groups of
// alternatives and a few classes and quantifiers: read into a small tree,
// they are matched by backtracking over texts of a few dozen characters for
// a few hundred instructions, with nothing to compile.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_SMALLREGEX_H
#define LOGSTREAM_UTILS_SMALLREGEX_H

#include "utils/Compat.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>

namespace clang::tidy::logstream::utils {

/// A POSIX extended regular expression of the subset the checks' patterns
/// use, matched as `llvm::Regex(ERE, llvm::Regex::IgnoreCase).match(Text)`
/// answers (ASCII case, `^` and `$` at the ends of the whole text):
/// ordinary and escaped characters, `.`, bracket expressions (ranges,
/// `[:class:]`, `^` negation), `^`, `$`, groups of `|` alternatives, and the
/// quantifiers `?`, `*`, `+` and `{m}`, `{m,}`, `{m,n}` on an atom.
/// Anything else (back-references, `\d`, collating elements, empty
/// alternatives, a quantifier on a quantifier or an anchor) is not read:
/// the caller uses llvm::Regex.
class SmallRegex {
public:
  /// The expression read, or nullopt when it uses what is not read here
  /// (or is not a valid expression).
  static std::optional<SmallRegex> read(llvm::StringRef ERE);

  /// Whether the expression matches somewhere in \p Text; nullopt when the
  /// match took more than a budget of steps (a pattern that backtracks
  /// exponentially on this text): the caller asks llvm::Regex.
  std::optional<bool> match(llvm::StringRef Text) const;

  /// The expression's tree (SmallRegex.cpp).
  struct Program;

private:
  explicit SmallRegex(std::shared_ptr<const Program> P) : P(std::move(P)) {}

  std::shared_ptr<const Program> P;
};

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_SMALLREGEX_H
