//===--- FactsExtractor.cpp - Per-translation-unit project facts ----------===//

#include "logstream/analysis/FactsExtractor.h"
#include "utils/Compat.h"
#include "logstream/analysis/ProjectFacts.h"
#include "utils/Expressions.h"
#include "utils/LogFiles.h"
#include "utils/StandardStreams.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::logstream::analysis {

namespace json = llvm::json;

namespace {

bool isOneOf(llvm::StringRef Name,
             std::initializer_list<llvm::StringRef> Names) {
  return llvm::is_contained(Names, Name);
}

// The C and POSIX functions the extraction recognizes, by unqualified name
// (only when declared at global scope or in std).
constexpr llvm::StringRef StdioOpens[] = {"fopen", "fopen64", "freopen",
                                          "freopen64"};
constexpr llvm::StringRef PosixOpens[] = {"open",    "open64", "creat",
                                          "creat64", "openat", "openat64"};
constexpr llvm::StringRef Fills[] = {"snprintf", "sprintf"};

/// Where the printf family that writes into its first argument takes its
/// format (`snprintf(buf, n, fmt, ...)`: 2); nullopt for other functions.
/// The `asprintf` pair's first argument is the address of the pointer it
/// allocates.
std::optional<unsigned> formatPosition(llvm::StringRef N) {
  if (N == "snprintf" || N == "vsnprintf")
    return 2;
  if (N == "sprintf" || N == "vsprintf" || N == "asprintf" || N == "vasprintf")
    return 1;
  return std::nullopt;
}
constexpr llvm::StringRef Copies[] = {"strcpy", "strncpy", "stpcpy", "strlcpy"};
constexpr llvm::StringRef Appends[] = {"strcat", "strncat", "strlcat"};
// With utils::comparisonFunctions(): the comparisons of credentials.
constexpr llvm::StringRef ConstantTimeComparisons[] = {"CRYPTO_memcmp",
                                                       "timingsafe_bcmp"};

struct ManagedApi {
  llvm::StringRef Name; // qualified, without leading ::
  llvm::StringRef Operation;
  unsigned PathArgs[2];
  unsigned NumPathArgs;
};
constexpr ManagedApi ManagedApis[] = {
    {"rename", "rotate", {0, 1}, 2},
    {"std::rename", "rotate", {0, 1}, 2},
    {"std::filesystem::rename", "rotate", {0, 1}, 2},
    {"remove", "delete", {0, 0}, 1},
    {"std::remove", "delete", {0, 0}, 1},
    {"unlink", "delete", {0, 0}, 1},
    {"std::filesystem::remove", "delete", {0, 0}, 1},
    {"std::filesystem::remove_all", "delete", {0, 0}, 1},
    {"truncate", "truncate", {0, 0}, 1},
    {"std::filesystem::resize_file", "truncate", {0, 0}, 1},
};

bool isLibraryFunction(const FunctionDecl *FD) {
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (DC->isTranslationUnit())
    return true;
  if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
    return NS->isStdNamespace() || NS->getName() == "filesystem";
  return false;
}

llvm::StringRef calleeName(const CallExpr *C) {
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD || !FD->getIdentifier() || !isLibraryFunction(FD))
    return "";
  return FD->getName();
}

std::string qualifiedName(const FunctionDecl *FD) {
  std::string Q = FD->getQualifiedNameAsString();
  size_t Inline = Q.find("::__cxx11");
  if (Inline != std::string::npos)
    Q.erase(Inline, 9);
  return Q;
}

const Expr *strip(const Expr *E) {
  for (unsigned I = 0; E && I < 16; ++I) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next)) {
      Next = M->getSubExpr();
    } else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next)) {
      Next = B->getSubExpr();
    } else if (const auto *W = dyn_cast<ExprWithCleanups>(Next)) {
      Next = W->getSubExpr();
    } else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Next)) {
      Next = F->getSubExpr();
    } else if (const auto *C = dyn_cast<CStyleCastExpr>(Next)) {
      Next = C->getSubExpr();
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(Next)) {
      const CXXRecordDecl *RD = CE->getConstructor()->getParent();
      bool StringLike =
          RD->getIdentifier() &&
          (RD->getName() == "basic_string" ||
           RD->getName() == "basic_string_view" || RD->getName() == "path");
      if (CE->getNumArgs() >= 1 &&
          (StringLike || CE->getConstructor()->isCopyOrMoveConstructor()))
        Next = CE->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const VarDecl *localVar(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E)))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->isLocalVarDecl())
        return VD;
  return nullptr;
}

json::Value pathToJSON(const PathTemplate &T) {
  json::Array A;
  for (const PathPart &P : T) {
    if (P.K == PathPart::Literal)
      A.push_back(P.Text);
    else if (P.K == PathPart::Param)
      A.push_back(static_cast<int64_t>(P.Index));
    else
      A.push_back(nullptr);
  }
  return A;
}

bool hasParam(const PathTemplate &T) {
  return llvm::any_of(T,
                      [](const PathPart &P) { return P.K == PathPart::Param; });
}

bool allLiteral(const PathTemplate &T) {
  return !T.empty() && llvm::all_of(T, [](const PathPart &P) {
    return P.K == PathPart::Literal;
  });
}

void append(PathTemplate &T, PathTemplate More) {
  for (PathPart &P : More) {
    if (!T.empty() && P.K == PathPart::Literal &&
        T.back().K == PathPart::Literal)
      T.back().Text += P.Text;
    else if (!T.empty() && P.K == PathPart::Unknown &&
             T.back().K == PathPart::Unknown)
      continue;
    else
      T.push_back(std::move(P));
  }
}

/// How a returned expression relates to the value it tests:
/// `return op(...)`, `return !op(...)`, `return op(...) == C`.
struct Transform {
  llvm::StringRef Kind = "direct"; // direct, not, eq, ne
  int64_t Value = 0;
};

/// Summarizes one function.
class Summarizer {
public:
  Summarizer(const FunctionDecl *FD, ASTContext &Ctx,
             const ExtractorOptions &Opts)
      : FD(FD), Ctx(Ctx), SM(Ctx.getSourceManager()), Opts(Opts) {}

  json::Object run(std::set<std::string> &Called, bool &SecuritySites,
                   std::vector<json::Object> &Handles);

private:
  struct ValueStep {
    enum Kind { Set, Append, Fill } K;
    const Expr *E;
  };

  void collect(const Stmt *S, bool TopLevel, bool &Returned);
  /// The values \p S gives local variables (initializers, assignments,
  /// appends, fills by snprintf and the like).
  void collectValues(const Stmt *S);
  void recordValue(const Expr *Target, ValueStep::Kind K, const Expr *E);
  void visitCall(const CallExpr *C, bool Unconditional);
  void visitConstruct(const CXXConstructExpr *C);
  void visitReturn(const ReturnStmt *R);

  PathTemplate path(const Expr *E, unsigned Depth = 0) const;
  PathTemplate formatted(const CallExpr *Fill, unsigned FormatIndex,
                         unsigned Depth) const;
  std::optional<unsigned> paramIndex(const Expr *E) const;
  /// The parameter a message argument passes on: the parameter itself, or
  /// the local buffer a printf-family call formatted from it
  /// (`vsnprintf(buf, sizeof buf, fmt, ap); syslog(p, "%s", buf);`).
  std::optional<unsigned> messageParam(const Expr *E) const;
  /// Remembers a local buffer \p C (a printf-family call named \p N)
  /// formats from a parameter.
  void noteFormatting(const CallExpr *C, llvm::StringRef N);
  /// The parameter that alone decides an open(2)'s access mode.
  std::optional<unsigned> flagsParam(const Expr *E) const;
  /// The parameter whose truth returns before \p Call is reached:
  /// `if (use_syslog) { ...; return; }` earlier in the function's body.
  std::optional<unsigned> unlessParam(const Expr *Call) const;
  bool mentionsParam(const Expr *E, unsigned Depth = 0) const;
  unsigned line(SourceLocation L) const { return SM.getExpansionLineNumber(L); }
  std::string handleOf(const Expr *E) const;
  bool isLogNamed() const;
  bool isSecurityRecord(const CallExpr *C) const;
  void checkOpen(const Expr *Call, llvm::StringRef Api, const Expr *PathArg,
                 const Expr *Mode, bool Write,
                 std::optional<unsigned> FlagsParam = std::nullopt);
  void checkLogging(const CallExpr *C);
  /// The syslog facility of a priority argument (or the parameter it is).
  void addFacility(const Expr *Priority, json::Object &L) const;
  void checkManaged(const CallExpr *C);
  std::optional<std::pair<std::string, bool>>
  operation(const Expr *E, std::string &What) const;
  json::Object edge(const CallExpr *C, const FunctionDecl *Callee,
                    bool Unconditional, const Transform *Returned) const;

  const FunctionDecl *FD;
  ASTContext &Ctx;
  const SourceManager &SM;
  const ExtractorOptions &Opts;

  llvm::DenseMap<const VarDecl *, std::vector<ValueStep>> Values;
  /// The local buffers formatted from a parameter (noteFormatting).
  llvm::DenseMap<const VarDecl *, unsigned> Formatted;
  std::vector<const CallExpr *> Calls;
  llvm::DenseMap<const CallExpr *, bool> UnconditionalCalls;
  std::vector<const CXXConstructExpr *> Constructs;
  std::vector<const ReturnStmt *> Returns;
  unsigned CollectDepth = 0;

  json::Array Opens, Manages, Edges;
  std::optional<json::Object> Logging, SecurityRecord, SecurityOp;
  std::vector<json::Object> OpenedHandles;
};

void Summarizer::recordValue(const Expr *Target, ValueStep::Kind K,
                             const Expr *E) {
  if (const VarDecl *VD = localVar(Target))
    Values[VD].push_back({K, E});
}

/// Whether \p S holds a return, goto or throw.
static bool mayLeave(const Stmt *S) {
  llvm::SmallVector<const Stmt *, 16> Work = {S};
  while (!Work.empty()) {
    const Stmt *W = Work.pop_back_val();
    if (!W)
      continue;
    if (isa<ReturnStmt>(W) || isa<GotoStmt>(W) || isa<CXXThrowExpr>(W))
      return true;
    for (const Stmt *G : W->children())
      Work.push_back(G);
  }
  return false;
}

void Summarizer::collectValues(const Stmt *S) {
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getInit())
          Values[VD].push_back({ValueStep::Set, VD->getInit()});
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->getOpcode() == BO_Assign)
      recordValue(BO->getLHS(), ValueStep::Set, BO->getRHS());
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getNumArgs() == 2 && Op->getOperator() == OO_Equal)
      recordValue(Op->getArg(0), ValueStep::Set, Op->getArg(1));
    else if (Op->getNumArgs() == 2 && Op->getOperator() == OO_PlusEqual)
      recordValue(Op->getArg(0), ValueStep::Append, Op->getArg(1));
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() && MC->getNumArgs() >= 1) {
      if (M->getName() == "append")
        recordValue(MC->getImplicitObjectArgument(), ValueStep::Append,
                    MC->getArg(0));
      else if (M->getName() == "assign")
        recordValue(MC->getImplicitObjectArgument(), ValueStep::Set,
                    MC->getArg(0));
    }
  }
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    llvm::StringRef N = calleeName(C);
    noteFormatting(C, N);
    if (llvm::is_contained(Fills, N) && C->getNumArgs() >= 2)
      recordValue(C->getArg(0), ValueStep::Fill, C);
    else if (llvm::is_contained(Copies, N) && C->getNumArgs() >= 2)
      recordValue(C->getArg(0), ValueStep::Set, C->getArg(1));
    else if (llvm::is_contained(Appends, N) && C->getNumArgs() >= 2)
      recordValue(C->getArg(0), ValueStep::Append, C->getArg(1));
  }
}

void Summarizer::noteFormatting(const CallExpr *C, llvm::StringRef N) {
  std::optional<unsigned> Position = formatPosition(N);
  if (!Position || C->getNumArgs() <= *Position)
    return;
  unsigned Format = *Position;
  const Expr *Dest = strip(C->getArg(0));
  if (N.ends_with("asprintf")) {
    const auto *Addr = dyn_cast<UnaryOperator>(Dest);
    if (!Addr || Addr->getOpcode() != UO_AddrOf)
      return;
    Dest = Addr->getSubExpr();
  }
  const VarDecl *Buffer = localVar(Dest);
  if (!Buffer)
    return;
  for (unsigned I = Format; I < C->getNumArgs(); ++I)
    if (std::optional<unsigned> P = paramIndex(C->getArg(I))) {
      Formatted[Buffer] = *P;
      return;
    }
}

std::optional<unsigned> Summarizer::messageParam(const Expr *E) const {
  if (std::optional<unsigned> P = paramIndex(E))
    return P;
  if (const VarDecl *V = localVar(E))
    if (auto It = Formatted.find(V); It != Formatted.end())
      return It->second;
  return std::nullopt;
}

void Summarizer::collect(const Stmt *S, bool TopLevel, bool &Returned) {
  // Generated code can nest expressions thousands deep: what is that deep is
  // not summarized rather than overflowing the stack.
  if (!S || isa<LambdaExpr>(S) || CollectDepth > 256)
    return;
  struct Nesting {
    unsigned &D;
    explicit Nesting(unsigned &D) : D(D) { ++D; }
    ~Nesting() { --D; }
  } Guard(CollectDepth);
  collectValues(S);
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    Calls.push_back(C);
    UnconditionalCalls[C] = TopLevel && !Returned;
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    Constructs.push_back(CE);
  } else if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    Returns.push_back(R);
  }
  // Statements directly in the body (not under a condition or loop) run on
  // every path that has not returned yet.
  bool Conditional = isa<AbstractConditionalOperator>(S);
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    Conditional = BO->isLogicalOp();
  bool ChildTop = TopLevel && !Conditional &&
                  (isa<CompoundStmt>(S) || isa<Expr>(S) || isa<DeclStmt>(S) ||
                   isa<ReturnStmt>(S));
  for (const Stmt *Child : S->children()) {
    bool Before = Returned;
    collect(Child, ChildTop, Returned);
    if (isa<CompoundStmt>(S) && !Before && !Returned && Child &&
        !isa<CompoundStmt>(Child) && !isa<Expr>(Child) &&
        !isa<DeclStmt>(Child)) {
      // A nested if/loop/switch may return: later statements are no longer
      // on every path.
      Returned = mayLeave(Child);
    }
  }
  if (isa<ReturnStmt>(S))
    Returned = true;
}

PathTemplate Summarizer::formatted(const CallExpr *Fill, unsigned FormatIndex,
                                   unsigned Depth) const {
  const auto *Fmt =
      FormatIndex < Fill->getNumArgs()
          ? dyn_cast<StringLiteral>(strip(Fill->getArg(FormatIndex)))
          : nullptr;
  if (!Fmt || Fmt->getCharByteWidth() != 1)
    return {{PathPart::Unknown, "", 0}};
  llvm::StringRef F = Fmt->getString();
  unsigned Arg = FormatIndex + 1;
  PathTemplate T;
  for (size_t I = 0; I < F.size(); ++I) {
    if (F[I] != '%') {
      append(T, {{PathPart::Literal, std::string(1, F[I]), 0}});
      continue;
    }
    if (I + 1 < F.size() && F[I + 1] == '%') {
      append(T, {{PathPart::Literal, "%", 0}});
      ++I;
      continue;
    }
    size_t J = I + 1;
    while (J < F.size() && !llvm::isAlpha(F[J])) {
      if (F[J] == '*')
        ++Arg; // width or precision argument
      ++J;
    }
    while (J < F.size() && llvm::StringRef("hljztL").contains(F[J]))
      ++J;
    if (J >= F.size())
      break;
    if (F[J] == 's' && Arg < Fill->getNumArgs())
      append(T, path(Fill->getArg(Arg), Depth + 1));
    else
      append(T, {{PathPart::Unknown, "", 0}});
    ++Arg;
    I = J;
  }
  return T;
}

PathTemplate Summarizer::path(const Expr *E, unsigned Depth) const {
  const PathTemplate Unknown = {{PathPart::Unknown, "", 0}};
  E = strip(E);
  if (!E || Depth > 6)
    return Unknown;
  if (const auto *SL = dyn_cast<StringLiteral>(E))
    return SL->getCharByteWidth() == 1
               ? PathTemplate{{PathPart::Literal, SL->getString().str(), 0}}
               : Unknown;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
      for (unsigned I = 0; I < FD->getNumParams(); ++I)
        if (FD->getParamDecl(I) == P)
          return {{PathPart::Param, "", I}};
      return Unknown;
    }
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return Unknown;
    if (!VD->isLocalVarDecl())
      return VD->getType().isConstQualified() && VD->getInit()
                 ? path(VD->getInit(), Depth + 1)
                 : Unknown;
    auto It = Values.find(VD);
    if (It == Values.end())
      return Unknown;
    // The last full assignment, then what was appended after it.
    const std::vector<ValueStep> &Steps = It->second;
    size_t Start = Steps.size();
    for (size_t I = Steps.size(); I-- > 0;)
      if (Steps[I].K != ValueStep::Append) {
        Start = I;
        break;
      }
    if (Start == Steps.size())
      return Unknown;
    PathTemplate T;
    for (size_t I = Start; I < Steps.size(); ++I) {
      const ValueStep &S = Steps[I];
      if (S.K == ValueStep::Fill) {
        const auto *Fill = cast<CallExpr>(S.E);
        append(T,
               formatted(Fill, *formatPosition(calleeName(Fill)), Depth + 1));
      } else {
        append(T, path(S.E, Depth + 1));
      }
    }
    return T;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() == 2 &&
        (Op->getOperator() == OO_Plus || Op->getOperator() == OO_Slash)) {
      PathTemplate T = path(Op->getArg(0), Depth + 1);
      if (Op->getOperator() == OO_Slash)
        append(T, {{PathPart::Literal, "/", 0}});
      append(T, path(Op->getArg(1), Depth + 1));
      return T;
    }
    return Unknown;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() &&
        isOneOf(M->getName(),
                {"c_str", "data", "string", "native", "generic_string"}))
      return path(MC->getImplicitObjectArgument(), Depth + 1);
  }
  return Unknown;
}

std::optional<unsigned> Summarizer::flagsParam(const Expr *E) const {
  // `flags | O_CLOEXEC | O_NOCTTY`: the parameter decides whether the file is
  // written when the constant bits do not (no access mode, no O_CREAT).
  std::optional<unsigned> Param;
  llvm::SmallVector<const Expr *, 4> Work = {E};
  while (!Work.empty()) {
    const Expr *X = strip(Work.pop_back_val());
    if (const auto *Or = dyn_cast<BinaryOperator>(X);
        Or && Or->getOpcode() == BO_Or) {
      Work.push_back(Or->getLHS());
      Work.push_back(Or->getRHS());
      continue;
    }
    Expr::EvalResult R;
    if (!X->isValueDependent() && X->EvaluateAsInt(R, Ctx)) {
      int64_t F = R.Val.getInt().getExtValue();
      if ((F & 3) != 0 || (F & 0100) != 0)
        return std::nullopt;
      continue;
    }
    std::optional<unsigned> I = paramIndex(X);
    if (!I || (Param && *Param != *I))
      return std::nullopt;
    Param = I;
  }
  return Param;
}

/// Whether \p S ends by leaving the function.
static bool leaves(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && leaves(Block->body_back());
  return isa_and_nonnull<ReturnStmt>(S);
}

std::optional<unsigned> Summarizer::unlessParam(const Expr *Call) const {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  if (!Body)
    return std::nullopt;
  SourceLocation At = Call->getBeginLoc();
  std::optional<unsigned> Param;
  for (const Stmt *S : Body->body()) {
    if (!SM.isBeforeInTranslationUnit(S->getEndLoc(), At))
      break;
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || If->getElse() || If->getInit() || !leaves(If->getThen()))
      continue;
    const auto *Cond = dyn_cast<Expr>(If->getCond());
    if (!Cond ||
        !Cond->IgnoreParenImpCasts()->getType()->isIntegralOrEnumerationType())
      continue;
    if (std::optional<unsigned> I = paramIndex(Cond))
      Param = I;
  }
  return Param;
}

std::optional<unsigned> Summarizer::paramIndex(const Expr *E) const {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E)))
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (FD->getParamDecl(I) == DRE->getDecl())
        return I;
  return std::nullopt;
}

bool Summarizer::mentionsParam(const Expr *E, unsigned Depth) const {
  if (!E || Depth > 4)
    return false;
  llvm::SmallVector<const Stmt *, 16> Work = {E};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      if (isa<ParmVarDecl>(DRE->getDecl()))
        return true;
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->isLocalVarDecl())
          if (auto It = Values.find(VD); It != Values.end())
            for (const ValueStep &Step : It->second)
              if (mentionsParam(Step.E, Depth + 1))
                return true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

std::string Summarizer::handleOf(const Expr *E) const {
  const NamedDecl *D = utils::referencedDecl(strip(E));
  if (!D)
    return "";
  if (const auto *VD = dyn_cast<VarDecl>(D))
    if (VD->hasGlobalStorage() && !VD->isStaticLocal())
      return handleKey(VD);
  if (isa<FieldDecl>(D))
    return handleKey(D);
  return "";
}

bool Summarizer::isLogNamed() const {
  if (FD->getIdentifier() &&
      Opts.LogName.matches(utils::normalizeIdentifier(FD->getName())))
    return true;
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD))
    if (M->getParent()->getIdentifier())
      return Opts.LogName.matches(
          utils::normalizeIdentifier(M->getParent()->getName()));
  return false;
}

bool containsWord(llvm::StringRef Text, llvm::StringRef Word) {
  size_t Pos = 0;
  while (!Word.empty() &&
         (Pos = Text.find(Word, Pos)) != llvm::StringRef::npos) {
    bool Start = Pos == 0 || !llvm::isAlnum(Text[Pos - 1]);
    bool End = Pos + Word.size() >= Text.size() ||
               !llvm::isAlnum(Text[Pos + Word.size()]);
    if (Start && End)
      return true;
    Pos += Word.size();
  }
  return false;
}

bool Summarizer::isSecurityRecord(const CallExpr *C) const {
  if (const FunctionDecl *F = C->getDirectCallee()) {
    std::string Q = F->getQualifiedNameAsString();
    if (Q == "logstream::security_event" || Q == "logstream_security_event")
      return true;
  }
  SourceLocation Loc = C->getBeginLoc();
  while (Loc.isMacroID()) {
    llvm::StringRef Macro =
        Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    if (Macro.contains("SECURITY"))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  llvm::StringRef N = calleeName(C);
  bool Syslog = N == "syslog" || N == "vsyslog";
  if (Syslog && C->getNumArgs() >= 1) {
    Expr::EvalResult R;
    if (C->getArg(0)->EvaluateAsInt(R, Ctx) &&
        isAuthFacility(R.Val.getInt().getExtValue()))
      return true;
  }
  bool LogCall = Syslog || isOneOf(N, {"printf", "fprintf", "dprintf", "puts",
                                       "fputs", "vfprintf", "vprintf"});
  const auto *Stream = dyn_cast<CXXOperatorCallExpr>(C);
  if (!LogCall && !(Stream && Stream->getOperator() == OO_LessLess))
    return false;
  llvm::SmallVector<const Stmt *, 16> Work = {C};
  for (unsigned I = 0; !Work.empty() && I < 256; ++I) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *SL = dyn_cast_or_null<StringLiteral>(S))
      if (SL->getCharByteWidth() == 1 &&
          containsWord(SL->getString(), Opts.SecurityTag))
        return true;
    if (S)
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
  }
  return false;
}

void Summarizer::checkOpen(const Expr *Call, llvm::StringRef Api,
                           const Expr *PathArg, const Expr *Mode, bool Write,
                           std::optional<unsigned> FlagsParam) {
  if (!Write)
    return;
  json::Object Open;
  std::optional<unsigned> ModeParam;
  if (Mode) {
    if (const auto *SL = dyn_cast<StringLiteral>(strip(Mode))) {
      if (SL->getString().find_first_of("wa+") == llvm::StringRef::npos)
        return;
    } else {
      ModeParam = paramIndex(Mode);
    }
  }
  if (const NamedDecl *R = utils::receiverOf(Call, Ctx)) {
    std::string Handle;
    if (const auto *VD = dyn_cast<VarDecl>(R);
        VD && VD->hasGlobalStorage() && !VD->isStaticLocal())
      Handle = handleKey(VD);
    else if (isa<FieldDecl>(R))
      Handle = handleKey(R);
    if (!Handle.empty())
      OpenedHandles.push_back(
          json::Object{{"handle", Handle},
                       {"name", R->getNameAsString()},
                       {"api", Api},
                       {"line", line(Call->getBeginLoc())}});
  }
  PathTemplate T = path(PathArg);
  if (!hasParam(T))
    return;
  bool ReturnsHandle = false;
  for (const ReturnStmt *R : Returns)
    if (const Expr *V = R->getRetValue()) {
      if (strip(V) == strip(Call))
        ReturnsHandle = true;
      else if (const VarDecl *VD = localVar(V))
        if (VD->getInit() && strip(VD->getInit()) == strip(Call))
          ReturnsHandle = true;
    }
  Open["path"] = pathToJSON(T);
  // What the checks themselves read of the path where it is opened: when
  // that already names a log file, the open is reported there.
  if (std::optional<std::string> Local = utils::resolvePathValue(PathArg, Ctx))
    Open["local_path"] = *Local;
  Open["api"] = Api;
  Open["line"] = line(Call->getBeginLoc());
  if (ModeParam)
    Open["mode_param"] = static_cast<int64_t>(*ModeParam);
  if (FlagsParam)
    Open["flags_param"] = static_cast<int64_t>(*FlagsParam);
  if (std::optional<unsigned> Unless = unlessParam(Call))
    Open["unless_param"] = static_cast<int64_t>(*Unless);
  if (ReturnsHandle)
    Open["returns"] = true;
  Opens.push_back(std::move(Open));
}

void Summarizer::checkManaged(const CallExpr *C) {
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || !isLibraryFunction(Callee))
    return;
  std::string Q = qualifiedName(Callee);
  for (const ManagedApi &Api : ManagedApis) {
    if (Q != Api.Name)
      continue;
    if (Api.Operation == "delete" && Callee->getName() == "remove" &&
        C->getNumArgs() != 1 && !llvm::StringRef(Q).contains("filesystem"))
      return; // std::remove(first, last, value), the algorithm
    for (unsigned I = 0; I < Api.NumPathArgs; ++I) {
      unsigned Idx = Api.PathArgs[I];
      if (Idx >= C->getNumArgs())
        continue;
      PathTemplate T = path(C->getArg(Idx));
      if (!hasParam(T))
        continue;
      Manages.push_back(json::Object{{"path", pathToJSON(T)},
                                     {"api", Q},
                                     {"op", Api.Operation},
                                     {"line", line(C->getBeginLoc())}});
      return;
    }
  }
}

void Summarizer::addFacility(const Expr *Priority, json::Object &L) const {
  Expr::EvalResult R;
  if (Priority->EvaluateAsInt(R, Ctx)) {
    L["facility"] = R.Val.getInt().getExtValue() & 0x03f8;
  } else if (std::optional<unsigned> P = paramIndex(Priority)) {
    L["facility_param"] = static_cast<int64_t>(*P);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(Priority);
             BO && BO->getOpcode() == BO_Or) {
    for (const Expr *Side : {BO->getLHS(), BO->getRHS()})
      if (Side->EvaluateAsInt(R, Ctx) &&
          (R.Val.getInt().getExtValue() & 0x03f8))
        L["facility"] = R.Val.getInt().getExtValue() & 0x03f8;
  }
}

void Summarizer::checkLogging(const CallExpr *C) {
  if (Logging)
    return;
  llvm::StringRef N = calleeName(C);
  unsigned N0 = C->getNumArgs();
  // The first of the function's parameters passed as the message (from the
  // format argument on): wrappers forward their own message the same way.
  std::optional<unsigned> Message;
  auto Forwards = [&](unsigned From) {
    for (unsigned I = From; I < N0 && !Message; ++I)
      Message = messageParam(C->getArg(I));
    return Message.has_value();
  };
  json::Object L{{"line", line(C->getBeginLoc())}};
  auto Finish = [&](json::Object &&Log) {
    if (Message)
      Log["message_param"] = static_cast<int64_t>(*Message);
    Logging = std::move(Log);
  };
  if ((N == "vsyslog" || N == "syslog") && Forwards(1)) {
    L["dest"] = "syslog";
    L["api"] = N;
    addFacility(strip(C->getArg(0)), L);
    return Finish(std::move(L));
  }
  if (!isLogNamed())
    return;
  std::string Dest, Handle;
  auto Classify = [&](const Expr *Stream) {
    if (std::optional<utils::StdStream> S =
            utils::classifyStdFile(Stream, Ctx)) {
      Dest = *S == utils::StdStream::Out ? "stdout" : "stderr";
      return;
    }
    Handle = handleOf(Stream);
    if (!Handle.empty())
      Dest = "handle";
  };
  if ((N == "vfprintf" || N == "fprintf") && N0 >= 2 && Forwards(1)) {
    Classify(C->getArg(0));
  } else if ((N == "vprintf" || N == "printf" || N == "puts") && Forwards(0)) {
    Dest = "stdout";
  } else if (N == "fputs" && N0 == 2 && Forwards(0)) {
    Classify(C->getArg(1));
  } else if ((N == "vdprintf" || N == "dprintf") && N0 >= 2 && Forwards(1)) {
    Expr::EvalResult R;
    if (C->getArg(0)->EvaluateAsInt(R, Ctx)) {
      int64_t Fd = R.Val.getInt().getExtValue();
      Dest = Fd == 1 ? "stdout" : Fd == 2 ? "stderr" : "";
    } else {
      Handle = handleOf(C->getArg(0));
      if (!Handle.empty())
        Dest = "handle";
    }
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
             Op && Op->getOperator() == OO_LessLess && Op->getNumArgs() == 2 &&
             Forwards(1)) {
    const Expr *Root = Op->getArg(0);
    while (const auto *Inner = dyn_cast<CXXOperatorCallExpr>(strip(Root))) {
      if (Inner->getOperator() != OO_LessLess || Inner->getNumArgs() != 2)
        break;
      Root = Inner->getArg(0);
    }
    if (std::optional<utils::StdStream> S =
            utils::classifyStdOStream(strip(Root)))
      Dest = *S == utils::StdStream::Out ? "stdout" : "stderr";
    else if (!(Handle = handleOf(Root)).empty())
      Dest = "handle";
    N = "operator<<";
  }
  if (Dest.empty())
    return;
  L["dest"] = Dest;
  L["api"] = N;
  if (!Handle.empty())
    L["handle"] = Handle;
  Finish(std::move(L));
}

std::optional<std::pair<std::string, bool>>
Summarizer::operation(const Expr *E, std::string &What) const {
  E = strip(E);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    bool Eq = Op->getOperator() == OO_EqualEqual;
    if (!(Eq || Op->getOperator() == OO_ExclaimEqual) || Op->getNumArgs() != 2)
      return std::nullopt;
    const CXXRecordDecl *RD = Op->getArg(0)->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->getIdentifier() ||
        (RD->getName() != "basic_string" &&
         RD->getName() != "basic_string_view"))
      return std::nullopt;
    if (!utils::mentionsMatchingName(Op->getArg(0), Opts.CredentialName) &&
        !utils::mentionsMatchingName(Op->getArg(1), Opts.CredentialName))
      return std::nullopt;
    What = Eq ? "'==' on a credential" : "'!=' on a credential";
    return std::make_pair(std::string("authn_login"), Eq);
  }
  const auto *C = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  std::string Q = Callee->getQualifiedNameAsString();
  for (const auto &[Name, Event] : Opts.Operations)
    if (Name == Q || Name == "::" + Q) {
      llvm::StringRef Ev(Event);
      bool True = Ev.consume_back(":true");
      What = "'" + Callee->getNameAsString() + "'";
      return std::make_pair(Ev.str(), True);
    }
  llvm::StringRef N = calleeName(C);
  bool Secret = llvm::is_contained(Opts.SecretComparisons, N);
  bool Comparison = llvm::is_contained(utils::comparisonFunctions(), N) ||
                    llvm::is_contained(ConstantTimeComparisons, N);
  if ((!Secret && !Comparison) || C->getNumArgs() < 2)
    return std::nullopt;
  // crypt(3) of what a user typed; of a literal it is a known-answer test
  // of the C library (as the check reads it).
  auto IsCrypt = [](const Expr *A) {
    if (const auto *CC = dyn_cast<CallExpr>(strip(A)))
      return (calleeName(CC) == "crypt" || calleeName(CC) == "crypt_r") &&
             !(CC->getNumArgs() >= 1 && utils::asStringLiteral(CC->getArg(0)));
    return false;
  };
  // Constant-time comparisons exist for secrets: a helper returning one is
  // a credential comparison whatever the operands are called.
  bool Credential = Secret;
  for (unsigned I = 0; I < 2 && !Credential; ++I)
    Credential = IsCrypt(C->getArg(I)) ||
                 utils::mentionsMatchingName(C->getArg(I), Opts.CredentialName);
  if (!Credential)
    return std::nullopt;
  What = "'" + N.str() + "' of a credential";
  return std::make_pair(std::string("authn_login"), false);
}

/// Splits `!x`, `x == C`, `x != C` into the tested value and the test.
const Expr *splitTest(const Expr *E, Transform &T, ASTContext &Ctx) {
  E = strip(E);
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_LNot) {
    T.Kind = "not";
    return strip(U->getSubExpr());
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E);
      B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE)) {
    Expr::EvalResult R;
    const Expr *Value = nullptr;
    if (B->getRHS()->EvaluateAsInt(R, Ctx))
      Value = B->getLHS();
    else if (B->getLHS()->EvaluateAsInt(R, Ctx))
      Value = B->getRHS();
    if (Value) {
      T.Kind = B->getOpcode() == BO_EQ ? "eq" : "ne";
      T.Value = R.Val.getInt().getExtValue();
      return strip(Value);
    }
  }
  return E;
}

json::Object transformJSON(const Transform &T) {
  json::Object O{{"kind", T.Kind}};
  if (T.Kind == "eq" || T.Kind == "ne")
    O["value"] = T.Value;
  return O;
}

/// The success convention of `T(op)` for an op with convention TrueIsSuccess.
bool applyTransform(const Transform &T, bool TrueIsSuccess) {
  if (T.Kind == "not")
    return !TrueIsSuccess;
  if (T.Kind == "eq" || T.Kind == "ne") {
    bool Matches = TrueIsSuccess ? T.Value != 0 : T.Value == 0;
    return T.Kind == "eq" ? Matches : !Matches;
  }
  return TrueIsSuccess;
}

void Summarizer::visitReturn(const ReturnStmt *R) {
  const Expr *V = R->getRetValue();
  if (!V || SecurityOp)
    return;
  // `return len == N && CRYPTO_memcmp(...) == 0`: the last condition decides.
  while (const auto *And = dyn_cast<BinaryOperator>(strip(V))) {
    if (And->getOpcode() != BO_LAnd)
      break;
    V = And->getRHS();
  }
  Transform T;
  const Expr *Tested = splitTest(V, T, Ctx);
  if (const VarDecl *VD = localVar(Tested); VD && T.Kind == "direct") {
    // bool ok = strcmp(...) == 0; ... return ok;
    if (auto It = Values.find(VD); It != Values.end() && It->second.size() == 1)
      Tested = splitTest(It->second.front().E, T, Ctx);
  }
  std::string What;
  if (auto Op = operation(Tested, What)) {
    bool True = applyTransform(T, Op->second);
    SecurityOp = json::Object{{"event", Op->first},
                              {"true_is_success", True},
                              {"what", What},
                              {"line", line(Tested->getBeginLoc())}};
    return;
  }
  if (const auto *C = dyn_cast<CallExpr>(Tested))
    if (const FunctionDecl *Callee = C->getDirectCallee())
      if (!SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
        for (json::Value &V : Edges)
          if (auto *O = V.getAsObject();
              O && O->getInteger("call_id") == reinterpret_cast<intptr_t>(C))
            (*O)["returned"] = transformJSON(T);
}

json::Object Summarizer::edge(const CallExpr *C, const FunctionDecl *Callee,
                              bool Unconditional,
                              const Transform *Returned) const {
  json::Object E{{"callee", functionKey(Callee)},
                 {"name", qualifiedName(Callee)},
                 {"line", line(C->getBeginLoc())}};
  json::Array Args;
  json::Object Ints;
  bool Useful = false;
  unsigned First = isa<CXXOperatorCallExpr>(C) ? 1 : 0;
  for (unsigned I = First; I < C->getNumArgs(); ++I) {
    PathTemplate T = path(C->getArg(I));
    if (hasParam(T) || allLiteral(T)) {
      Args.push_back(pathToJSON(T));
      Useful |= hasParam(T);
    } else {
      Args.push_back(nullptr);
    }
    Expr::EvalResult R;
    if (!C->getArg(I)->isValueDependent() &&
        C->getArg(I)->EvaluateAsInt(R, Ctx))
      Ints[std::to_string(I - First)] = R.Val.getInt().getExtValue();
    else if (mentionsParam(C->getArg(I)))
      Useful = true;
  }
  E["args"] = std::move(Args);
  if (!Ints.empty())
    E["ints"] = std::move(Ints);
  if (Unconditional)
    E["uncond"] = true;
  if (Returned)
    E["returned"] = transformJSON(*Returned);
  if (const NamedDecl *R = utils::receiverOf(C, Ctx)) {
    std::string H;
    if (const auto *VD = dyn_cast<VarDecl>(R);
        VD && VD->hasGlobalStorage() && !VD->isStaticLocal())
      H = handleKey(VD);
    else if (isa<FieldDecl>(R))
      H = handleKey(R);
    if (!H.empty()) {
      E["receiver"] = H;
      E["receiver_name"] = R->getNameAsString();
      Useful = true;
    }
  }
  E["useful"] = Useful || Unconditional;
  return E;
}

void Summarizer::visitCall(const CallExpr *C, bool Unconditional) {
  llvm::StringRef N = calleeName(C);
  if (llvm::is_contained(StdioOpens, N) && C->getNumArgs() >= 1) {
    bool Reopen = N.starts_with("freopen");
    if (Reopen &&
        (C->getNumArgs() < 3 || utils::classifyStdFile(C->getArg(2), Ctx)))
      return; // redirection of stdout/stderr is judged where it is written
    checkOpen(C, N, C->getArg(0), C->getNumArgs() >= 2 ? C->getArg(1) : nullptr,
              true);
    return;
  }
  if (llvm::is_contained(PosixOpens, N)) {
    unsigned PathIdx = N.starts_with("openat") ? 1 : 0;
    if (C->getNumArgs() <= PathIdx)
      return;
    bool Write = true;
    std::optional<unsigned> FlagsParam;
    if (!N.starts_with("creat") && C->getNumArgs() > PathIdx + 1) {
      Expr::EvalResult R;
      if (C->getArg(PathIdx + 1)->EvaluateAsInt(R, Ctx)) {
        int64_t F = R.Val.getInt().getExtValue();
        Write = (F & 3) != 0 || (F & 0100) != 0; // O_ACCMODE, O_CREAT (Linux)
      } else {
        FlagsParam = flagsParam(C->getArg(PathIdx + 1));
      }
    }
    checkOpen(C, N, C->getArg(PathIdx), nullptr, Write, FlagsParam);
    return;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    const CXXRecordDecl *RD = M ? M->getParent() : nullptr;
    if (M && M->getIdentifier() && M->getName() == "open" && RD &&
        RD->getIdentifier() &&
        isOneOf(RD->getName(), {"basic_ofstream", "basic_fstream"}) &&
        MC->getNumArgs() >= 1) {
      const Expr *Obj = MC->getImplicitObjectArgument();
      if (std::string H = handleOf(Obj); !H.empty())
        OpenedHandles.push_back(json::Object{
            {"handle", H},
            {"name", utils::referencedDecl(strip(Obj))->getNameAsString()},
            {"api", "std::ofstream::open"},
            {"line", line(C->getBeginLoc())}});
      PathTemplate T = path(MC->getArg(0));
      if (hasParam(T))
        Opens.push_back(json::Object{{"path", pathToJSON(T)},
                                     {"api", "std::ofstream::open"},
                                     {"line", line(C->getBeginLoc())}});
      return;
    }
  }
  checkManaged(C);
  checkLogging(C);
  if (Unconditional && !SecurityRecord && isSecurityRecord(C))
    SecurityRecord =
        json::Object{{"what", N.empty() ? "a SECURITY record" : N.str()},
                     {"line", line(C->getBeginLoc())}};
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || Callee->isTemplated() ||
      SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
    return;
  json::Object E = edge(C, Callee, Unconditional, nullptr);
  if (!compat::toStd(E.getBoolean("useful")).value_or(false)) {
    // Kept only if a return uses it (filled in by visitReturn).
    bool Returned = false;
    for (const ReturnStmt *R : Returns)
      if (R->getRetValue()) {
        Transform T;
        const Expr *Tested = splitTest(R->getRetValue(), T, Ctx);
        Returned |= Tested == strip(C);
      }
    if (!Returned)
      return;
  }
  E.erase("useful");
  E["call_id"] = reinterpret_cast<intptr_t>(C);
  Edges.push_back(std::move(E));
}

void Summarizer::visitConstruct(const CXXConstructExpr *CE) {
  const CXXRecordDecl *RD = CE->getConstructor()->getParent();
  if (!RD->getIdentifier() || CE->getNumArgs() < 1 ||
      !isOneOf(RD->getName(), {"basic_ofstream", "basic_fstream"}))
    return;
  checkOpen(CE, "std::ofstream", CE->getArg(0), nullptr, true);
}

json::Object Summarizer::run(std::set<std::string> &Called, bool &SecuritySites,
                             std::vector<json::Object> &Handles) {
  bool Returned = false;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        collect(Init->getInit(), true, Returned);
  collect(FD->getBody(), true, Returned);
  for (const ReturnStmt *R : Returns)
    visitReturn(R);
  for (const CallExpr *C : Calls) {
    visitCall(C, UnconditionalCalls.lookup(C));
    std::string What;
    if (operation(C, What))
      SecuritySites = true;
    if (const FunctionDecl *Callee = C->getDirectCallee())
      if (Callee->getIdentifier() &&
          !SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
        Called.insert(functionKey(Callee));
  }
  for (const CXXConstructExpr *CE : Constructs)
    visitConstruct(CE);
  for (const ReturnStmt *R : Returns)
    visitReturn(R); // now that the edges exist
  for (json::Value &V : Edges)
    V.getAsObject()->erase("call_id");
  for (json::Object &H : OpenedHandles) {
    H["function"] = functionKey(FD);
    Handles.push_back(std::move(H));
  }

  json::Object Out;
  if (!Opens.empty())
    Out["opens"] = std::move(Opens);
  if (!Manages.empty())
    Out["manages"] = std::move(Manages);
  if (Logging)
    Out["logging"] = std::move(*Logging);
  if (SecurityRecord)
    Out["security_record"] = std::move(*SecurityRecord);
  if (SecurityOp && !Out.getObject("security_record"))
    Out["security_op"] = std::move(*SecurityOp);
  // A thin wrapper of strcmp & co.: its callers' comparisons are checked as
  // if they called the comparison itself.
  bool ComparesEqual = false;
  if (llvm::StringRef Compared = utils::comparedBy(FD, &ComparesEqual);
      !Compared.empty()) {
    Out["compares"] = Compared.str();
    if (ComparesEqual)
      Out["compares_equal"] = true;
  }
  if (!Edges.empty())
    Out["calls"] = std::move(Edges);
  return Out;
}

} // namespace

void FactsExtractor::addFunction(const FunctionDecl *FD, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!FD->hasBody() || FD->isTemplated() || FD->isDependentContext() ||
      FD->getTemplateInstantiationPattern() ||
      SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
    return;
  std::string Key = functionKey(FD);
  if (!Seen.insert(Key).second)
    return;
  json::Object Summary =
      Summarizer(FD, Ctx, Opts).run(Called, SecuritySites, Handles);
  if (Summary.empty())
    return;
  std::string File = definitionFile(FD);
  Summary["name"] = qualifiedName(FD);
  Summary["file"] = File;
  Summary["line"] = SM.getExpansionLineNumber(FD->getLocation());
  auto Digest = Digests.find(File);
  if (Digest == Digests.end())
    Digest = Digests.insert({File, fileDigest(File)}).first;
  Summary["digest"] = Digest->second;
  json::Array Params;
  for (const ParmVarDecl *P : FD->parameters())
    Params.push_back(P->getNameAsString());
  Summary["params"] = std::move(Params);
  Functions.emplace_back(Key, std::move(Summary));
}

void FactsExtractor::addOpenlog(const CallExpr *Call, ASTContext &Ctx) {
  Expr::EvalResult R;
  if (Call->getNumArgs() >= 3 && Call->getArg(2)->EvaluateAsInt(R, Ctx))
    OpenlogFacilities.insert(R.Val.getInt().getExtValue() & 0x03f8);
  else
    OpenlogUnknown = true;
}

void FactsExtractor::addCall(const FunctionDecl *Callee) {
  if (Callee && Callee->getIdentifier())
    Called.insert(functionKey(Callee));
}

json::Value FactsExtractor::toJSON(const SourceManager &SM) const {
  json::Object Fns;
  for (const auto &[Key, Summary] : Functions)
    Fns[Key] = json::Object(Summary);
  json::Array Deps;
  std::set<std::string> DepSet;
  for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
    const SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
    // Every file the unit read, system headers included: logstream-ci's
    // result cache is keyed on their contents (a library upgrade changes
    // what the checks see).
    if (!E.isFile())
      continue;
    llvm::StringRef Name =
        compat::contentFileName(E.getFile().getContentCache());
    if (!Name.empty()) {
      llvm::SmallString<256> Path(Name);
      (void)llvm::sys::fs::make_absolute(Path); // kept relative on failure
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      DepSet.insert(std::string(Path));
    }
  }
  for (const std::string &D : DepSet)
    Deps.push_back(D);
  std::string Main;
  llvm::StringRef MainName = compat::fileIDName(SM, SM.getMainFileID());
  if (!MainName.empty()) {
    llvm::SmallString<256> Path(MainName);
    (void)llvm::sys::fs::make_absolute(Path); // kept relative on failure
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Main = std::string(Path);
  }
  json::Array Handled, Openlog, CalledKeys;
  for (const json::Object &H : Handles)
    Handled.push_back(json::Object(H));
  for (int64_t F : OpenlogFacilities)
    Openlog.push_back(F);
  for (const std::string &K : Called)
    CalledKeys.push_back(K);
  return json::Object{{"format", UnitFactsFormat},
                      {"version", FactsVersion},
                      {"tu", Main},
                      {"deps", std::move(Deps)},
                      {"functions", std::move(Fns)},
                      {"handles", std::move(Handled)},
                      {"openlog", std::move(Openlog)},
                      {"openlog_unknown", OpenlogUnknown},
                      {"called", std::move(CalledKeys)},
                      {"security_sites", SecuritySites}};
}

std::string FactsExtractor::write(llvm::StringRef Directory,
                                  const SourceManager &SM) const {
  json::Value Doc = toJSON(SM);
  std::string Main = Doc.getAsObject()->getString("tu")->str();
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(
      Path, llvm::utohexstr(compat::hash64(Main), true, 16) + ".json");
  std::string Tmp = (Path + ".tmp").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Tmp, EC);
    if (EC)
      return "cannot write " + Tmp + ": " + EC.message();
    Out << llvm::formatv("{0:1}", Doc) << "\n";
  }
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Path))
    return "cannot write " + std::string(Path) + ": " + EC.message();
  return "";
}

} // namespace clang::tidy::logstream::analysis
