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

#include "utils/CheckOptions.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::utils {

/// Stands for a part of a path whose value is not known at compile time
/// (a parameter, a runtime string). Patterns never match it.
inline constexpr char UnknownPathPart = '\x1a';

/// The default of the LogPathPattern option: `*.log`, `*.log.<suffix>`
/// (rotated: `.1`, `.old`, `.2024-01-31`, `.1.gz`), a `log` or `logs`
/// directory component, and `/var/log/`.
inline constexpr llvm::StringRef DefaultLogPathPattern =
    R"((^|/)logs?(/|$)|\.log(\.[-_A-Za-z0-9]+)*$)";

/// The default of the LogNamePattern option, matched against identifiers
/// normalized to lower snake_case (`errorLog` -> `error_log`, `m_logFile` ->
/// `m_log_file`): a whole word `log`, `logs`, `logfile`, `logger`, ... so
/// that `login`, `logic`, `dialog`, `catalog`, `blog`, `logo`, `logarithm`
/// and `backlog` do not match.
inline constexpr llvm::StringRef DefaultLogNamePattern =
    "(^|_)(log|logs|logfile|logfiles|logger|logstream|logfd|logfp)(_|$)";

/// The default of the NonLogFilePattern option: files that a `log`
/// directory often holds but that are not logs (`logs/app.pid`), matched
/// against a path's last component when it does not itself say `.log`.
inline constexpr llvm::StringRef DefaultNonLogFilePattern =
    R"(\.(pid|lock|sock|socket|db|sqlite3?|json|ya?ml|toml|conf|cfg|ini|csv|)"
    R"(tsv|xml|html?|tmp|dat|bin|state|seq)$)";

inline constexpr llvm::StringRef DefaultAllowedPaths =
    "/dev/stdout;/dev/stderr;/proc/self/fd/1;/proc/self/fd/2";

/// Normalizes an identifier to lower snake_case: `errorLog` -> `error_log`,
/// `kLOGFile` -> `k_log_file`, `log2` -> `log_2`, `__log_` -> `log`.
std::string normalizeIdentifier(llvm::StringRef Identifier);

/// Whether \p E mentions a variable, field or function whose name, in lower
/// snake_case, matches \p P; local variables are followed to their
/// initializer. Shared by the log-name and credential-name heuristics.
bool mentionsMatchingName(const Expr *E, const Pattern &P);

/// The default of the TestFilePattern options: test code (fixtures that
/// write `sample.log`, helpers that drop privileges) is not production
/// logging. Matched against the file's path relative to the compile
/// command's directory.
inline constexpr llvm::StringRef DefaultTestFilePattern =
    R"((^|/)(tests?|testing|unittests?|fuzz|fuzzers?)/|)"
    R"((_|-)(unit)?tests?\.(c|cc|cpp|cxx)$|(^|/)tests?_[^/]*\.(c|cc|cpp|cxx)$)";

/// Whether \p Loc is in a file that \p TestFile matches, the path taken
/// relative to the compile command's working directory.
bool isInTestFile(const Pattern &TestFile, SourceLocation Loc,
                  const SourceManager &SM);

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

/// Reads the value of a path-valued expression: string literals (also via
/// macros), `const`/`constexpr` variables and local variables through their
/// initializer, `std::string`/`std::string_view`/`std::filesystem::path`
/// construction, `+` and `/` concatenation, `.c_str()`, `.data()`,
/// `.string()`, `.native()`. Parts it cannot know become UnknownPathPart.
/// Returns nullopt when nothing at all is known.
std::optional<std::string> resolvePathValue(const Expr *E, ASTContext &Ctx);

/// A path for messages: unknown parts shown as `...`.
std::string displayPath(llvm::StringRef Path);

/// The variable, field or parameter that \p E initializes or is assigned
/// to, looking through parentheses, conversions and temporaries.
const NamedDecl *receiverOf(const Expr *E, ASTContext &Ctx);

/// The declaration an expression refers to (a variable, a field through
/// `this->f`, `obj.f` or `obj->f`), through parentheses and conversions.
const NamedDecl *referencedDecl(const Expr *E);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_LOGFILES_H
