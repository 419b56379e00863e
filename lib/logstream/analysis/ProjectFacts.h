//===--- ProjectFacts.h - Merged facts about the project's own wrappers ---===//
//
// The check phase of project facts (docs/project-facts.md). A merged facts
// file, written by `logstream-ci facts` from the per-translation-unit facts
// that logstream-project-facts extracts, summarizes the project's own
// functions: which parameter they open for writing, which they rename,
// delete or truncate, whether they are logging functions and where their
// records go, whether every path through them writes a SECURITY record, and
// whether they return the result of a security operation. The checks read it
// through one global option, `logstream.FactsFile`, and treat a call to a
// summarized function as the operation it wraps.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_PROJECTFACTS_H
#define LOGSTREAM_ANALYSIS_PROJECTFACTS_H

#include "utils/LogFiles.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::analysis {

/// The global option naming the merged facts file.
inline constexpr llvm::StringRef FactsFileOption = "logstream.FactsFile";
/// Overrides FactsFileOption (logstream-ci sets it for the runs it drives).
inline constexpr llvm::StringRef FactsFileEnv = "LOGSTREAM_FACTS_FILE";
/// The `format` member of a merged facts file, and its version.
inline constexpr llvm::StringRef FactsFormat = "logstream-facts";
inline constexpr int64_t FactsVersion = 1;

/// One step of the chain that explains a fact, shown as a note:
/// "'app_fopen' opens its first argument for writing (src/files.c:7)".
struct ChainStep {
  std::string Text;
  std::string At; // display file:line
};
using Chain = std::vector<ChainStep>;

/// A path as a function builds it from its parameters: literal text,
/// a parameter's value, or an unknown part.
struct PathPart {
  enum Kind { Literal, Param, Unknown } K;
  std::string Text;   // Literal
  unsigned Index = 0; // Param
};
using PathTemplate = std::vector<PathPart>;

/// The function opens (for writing) or manages a path built from its
/// parameters.
struct PathEffect {
  PathTemplate Path;
  std::string Api;                   // fopen, open, std::ofstream, rename, ...
  std::string Operation;             // for management: rotate, delete, truncate
  std::optional<unsigned> ModeParam; // the fopen mode is this parameter
  /// The open(2) flags are this parameter (with bits that do not write).
  std::optional<unsigned> FlagsParam;
  /// The open is not reached when this parameter is true
  /// (`if (use_syslog) { openlog(...); return; }` before it).
  std::optional<unsigned> UnlessParam;
  bool ReturnsHandle = false; // the function returns the opened file
  /// The path as the checks read it where the function opens it directly.
  std::optional<std::string> LocalPath;
  Chain Why;
};

struct LoggingFact {
  std::string Destination;               // syslog, stdout, stderr, handle
  std::optional<int64_t> Facility;       // a constant syslog facility
  std::optional<unsigned> FacilityParam; // the priority is this parameter
  Chain Why;
};

struct SecurityOperationFact {
  std::string Event; // OWASP base name
  bool TrueIsSuccess = true;
  Chain Why;
};

struct FunctionFacts {
  std::string Key;
  std::string Name; // qualified
  std::string File; // absolute path of the definition
  std::string Digest;
  std::vector<PathEffect> Opens;
  std::vector<PathEffect> Manages;
  std::optional<LoggingFact> Logging;
  std::optional<Chain> SecurityRecord;
  std::optional<SecurityOperationFact> SecurityOperation;
  /// The comparison function (strcmp, memcmp, ...) the function is a thin
  /// wrapper of (utils::comparedBy).
  std::optional<std::string> Compares;
  bool ComparesEqual = false; // it returns "equal" (`== 0`), not the result
};

/// The key of a function in facts files: its qualified name and parameter
/// count, prefixed with the defining file for functions with internal
/// linkage, so that two `static` helpers of one name stay apart.
std::string functionKey(const FunctionDecl *FD);
/// The key of a global variable or field holding a file handle.
std::string handleKey(const NamedDecl *D);
/// The content digest facts files record for a source file ("" if it cannot
/// be read).
std::string fileDigest(llvm::StringRef Path);

/// The absolute, dot-free path of the file \p D is written in (the
/// expansion of a macro counts as its use), or "" when there is none.
std::string definitionFile(const Decl *D);

/// A merged facts file, read once per process.
class ProjectFacts {
public:
  /// The facts named by `logstream.FactsFile` (or LOGSTREAM_FACTS_FILE) for
  /// the file being checked; nullptr when none is configured. A file that is
  /// missing, truncated, not a facts file or of another version is a
  /// configuration error, reported once through \p Check.
  static std::shared_ptr<const ProjectFacts> get(ClangTidyContext &Context,
                                                 const ClangTidyCheck &Check);
  /// Parses a merged facts file; on failure returns nullptr and sets Error.
  static std::shared_ptr<const ProjectFacts> parse(llvm::StringRef Text,
                                                   std::string &Error);

  /// The facts of the function a call resolves to; nullptr when there are
  /// none or they are stale (the defining file changed since extraction; a
  /// note says so on stderr, once per function).
  const FunctionFacts *lookup(const FunctionDecl *FD) const;
  /// Qualified names (with a leading `::`) of the functions that have a
  /// given kind of fact, for matchers.
  std::vector<std::string> namesWithOpens() const;
  std::vector<std::string> namesWithManages() const;
  /// Functions that write log records (or SECURITY records).
  std::vector<std::string> namesWithLogging() const;
  /// Every function that returns a security operation's result.
  std::vector<const FunctionFacts *> securityOperations() const;

  /// Whether a global variable or field is a handle that a logging function
  /// writes to, opened in the project (`FILE *g_logfp`, `Logger::out_`).
  const Chain *logHandle(const NamedDecl *D) const;
  /// The syslog facility the program passes to every `openlog`, if one.
  std::optional<int64_t> openlogFacility() const { return OpenlogFacility; }

  /// Whether a call is a log record through a summarized logging function.
  bool isLoggingCall(const CallExpr *Call) const;
  /// Whether a call writes a SECURITY record through the project's own
  /// helpers: a helper that records on every path, a logging function whose
  /// syslog facility is LOG_AUTH/LOG_AUTHPRIV (given or program-wide), or
  /// `syslog` itself when the program's `openlog` facility is an auth one.
  bool isSecurityRecordCall(const CallExpr *Call, ASTContext &Ctx) const;

  /// The path a call builds through \p Effect, with the caller's argument
  /// values (UnknownPathPart where unknown), and the argument that is the
  /// whole path when the template is one parameter.
  std::string instantiate(const PathEffect &Effect,
                          llvm::ArrayRef<const Expr *> Args, ASTContext &Ctx,
                          const Expr **WholeArg) const;

  /// The facts of the project's own function a call (or construction)
  /// resolves to, with the arguments written at the call in \p Args;
  /// nullptr as lookup().
  const FunctionFacts *
  calleeFacts(const Expr *Call,
              llvm::SmallVectorImpl<const Expr *> &Args) const;

  /// How a call through \p Effect (one of the callee's Opens when \p Opens,
  /// else of its Manages) is judged. Log: report it, with Shown the path
  /// and Why the chain. ReportedInside: the callee names a log file
  /// whatever its arguments, and that is reported inside the chain, where
  /// the name is written (not at every caller). NotLog: Shown is empty and
  /// Why the effect's own chain.
  enum class Judgement { NotLog, Log, ReportedInside };
  struct Verdict {
    Judgement Kind = Judgement::NotLog;
    std::string Shown;
    const Chain *Why = nullptr;
  };
  Verdict judge(const Expr *Call, const PathEffect &Effect,
                llvm::ArrayRef<const Expr *> Args, ASTContext &Ctx,
                const utils::LogFileClassifier &Classifier, bool Opens) const;

  /// Emits one note per chain step at \p Loc.
  static void
  note(const Chain &Why, SourceLocation Loc,
       llvm::function_ref<void(SourceLocation, llvm::StringRef)> Note);

private:
  bool fresh(const FunctionFacts &F) const;

  llvm::StringMap<FunctionFacts> Functions;
  llvm::StringMap<Chain> LogHandles;
  std::optional<int64_t> OpenlogFacility;
  std::string Source; // the file, for messages
};

/// The binding id of matchSummarizedCalls' matches (a CallExpr or a
/// CXXConstructExpr).
inline constexpr llvm::StringRef SummarizedCallId = "logstream-facts-call";
/// Adds matchers for calls to (and constructions through) the functions
/// named, outside system headers.
void matchSummarizedCalls(ast_matchers::MatchFinder *Finder,
                          ast_matchers::MatchFinder::MatchCallback *Callback,
                          const std::vector<std::string> &Names);
/// The arguments written at a summarized call (not the object of a member
/// call), and the function called.
const FunctionDecl *summarizedCallee(const Expr *Call,
                                     llvm::SmallVectorImpl<const Expr *> &Args);

/// A syslog priority's facility is LOG_AUTH or LOG_AUTHPRIV.
bool isAuthFacility(int64_t Priority);

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_PROJECTFACTS_H
