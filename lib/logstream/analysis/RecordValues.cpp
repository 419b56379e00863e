//===--- RecordValues.cpp - What a log record writes ----------------------===//

#include "RecordValues.h"
#include "ProjectFacts.h"
#include "utils/Expressions.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "utils/UserCodeMatchers.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::analysis {

namespace {

/// functionDecl(anyOf(hasAnyName(Names), Method, <printf-like and the
/// project's own>)), the callee filter of the record calls (asked once per
/// function called, UserCodeMatchers::addCallMatcher): the names tested by
/// hasAnyNameFast's hash test first, the format attribute looked up
/// directly.
class RecordCalleeMatcher : public internal::MatcherInterface<Decl> {
public:
  RecordCalleeMatcher(llvm::ArrayRef<llvm::StringRef> Names,
                      internal::Matcher<Decl> Method)
      : Named(utils::hasAnyNameFast(Names)), Method(std::move(Method)) {}

  bool matches(const Decl &Node, internal::ASTMatchFinder *Finder,
               internal::BoundNodesTreeBuilder *Builder) const override {
    const auto *F = dyn_cast<FunctionDecl>(&Node);
    if (!F)
      return false;
    // The project's own printf-like functions (a system header's are the
    // standard library's; the classifier asks for a logging name).
    if (F->hasAttr<FormatAttr>() || F->isVariadic() ||
        F->getPrimaryTemplate()) {
      const SourceManager &SM = Finder->getASTContext().getSourceManager();
      if (!SM.isInSystemHeader(SM.getExpansionLoc(F->getBeginLoc())))
        return true;
    }
    return Named.matches(*F, Finder, Builder) ||
           (isa<CXXMethodDecl>(F) && Method.matches(*F, Finder, Builder));
  }

private:
  internal::Matcher<NamedDecl> Named;
  internal::Matcher<Decl> Method;
};

bool isCFunction(const FunctionDecl *F) {
  const DeclContext *DC = F->getDeclContext()->getRedeclContext();
  return DC->isTranslationUnit() || DC->isStdNamespace();
}

std::optional<RecordKind> cKind(const FunctionDecl *F, bool &AddsNewline) {
  if (!F || !F->getIdentifier() || !isCFunction(F))
    return std::nullopt;
  llvm::StringRef N = F->getName();
  static constexpr llvm::StringRef Stdio[] = {"printf",  "fprintf",  "dprintf",
                                              "vprintf", "vfprintf", "fputs"};
  static constexpr llvm::StringRef Lines[] = {"puts", "perror", "err",
                                              "errx", "warn",   "warnx"};
  if (llvm::is_contained(Stdio, N))
    return RecordKind::Stdio;
  if (llvm::is_contained(Lines, N)) {
    AddsNewline = true;
    return RecordKind::Stdio;
  }
  if (N == "syslog" || N == "vsyslog") {
    AddsNewline = true;
    return RecordKind::Syslog;
  }
  if (N.starts_with("logstream_"))
    return RecordKind::Runtime;
  return std::nullopt;
}

/// A literal piece: a string literal or a character literal (`'\n'`).
std::optional<std::string> literalPiece(const Expr *E) {
  if (const StringLiteral *SL = utils::asStringLiteral(E))
    return SL->getCharByteWidth() == 1 ? SL->getString().str() : std::string();
  if (const auto *CL = dyn_cast<CharacterLiteral>(stripValue(E)))
    return std::string(1, static_cast<char>(CL->getValue()));
  return std::nullopt;
}

bool isEndl(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(stripValue(E));
  return DRE && DRE->getDecl()->getIdentifier() &&
         DRE->getDecl()->getName() == "endl";
}

void addChain(RecordShape &S, const CXXOperatorCallExpr *Op) {
  llvm::SmallVector<const Expr *, 8> Operands;
  const Expr *E = Op;
  while (const auto *O = dyn_cast<CXXOperatorCallExpr>(stripValue(E))) {
    if (O->getOperator() != OO_LessLess || O->getNumArgs() != 2)
      break;
    Operands.push_back(O->getArg(1));
    E = O->getArg(0);
  }
  for (const Expr *A : llvm::reverse(Operands)) {
    if (isEndl(A)) {
      S.Pieces.push_back({A, "\n", true});
    } else if (auto Text = literalPiece(A)) {
      S.Pieces.push_back({A, *Text, true});
    } else if (!A->getType()->isFunctionType() &&
               !A->getType()->isFunctionPointerType()) {
      S.Pieces.push_back({A, "", false});
      S.Values.push_back({A, ValueSlot::StreamOperand, std::nullopt});
    }
  }
}

/// One written argument of a logging call: a literal, a message built with
/// `<<` (log4cxx's `oss_.str(oss_ << message)`), or a value.
void addArgument(RecordShape &S, const Expr *A, ValueSlot Slot) {
  const Expr *E = stripValue(A);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && MC->getNumArgs() == 1 && MC->getMethodDecl() &&
      MC->getMethodDecl()->getIdentifier() &&
      MC->getMethodDecl()->getName() == "str")
    E = stripValue(MC->getArg(0));
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_LessLess) {
    addChain(S, Op);
    return;
  }
  if (auto Text = literalPiece(A)) {
    S.Pieces.push_back({A, *Text, true});
    return;
  }
  S.Pieces.push_back({A, "", false});
  S.Values.push_back({A, Slot, std::nullopt});
}

/// The field values of the runtime API: `{{"user", user}}` in C++,
/// `(const char *[]){"user", user}` in C.
void addRuntimeFields(RecordShape &S, const CallExpr *Call) {
  llvm::SmallVector<const Stmt *, 16> Work;
  for (const Expr *A : Call->arguments())
    Work.push_back(A);
  for (unsigned N = 0; !Work.empty() && N < 256; ++N) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (const auto *IL = dyn_cast<InitListExpr>(Cur)) {
      const auto *RD = IL->getType()->getAsRecordDecl();
      if (RD && RD->getIdentifier() && RD->getName() == "field" &&
          IL->getNumInits() == 2) {
        const Expr *V = IL->getInit(1);
        if (const auto *C = dyn_cast<CXXConstructExpr>(stripValue(V));
            C && C->getNumArgs() == 1)
          V = C->getArg(0);
        S.Values.push_back({V, ValueSlot::FieldValue, std::nullopt});
        continue;
      }
      if (IL->getType()->isArrayType() && !IL->getType()
                                               ->getAsArrayTypeUnsafe()
                                               ->getElementType()
                                               ->isRecordType()) {
        for (unsigned I = 1; I < IL->getNumInits(); I += 2)
          S.Values.push_back(
              {IL->getInit(I), ValueSlot::FieldValue, std::nullopt});
        continue;
      }
    }
    for (const Stmt *C : Cur->children())
      Work.push_back(C);
  }
}

} // namespace

const Expr *stripValue(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenCasts()->IgnoreImplicit();
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    if (Next == E)
      break;
    E = Next;
  }
  return E;
}

RecordShape describeRecord(const Expr *Record, ASTContext &Ctx) {
  RecordShape S;
  S.Record = Record;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Record);
      Op && Op->getOperator() == OO_LessLess) {
    bool Std = utils::classifyStdOStream(streamRoot(Op)).has_value();
    S.Kind = Std ? RecordKind::Stdio : RecordKind::Library;
    S.AddsNewline = !Std;
    addChain(S, Op);
    return S;
  }
  const auto *Call = dyn_cast<CallExpr>(Record);
  if (!Call)
    return S;
  const FunctionDecl *F = Call->getDirectCallee();
  std::string Q = F ? F->getQualifiedNameAsString() : std::string();
  bool AddsNewline = false;
  std::optional<RecordKind> Kind = cKind(F, AddsNewline);
  if (llvm::StringRef(Q).starts_with("logstream::"))
    Kind = RecordKind::Runtime;
  S.Kind = Kind.value_or(RecordKind::Library);
  S.AddsNewline = Kind ? AddsNewline : true;
  if (S.Kind == RecordKind::Runtime) {
    addRuntimeFields(S, Call);
    return S;
  }
  if (std::optional<utils::PrintfCall> P = utils::printfShape(Call)) {
    S.Printf = P;
    if (P->FormatIndex >= Call->getNumArgs())
      return S;
    S.Format = utils::asStringLiteral(Call->getArg(P->FormatIndex));
    std::optional<std::vector<utils::Conversion>> Convs;
    if (S.Format && S.Format->getCharByteWidth() == 1) {
      S.Pieces.push_back({S.Format, S.Format->getString().str(), true});
      Convs = utils::parsePrintfFormat(S.Format->getString());
    }
    for (unsigned I = P->FirstArg; I < Call->getNumArgs(); ++I) {
      const Expr *A = Call->getArg(I);
      if (isa<CXXDefaultArgExpr>(A))
        break;
      RecordValue V{A, ValueSlot::PrintfArg, std::nullopt};
      if (Convs)
        for (const utils::Conversion &C : *Convs)
          if (C.Arg && *C.Arg == I - P->FirstArg)
            V.Conv = C;
      S.Values.push_back(V);
    }
    return S;
  }
  llvm::StringRef QR(Q);
  ValueSlot Slot = QR.starts_with("spdlog::") || QR.starts_with("fmt::")
                       ? ValueSlot::FormatArg
                       : ValueSlot::CallArg;
  for (const Expr *A : utils::writtenArgs(Call))
    addArgument(S, A, Slot);
  return S;
}

bool writesToLog(const CallExpr *Call, const utils::Pattern &LogHandle,
                 ASTContext &Ctx) {
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !F->getIdentifier() || !isCFunction(F))
    return true;
  llvm::StringRef N = F->getName();
  std::optional<unsigned> Stream;
  if (N == "fprintf" || N == "vfprintf" || N == "dprintf")
    Stream = 0;
  else if (N == "fputs")
    Stream = 1;
  if (!Stream || *Stream >= Call->getNumArgs())
    return true;
  const Expr *H = Call->getArg(*Stream);
  if (N == "dprintf") {
    Expr::EvalResult R;
    if (H->EvaluateAsInt(R, Ctx)) {
      int64_t Fd = R.Val.getInt().getExtValue();
      return Fd == 1 || Fd == 2;
    }
  } else if (utils::classifyStdFile(H, Ctx)) {
    return true;
  }
  const Expr *E = stripValue(H);
  const NamedDecl *D = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    D = DRE->getDecl();
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = ME->getMemberDecl();
  else if (const auto *C = dyn_cast<CallExpr>(E))
    D = C->getDirectCallee();
  return D && D->getIdentifier() &&
         LogHandle.matches(utils::normalizeIdentifier(D->getName()));
}

void registerRecordMatchers(MatchFinder *Finder,
                            MatchFinder::MatchCallback *Callback,
                            const RecordClassifier &Records) {
  std::vector<std::string> Names = {"::printf",
                                    "::fprintf",
                                    "::dprintf",
                                    "::puts",
                                    "::fputs",
                                    "::perror",
                                    "::syslog",
                                    "::err",
                                    "::errx",
                                    "::warn",
                                    "::warnx",
                                    "::std::printf",
                                    "::std::fprintf",
                                    "::std::puts",
                                    "::std::fputs",
                                    "::std::perror",
                                    "::logstream_event",
                                    "::logstream_event_fd",
                                    "::logstream_security_event",
                                    "::logstream::event",
                                    "::logstream::security_event",
                                    "::spdlog::trace",
                                    "::spdlog::debug",
                                    "::spdlog::info",
                                    "::spdlog::warn",
                                    "::spdlog::error",
                                    "::spdlog::critical",
                                    "::spdlog::log",
                                    "::log4cplus::detail::macro_forced_log"};
  for (llvm::StringRef F : Records.loggingFunctions())
    Names.push_back(F.str());
  if (Records.facts())
    for (std::string &N : Records.facts()->namesWithLogging())
      Names.push_back(std::move(N));
  std::vector<llvm::StringRef> Refs(Names.begin(), Names.end());
  utils::UserCodeMatchers Grouped(Finder, Callback);
  auto LoggerMethod = cxxMethodDecl(
      utils::hasAnyNameFast("trace", "debug", "info", "warn", "error",
                            "critical", "log", "fatal", "information", "notice",
                            "warning", "forcedLog"),
      ofClass(cxxRecordDecl(isSameOrDerivedFrom(cxxRecordDecl(
          utils::hasAnyNameFast("::spdlog::logger", "::log4cxx::Logger",
                                "::log4cplus::Logger", "::Poco::Logger"))))));
  Grouped.addCallMatcher(
      DeclarationMatcher(new RecordCalleeMatcher(Refs, LoggerMethod)),
      callExpr().bind(RecordCallId), Callback);
  for (llvm::StringRef M : Records.loggingMacros())
    Grouped.addMatcher(
        callExpr(isExpandedFromMacro(M.str())).bind(RecordMacroCallId),
        Callback);
  Grouped.addMatcher(
      cxxOperatorCallExpr(hasOverloadedOperatorName("<<"), argumentCountIs(2))
          .bind(RecordStreamId),
      Callback);
}

bool OutermostStreams::take(const CXXOperatorCallExpr *Op) {
  if (Inner.count(Op))
    return false;
  const Expr *E = Op->getArg(0);
  while (const auto *O = dyn_cast<CXXOperatorCallExpr>(stripValue(E))) {
    if (O->getOperator() != OO_LessLess || O->getNumArgs() != 2)
      break;
    Inner.insert(O);
    E = O->getArg(0);
  }
  return true;
}

bool isRecordCall(const CallExpr *Call, const RecordClassifier &Records,
                  ASTContext &Ctx) {
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !F->getIdentifier())
    return false;
  if (Records.isLogRecord(Call, Ctx))
    return true;
  std::string Q = F->getQualifiedNameAsString();
  bool AddsNewline = false;
  if (Q == "log4cplus::detail::macro_forced_log" || cKind(F, AddsNewline))
    return true;
  if (const auto *M = dyn_cast<CXXMethodDecl>(F))
    if (const CXXRecordDecl *RD = M->getParent(); RD && RD->getIdentifier()) {
      std::string C = RD->getQualifiedNameAsString();
      return C == "spdlog::logger" || C == "log4cxx::Logger" ||
             C == "log4cplus::Logger" || C == "Poco::Logger";
    }
  return false;
}

} // namespace clang::tidy::logstream::analysis
