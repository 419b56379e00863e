//===--- FixIts.cpp - Fix-it building blocks ------------------------------===//

#include "utils/FixIts.h"
#include "utils/Compat.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::logstream::utils {

bool isStandaloneStatement(const Stmt *S, ASTContext &Ctx) {
  auto Parents = Ctx.getParents(*S);
  return Parents.size() == 1 && Parents[0].get<CompoundStmt>() != nullptr;
}

const Expr *asDiscardedStatement(const Expr *E, ASTContext &Ctx) {
  // Climb through the nodes that wrap a full-expression.
  const Expr *Top = E;
  while (true) {
    auto Parents = Ctx.getParents(*Top);
    if (Parents.size() != 1)
      return nullptr;
    const auto *P = Parents[0].get<Expr>();
    if (P && isa<ExprWithCleanups, CXXBindTemporaryExpr,
                 MaterializeTemporaryExpr>(P)) {
      Top = P;
      continue;
    }
    // A statement-level `(void)call(...)` is discarded too.
    if (const auto *Cast = dyn_cast_or_null<CStyleCastExpr>(P))
      if (Cast->getType()->isVoidType()) {
        Top = P;
        continue;
      }
    break;
  }
  return isStandaloneStatement(Top, Ctx) ? Top : nullptr;
}

CharSourceRange fileRange(SourceRange R, ASTContext &Ctx) {
  return Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R),
                                  Ctx.getSourceManager(), Ctx.getLangOpts());
}

std::optional<FixItHint> removeStatement(const Stmt *S, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  CharSourceRange Range = fileRange(S->getSourceRange(), Ctx);
  if (Range.isInvalid())
    return std::nullopt;
  SourceLocation End = Range.getEnd();
  // Expression statements do not include their semicolon.
  if (!isa<DeclStmt>(S) && !isa<CompoundStmt>(S)) {
    std::optional<Token> Next = logstream::compat::toStd(
        Lexer::findNextToken(End.getLocWithOffset(-1), SM, LO));
    if (!Next || Next->isNot(tok::semi))
      return std::nullopt;
    End = Next->getEndLoc();
  }
  // Widen to whole lines when nothing else shares them.
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Range.getBegin()),
                                            &Invalid);
  if (Invalid)
    return std::nullopt;
  unsigned B = SM.getFileOffset(Range.getBegin());
  unsigned E = SM.getFileOffset(End);
  unsigned LineStart = B;
  while (LineStart > 0 && (Buffer[LineStart - 1] == ' ' ||
                           Buffer[LineStart - 1] == '\t'))
    --LineStart;
  unsigned LineEnd = E;
  while (LineEnd < Buffer.size() &&
         (Buffer[LineEnd] == ' ' || Buffer[LineEnd] == '\t'))
    ++LineEnd;
  bool StartsLine = LineStart == 0 || Buffer[LineStart - 1] == '\n';
  bool EndsLine = LineEnd == Buffer.size() || Buffer[LineEnd] == '\n' ||
                  Buffer[LineEnd] == '\r';
  if (StartsLine && EndsLine && LineStart > 0) {
    // Remove the line break before the statement rather than the one after:
    // clang's fix-it merging widens a removal that leaves blanks on both
    // sides of it, which would eat the next line's indentation.
    B = LineStart - 1;
    if (B > 0 && Buffer[B - 1] == '\r')
      --B;
    E = LineEnd;
  }
  SourceLocation FileStart = SM.getLocForStartOfFile(SM.getFileID(Range.getBegin()));
  return FixItHint::CreateRemoval(CharSourceRange::getCharRange(
      FileStart.getLocWithOffset(B), FileStart.getLocWithOffset(E)));
}

} // namespace clang::tidy::logstream::utils
