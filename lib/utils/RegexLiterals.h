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

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_REGEXLITERALS_H
