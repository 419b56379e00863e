//===--- Posix.h - The POSIX family ---------------------------------------===//
//
// open/openat/creat of a log file and dup2 of one onto stdout/stderr;
// renameat/unlink/truncate/mkdir/chmod/chown of log files, deletion of what
// readdir finds in a log directory, st_size and lseek against a size
// limit, and signal handlers that reopen log files (SIGHUP/SIGUSR1).
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_POSIX_H
#define LOGSTREAM_FAMILIES_POSIX_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>
#include <vector>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makePosix();

/// The signal names option ReopenSignals accepts.
llvm::ArrayRef<llvm::StringRef> knownSignalNames();

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_POSIX_H
