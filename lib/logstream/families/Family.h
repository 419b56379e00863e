//===--- Family.h - What a logging library family tells the checks --------===//
//
// A family is one library (or API) that writes or manages files: C stdio,
// POSIX, iostreams and std::filesystem, spdlog, glog, Boost.Log,
// log4cxx/log4cplus, Poco, easylogging++, Qt. Each family lives in one file
// of this folder and answers the checks through the interface below:
//
//  - API tables, plain data the checks match once for every family
//    together (file sink classes with their console replacement, rotating
//    classes, path-taking calls, file factories);
//  - hooks for what is more than a table: the family's own matchers and
//    their dispatch for logstream-log-file-sink and
//    logstream-log-file-management, the fix-its they build;
//  - the record classifier's questions (which macros, calls and streams
//    write a log record, which statement names a logging category).
//
// The checks hold no library names: they iterate the one list of families
// (Families.h) and keep registration, dispatch and reporting. Adding a
// family is one new file here plus one line in Families.cpp (and its tests).
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_FAMILY_H
#define LOGSTREAM_FAMILIES_FAMILY_H

#include "utils/Compat.h"
#include "utils/UserCodeMatchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::utils {
class LogFileClassifier;
} // namespace clang::tidy::logstream::utils

namespace clang::tidy::logstream::families {

using MatchResult = ast_matchers::MatchFinder::MatchResult;

//===----------------------------------------------------------------------===//
// API tables
//===----------------------------------------------------------------------===//

/// File sink classes of a library and the console sink that replaces them.
struct LibrarySink {
  /// Qualified names of the file sink classes (derived classes match too).
  std::vector<llvm::StringRef> Classes;
  /// The console sink that replaces them (empty: no fix-it).
  llvm::StringRef ConsoleType;
  /// Headers the console sink needs, with <>.
  std::vector<llvm::StringRef> ConsoleHeaders;
  /// Classes whose interface a console sink shares with the file sink: an
  /// object only used through these can be replaced.
  std::vector<llvm::StringRef> BaseClasses;
  /// Whether an `auto` variable holding the sink may be rewritten (not for
  /// APIs configured by string properties that a console sink rejects at
  /// run time).
  bool AllowAutoVariable = false;
};

/// What a finding of logstream-log-file-management says the code does.
enum class Operation {
  Rotate,
  Delete,
  DeleteFromDirectory,
  Truncate,
  SizeCheck,
  CreateDirectory,
  Chmod,
  Chown,
  ReopenOnSignal,
  LibraryRotation,
  LibraryRetention,
  UserFunction,
};

/// A path-taking call that manages files, and which arguments are paths.
struct PathApi {
  llvm::StringRef Name; // qualified, with a leading ::
  Operation Op;
  std::vector<unsigned> PathArgs;
  bool Descriptor = false; // the "path" is a descriptor (ftruncate, fchmod)
};

/// A finding of logstream-log-file-management, reported at the end of the
/// translation unit.
struct Finding {
  SourceLocation Loc;
  Operation Op;
  std::string Api;
  // NOLINTBEGIN(readability-redundant-member-init): `= {}` keeps the
  // aggregate initializations that leave them out free of
  // -Wmissing-field-initializers.
  std::string Path = {};   // resolved path, or "" when unknown
  std::string Detail = {}; // library setting, signal name
  std::optional<FixItHint> Removal = {};
  // NOLINTEND(readability-redundant-member-init)
  SourceLocation NoteLoc = {}; // the reopen in a signal handler
};

//===----------------------------------------------------------------------===//
// What a family may ask of the check that runs it
//===----------------------------------------------------------------------===//

class CheckHost {
public:
  virtual ~CheckHost();
  /// The callback the family's matchers report to (the check).
  virtual ast_matchers::MatchFinder::MatchCallback *callback() = 0;
  virtual const LangOptions &langOpts() const = 0;
  virtual const utils::LogFileClassifier &classifier() const = 0;
  virtual DiagnosticBuilder
  diagnose(SourceLocation Loc, llvm::StringRef Text,
           DiagnosticIDs::Level Level = DiagnosticIDs::Warning) = 0;
  /// A fix-it that includes \p Header in the file of \p Loc.
  virtual std::optional<FixItHint> include(SourceLocation Loc,
                                           llvm::StringRef Header) = 0;
  /// The value of an integer object-like macro of the translation unit.
  virtual std::optional<int64_t> macroValue(llvm::StringRef Macro) const = 0;
  /// Runs \p Action once the whole translation unit has been seen.
  virtual void atEndOfTranslationUnit(llvm::unique_function<void()> Action) = 0;
};

/// logstream-log-file-sink.
class SinkHost : public CheckHost {
public:
  /// "'Api' writes log events to (file 'Path'|a file); ..."
  virtual DiagnosticBuilder report(SourceLocation Loc, llvm::StringRef Api,
                                   llvm::StringRef Path = {}) = 0;
  /// Whether a path argument, or the variable the call's result lands in,
  /// says "log". Fills \p Path with the resolved path when there is one.
  virtual bool isLogTarget(const Expr *PathArg, const Expr *Call,
                           ASTContext &Ctx, std::string &Path,
                           std::string &Receiver) const = 0;
  /// The file sink classes of every family and of ExtraSinkTypes (derived
  /// ones too), bound to SinkClassId.
  virtual ast_matchers::DeclarationMatcher sinkClass() const = 0;
};

/// logstream-log-file-management.
class ManagementHost : public CheckHost {
public:
  virtual void add(Finding F) = 0;
  /// A log file sink opened at \p Loc (the findings' note points at the
  /// first one).
  virtual void noteSink(SourceLocation Loc, const SourceManager &SM) = 0;
  /// The signals whose handlers are searched for a reopen (option
  /// ReopenSignals).
  virtual llvm::ArrayRef<llvm::StringRef> reopenSignals() const = 0;
};

/// Binding ids the checks and the families share: SinkHost::sinkClass();
/// the size-check comparison and the size measures it compares.
inline constexpr llvm::StringLiteral SinkClassId = "sink";
inline constexpr llvm::StringLiteral SizeComparisonId = "size-cmp";
inline constexpr llvm::StringLiteral SizeCallId = "size-call";
inline constexpr llvm::StringLiteral SizeOfPathCallId = "size-of-path-call";
/// A log file opened, for ManagementHost::noteSink (its first argument is
/// the path).
inline constexpr llvm::StringLiteral SinkOpenId = "sink-open";

//===----------------------------------------------------------------------===//
// The family
//===----------------------------------------------------------------------===//

/// How the record classifier judges a library's logging macro.
enum class MacroKind {
  None,
  /// The macro writes the record as a whole (`SPDLOG_INFO("...")`).
  Whole,
  /// The macro opens a stream the record is written to (`LOG(INFO) << ...`).
  Stream,
};

/// A record written to a named logging category (`qCWarning(lc) << ...`).
struct CategoryRecord {
  const NamedDecl *Category = nullptr; // the category's variable or function
  std::string Name;                    // its declared name ("app.security")
};

class Family {
public:
  virtual ~Family();
  /// The family's name in messages and tests ("spdlog", "POSIX").
  virtual llvm::StringRef name() const = 0;

  // API tables.
  virtual llvm::ArrayRef<LibrarySink> fileSinks() const { return {}; }
  /// Functions that create a file logger (the management check's sink note).
  virtual llvm::ArrayRef<llvm::StringRef> fileFactories() const { return {}; }
  /// Classes whose construction sets up rotation or retention.
  virtual llvm::ArrayRef<llvm::StringRef> rotatingClasses() const { return {}; }
  /// Path-taking calls that rotate, delete, truncate, create directories or
  /// change permissions.
  virtual llvm::ArrayRef<PathApi> pathApis() const { return {}; }
  /// An expression that measures a file's size, for the one matcher of
  /// comparisons against a limit. It binds SizeCallId (a call measuring a
  /// handle or stream), SizeOfPathCallId (a call measuring a path) or an id
  /// of the family's own, which its checkManagement then handles.
  virtual std::optional<ast_matchers::StatementMatcher> sizeExpression() const {
    return std::nullopt;
  }
  /// The other qualified names the family's matchers use (for the test that
  /// each name belongs to one family).
  virtual std::vector<llvm::StringRef> otherNames() const { return {}; }
  /// Every qualified name above.
  std::vector<llvm::StringRef> names() const;

  /// The console type that replaces \p Sink (of fileSinks()).
  virtual std::string consoleTypeFor(const LibrarySink &Api,
                                     const CXXRecordDecl *Sink) const;
  /// The console sink's constructor arguments, given the file sink's;
  /// nullopt when the creation cannot be rewritten.
  virtual std::optional<std::string>
  consoleArgs(const CXXRecordDecl *Sink, llvm::ArrayRef<const Expr *> Args,
              ASTContext &Ctx) const;
  /// The name diagnostics use for a sink class.
  virtual std::string displayName(const CXXRecordDecl *Sink) const;

  // logstream-log-file-sink: the family's own matchers, and the dispatch of
  // their matches (true when the match was the family's).
  // Each hook registers matchers that bind a node (they run over the user's
  // code only: utils::UserCodeTraversal); the check registers them grouped
  // by node kind (utils::UserCodeMatchers).
  virtual void registerSinkMatchers(SinkHost &, utils::UserCodeMatchers &) {}
  virtual bool checkSink(SinkHost &, const MatchResult &) { return false; }

  // logstream-log-file-management, the same way.
  virtual void registerManagementMatchers(ManagementHost &,
                                          utils::UserCodeMatchers &) {}
  virtual bool checkManagement(ManagementHost &, const MatchResult &) {
    return false;
  }

  // The record classifier (analysis/LogRecords).
  virtual MacroKind loggingMacro(llvm::StringRef) const {
    return MacroKind::None;
  }
  /// Whether a call of \p F (qualified name \p Qualified) writes a log
  /// record.
  virtual bool isLoggingCall(const CallExpr *, const FunctionDecl *,
                             llvm::StringRef /*Qualified*/) const {
    return false;
  }
  /// Whether `<<` on what a method of the class \p Qualified returns writes
  /// a log record (`LOG(INFO) << ...`).
  virtual bool isLoggingStream(llvm::StringRef /*Qualified*/) const {
    return false;
  }
  /// The category a statement writes its record to, when the statement is
  /// a record of a category logging macro (`qCWarning(lc) << ...`).
  virtual std::optional<CategoryRecord> categoryRecord(const Stmt *,
                                                       ASTContext &) const {
    return std::nullopt;
  }
  /// The text of such a record, as written (the macro and what follows it).
  virtual std::string recordText(const Stmt *, ASTContext &) const {
    return "";
  }
  /// The logger name a call looks a logger up by (`spdlog::get("x")`).
  virtual const StringLiteral *loggerLookup(const CallExpr *) const {
    return nullptr;
  }
};

//===----------------------------------------------------------------------===//
// Helpers the families share
//===----------------------------------------------------------------------===//

bool initializesBase(const CXXConstructExpr &E, ASTContext &Ctx);
bool initializesNewObject(const CXXConstructExpr &E, ASTContext &Ctx);

/// A construction that initializes a base class (`struct L : ofstream {
/// L() : ofstream("x.log") {} }`): reported, if at all, elsewhere.
AST_MATCHER(CXXConstructExpr, isBaseInitialization) {
  return initializesBase(Node, Finder->getASTContext());
}

/// `new Sink(...)`: hasParent(cxxNewExpr()) through the parents of the
/// enclosing declaration only (utils::parentsOf).
AST_MATCHER(CXXConstructExpr, isNewInitializer) {
  return initializesNewObject(Node, Finder->getASTContext());
}

/// \p Qualified (as getQualifiedNameAsString spells it) without inline or
/// versioned namespaces (`std::filesystem::__cxx11::remove`,
/// `boost::log::v2_mt_posix::sinks::text_file_backend`).
std::string withoutInlineNamespaces(std::string Name);

/// The qualified name of \p D without inline or versioned namespaces.
std::string apiName(const NamedDecl *D);

/// Whether the class \p RD is the one named \p Qualified (`::a::b::C`), also
/// when it is declared in an inline or versioned namespace of `::a`.
bool isClassNamed(const CXXRecordDecl *RD, llvm::StringRef Qualified);

/// Climbs from an expression through the nodes that only carry its value
/// (parentheses, temporaries); \p Child receives the last node climbed.
DynTypedNode valueParent(const Expr *E, ASTContext &Ctx, const Expr *&Child);

/// The names of several tables, in one list.
std::vector<llvm::StringRef>
concat(std::initializer_list<llvm::ArrayRef<llvm::StringRef>> Tables);

/// The `std::make_shared<T>(args...)`-like calls that construct a T inside
/// a library header; \p WithAllocators adds the `allocate_shared` forms
/// (whose first argument is the allocator).
std::vector<llvm::StringRef> makeFunctions(bool WithAllocators);

/// The statement a call is as a whole (`f(...);`), removed.
std::optional<FixItHint> removalOf(const Expr *E, ASTContext &Ctx);

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_FAMILY_H
