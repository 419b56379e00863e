//===--- Qt.h - The Qt family: files, paths, logging categories -----------===//
//
// Everything logstream-tidy knows about Qt, in one place: which classes open
// files (QFile, and what is not a log: QSaveFile, QLockFile, QTemporaryFile),
// the QIODevice open-mode bits, how a QString path is spelled (QStringLiteral,
// QString("..."), QDir::filePath, QStandardPaths), the file-management calls
// of QFile/QDir/QFileInfo, the logging macros and categories
// (qCWarning(lcSecurity) << ...), and what a message handler installed with
// qInstallMessageHandler writes to. The checks ask; they hold no Qt names.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_QT_H
#define LOGSTREAM_FAMILIES_QT_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>

namespace clang::tidy::logstream::utils {
class LogFileClassifier;
} // namespace clang::tidy::logstream::utils

namespace clang::tidy::logstream::qt {

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

/// QIODevice::OpenModeFlag bits (the same values in Qt 5 and Qt 6).
enum OpenModeBit : unsigned {
  ReadOnly = 0x1,
  WriteOnly = 0x2,
  Append = 0x4,
  Truncate = 0x8,
};

/// The bits of an open-mode expression (`QIODevice::WriteOnly |
/// QIODevice::Append`, a `QIODevice::OpenMode` local initialized from one),
/// or nullopt when any part of it is not known at compile time.
std::optional<unsigned> openModeBits(const Expr *Mode);

/// `QFile::open(OpenMode)` on a QFile (not a QTemporaryFile): the one
/// argument is the mode, not a FILE * or a descriptor.
ast_matchers::StatementMatcher fileOpenCall();

/// The expression that names the file a QFile object (or a QDir, QFileInfo)
/// stands for: its construction argument (`QFile f(path)`, `new
/// QFile(path)`, `QFile m_file{path}` as a member), or a `setFileName(path)`
/// / `setPath(path)` / `setFile(path)` on it in the same function or, for a
/// member, in the class's constructors and methods. Null when none is seen.
const Expr *pathOfObject(const Expr *Object, ASTContext &Ctx);

/// Whether a QFile/QDir/QFileInfo object stands for a log: the path it was
/// given (pathOfObject) is a log path, or, when that path's file name is not
/// known, the object's own name says log (`m_logFile`). A path whose file
/// name is known and is no log (`catalog.json`) is not one whatever the
/// object is called. \p Path receives the resolved path.
bool isLogFileObject(const Expr *Object, const utils::LogFileClassifier &C,
                     ASTContext &Ctx, std::string &Path);

/// Whether an object is a scratch file (a QTemporaryFile or QSaveFile):
/// never a log, whatever it is called.
bool isScratchFile(const Expr *Object);

/// The variable or field an object expression names (`f`, `m_logFile`,
/// `*file`, `this->file`), through pointers.
const NamedDecl *objectDecl(const Expr *Object);

/// The `QTextStream`/`QDataStream` set over the file \p File in \p Body
/// (`QTextStream out(&file)`, `out.setDevice(&file)`), or null.
const Expr *streamOver(const NamedDecl *File, const Stmt *Body,
                       ASTContext &Ctx);

/// What a Qt file-management call does.
enum class FileOp {
  Rotate,
  Delete,
  DeleteDirectory,
  Truncate,
  CreateDirectory,
  Chmod
};

struct ManagementApi {
  llvm::StringRef Class;  // QFile, QFileDevice, QDir
  llvm::StringRef Method; // rename, remove, mkpath, ...
  FileOp Op;
};

/// The management call \p Method is, or null.
const ManagementApi *findManagementApi(const CXXMethodDecl *Method);

/// Calls of every method of the management table (static and member).
ast_matchers::StatementMatcher managementCall();

/// `size()` of a QFileInfo or QFile, for the size-check matcher.
ast_matchers::internal::BindableMatcher<Stmt> sizeCall();

//===----------------------------------------------------------------------===//
// Paths
//===----------------------------------------------------------------------===//

/// The value of one Qt path expression, given a resolver for its parts:
/// `QString("a")`, `QStringLiteral("a")`, `QLatin1String("a")`,
/// `QString::fromUtf8(...)`, `QDir(p)`, `QDir(p).filePath(n)` (p + "/" + n),
/// `s.arg(x)` (`%1` unknown), `toStdString()`/`toLocal8Bit()`/`qPrintable`,
/// `QDir::cleanPath(p)`, `a % b` (QStringBuilder).
/// nullopt when \p E is none of these.
std::optional<std::string>
pathValue(const Expr *E, llvm::function_ref<std::string(const Expr *)> Resolve,
          llvm::StringRef Unknown);

/// Whether \p Name is one of Qt's string or path classes, whose construction
/// from a string carries the string's value.
bool isStringLikeClass(llvm::StringRef Name);

//===----------------------------------------------------------------------===//
// Logging
//===----------------------------------------------------------------------===//

/// qDebug/qInfo/qWarning/qCritical/qFatal and their category forms.
bool isLoggingMacro(llvm::StringRef Name);
/// qCDebug/qCInfo/qCWarning/qCCritical (and the Qt 6 qCFatal).
bool isCategoryLoggingMacro(llvm::StringRef Name);

/// Whether \p F is a method of QMessageLogger (what every Qt logging macro
/// expands to).
bool isMessageLoggerMethod(const FunctionDecl *F);

/// The category a statement of a Qt logging macro's expansion asks for:
/// `lcSecurity()` (a Q_LOGGING_CATEGORY function) or `lcSecurity` (a
/// QLoggingCategory object), or null. \p Name receives the category's
/// declared name (`"app.security"`) when it is seen.
const NamedDecl *categoryOf(const Stmt *S, std::string &Name);

/// The text of a record written with a Qt logging macro: the macro
/// invocation at \p MacroLoc and the stream chain that follows it up to the
/// `;` (`qCWarning(lc) << "login failed" << user`). \p FirstLiteral receives
/// the location just inside the first string literal of that text.
std::string recordText(SourceLocation MacroLoc, const SourceManager &SM,
                       const LangOptions &LO, SourceLocation *FirstLiteral);

/// Operations added to the permission family of
/// logstream-security-event-category (CheckPermissionChanges).
inline constexpr llvm::StringRef PermissionOperations =
    "QFile::setPermissions=privilege_permissions_changed:true;"
    "QFileDevice::setPermissions=privilege_permissions_changed:true";

//===----------------------------------------------------------------------===//
// Message handlers
//===----------------------------------------------------------------------===//

/// `qInstallMessageHandler(handler)`.
ast_matchers::StatementMatcher installHandlerCall();

/// The handler a qInstallMessageHandler argument names: a function, or a
/// lambda's call operator. Null for nullptr or anything else.
const FunctionDecl *handlerOf(const Expr *Arg);

/// Where a handler (or a function it calls in this translation unit) writes
/// to a file: opens or writes a QFile, builds a QTextStream/QDataStream over
/// one, opens a FILE * or std::ofstream, or writes to a FILE * that is not
/// stdout/stderr. \p What receives the API's name.
const Stmt *fileWriteIn(const FunctionDecl *Handler, ASTContext &Ctx,
                        std::string &What);

/// Whether replacing \p Handler with one that writes each message to stdout
/// keeps what it does with messages: it returns nowhere early and tests its
/// message type in no `if` (it drops no message).
bool writesEveryMessage(const FunctionDecl *Handler, ASTContext &Ctx);

/// The handler a fix-it installs instead.
inline constexpr llvm::StringRef StdoutHandler =
    "[](QtMsgType, const QMessageLogContext &, const QString &msg) { "
    "fprintf(stdout, \"%s\\n\", qPrintable(msg)); fflush(stdout); }";

} // namespace clang::tidy::logstream::qt

namespace clang::tidy::logstream::families {

/// The family the checks iterate (the hooks over the functions above).
std::unique_ptr<Family> makeQt();

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_QT_H
