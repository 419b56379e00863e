//===--- RegexLiterals.h - The literal text every match must contain ------===//
//
// The checks' name patterns are large alternations (the security
// vocabularies), and llvm::Regex (a Spencer engine) spends time in
// proportion to the pattern's length for each character of the text: a few
// hundred thousand instructions to reject one identifier. Most identifiers
// contain none of the words the pattern is made of; a test for those words
// rejects them for a few hundred.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_REGEXLITERALS_H
#define LOGSTREAM_UTILS_REGEXLITERALS_H

#include "utils/Compat.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::utils {

/// Literal strings, lower-case, such that every text the POSIX extended
/// regular expression \p ERE matches (case-insensitively) contains at
/// least one of them; nullopt when the expression does not promise any
/// (a branch made only of classes, wildcards or optional parts) or uses
/// syntax this reading does not know. A conservative reading: a literal is
/// listed only where the expression requires it.
std::optional<std::vector<std::string>> requiredLiterals(llvm::StringRef ERE);

/// Whether \p Text contains one of \p Literals, ignoring ASCII case.
bool containsAnyLiteral(llvm::StringRef Text,
                        const std::vector<std::string> &Literals);
/// The same for a text already in lower case.
bool containsAnyLowerLiteral(llvm::StringRef Lower,
                             const std::vector<std::string> &Literals);

/// Expressions whose matches together are the matches of \p ERE, each
/// smaller and with literals of its own: the top-level alternatives, and in
/// each the largest unquantified group of three or more alternatives spread
/// over one copy per alternative (`(^|_)(auth|login|acl)(_|$)` becomes
/// `(^|_)(auth)(_|$)`, `(^|_)(login)(_|$)`, `(^|_)(acl)(_|$)`). A text is
/// then tried only on the branches whose literals it holds, each compiled
/// when first needed: one word of a 40-word vocabulary costs a small
/// expression, not the vocabulary's. The expression alone when it has one
/// branch, uses back-references (which count groups), or is not read.
std::vector<std::string> branchesOf(llvm::StringRef ERE);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_REGEXLITERALS_H
