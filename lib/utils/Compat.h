//===--- Compat.h - The one home of LLVM-version conditionals -------------===//
//
// Every difference between the LLVM majors logstream-tidy supports is
// absorbed here, so that checks and tools read the same on all of them.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_COMPAT_H
#define LOGSTREAM_UTILS_COMPAT_H

#include "llvm/Config/llvm-config.h"

// LLVM 22 moved ClangTidyModuleRegistry into ClangTidyModule.h and deprecated
// the old header (it now emits #warning).
#if LLVM_VERSION_MAJOR >= 22
#include "clang-tidy/ClangTidyModule.h"
#else
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::logstream::compat {

/// The LLVM major version these sources are compiled against.
inline constexpr unsigned LLVMMajor = LLVM_VERSION_MAJOR;

} // namespace clang::tidy::logstream::compat

#endif // LOGSTREAM_UTILS_COMPAT_H
