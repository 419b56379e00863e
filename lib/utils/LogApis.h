//===--- LogApis.h - The logging libraries' file sinks --------------------===//
//
// One table of the file sinks of the logging libraries logstream-tidy knows
// (spdlog, Boost.Log, log4cxx, log4cplus, Poco), with what a console sink
// replacement looks like for each.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_LOGAPIS_H
#define LOGSTREAM_UTILS_LOGAPIS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::logstream::utils {

enum class SinkFamily { Spdlog, BoostLog, Log4cxx, Log4cplus, Poco };

struct SinkApi {
  SinkFamily Family;
  /// Qualified names of the file sink classes (derived classes match too).
  std::vector<llvm::StringRef> Classes;
  /// The console sink that replaces them ("" when there is no fix-it).
  llvm::StringRef ConsoleType;
  /// Headers the console sink needs, with <>.
  std::vector<llvm::StringRef> ConsoleHeaders;
  /// Classes whose interface a console sink shares with the file sink: an
  /// object only used through these can be replaced.
  std::vector<llvm::StringRef> BaseClasses;
  /// Whether an `auto` variable holding the sink may be rewritten (not for
  /// APIs configured by string properties that a console sink rejects at run
  /// time).
  bool AllowAutoVariable;

  /// Marks "no fix-it" in consoleArgs.
  static constexpr llvm::StringRef NoFix = "\x01";

  /// The console type for a given file sink (spdlog keeps _mt/_st).
  std::string consoleTypeFor(const CXXRecordDecl *Sink) const;
  /// The console sink's constructor arguments, given the file sink's.
  std::string consoleArgs(const CXXRecordDecl *Sink,
                          llvm::ArrayRef<const Expr *> Args,
                          ASTContext &Ctx) const;
  /// The name diagnostics use for a sink class.
  std::string displayName(const CXXRecordDecl *Sink) const;
};

/// Every file sink class of every library, for the matchers.
std::vector<llvm::StringRef> allSinkClassNames();

/// The library entry a sink class (or one of its bases) belongs to.
const SinkApi *findSinkApi(const CXXRecordDecl *Sink);

/// spdlog's factory functions that create file loggers.
std::vector<llvm::StringRef> spdlogFileFactories();

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_LOGAPIS_H
