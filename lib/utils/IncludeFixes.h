//===--- IncludeFixes.h - `#include` insertions for a check's fix-its -----===//
//
// clang-tidy's utils::IncludeInserter answers "the fix-it that includes
// <stdio.h> in this file" from every inclusion directive of the unit, which
// it sorts as the preprocessor reads them: a sorter for every file that
// includes anything, the system headers' own included, and each directive's
// kind worked out then. A check asks for an insertion only in a file it
// reports in, which is never a system header, and only when it has a fix-it
// that needs one; a C unit of a hundred lines includes a few hundred
// headers. This records the directives of the files outside system headers
// (a location test and a copy of the name per directive) and sorts a file's
// directives when the first insertion in that file is asked for, with the
// same utils::IncludeSorter, so the insertions are the ones IncludeInserter
// makes.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_INCLUDEFIXES_H
#define LOGSTREAM_UTILS_INCLUDEFIXES_H

#include "clang-tidy/utils/IncludeSorter.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Preprocessor;
class SourceManager;
} // namespace clang

namespace clang::tidy::logstream::utils {

class IncludeFixes {
public:
  /// \p SelfContained: every insertion asked for is made (clang-tidy's
  /// self-contained diagnostics, where each fix-it is applied alone);
  /// otherwise a header is inserted once per file, as IncludeInserter does.
  IncludeFixes(tidy::utils::IncludeSorter::IncludeStyle Style,
               bool SelfContained)
      : Style(Style), SelfContained(SelfContained) {}

  /// Records the inclusion directives \p PP reads from now on (once per
  /// translation unit, before it is read; forgets the previous unit's).
  void registerPreprocessor(Preprocessor *PP);

  /// The fix-it that includes \p Header (`<stdio.h>` or `"log.h"`) in
  /// \p File: nothing when \p File already includes it, when it was
  /// inserted there before (unless self-contained), when \p File is a
  /// system header, or before registerPreprocessor.
  std::optional<FixItHint> insertion(FileID File, llvm::StringRef Header);

  tidy::utils::IncludeSorter::IncludeStyle style() const { return Style; }

  /// One inclusion directive, as the preprocessor read it.
  struct Directive {
    std::string Name;
    bool Angled;
    SourceLocation Hash, End;
  };
  /// Called by the preprocessor callback.
  void record(llvm::StringRef Name, bool Angled, SourceLocation Hash,
              SourceLocation End);

private:
  tidy::utils::IncludeSorter::IncludeStyle Style;
  bool SelfContained;
  const SourceManager *SM = nullptr;
  /// The directives of each file outside system headers, until the file's
  /// sorter is made.
  llvm::DenseMap<FileID, std::vector<Directive>> Recorded;
  llvm::DenseMap<FileID, std::unique_ptr<tidy::utils::IncludeSorter>> Sorters;
  llvm::DenseMap<FileID, llvm::StringSet<>> Inserted;
};

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_INCLUDEFIXES_H
