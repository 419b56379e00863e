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

namespace {

/// Where the functions that write to stdout are called from, in the user
/// code of the unit: each call, the function it is in, and the statement
/// after it when the call is a statement of a block that handles one
/// command-line option (nullptr otherwise).
class CallSites {
public:
  struct Site {
    const FunctionDecl *Caller;
    const Stmt *Next;
  };
  using SiteList = llvm::ArrayRef<Site>;

  CallSites(llvm::SmallPtrSetImpl<const FunctionDecl *> &Callees,
            ASTContext &Ctx)
      : Callees(Callees), SM(Ctx.getSourceManager()) {
    visit(Ctx.getTranslationUnitDecl());
  }

  llvm::ArrayRef<Site> of(const FunctionDecl *F) const {
    auto It = Sites.find(F->getCanonicalDecl());
    if (It == Sites.end())
      return {};
    return It->second;
  }

private:
  void visit(const DeclContext *DC) {
    for (const Decl *D : DC->decls()) {
      if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
        continue;
      if (const auto *FD = dyn_cast<FunctionDecl>(D);
          FD && FD->doesThisDeclarationHaveABody())
        walk(FD->getBody(), FD);
      if (const auto *Inner = dyn_cast<DeclContext>(D);
          Inner && !isa<FunctionDecl>(D))
        visit(Inner);
    }
  }

  /// The call a statement of a block is, under `case`s, labels and a cast
  /// to void.
  static const CallExpr *statementCall(const Stmt *S) {
    while (true) {
      if (const auto *C = dyn_cast<SwitchCase>(S))
        S = C->getSubStmt();
      else if (const auto *L = dyn_cast<LabelStmt>(S))
        S = L->getSubStmt();
      else
        break;
    }
    const auto *E = dyn_cast<Expr>(S);
    return E ? dyn_cast<CallExpr>(E->IgnoreParenCasts()) : nullptr;
  }

  const FunctionDecl *callee(const CallExpr *C) const {
    const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
    return F && Callees.count(F->getCanonicalDecl()) ? F->getCanonicalDecl()
                                                     : nullptr;
  }

  /// Whether \p S holds a call of getopt(3) or one of its long forms.
  static bool callsGetopt(const Stmt *S) {
    if (!S)
      return false;
    if (const auto *C = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *F = C->getDirectCallee();
          F && F->getIdentifier() &&
          (F->getName() == "getopt" || F->getName() == "getopt_long" ||
           F->getName() == "getopt_long_only"))
        return true;
    return llvm::any_of(S->children(), callsGetopt);
  }

  /// Whether \p S holds a command-line option literal (`"-V"`,
  /// `"--version"`).
  static bool namesOption(const Stmt *S) {
    if (!S)
      return false;
    if (const auto *SL = dyn_cast<StringLiteral>(S))
      return SL->getCharByteWidth() == 1 && SL->getString().size() > 1 &&
             SL->getString().starts_with("-");
    return llvm::any_of(S->children(), namesOption);
  }

  /// \p InOptionLoop: in the body of a loop that calls getopt.
  void walk(const Stmt *S, const FunctionDecl *Caller,
            bool InOptionLoop = false) {
    if (!S)
      return;
    // The blocks that handle one command-line option: the cases of a
    // switch in a getopt loop, the branch of an `if` that names an option.
    if (const auto *Switch = dyn_cast<SwitchStmt>(S); Switch && InOptionLoop)
      OptionBlocks.insert(Switch->getBody());
    if (const auto *If = dyn_cast<IfStmt>(S); If && namesOption(If->getCond()))
      OptionBlocks.insert(If->getThen());
    if (isa<WhileStmt, ForStmt, DoStmt>(S)) {
      const Stmt *Cond = nullptr;
      if (const auto *W = dyn_cast<WhileStmt>(S))
        Cond = W->getCond();
      else if (const auto *F = dyn_cast<ForStmt>(S))
        Cond = F->getCond();
      else
        Cond = cast<DoStmt>(S)->getCond();
      InOptionLoop |= callsGetopt(Cond);
    }
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      bool Option = OptionBlocks.count(Block) != 0;
      auto Body = Block->body();
      for (const auto *It = Body.begin(); It != Body.end(); ++It) {
        const CallExpr *C = statementCall(*It);
        if (const FunctionDecl *F = callee(C)) {
          const auto *Next = std::next(It);
          Sites[F].push_back(
              {Caller, Option && Next != Body.end() ? *Next : nullptr});
          AtStatement.insert(C);
        }
      }
    } else if (const auto *C = dyn_cast<CallExpr>(S)) {
      if (const FunctionDecl *F = callee(C); F && !AtStatement.count(C))
        Sites[F].push_back({Caller, nullptr});
    }
    for (const Stmt *Child : S->children())
      walk(Child, Caller, InOptionLoop);
  }

  llvm::SmallPtrSetImpl<const FunctionDecl *> &Callees;
  const SourceManager &SM;
  llvm::DenseMap<const FunctionDecl *, std::vector<Site>> Sites;
  llvm::SmallPtrSet<const CallExpr *, 8> AtStatement;
  llvm::SmallPtrSet<const Stmt *, 8> OptionBlocks;
};

/// Whether \p Next ends the program so that stdout is flushed: `return` in
/// main, or `exit(...)` (not `_exit` or `abort`, which do not flush).
bool exitsFlushing(const Stmt *Next, const FunctionDecl *Caller) {
  if (!Next)
    return false;
  if (isa<ReturnStmt>(Next))
    return Caller->isMain();
  const auto *E = dyn_cast<Expr>(Next);
  const auto *C = E ? dyn_cast<CallExpr>(E->IgnoreParenCasts()) : nullptr;
  const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
  return F && F->getIdentifier() && F->getName() == "exit" &&
         (F->getDeclContext()->isTranslationUnit() ||
          F->getDeclContext()->isStdNamespace() ||
          F->getDeclContext()->isExternCContext());
}

/// `case 'V': print_build_options(); return 0;`: a function that the program
/// calls only to answer a command-line option, right before it exits (which
/// flushes stdout), writes a report, once, not events; so does one called
/// only from such functions or from usage text (\p Usage). A call that is
/// the program's work (`serve(); return 0;` at the end of main) is no
/// option's answer.
bool writtenBeforeExit(const FunctionDecl *F, const CallSites &Sites,
                       const utils::Pattern &Usage,
                       llvm::DenseMap<const FunctionDecl *, bool> &Memo) {
  if (!F || F->isMain())
    return false;
  F = F->getCanonicalDecl();
  auto [It, New] = Memo.try_emplace(F, false); // false while being decided
  if (!New)
    return It->second;
  CallSites::SiteList Calls = Sites.of(F);
  bool Result =
      !Calls.empty() && llvm::all_of(Calls, [&](const CallSites::Site &C) {
        return exitsFlushing(C.Next, C.Caller) ||
               (C.Caller->getIdentifier() && !Usage.empty() &&
                Usage.matches(
                    utils::normalizeIdentifier(C.Caller->getName()))) ||
               writtenBeforeExit(C.Caller, Sites, Usage, Memo);
      });
  Memo[F] = Result;
  return Result;
}

} // namespace

void BufferedStdoutCheck::checkDefaultBuffering(const FunctionDecl *Main,
                                                ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  analysis::FinderOptions FO;
  FO.FlushFunctions = FlushFunctions;
  FO.LibraryWrites = CheckLoggerSettings;
  FO.ExitFlushes = IgnoreWritesBeforeExit;
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
  // Functions whose writes may be a report written right before exit: the
  // calls of the writers, and of the functions that call them, are found in
  // one walk of the unit.
  llvm::SmallPtrSet<const FunctionDecl *, 8> Tracked;
  if (IgnoreWritesBeforeExit)
    for (const StdoutWrite &W : Facts.Writes)
      if (W.Function && !W.Function->isMain() && !isUsageText(W))
        Tracked.insert(W.Function->getCanonicalDecl());
  std::optional<CallSites> Sites;
  if (!Tracked.empty()) {
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        Tracked.insert(FD->getCanonicalDecl());
    Sites.emplace(Tracked, Ctx);
  }
  llvm::DenseMap<const FunctionDecl *, bool> Memo;
  llvm::SmallVector<const StdoutWrite *, 8> Waiting;
  bool StreamOwnBuffer = false;
  for (const StdoutWrite &W : Facts.Writes) {
    if (isUsageText(W) ||
        (Sites &&
         writtenBeforeExit(W.Function, *Sites, UsageFunctionPattern, Memo)))
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
