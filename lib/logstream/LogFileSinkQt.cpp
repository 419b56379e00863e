//===--- LogFileSinkQt.cpp - Qt for logstream-log-file-sink ---------------===//
//
// A QFile opened for writing on a log (and the QTextStream/QDataStream over
// it), and message handlers installed with qInstallMessageHandler that write
// to a file. What is Qt lives in logstream/families/Qt.h.
//
//===----------------------------------------------------------------------===//

#include "LogFileSinkCheck.h"
#include "logstream/families/Qt.h"
#include "utils/Expressions.h"
#include "utils/Parents.h"
#include "utils/FixIts.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

static constexpr llvm::StringLiteral QtOpenId = "qt-open";
static constexpr llvm::StringLiteral QtHandlerId = "qt-handler";

void LogFileSinkCheck::registerQtMatchers(MatchFinder *Finder) {
  auto NotInSystemHeader = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      cxxMemberCallExpr(NotInSystemHeader, qt::fileOpenCall()).bind(QtOpenId),
      this);
  Finder->addMatcher(
      callExpr(NotInSystemHeader, qt::installHandlerCall()).bind(QtHandlerId),
      this);
}

bool LogFileSinkCheck::checkQt(const MatchResult &Result) {
  if (const auto *C = Result.Nodes.getNodeAs<CXXMemberCallExpr>(QtOpenId)) {
    checkQtFileOpen(C, Result);
    return true;
  }
  if (const auto *C = Result.Nodes.getNodeAs<CallExpr>(QtHandlerId)) {
    checkQtMessageHandler(C, Result);
    return true;
  }
  return false;
}

void LogFileSinkCheck::checkQtFileOpen(const CXXMemberCallExpr *Call,
                                       const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  // Only a mode known to write: a log viewer opens its file ReadOnly.
  std::optional<unsigned> Bits = qt::openModeBits(Call->getArg(0));
  if (!Bits || !(*Bits & (qt::WriteOnly | qt::Append)))
    return;
  const Expr *Obj = Call->getImplicitObjectArgument();
  std::string Path;
  if (qt::isScratchFile(Obj) ||
      !qt::isLogFileObject(Obj, Classifier, Ctx, Path))
    return;
  SourceLocation Loc =
      Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  {
    auto D = report(Loc, "QFile::open", Path);
    // file.open(mode) -> file.open(stdout, mode): the same QFile, writing to
    // the process's stdout (QFile does not close a handle it did not open).
    bool OneArg =
        Call->getNumArgs() == 1 ||
        llvm::all_of(llvm::drop_begin(Call->arguments()),
                     [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); });
    CharSourceRange R =
        utils::fileRange(Call->getArg(0)->getSourceRange(), Ctx);
    if (OneArg && R.isValid()) {
      D << FixItHint::CreateInsertion(R.getBegin(), "stdout, ");
      if (auto Inc = include(Loc, "<cstdio>"))
        D << *Inc;
    }
  }
  const FunctionDecl *Fn = utils::enclosingFunction(Call, Ctx);
  if (const Expr *S = qt::streamOver(qt::objectDecl(Obj),
                                     Fn ? Fn->getBody() : nullptr, Ctx))
    diag(Result.SourceManager->getExpansionLoc(S->getBeginLoc()),
         "log events are written to the file through this stream",
         DiagnosticIDs::Note);
}

void LogFileSinkCheck::checkQtMessageHandler(const CallExpr *Call,
                                             const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const FunctionDecl *Handler = qt::handlerOf(Call->getArg(0));
  std::string What;
  const Stmt *Write = qt::fileWriteIn(Handler, Ctx, What);
  if (!Write)
    return;
  SourceLocation Loc =
      Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  {
    auto D = diag(Loc, "'qInstallMessageHandler' installs a message handler "
                       "that writes log events to a file; write them to "
                       "stdout as an event stream");
    // A handler that writes every message it gets can be replaced by one
    // that writes them to stdout; the previous handler must not be kept.
    CharSourceRange R =
        utils::fileRange(Call->getArg(0)->getSourceRange(), Ctx);
    if (R.isValid() && utils::asDiscardedStatement(Call, Ctx) &&
        qt::writesEveryMessage(Handler, Ctx)) {
      D << FixItHint::CreateReplacement(R, qt::StdoutHandler);
      if (auto Inc = include(Loc, "<cstdio>"))
        D << *Inc;
    }
  }
  diag(Result.SourceManager->getExpansionLoc(Write->getBeginLoc()),
       "the handler writes to a file here ('%0')", DiagnosticIDs::Note)
      << What;
}

} // namespace clang::tidy::logstream
