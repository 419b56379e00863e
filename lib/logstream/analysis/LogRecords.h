//===--- LogRecords.h - What a log record and a SECURITY record are -------===//
//
// The record classifier every check shares: whether a statement writes a log
// record (stdio and iostreams, syslog, the logging libraries and their
// macros, the runtime API, the project's own logging functions and project
// facts), and whether that record is in the SECURITY category. Its options
// (SecurityTag, SecurityCategoryPattern, SecurityLoggerPattern,
// LoggingFunctions, LoggingMacros, SecurityLoggingFunctions,
// LocalLoggingWrappers, LoggingFunctionPattern) read the same in every check
// that uses it.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_LOGRECORDS_H
#define LOGSTREAM_ANALYSIS_LOGRECORDS_H

#include "utils/Compat.h"
#include "utils/CheckOptions.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::analysis {

class ProjectFacts;

/// The macro a location is spelled through, if any (the outermost one).
llvm::StringRef outermostMacro(SourceLocation Loc, const SourceManager &SM,
                               const LangOptions &LO);

/// Whether \p Word occurs in \p Text between non-alphanumeric characters.
bool containsWord(llvm::StringRef Text, llvm::StringRef Word);

/// The root object of a `a << b << c` chain.
const Expr *streamRoot(const Expr *E);

/// The logging macros of the libraries logstream-tidy knows: glog's LOG,
/// VLOG, DLOG, PLOG, LOG_IF..., log4cxx's LOG4CXX_*, log4cplus's LOG4CPLUS_*,
/// Poco's poco_*, Boost.Log's BOOST_LOG*, spdlog's SPDLOG_*, easylogging's
/// CLOG/ELPP_*. With \p IncludeStreams, also glog's stream macros (whose
/// records end in `<< ...` outside the macro).
bool isLibraryLoggingMacro(llvm::StringRef Name, bool IncludeStreams);

/// The default of the LoggingFunctionPattern option: printf-like functions of
/// the project (declared `__attribute__((format(printf, ...)))`, or variadic
/// with a message parameter) that are logging functions by name (not string
/// builders such as `str_appendf`).
inline constexpr llvm::StringRef DefaultLoggingFunctionPattern =
    "(^|_)(log|logf|logger|logmsg|log_msg|syslog|trace|debug|dbg|info|notice|"
    "warn|warning|error|err|fatal|crit|critical|alert|emerg|audit|die|panic|"
    "exit)"
    "(_|$)";

/// The C functions that write a log record (printf, syslog, perror, the
/// runtime API's C interface, ...).
llvm::ArrayRef<llvm::StringRef> cLoggingFunctions();

class RecordClassifier {
public:
  /// Reads the record options of \p Check (see the file comment).
  RecordClassifier(const ClangTidyCheck &Check,
                   const ClangTidyCheck::OptionsView &Options,
                   llvm::StringRef CheckName);
  /// Writes the options back (storeOptions).
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  void setFacts(std::shared_ptr<const ProjectFacts> F) { Facts = std::move(F); }
  const std::shared_ptr<const ProjectFacts> &facts() const { return Facts; }
  /// `openlog(..., LOG_AUTH|LOG_AUTHPRIV)` seen in this translation unit:
  /// syslog records without a facility of their own are SECURITY records.
  void setAuthFacilityByDefault(bool On) { AuthFacilityByDefault = On; }

  /// Whether \p S (a call, an operator call, a construction) writes a log
  /// record.
  bool isLogRecord(const Stmt *S, ASTContext &Ctx) const;
  /// Whether \p S writes a record in the SECURITY category. With
  /// \p KnownRecord, \p S is known to be a log record (a caller's own
  /// recognition, e.g. a printf-like logging function of the project).
  bool isSecurityRecord(const Stmt *S, ASTContext &Ctx,
                        bool KnownRecord = false) const;

  const std::vector<llvm::StringRef> &loggingFunctions() const {
    return LoggingFunctions;
  }
  const std::vector<llvm::StringRef> &loggingMacros() const {
    return LoggingMacros;
  }
  const std::string &securityTag() const { return SecurityTag; }
  const std::vector<llvm::StringRef> &securityLoggingFunctions() const {
    return SecurityLoggingFunctions;
  }
  /// Whether \p F is named (qualified, with or without `::`) in
  /// LoggingFunctions or SecurityLoggingFunctions.
  bool isListedFunction(const FunctionDecl *F) const;
  /// Whether \p F is a printf-like function of the project (not of a system
  /// header) named like logging (LoggingFunctionPattern): its calls are
  /// records wherever it is defined.
  bool isProjectLoggingFunction(const FunctionDecl *F, ASTContext &Ctx) const;
  const utils::Pattern &loggingFunctionPattern() const {
    return LoggingFunctionPattern;
  }

private:
  /// What a function defined in this translation unit does with the
  /// records of its callers (LocalLoggingWrappers): whether it passes what
  /// it was given (a parameter, or a va_list started from them) to a log
  /// record, and when that record is syslog's, the priority it passes (a
  /// constant, or the index of the parameter it forwards).
  struct LocalWrapper {
    bool Logs = false;
    bool Syslog = false;
    std::optional<int64_t> Priority;
    std::optional<unsigned> PriorityParam;
  };
  LocalWrapper localWrapper(const FunctionDecl *F, ASTContext &Ctx) const;
  /// A call of a local wrapper whose syslog priority is in an auth facility
  /// (or names none in a program that opens the log with one).
  bool isLocalSecurityRecord(const CallExpr *Call, ASTContext &Ctx) const;

  /// A class named in LoggingFunctions: its `<<` chains are records.
  bool isListedLoggerClass(QualType T) const;
  /// Whether \p S (a record) holds the tag in a literal, a SECURITY
  /// category enumerator or constant, or a security logger.
  bool mentionsSecurity(const Stmt *S) const;
  /// A record of a category logging macro (Qt's qCWarning(lc) ...):
  /// whether it is a SECURITY one; nullopt for any other statement.
  std::optional<bool> isCategoryRecord(const Stmt *S, ASTContext &Ctx) const;

  const std::string SecurityTag;
  const utils::Pattern SecurityCategory;
  const utils::Pattern SecurityLogger;
  const std::vector<llvm::StringRef> LoggingFunctions;
  const std::vector<llvm::StringRef> LoggingMacros;
  const std::vector<llvm::StringRef> SecurityLoggingFunctions;
  const bool LocalLoggingWrappers;
  const utils::Pattern LoggingFunctionPattern;
  std::shared_ptr<const ProjectFacts> Facts;
  bool AuthFacilityByDefault = false;
  /// localWrapper's answers, per canonical declaration (an entry is made
  /// before the body is read: a recursive wrapper is no record of itself).
  mutable llvm::DenseMap<const FunctionDecl *, LocalWrapper> LocalWrappers;
};

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_LOGRECORDS_H
