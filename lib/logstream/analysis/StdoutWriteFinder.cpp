//===--- StdoutWriteFinder.cpp - Writes to stdout and its buffering -------===//

#include "logstream/analysis/StdoutWriteFinder.h"
#include "utils/Compat.h"
#include "utils/Expressions.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::logstream::analysis {

namespace {

/// The stdio functions that write to a stream, with the index of their
/// stream argument (nullopt: they write to stdout).
struct StdioWriter {
  llvm::StringRef Name;
  std::optional<unsigned> StreamArg;
};
constexpr StdioWriter StdioWriters[] = {
    {"printf", std::nullopt},
    {"vprintf", std::nullopt},
    {"puts", std::nullopt},
    {"putchar", std::nullopt},
    {"putchar_unlocked", std::nullopt},
    {"wprintf", std::nullopt},
    {"vwprintf", std::nullopt},
    {"putwchar", std::nullopt},
    {"putwchar_unlocked", std::nullopt},
    {"fprintf", 0},
    {"vfprintf", 0},
    {"fwprintf", 0},
    {"vfwprintf", 0},
    {"fputs", 1},
    {"fputs_unlocked", 1},
    {"fputc", 1},
    {"fputc_unlocked", 1},
    {"putc", 1},
    {"putc_unlocked", 1},
    {"fputws", 1},
    {"fputwc", 1},
    {"putwc", 1},
    {"fwrite", 3},
    {"fwrite_unlocked", 3},
};

/// The names writes by library sinks go by (also in messages).
constexpr llvm::StringRef Log4cxxConsole = "log4cxx::ConsoleAppender";
constexpr llvm::StringRef BoostConsole = "boost::log::add_console_log";

enum FlushMask : unsigned { NoFlush = 0, StdioFlush = 1, StreamFlush = 2 };

/// A C library function (global, extern "C" or in namespace std).
bool isCFunction(const FunctionDecl *FD) {
  return FD && FD->getIdentifier() &&
         (FD->getDeclContext()->getRedeclContext()->isTranslationUnit() ||
          FD->isInStdNamespace());
}

bool isStdName(const NamedDecl *D, llvm::StringRef Name) {
  return D && D->getIdentifier() && D->getName() == Name &&
         D->isInStdNamespace();
}

bool qualifiedNameStartsWith(const NamedDecl *D, llvm::StringRef Prefix) {
  return D &&
         llvm::StringRef(D->getQualifiedNameAsString()).starts_with(Prefix);
}

/// The manipulator a `<<` operand names (`std::endl`, `std::unitbuf`, ...),
/// "" for data. In templates the name may still be unresolved.
llvm::StringRef manipulatorName(const Expr *Operand) {
  const Expr *E = Operand->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf)
      E = U->getSubExpr()->IgnoreParenImpCasts();
  const IdentifierInfo *Name = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl());
    if (FD && FD->isInStdNamespace())
      Name = FD->getIdentifier();
  } else if (const auto *ULE = dyn_cast<UnresolvedLookupExpr>(E)) {
    if (llvm::any_of(ULE->decls(), [](const NamedDecl *D) {
          return D->getUnderlyingDecl()->isInStdNamespace();
        }))
      Name = ULE->getName().getAsIdentifierInfo();
  }
  static constexpr llvm::StringRef Manipulators[] = {"endl", "flush", "ends",
                                                     "unitbuf", "nounitbuf"};
  if (!Name || !llvm::is_contained(Manipulators, Name->getName()))
    return "";
  return Name->getName();
}

/// An `os << a << b` chain taken apart: the stream and the operands in order.
/// In templates the parts may be dependent binary operators.
struct ShiftChain {
  const Expr *Stream = nullptr;
  llvm::SmallVector<const Expr *, 8> Operands;
  llvm::SmallVector<const Expr *, 8> Parts;
};

std::optional<std::pair<const Expr *, const Expr *>> asShift(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getOperator() == OO_LessLess && Op->getNumArgs() == 2)
      return std::make_pair(Op->getArg(0), Op->getArg(1));
  if (const auto *B = dyn_cast<BinaryOperator>(E))
    if (B->getOpcode() == BO_Shl)
      return std::make_pair(B->getLHS(), B->getRHS());
  return std::nullopt;
}

ShiftChain takeApart(const Expr *Outer) {
  ShiftChain Chain;
  const Expr *E = Outer;
  while (auto Shift = asShift(E)) {
    Chain.Parts.push_back(E->IgnoreImplicit()->IgnoreParens());
    Chain.Operands.push_back(Shift->second);
    E = Shift->first;
  }
  Chain.Stream = E;
  std::reverse(Chain.Operands.begin(), Chain.Operands.end());
  return Chain;
}

/// "std::cout" or "std::wcout" for messages.
std::string streamName(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref ? "std::" + Ref->getDecl()->getName().str() : "std::cout";
}

bool isStdoutStream(const Expr *E) {
  return utils::classifyStdOStream(E) == utils::StdStream::Out;
}

bool isStdoutFile(const Expr *E, const ASTContext &Ctx) {
  return utils::classifyStdFile(E, Ctx) == utils::StdStream::Out;
}

bool evaluatesTo(const Expr *E, bool Value, const ASTContext &Ctx) {
  bool Result = false;
  return !E->isValueDependent() && E->EvaluateAsBooleanCondition(Result, Ctx) &&
         Result == Value;
}

/// An argument that is absent, a default argument, or the constant \p Value.
bool defaultsOrIs(llvm::ArrayRef<const Expr *> Args, unsigned I, bool Value,
                  const ASTContext &Ctx) {
  return I >= Args.size() || isa<CXXDefaultArgExpr>(Args[I]) ||
         evaluatesTo(Args[I], Value, Ctx);
}

/// A construction of a class: `T(args)`, `new T(args)`, or
/// `std::make_shared<T>(args)` / `make_unique` (whose construction is in a
/// system header).
struct Construction {
  const CXXRecordDecl *Class = nullptr;
  llvm::SmallVector<const Expr *, 4> Args;
};

std::optional<Construction> asConstruction(const Expr *E) {
  Construction C;
  if (const auto *Ctor = dyn_cast<CXXConstructExpr>(E)) {
    C.Class = Ctor->getConstructor()->getParent();
    C.Args.assign(Ctor->arg_begin(), Ctor->arg_end());
    return C;
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !FD->isInStdNamespace() || !FD->getIdentifier() ||
      !(FD->getName() == "make_shared" || FD->getName() == "make_unique"))
    return std::nullopt;
  const TemplateArgumentList *TArgs = FD->getTemplateSpecializationArgs();
  if (!TArgs || TArgs->size() < 1 ||
      TArgs->get(0).getKind() != TemplateArgument::Type)
    return std::nullopt;
  C.Class = TArgs->get(0).getAsType()->getAsCXXRecordDecl();
  if (!C.Class)
    return std::nullopt;
  C.Args.assign(Call->arg_begin(), Call->arg_end());
  return C;
}

class Walker : public RecursiveASTVisitor<Walker> {
public:
  Walker(ASTContext &Ctx, const Preprocessor *PP, const FinderOptions &Opts)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), PP(PP), Opts(Opts) {}

  StdoutFacts run();

  bool TraverseDecl(Decl *D);
  bool TraverseCompoundStmt(CompoundStmt *S, DataRecursionQueue * = nullptr);
  // Writes are statements: the types and qualifiers written in the code
  // hold none that runs (an array bound or a decltype is no event).
  bool TraverseTypeLoc(TypeLoc) { return true; }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc) { return true; }
  bool VisitCallExpr(CallExpr *E);
  bool VisitCXXConstructExpr(CXXConstructExpr *E);
  bool VisitBinaryOperator(BinaryOperator *E);

private:
  void stdioCall(const CallExpr *E, const FunctionDecl *FD);
  void streamMemberCall(const CXXMemberCallExpr *E, const CXXMethodDecl *MD);
  void shiftChain(const Expr *E);
  void libraryCall(const CallExpr *E, const FunctionDecl *FD);
  void libraryConstruction(const Expr *E);
  void addWrite(const Expr *E, llvm::StringRef What, StdoutPath Path,
                unsigned OwnFlush = NoFlush);
  void addSetting(std::vector<BufferingCall> &To, const Expr *E);
  void noteLog4cxxTarget(const Expr *Target);
  unsigned flushAfter(const CompoundStmt *Block, unsigned Index);
  bool exitsRightAfter(const CompoundStmt *Block, unsigned Index) const;
  unsigned flushesIn(const Stmt *S);
  unsigned flushKind(const Stmt *S);

  ASTContext &Ctx;
  const SourceManager &SM;
  const Preprocessor *PP;
  const FinderOptions &Opts;
  StdoutFacts Facts;
  const FunctionDecl *Function = nullptr;
  /// The blocks the walk is in, with the index of the statement in each.
  llvm::SmallVector<std::pair<const CompoundStmt *, unsigned>, 16> Blocks;
  /// For each block: per statement index, the flushes in the statements
  /// after it (computed when a write is found in the block).
  llvm::DenseMap<const CompoundStmt *, llvm::SmallVector<unsigned, 8>>
      FlushesAfter;
  /// Inner parts of `<<` chains already handled with their outermost part.
  llvm::SmallPtrSet<const Expr *, 16> ChainParts;
  /// Library settings seen anywhere that change what some writes mean.
  bool BoostAutoFlushSet = false;
  bool Log4cxxTargetsStderr = false;
};

StdoutFacts Walker::run() {
  TraverseDecl(Ctx.getTranslationUnitDecl());
  // Library settings made elsewhere in the file: a Boost.Log backend told
  // to flush, a log4cxx console appender sent to System.err.
  llvm::erase_if(Facts.Writes, [&](const StdoutWrite &W) {
    return Log4cxxTargetsStderr && W.What == Log4cxxConsole;
  });
  for (StdoutWrite &W : Facts.Writes)
    if (BoostAutoFlushSet && W.What == BoostConsole)
      W.FlushedByStream = true;
  return std::move(Facts);
}

bool Walker::TraverseDecl(Decl *D) {
  if (!D)
    return true;
  if (!isa<TranslationUnitDecl>(D) && SM.isInSystemHeader(D->getLocation()))
    return true;
  const auto *FD = dyn_cast<FunctionDecl>(D);
  if (!FD || !FD->doesThisDeclarationHaveABody())
    return RecursiveASTVisitor::TraverseDecl(D);
  const FunctionDecl *SavedFunction = Function;
  auto SavedBlocks = std::move(Blocks);
  Blocks.clear();
  Function = FD;
  bool Result = RecursiveASTVisitor::TraverseDecl(D);
  Function = SavedFunction;
  Blocks = std::move(SavedBlocks);
  return Result;
}

bool Walker::TraverseCompoundStmt(CompoundStmt *S, DataRecursionQueue *) {
  unsigned Index = 0;
  for (Stmt *Child : S->body()) {
    Blocks.emplace_back(S, Index++);
    bool Continue = TraverseStmt(Child);
    Blocks.pop_back();
    if (!Continue)
      return false;
  }
  return true;
}

bool Walker::VisitBinaryOperator(BinaryOperator *E) {
  if (E->getOpcode() == BO_Shl) {
    shiftChain(E);
    return true;
  }
  // glog: `FLAGS_logtostdout = true` makes every LOG() an fwrite to stdout
  // that glog never flushes (glog 0.6.0 src/logging.cc:758).
  if (!Opts.LibraryWrites || E->getOpcode() != BO_Assign)
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(E->getLHS()->IgnoreParenImpCasts());
  if (Ref && Ref->getDecl()->getIdentifier() &&
      Ref->getDecl()->getName() == "FLAGS_logtostdout" &&
      evaluatesTo(E->getRHS(), true, Ctx))
    addWrite(E, "FLAGS_logtostdout", StdoutPath::Stdio);
  return true;
}

bool Walker::VisitCXXConstructExpr(CXXConstructExpr *E) {
  if (Opts.LibraryWrites)
    libraryConstruction(E);
  return true;
}

bool Walker::VisitCallExpr(CallExpr *E) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_LessLess)
      shiftChain(Op);
    return true;
  }
  const FunctionDecl *FD = E->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return true;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    streamMemberCall(Member, cast<CXXMethodDecl>(FD));
  else if (isCFunction(FD))
    stdioCall(E, FD);
  // std::ios_base::sync_with_stdio, a static member (called without object).
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (MD && MD->getName() == "sync_with_stdio" &&
      MD->getParent()->isInStdNamespace() && E->getNumArgs() == 1 &&
      evaluatesTo(E->getArg(0), false, Ctx) && !Facts.SyncWithStdioOff)
    Facts.SyncWithStdioOff = SM.getExpansionLoc(E->getBeginLoc());
  if (isStdName(FD, "unitbuf") && E->getNumArgs() == 1 &&
      isStdoutStream(E->getArg(0)))
    addSetting(Facts.StreamUnitbuf, E);
  if (Opts.LibraryWrites)
    libraryCall(E, FD);
  return true;
}

void Walker::stdioCall(const CallExpr *E, const FunctionDecl *FD) {
  llvm::StringRef Name = FD->getName();
  const auto *Writer = llvm::find_if(
      StdioWriters, [&](const StdioWriter &W) { return W.Name == Name; });
  if (Writer != std::end(StdioWriters)) {
    if (Writer->StreamArg &&
        (E->getNumArgs() <= *Writer->StreamArg ||
         !isStdoutFile(E->getArg(*Writer->StreamArg), Ctx)))
      return;
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(E->getCallee()->IgnoreParenImpCasts()))
      (Ref->hasQualifier() ? Facts.SpellsStdQualified
                           : Facts.SpellsUnqualified) = true;
    addWrite(E, Name, StdoutPath::Stdio);
    return;
  }
  if (E->getNumArgs() < 1 || !isStdoutFile(E->getArg(0), Ctx))
    return;
  auto IsNull = [&](unsigned I) {
    return E->getNumArgs() > I &&
           E->getArg(I)->isNullPointerConstant(
               Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  };
  std::optional<bool> Safe;
  if (Name == "setvbuf" && E->getNumArgs() == 4) {
    Expr::EvalResult Mode;
    if (!E->getArg(2)->isValueDependent() &&
        E->getArg(2)->EvaluateAsInt(Mode, Ctx)) {
      int64_t M = Mode.Val.getInt().getExtValue();
      // glibc's values when the macros are not plain literals.
      if (M == utils::macroIntegerValue(PP, "_IOLBF").value_or(1) ||
          M == utils::macroIntegerValue(PP, "_IONBF").value_or(2))
        Safe = true;
      else if (M == utils::macroIntegerValue(PP, "_IOFBF").value_or(0))
        Safe = false;
    }
  } else if ((Name == "setbuf" || Name == "setbuffer") &&
             E->getNumArgs() >= 2 && !E->getArg(1)->isValueDependent()) {
    Safe = IsNull(1);
  } else if (Name == "setlinebuf") {
    Safe = true;
  }
  if (Safe)
    addSetting(*Safe ? Facts.StdioLineOrUnbuffered : Facts.StdioFullyBuffered,
               E);
}

void Walker::streamMemberCall(const CXXMemberCallExpr *E,
                              const CXXMethodDecl *MD) {
  llvm::StringRef Name = MD->getName();
  const Expr *Object = E->getImplicitObjectArgument();
  if (Object && isStdoutStream(Object)) {
    if (Name == "write" || Name == "put") {
      addWrite(E, streamName(Object), StdoutPath::Stream);
    } else if (Name == "setf" && E->getNumArgs() >= 1) {
      const auto *Flag =
          dyn_cast<DeclRefExpr>(E->getArg(0)->IgnoreParenImpCasts());
      if (Flag && Flag->getDecl()->getIdentifier() &&
          Flag->getDecl()->getName() == "unitbuf")
        addSetting(Facts.StreamUnitbuf, E);
    }
    return;
  }
  if (!Opts.LibraryWrites)
    return;
  const CXXRecordDecl *Class = MD->getParent();
  // log4cxx's ConsoleAppender writes with fputs(stdout) and flushes only
  // while ImmediateFlush is true (log4cxx 1.0.0 systemoutwriter.cpp:78,
  // writerappender.cpp:257).
  if (Name == "setImmediateFlush" && E->getNumArgs() == 1 &&
      evaluatesTo(E->getArg(0), false, Ctx) && Object) {
    // The object is converted to the base that declares the method.
    QualType T = Object->IgnoreParenImpCasts()->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    auto IsConsole = [](const CXXRecordDecl *B) {
      return B->getQualifiedNameAsString() == Log4cxxConsole;
    };
    if (RD && RD->hasDefinition() &&
        (IsConsole(RD) || !RD->forallBases([&](const CXXRecordDecl *B) {
          return !IsConsole(B);
        })))
      addWrite(E, Log4cxxConsole, StdoutPath::Stdio);
  }
  if (Name == "setTarget" && E->getNumArgs() == 1 &&
      qualifiedNameStartsWith(Class, "log4cxx::"))
    noteLog4cxxTarget(E->getArg(0));
  // Boost.Log: `backend->auto_flush(true)` (the default argument is true).
  if (Name == "auto_flush" && qualifiedNameStartsWith(Class, "boost::log::") &&
      defaultsOrIs(utils::writtenArgs(E), 0, true, Ctx))
    BoostAutoFlushSet = true;
}

void Walker::shiftChain(const Expr *E) {
  if (ChainParts.contains(E))
    return;
  ShiftChain Chain = takeApart(E);
  for (const Expr *Part : Chain.Parts)
    ChainParts.insert(Part);
  if (!isStdoutStream(Chain.Stream))
    return;
  bool HasData = false;
  for (const Expr *Operand : Chain.Operands) {
    llvm::StringRef M = manipulatorName(Operand);
    if (M == "unitbuf")
      addSetting(Facts.StreamUnitbuf, E);
    HasData |= M.empty();
  }
  if (!HasData)
    return;
  llvm::StringRef Last = manipulatorName(Chain.Operands.back());
  addWrite(E, streamName(Chain.Stream), StdoutPath::Stream,
           Last == "endl" || Last == "flush" ? StreamFlush : NoFlush);
}

void Walker::libraryCall(const CallExpr *E, const FunctionDecl *FD) {
  if (asConstruction(E)) {
    libraryConstruction(E);
    return;
  }
  // Boost.Log's console sink writes to the given stream and flushes only
  // with auto_flush (boost/log/sinks/text_ostream_backend.hpp:147 defaults
  // it to false).
  if (FD->getName() != "add_console_log" ||
      !qualifiedNameStartsWith(FD, "boost::log::") || E->getNumArgs() < 1 ||
      !isStdoutStream(E->getArg(0)))
    return;
  for (const Expr *Arg : llvm::drop_begin(E->arguments())) {
    const CXXOperatorCallExpr *Assign = nullptr;
    const Expr *Inner = Arg->IgnoreImplicit();
    while (!Assign) {
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Inner))
        Assign = Op;
      else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Inner);
               Ctor && Ctor->getNumArgs() == 1)
        Inner = Ctor->getArg(0)->IgnoreImplicit();
      else
        break;
    }
    if (!Assign || Assign->getOperator() != OO_Equal ||
        Assign->getNumArgs() != 2)
      continue;
    const auto *Key =
        dyn_cast<DeclRefExpr>(Assign->getArg(0)->IgnoreParenImpCasts());
    if (Key && Key->getDecl()->getIdentifier() &&
        Key->getDecl()->getName() == "auto_flush" &&
        evaluatesTo(Assign->getArg(1), true, Ctx))
      return;
  }
  addWrite(E, BoostConsole, StdoutPath::Stream);
}

void Walker::libraryConstruction(const Expr *E) {
  std::optional<Construction> C = asConstruction(E);
  // Cheap name test first: this runs on every construction in user code.
  if (!C || !C->Class || !C->Class->getIdentifier() ||
      !llvm::is_contained(
          std::initializer_list<llvm::StringRef>{"ostream_sink",
                                                 "ConsoleAppender"},
          C->Class->getName()))
    return;
  llvm::ArrayRef<const Expr *> Args = C->Args;
  std::string Name = C->Class->getQualifiedNameAsString();
  // spdlog's ostream_sink flushes only with force_flush (spdlog 1.10
  // sinks/ostream_sink.h:18, :31).
  if (Name == "spdlog::sinks::ostream_sink" && !Args.empty() &&
      isStdoutStream(Args[0]) && defaultsOrIs(Args, 1, false, Ctx)) {
    addWrite(E, "spdlog::sinks::ostream_sink", StdoutPath::Stream);
    return;
  }
  if (Name == Log4cxxConsole && Args.size() >= 2)
    noteLog4cxxTarget(Args[1]);
  // log4cplus's ConsoleAppender(logToStdErr = false, immediateFlush = false)
  // writes to std::cout and flushes only with immediateFlush (log4cplus
  // 2.0.8 include/log4cplus/consoleappender.h:57, src/consoleappender.cxx:107).
  if (Name == "log4cplus::ConsoleAppender" &&
      (Args.empty() || isa<CXXDefaultArgExpr>(Args[0]) ||
       Args[0]->getType()->isBooleanType() ||
       Args[0]->getType()->isIntegerType()) &&
      defaultsOrIs(Args, 0, false, Ctx) && defaultsOrIs(Args, 1, false, Ctx))
    addWrite(E, "log4cplus::ConsoleAppender", StdoutPath::Stream);
}

/// A log4cxx console target written `LOG4CXX_STR("System.err")` or
/// `ConsoleAppender::getSystemErr()`.
void Walker::noteLog4cxxTarget(const Expr *Target) {
  std::string Text = utils::sourceText(Target->getSourceRange(), Ctx);
  if (llvm::StringRef(Text).contains("System.err") ||
      llvm::StringRef(Text).contains("getSystemErr"))
    Log4cxxTargetsStderr = true;
}

void Walker::addSetting(std::vector<BufferingCall> &To, const Expr *E) {
  To.push_back({SM.getExpansionLoc(E->getBeginLoc()), Function});
}

void Walker::addWrite(const Expr *E, llvm::StringRef What, StdoutPath Path,
                      unsigned OwnFlush) {
  unsigned Flush = OwnFlush;
  for (const auto &[Block, Index] : Blocks)
    Flush |= flushAfter(Block, Index);
  // `printf("lemon 1.0\n"); exit(0);`: the process ends at once, and ending
  // flushes stdout.
  if (Opts.ExitFlushes && !Blocks.empty() &&
      exitsRightAfter(Blocks.back().first, Blocks.back().second))
    Flush |= StdioFlush | StreamFlush;
  StdoutWrite W;
  W.Loc = SM.getExpansionLoc(E->getBeginLoc());
  W.What = What.str();
  W.Path = Path;
  W.FlushedByStdio = Flush & StdioFlush;
  W.FlushedByStream = Flush & StreamFlush;
  W.Function = Function;
  Facts.Writes.push_back(std::move(W));
}

unsigned Walker::flushAfter(const CompoundStmt *Block, unsigned Index) {
  auto [It, Inserted] = FlushesAfter.try_emplace(Block);
  llvm::SmallVector<unsigned, 8> &After = It->second;
  if (Inserted) {
    // After[I]: the flushes made by the statements after statement I.
    After.assign(Block->size(), NoFlush);
    unsigned Seen = NoFlush;
    for (unsigned I = Block->size(); I-- > 0;) {
      After[I] = Seen;
      Seen |= flushesIn(Block->body_begin()[I]);
    }
  }
  return Index < After.size() ? After[Index] : NoFlush;
}

/// Whether the statements after statement \p Index of \p Block, past
/// further writes of text (`printf`, `fputs`, ...), end the process:
/// `exit(...)` or, in `main`, `return`. (Not `_exit`, `quick_exit` or
/// `abort`: they do not flush.)
bool Walker::exitsRightAfter(const CompoundStmt *Block, unsigned Index) const {
  for (unsigned I = Index + 1; I < Block->size(); ++I) {
    const Stmt *S = Block->body_begin()[I];
    // Nothing runs before the end: `return 0;`, not `return serve();`.
    auto CallsNothing = [](const Stmt *Value) {
      return !utils::anyStatement(Value, [](const Stmt *W) {
        return isa<CallExpr, CXXConstructExpr>(W);
      });
    };
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      return Function && Function->isMain() && CallsNothing(R->getRetValue());
    const auto *E = dyn_cast<Expr>(S);
    const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreParenCasts()) : nullptr;
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    if (!FD || !isCFunction(FD))
      return false;
    llvm::StringRef Name = FD->getName();
    if (Name == "exit")
      return llvm::all_of(Call->arguments(), CallsNothing);
    bool Writes = Name == "fflush" ||
                  llvm::any_of(StdioWriters, [&](const StdioWriter &W) {
                    return W.Name == Name;
                  });
    if (!Writes)
      return false;
  }
  return false;
}

unsigned Walker::flushesIn(const Stmt *S) {
  if (!S)
    return NoFlush;
  unsigned Kind = flushKind(S);
  for (const Stmt *Child : S->children())
    Kind |= flushesIn(Child);
  return Kind;
}

unsigned Walker::flushKind(const Stmt *S) {
  if (isa<CXXOperatorCallExpr, BinaryOperator>(S)) {
    const auto *E = cast<Expr>(S);
    if (!asShift(E))
      return NoFlush;
    ShiftChain Chain = takeApart(E);
    if (!isStdoutStream(Chain.Stream))
      return NoFlush;
    for (const Expr *Operand : Chain.Operands) {
      llvm::StringRef M = manipulatorName(Operand);
      if (M == "endl" || M == "flush")
        return StreamFlush;
    }
    return NoFlush;
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return NoFlush;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return FD->getName() == "flush" &&
                   isStdoutStream(Member->getImplicitObjectArgument())
               ? StreamFlush
               : NoFlush;
  if (isCFunction(FD) &&
      (FD->getName() == "fflush" || FD->getName() == "fflush_unlocked") &&
      Call->getNumArgs() == 1) {
    const Expr *Arg = Call->getArg(0);
    // fflush(NULL) flushes every output stream.
    if (isStdoutFile(Arg, Ctx) ||
        Arg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
            Expr::NPCK_NotNull)
      return StdioFlush;
    return NoFlush;
  }
  std::string Qualified = "::" + FD->getQualifiedNameAsString();
  for (llvm::StringRef Name : Opts.FlushFunctions)
    if (Qualified == Name || Qualified == ("::" + Name.ltrim(':')).str())
      return StdioFlush | StreamFlush;
  return NoFlush;
}

} // namespace

StdoutFacts findStdoutFacts(ASTContext &Ctx, const Preprocessor *PP,
                            const FinderOptions &Options) {
  return Walker(Ctx, PP, Options).run();
}

} // namespace clang::tidy::logstream::analysis
