//===--- BufferedStdoutDefault.cpp - stdout left fully buffered -----------===//
//
// When stdout is a pipe (a container, systemd, a log shipper), the C library
// buffers it fully: a program that writes its events with printf or
// std::cout shows nothing for minutes and loses the tail of its stream when
// it is killed. This part of logstream-buffered-stdout reports `main` when
// its translation unit writes events to stdout that are neither flushed nor
// line-buffered, and inserts `setvbuf(stdout, NULL, _IOLBF, 0);` first in
// `main`.
//
//===----------------------------------------------------------------------===//

#include "BufferedStdoutCheck.h"
#include "logstream/analysis/StdoutWriteFinder.h"
#include "utils/Names.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

namespace clang::tidy::logstream {

using analysis::BufferingCall;
using analysis::StdoutPath;
using analysis::StdoutWrite;

/// At most this many writes are shown in notes.
static constexpr unsigned MaxWriteNotes = 3;

/// Whether one of \p Calls takes effect before \p Main's first write: it is
/// outside main (an initialisation function, a constructor), or in main
/// before the first write main makes itself.
static bool setBeforeWrites(llvm::ArrayRef<BufferingCall> Calls,
                            llvm::ArrayRef<StdoutWrite> Writes,
                            const FunctionDecl *Main, const SourceManager &SM) {
  SourceLocation FirstInMain;
  for (const StdoutWrite &W : Writes)
    if (W.Function == Main &&
        (FirstInMain.isInvalid() ||
         SM.isBeforeInTranslationUnit(W.Loc, FirstInMain)))
      FirstInMain = W.Loc;
  return llvm::any_of(Calls, [&](const BufferingCall &C) {
    // `std::cout << std::unitbuf << event` sets it in the first write.
    return C.Function != Main || FirstInMain.isInvalid() ||
           !SM.isBeforeInTranslationUnit(FirstInMain, C.Loc);
  });
}

/// `print_usage()`, `showHelp()`, `version()`: written once, before the
/// tool exits (which flushes stdout), and not an event.
bool BufferedStdoutCheck::isUsageText(const StdoutWrite &W) const {
  return W.Function && W.Function->getIdentifier() &&
         !UsageFunctionPattern.empty() &&
         UsageFunctionPattern.matches(
             utils::normalizeIdentifier(W.Function->getName()));
}

void BufferedStdoutCheck::checkDefaultBuffering(const FunctionDecl *Main,
                                                ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  analysis::FinderOptions FO;
  FO.FlushFunctions = FlushFunctions;
  FO.LibraryWrites = CheckLoggerSettings;
  analysis::StdoutFacts Facts =
      analysis::findStdoutFacts(Ctx, preprocessor(), FO);
  // An explicit setvbuf(stdout, buf, _IOFBF, n) is reported, with its fix-it
  // to line buffering, where it is written.
  if (Facts.Writes.empty() || !Facts.StdioFullyBuffered.empty())
    return;

  bool SyncOff = Facts.SyncWithStdioOff.has_value();
  bool StdioSafe =
      setBeforeWrites(Facts.StdioLineOrUnbuffered, Facts.Writes, Main, SM);
  bool StreamSafe =
      setBeforeWrites(Facts.StreamUnitbuf, Facts.Writes, Main, SM) ||
      (!SyncOff && StdioSafe);
  // After sync_with_stdio(false) std::cout and stdio no longer share a
  // buffer: a flush of one does not flush the other.
  llvm::SmallVector<const StdoutWrite *, 8> Waiting;
  bool StreamOwnBuffer = false;
  for (const StdoutWrite &W : Facts.Writes) {
    if (isUsageText(W))
      continue;
    bool Stdio = W.Path == StdoutPath::Stdio;
    bool Flushed = Stdio ? W.FlushedByStdio || (!SyncOff && W.FlushedByStream)
                         : W.FlushedByStream || (!SyncOff && W.FlushedByStdio);
    if (Flushed || (Stdio ? StdioSafe : StreamSafe))
      continue;
    Waiting.push_back(&W);
    StreamOwnBuffer |= !Stdio && SyncOff;
  }
  if (Waiting.empty())
    return;

  std::optional<FixItHint> Include;
  std::optional<FixItHint> Fix;
  if (!StreamOwnBuffer)
    Fix = lineBufferingFix(Main, Ctx, Facts.SpellsUnqualified,
                           Facts.SpellsStdQualified, Include);
  {
    auto D = diag(Main->getLocation(),
                  "'main' writes events to stdout without making it "
                  "line-buffered first; when stdout is a pipe they wait in a "
                  "full buffer and are lost if the process is killed");
    if (Fix) {
      D << *Fix;
      if (Include)
        D << *Include;
    }
  }
  if (StreamOwnBuffer)
    diag(*Facts.SyncWithStdioOff,
         "after 'sync_with_stdio(false)' std::cout buffers on its own: set "
         "'std::unitbuf' on it or flush after every event",
         DiagnosticIDs::Note);
  for (const StdoutWrite *W :
       llvm::ArrayRef<const StdoutWrite *>(Waiting).take_front(MaxWriteNotes))
    diag(W->Loc, "event written to stdout here by '%0' and not flushed",
         DiagnosticIDs::Note)
        << W->What;
}

/// The blanks before \p Loc on its line, if only blanks precede it.
static std::optional<std::string> indentBefore(SourceLocation Loc,
                                               const SourceManager &SM) {
  std::pair<FileID, unsigned> Pos = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Pos.first, &Invalid);
  if (Invalid)
    return std::nullopt;
  unsigned Start = Pos.second;
  while (Start > 0 && (Buffer[Start - 1] == ' ' || Buffer[Start - 1] == '\t'))
    --Start;
  if (Start > 0 && Buffer[Start - 1] != '\n')
    return std::nullopt;
  return Buffer.substr(Start, Pos.second - Start).str();
}

/// Whether the translation unit declares `setvbuf` at global scope.
static bool declaresSetvbuf(ASTContext &Ctx) {
  return !Ctx.getTranslationUnitDecl()
              ->lookup(&Ctx.Idents.get("setvbuf"))
              .empty();
}

std::optional<FixItHint> BufferedStdoutCheck::lineBufferingFix(
    const FunctionDecl *Main, ASTContext &Ctx, bool SpellsUnqualified,
    bool SpellsStdQualified, std::optional<FixItHint> &Include) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Main->getBody());
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = getLangOpts();
  if (!Body || !preprocessor() || Body->getLBracLoc().isMacroID())
    return std::nullopt;
  // C89 wants declarations before statements.
  if (!LO.CPlusPlus && !LO.C99 && !Body->body_empty() &&
      isa<DeclStmt>(Body->body_front()))
    return std::nullopt;

  // Spell setvbuf as the file spells its stdio calls; C++ files that make
  // none (std::cout only) get std::setvbuf and <cstdio> (the inserter adds
  // nothing when the file includes it already).
  std::string Qualifier;
  if (LO.CPlusPlus && !(SpellsUnqualified && !SpellsStdQualified)) {
    Qualifier = "std::";
    Include = includeIn(SM.getMainFileID(), "<cstdio>");
  } else if (!declaresSetvbuf(Ctx) ||
             !preprocessor()->isMacroDefined("_IOLBF")) {
    Include =
        includeIn(SM.getMainFileID(), LO.CPlusPlus ? "<cstdio>" : "<stdio.h>");
  }
  std::string Call = Qualifier + "setvbuf(stdout, " +
                     (LO.CPlusPlus11 ? "nullptr" : "NULL") + ", " +
                     (BufferMode == Mode::Line ? "_IOLBF" : "_IONBF") + ", 0);";

  // Before the first statement, on its own line, with its indentation;
  // otherwise right after the brace.
  SourceLocation Brace = Body->getLBracLoc();
  if (!Body->body_empty()) {
    SourceLocation First =
        SM.getExpansionLoc(Body->body_front()->getBeginLoc());
    if (SM.getExpansionLineNumber(First) != SM.getExpansionLineNumber(Brace))
      if (std::optional<std::string> Indent = indentBefore(First, SM))
        return FixItHint::CreateInsertion(First, Call + "\n" + *Indent);
  }
  return FixItHint::CreateInsertion(Brace.getLocWithOffset(1), " " + Call);
}

} // namespace clang::tidy::logstream
