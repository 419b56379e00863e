//===--- FixIts.cpp - Fix-it building blocks ------------------------------===//

#include "utils/FixIts.h"
#include "utils/Compat.h"
#include "utils/Parents.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>

namespace clang::tidy::logstream::utils {

bool isStandaloneStatement(const Stmt *S, ASTContext &Ctx) {
  std::optional<DynTypedNode> Parent =
      singleParent(DynTypedNode::create(*S), Ctx);
  return Parent && Parent->get<CompoundStmt>();
}

const Expr *asDiscardedStatement(const Expr *E, ASTContext &Ctx) {
  // Climb through the nodes that wrap a full-expression; a statement-level
  // `(void)call(...)` is discarded too.
  auto Wraps = [](const DynTypedNode &Node) {
    const auto *P = Node.get<Expr>();
    if (const auto *Cast = dyn_cast_or_null<CStyleCastExpr>(P))
      return Cast->getType()->isVoidType();
    return isa_and_nonnull<ExprWithCleanups, CXXBindTemporaryExpr,
                           MaterializeTemporaryExpr>(P);
  };
  DynTypedNode Top;
  DynTypedNode Parent =
      climbThrough(DynTypedNode::create(*E), Ctx, Wraps, &Top);
  const auto *TopExpr = Top.get<Expr>();
  return Parent.get<CompoundStmt>() ? TopExpr : nullptr;
}

CharSourceRange fileRange(SourceRange R, ASTContext &Ctx) {
  return Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R),
                                  Ctx.getSourceManager(), Ctx.getLangOpts());
}

static unsigned skipBlanks(llvm::StringRef Buffer, unsigned Pos) {
  while (Pos < Buffer.size() && (Buffer[Pos] == ' ' || Buffer[Pos] == '\t'))
    ++Pos;
  return Pos;
}

/// Whether the line starting at \p Pos holds only blanks.
static bool isBlankLineAt(llvm::StringRef Buffer, unsigned Pos) {
  if (Pos >= Buffer.size())
    return false;
  Pos = skipBlanks(Buffer, Pos);
  if (Pos < Buffer.size() && Buffer[Pos] == '\r')
    ++Pos;
  return Pos < Buffer.size() && Buffer[Pos] == '\n';
}

/// Whether the line that ends at \p NewLine is blank or ends with `{`.
static bool previousLineIsOpenOrBlank(llvm::StringRef Buffer,
                                      unsigned NewLine) {
  unsigned I = NewLine;
  while (I > 0 && (Buffer[I - 1] == ' ' || Buffer[I - 1] == '\t' ||
                   Buffer[I - 1] == '\r'))
    --I;
  return I == 0 || Buffer[I - 1] == '\n' || Buffer[I - 1] == '{';
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
  llvm::StringRef Buffer =
      SM.getBufferData(SM.getFileID(Range.getBegin()), &Invalid);
  if (Invalid)
    return std::nullopt;
  unsigned B = SM.getFileOffset(Range.getBegin());
  unsigned E = SM.getFileOffset(End);
  unsigned LineStart = B;
  while (LineStart > 0 &&
         (Buffer[LineStart - 1] == ' ' || Buffer[LineStart - 1] == '\t'))
    --LineStart;
  unsigned LineEnd = skipBlanks(Buffer, E);
  // The statement's own trailing comment goes with it.
  if (Buffer.substr(LineEnd).starts_with("//")) {
    LineEnd = std::min(Buffer.find('\n', LineEnd), Buffer.size());
    if (LineEnd > 0 && Buffer[LineEnd - 1] == '\r')
      --LineEnd;
  } else if (Buffer.substr(LineEnd).starts_with("/*")) {
    size_t Close = Buffer.find("*/", LineEnd);
    if (Close != llvm::StringRef::npos &&
        Buffer.substr(LineEnd, Close - LineEnd).find('\n') ==
            llvm::StringRef::npos)
      LineEnd = skipBlanks(Buffer, Close + 2);
  }
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
    // A blank line that separated the statement from what follows would
    // now open its block or double another blank line: it goes too.
    if (isBlankLineAt(Buffer, E + 1) && previousLineIsOpenOrBlank(Buffer, B))
      E = std::min(Buffer.find('\n', E + 1), Buffer.size());
  }
  SourceLocation FileStart =
      SM.getLocForStartOfFile(SM.getFileID(Range.getBegin()));
  return FixItHint::CreateRemoval(CharSourceRange::getCharRange(
      FileStart.getLocWithOffset(B), FileStart.getLocWithOffset(E)));
}

} // namespace clang::tidy::logstream::utils
