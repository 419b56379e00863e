//===--- LogFiles.h - What counts as a log file, a log path, a log name ---===//
//
// logstream-log-file-sink and logstream-log-file-management share one
// classification of log paths and log-named variables, configured by the
// same options (LogPathPattern, LogNamePattern, AllowedPaths), and one way to
// read a path's value out of an expression.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_LOGFILES_H
#define LOGSTREAM_UTILS_LOGFILES_H

#include "utils/Compat.h"
#include "utils/CheckOptions.h"
#include "utils/Names.h"
#include "utils/Paths.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::utils {

/// The default of the LogPathPattern option: `*.log`, `*.log.<suffix>`
/// (rotated: `.1`, `.old`, `.2024-01-31`, `.1.gz`), a `log` or `logs`
/// directory component, and `/var/log/`.
inline constexpr llvm::StringRef DefaultLogPathPattern =
    R"((^|/)logs?(/|$)|\.log(\.[-_A-Za-z0-9]+)*$)";

/// The default of the LogNamePattern option, matched against identifiers
/// normalized to lower snake_case (`errorLog` -> `error_log`, `m_logFile` ->
/// `m_log_file`): a whole word `log`, `logs`, `logfile`, `logger`, ..., or
/// one of them run together with the kind of log it is (`xferlog`,
/// `errorlog`, `accesslog`, `auditlogger`, `fdlog`: daemons' configuration keys
/// are often written so), so that `login`, `logic`, `dialog`, `catalog`,
/// `blog`, `logo`, `logarithm`, `backlog`, `changelog` and `syslog` (the API,
/// not a file) do not match.
inline constexpr llvm::StringRef DefaultLogNamePattern =
    "(^|_)(access|audit|debug|err|error|event|fd|query|request|slow|trace|"
    "transfer|xfer)?(log|logs|logfile|logfiles|logger|logstream|logfd|logfp)"
    "(_|$)";

/// The default of the NonLogFilePattern option: files that a `log`
/// directory often holds but that are not logs (`logs/app.pid`), and the
/// login accounting databases of /var/log (`lastlog`, `wtmp`, `btmp`,
/// `faillog`: fixed-size binary records per user or session, read by
/// last(1) and lastlog(8), not event logs), matched against a path's last
/// component when it does not itself say `.log`.
inline constexpr llvm::StringRef DefaultNonLogFilePattern =
    R"(\.(pid|lock|sock|socket|db|sqlite3?|json|ya?ml|toml|conf|cfg|ini|csv|)"
    R"(tsv|xml|html?|tmp|dat|bin|state|seq)$|)"
    R"(^(lastlog|wtmp|wtmpx|btmp|btmpx|utmp|utmpx|faillog|tallylog)$)";

inline constexpr llvm::StringRef DefaultAllowedPaths =
    "/dev/stdout;/dev/stderr;/proc/self/fd/1;/proc/self/fd/2";

/// The log-file vocabulary of a check, read from its options.
class LogFileClassifier {
public:
  LogFileClassifier(const ClangTidyCheck &Check,
                    const ClangTidyCheck::OptionsView &Options,
                    llvm::StringRef CheckName);
  void storeOptions(const ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const;

  /// Whether a (possibly partly unknown) path names a log file or directory.
  bool isLogPath(llvm::StringRef Path) const;
  /// Whether the path is one of AllowedPaths (the standard streams).
  bool isAllowedPath(llvm::StringRef Path) const;
  /// Whether an identifier names a log (variable, field, parameter).
  bool isLogName(llvm::StringRef Identifier) const;

  /// Whether a path-valued expression names a log file or directory: its
  /// value is a log path, or (its value unknown) it is built from a
  /// log-named variable, field or function (`log_path + ".1"`,
  /// `m_logDir / name`, `logFile()`). Fills \p Path with the resolved
  /// value when there is one.
  bool isLogPathExpr(const Expr *E, ASTContext &Ctx,
                     std::string *Path = nullptr) const;

  /// Whether \p E mentions a log-named variable, field or function.
  bool mentionsLogName(const Expr *E) const;

  /// Whether \p Loc is in test code (option TestFilePattern).
  bool isInTestFile(SourceLocation Loc, const SourceManager &SM) const {
    return utils::isInTestFile(TestFile, Loc, SM);
  }

private:
  /// A local buffer filled with a log path by `snprintf(buf, n, "%s.%d",
  /// log_path, i)`, `sprintf`, `strcpy`, `strcat`, ... in its function.
  bool isFilledWithLogPath(const Expr *E, ASTContext &Ctx,
                           std::string *Path) const;
  bool isLogPathValueOrName(const Expr *E, ASTContext &Ctx,
                            std::string *Path) const;

  Pattern LogPath;
  Pattern LogName;
  Pattern NonLogFile;
  Pattern TestFile;
  std::vector<std::string> AllowedPaths;
};

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_LOGFILES_H
