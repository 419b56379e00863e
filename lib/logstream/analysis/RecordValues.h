//===--- RecordValues.h - What a log record writes ------------------------===//
//
// The values and the literal text of a log record, by how the record is
// written: the variadic arguments of a printf-like call (with the conversion
// each one meets), the operands of a `<<` chain (also inside logging macros
// that build their message with one), the field values of the runtime API,
// the arguments of other logging calls. Also where a record goes and the
// matchers that find record candidates without walking parents.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_RECORDVALUES_H
#define LOGSTREAM_ANALYSIS_RECORDVALUES_H

#include "LogRecords.h"
#include "utils/CheckOptions.h"
#include "utils/PrintfFormat.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::logstream::analysis {

enum class ValueSlot {
  PrintfArg,     // a variadic argument of a printf-like call
  StreamOperand, // the right operand of `<<`
  FieldValue,    // a field value of the runtime API
  FormatArg,     // an argument of a {fmt}-style call (spdlog)
  CallArg        // an argument of another logging call
};

struct RecordValue {
  const Expr *E;
  ValueSlot Slot;
  std::optional<utils::Conversion> Conv; // PrintfArg with a literal format
};

enum class RecordKind {
  Stdio,   // printf family, puts, perror, err/warn, iostreams to std streams
  Syslog,  // syslog
  Runtime, // logstream::event, logstream_security_event, ... (escapes)
  Library  // a logging library, the project's logging functions and macros
};

/// A piece of the record's text: a literal's text, or a value (Text empty).
struct TextPiece {
  const Expr *E;
  std::string Text;
  bool Literal;
};

struct RecordShape {
  const Expr *Record = nullptr;
  RecordKind Kind = RecordKind::Library;
  /// The format of a printf-like call, when a literal.
  const StringLiteral *Format = nullptr;
  std::optional<utils::PrintfCall> Printf;
  std::vector<RecordValue> Values;
  /// The message as written, literals and values in order (a printf
  /// format is one literal).
  std::vector<TextPiece> Pieces;
  /// Whether the record's text ends with a newline the API adds (puts,
  /// the logging libraries, syslog).
  bool AddsNewline = false;
};

/// The values and literals of \p Record (a call or the outermost `<<`).
RecordShape describeRecord(const Expr *Record, ASTContext &Ctx);

/// Looks through what changes neither the value nor its text (parentheses,
/// casts, temporaries).
const Expr *stripValue(const Expr *E);

/// The default of the LogHandlePattern option: FILE pointers and descriptors
/// named like a log that stdio records write to.
inline constexpr llvm::StringRef DefaultLogHandlePattern =
    "(^|_)(log|logs|logfile|logger|logfp|logfd|audit|journal)(_|$)";

/// Where a stdio record writes: stdout, stderr, or a handle named like a log
/// (\p LogHandle); false for other files and descriptors.
bool writesToLog(const CallExpr *Call, const utils::Pattern &LogHandle,
                 ASTContext &Ctx);

/// The binding ids of registerRecordMatchers.
inline constexpr llvm::StringRef RecordCallId = "logstream-record-call";
inline constexpr llvm::StringRef RecordStreamId = "logstream-record-stream";
inline constexpr llvm::StringRef RecordMacroCallId = "logstream-record-macro";

/// Adds matchers for record candidates outside system headers: calls to the
/// C logging functions, the logging libraries' logging functions, the
/// project's LoggingFunctions, project facts' logging helpers, printf-like
/// project functions (named like logging: the classifier decides), calls
/// in LoggingMacros, and every `<<` (check() keeps the outermost of a chain
/// with OutermostStreams).
void registerRecordMatchers(ast_matchers::MatchFinder *Finder,
                            ast_matchers::MatchFinder::MatchCallback *Callback,
                            const RecordClassifier &Records);

/// Keeps the outermost `<<` of each chain: the matcher visits an outer
/// operator before its operands.
class OutermostStreams {
public:
  /// Whether \p Op is the outermost `<<` of a chain not seen yet; remembers
  /// its inner operators.
  bool take(const CXXOperatorCallExpr *Op);
  void clear() { Inner.clear(); }

private:
  llvm::SmallPtrSet<const Expr *, 32> Inner;
};

/// Whether a call the matchers found is a record (a printf-like project
/// function must be named like logging: RecordClassifier::isLogRecord).
bool isRecordCall(const CallExpr *Call, const RecordClassifier &Records,
                  ASTContext &Ctx);

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_RECORDVALUES_H
