//===--- StdoutWriteFinder.h - Writes to stdout and how stdout is buffered ===//
//
// One walk over the user code of a translation unit (declarations in system
// headers are skipped) that collects what decides whether events written to
// stdout wait in a buffer: the writes (stdio, std::cout/std::wcout, and
// logging libraries configured to write to stdout without flushing), whether
// each one is flushed, and the calls that change how stdout is buffered.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_STDOUTWRITEFINDER_H
#define LOGSTREAM_ANALYSIS_STDOUTWRITEFINDER_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Preprocessor;
} // namespace clang

namespace clang::tidy::logstream::analysis {

/// Which buffer a write goes through first.
enum class StdoutPath {
  /// The C library's `stdout` (printf, puts, fwrite(..., stdout), glog).
  Stdio,
  /// `std::cout`/`std::wcout`: stdout's buffer while the streams are synced
  /// with stdio, their own buffer after `sync_with_stdio(false)`.
  Stream,
};

struct StdoutWrite {
  /// Where the write is written (the expansion location).
  SourceLocation Loc;
  /// What writes: "printf", "std::cout", "FLAGS_logtostdout", ...
  std::string What;
  StdoutPath Path;
  /// Flushed by the write itself (`<< std::endl`) or by a later statement of
  /// a block it is in: `fflush(stdout)` ...
  bool FlushedByStdio = false;
  /// ... or `std::cout.flush()`, `std::cout << std::flush`.
  bool FlushedByStream = false;
  /// The function whose body holds the write (nullptr at namespace scope).
  const FunctionDecl *Function = nullptr;
};

/// A call that makes stdout line-buffered or unbuffered, or sets unitbuf.
struct BufferingCall {
  SourceLocation Loc;
  const FunctionDecl *Function = nullptr;
};

struct StdoutFacts {
  std::vector<StdoutWrite> Writes;
  /// setvbuf(stdout, _, _IOLBF|_IONBF, _), setbuf(stdout, NULL),
  /// setbuffer(stdout, NULL, _), setlinebuf(stdout).
  std::vector<BufferingCall> StdioLineOrUnbuffered;
  /// setvbuf(stdout, buf, _IOFBF, n), setbuf(stdout, buf): reported on their
  /// own by the check.
  std::vector<BufferingCall> StdioFullyBuffered;
  /// `std::cout << std::unitbuf`, `std::cout.setf(std::ios::unitbuf)`.
  std::vector<BufferingCall> StreamUnitbuf;
  /// `std::ios::sync_with_stdio(false)`.
  std::optional<SourceLocation> SyncWithStdioOff;
  /// How the file spells the stdio calls it makes in C++ (`std::printf` or
  /// `printf`); both false when it makes none.
  bool SpellsStdQualified = false;
  bool SpellsUnqualified = false;
};

struct FinderOptions {
  /// Qualified names of project functions that flush stdout.
  llvm::ArrayRef<llvm::StringRef> FlushFunctions;
  /// Whether logging libraries configured to write to stdout count as writes.
  bool LibraryWrites = true;
  /// Whether a write the process ends right after (`exit(0)`, `return 0;`
  /// in main) is flushed by the end.
  bool ExitFlushes = true;
};

/// Walks every declaration of the translation unit that is not in a system
/// header. Linear in the size of the user code.
StdoutFacts findStdoutFacts(ASTContext &Ctx, const Preprocessor *PP,
                            const FinderOptions &Options);

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_STDOUTWRITEFINDER_H
