//===--- Iostreams.h - The iostreams family -------------------------------===//
//
// std::ofstream/fstream/filebuf on a log file (and the fix-it that makes a
// local stream only used as an ostream a reference to std::cout),
// std::cout.rdbuf(file buffer), std::make_unique<std::ofstream>(path),
// truncation by std::ios::trunc, tellp against a size limit.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_IOSTREAMS_H
#define LOGSTREAM_FAMILIES_IOSTREAMS_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makeIostreams();

/// The file stream class templates (every check's one list).
inline constexpr llvm::StringRef FileStreamClasses[] = {
    "::std::basic_ofstream", "::std::basic_fstream", "::std::basic_filebuf"};
/// Those of them that take a path when constructed.
inline constexpr llvm::StringRef PathStreamClasses[] = {"::std::basic_ofstream",
                                                        "::std::basic_fstream"};

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_IOSTREAMS_H
