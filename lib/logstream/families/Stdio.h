//===--- Stdio.h - The C stdio family -------------------------------------===//
//
// fopen/freopen on a log file (and the fix-it that writes to stdout when the
// FILE * is only written, flushed and closed), rename/remove of log files,
// ftell against a size limit.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_STDIO_H
#define LOGSTREAM_FAMILIES_STDIO_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makeStdio();

/// Whether an fopen mode writes: a literal with w, a or +, or any mode that
/// is not a literal.
bool isWriteMode(const Expr *Mode);

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_STDIO_H
