//===--- BufferedStdoutLoggers.cpp - Logger settings that drop events -----===//
//
// Asynchronous loggers put events in a queue that a worker thread writes
// out. Some settings make the queue discard events when it is full; those
// events never reach the stream. Each rule below cites the library source
// that shows the loss (docs/checks/buffered-stdout.md has the full table).
//
//===----------------------------------------------------------------------===//

#include "BufferedStdoutCheck.h"
#include "utils/Expressions.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/UserCodeMatchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

namespace {
/// A reference that spells template arguments (`make_shared<T>`); the
/// hasAnyTemplateArgumentLoc matcher for DeclRefExpr arrived in LLVM 15.
AST_MATCHER(DeclRefExpr, hasExplicitTemplateArgs) {
  return Node.hasExplicitTemplateArgs();
}

constexpr llvm::StringRef OverrunId = "spdlog-overrun";
constexpr llvm::StringRef SpelledTypesId = "spelled-types";
constexpr llvm::StringRef NonblockCreateId = "spdlog-create-nb";

/// A type name that makes a logger drop events, and its replacement.
struct DroppingType {
  llvm::StringRef Qualified; // without inline namespaces
  llvm::StringRef Replacement;
  llvm::StringRef Message;
  llvm::StringRef Header; // of the replacement, "" when it is always there
};
// spdlog 1.10 async.h:61; Boost.Log 1.74 sinks/drop_on_overflow.hpp:51-53.
constexpr DroppingType DroppingTypes[] = {
    {"spdlog::async_factory_nonblock", "async_factory",
     "'%0' makes loggers that drop the oldest queued events when the async "
     "queue is full; use '%1' so that no event is lost",
     ""},
    {"boost::log::sinks::drop_on_overflow", "block_on_overflow",
     "'%0' discards events when the sink's queue is full; use '%1' so that "
     "no event is lost",
     "<boost/log/sinks/block_on_overflow.hpp>"},
};

/// Finds, in a type as written, the names of DroppingTypes (the last token
/// of each, which is the name itself).
class DroppingTypeFinder : public RecursiveASTVisitor<DroppingTypeFinder> {
public:
  llvm::SmallVector<std::pair<SourceLocation, const DroppingType *>, 2> Found;

  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    if (const auto *T = TL.getType()->getAs<TypedefType>())
      note(T->getDecl(), TL.getEndLoc());
    return true;
  }
  bool VisitRecordTypeLoc(RecordTypeLoc TL) {
    note(TL.getType()->getAsRecordDecl(), TL.getEndLoc());
    return true;
  }

private:
  /// Compares the name and the outermost namespace, which skips inline
  /// namespaces (boost::log::v2_mt_posix::sinks).
  void note(const NamedDecl *D, SourceLocation Loc) {
    if (!D || !D->getIdentifier())
      return;
    for (const DroppingType &T : DroppingTypes) {
      auto [Scope, Name] = T.Qualified.rsplit("::");
      if (D->getName() == Name &&
          llvm::StringRef(D->getQualifiedNameAsString())
              .starts_with((Scope.split("::").first + "::").str()))
        Found.emplace_back(Loc, &T);
    }
  }
};
constexpr llvm::StringRef NonBlockingId = "log4cxx-nonblocking";
constexpr llvm::StringRef QueueSizeId = "poco-queue-size";
} // namespace

void BufferedStdoutCheck::registerLoggerMatchers(
    utils::UserCodeMatchers &Grouped) {
  if (!getLangOpts().CPlusPlus)
    return;
  // spdlog 1.10 async_logger.h:25: overrun_oldest "Discard oldest message in
  // the queue if full"; details/thread_pool-inl.h:91 enqueue_nowait.
  Grouped.addMatcher(
      declRefExpr(to(enumConstantDecl(hasName(
                      "::spdlog::async_overflow_policy::overrun_oldest"))))
          .bind(OverrunId),
      this);
  // spdlog 1.10 async.h:70.
  Grouped.addMatcher(
      declRefExpr(to(functionDecl(hasName("::spdlog::create_async_nb"))))
          .bind(NonblockCreateId),
      this);
  // Types that drop events, where user code spells a type: aliases,
  // variables, new-expressions and explicit template arguments. (Matching
  // every TypeLoc of the translation unit would cost more than the rest of
  // the check together.)
  Grouped.addMatcher(typedefNameDecl().bind(SpelledTypesId), this);
  Grouped.addMatcher(varDecl(unless(parmVarDecl())).bind(SpelledTypesId), this);
  Grouped.addMatcher(cxxNewExpr().bind(SpelledTypesId), this);
  Grouped.addMatcher(
      declRefExpr(hasExplicitTemplateArgs()).bind(SpelledTypesId), this);
  // log4cxx 1.0.0 asyncappender.cpp:250-263: without blocking a full buffer
  // discards the event.
  Grouped.addCallMatcher(
      {"setBlocking"},
      cxxMemberCallExpr(
          callee(cxxMethodDecl(ofClass(hasName("::log4cxx::AsyncAppender")))),
          argumentCountIs(1))
          .bind(NonBlockingId),
      this);
  // Poco 1.11.0 AsyncChannel.cpp:112-115: a full queue drops the message.
  Grouped.addCallMatcher(
      {"setProperty"},
      cxxMemberCallExpr(callee(cxxMethodDecl(ofClass(
                            isSameOrDerivedFrom("::Poco::AsyncChannel")))),
                        argumentCountIs(2))
          .bind(QueueSizeId),
      this);
}

/// Poco's AsyncChannel reads "none", "unlimited", "" and 0 as no limit.
static bool isUnlimitedQueueSize(llvm::StringRef Value) {
  Value = Value.trim();
  unsigned long long N = 0;
  return Value.empty() || Value.equals_insensitive("none") ||
         Value.equals_insensitive("unlimited") ||
         (!Value.getAsInteger(10, N) && N == 0);
}

void BufferedStdoutCheck::replaceToken(SourceLocation Loc, StringRef Message,
                                       StringRef Old, StringRef New,
                                       const SourceManager &SM,
                                       std::optional<FixItHint> Include) {
  auto D = diag(SM.getExpansionLoc(Loc), Message) << Old << New;
  if (Loc.isMacroID())
    return;
  CharSourceRange Range = CharSourceRange::getTokenRange(Loc, Loc);
  if (Lexer::getSourceText(Range, SM, getLangOpts()) != Old)
    return;
  D << FixItHint::CreateReplacement(Range, New);
  if (Include)
    D << *Include;
}

/// The types as written that a declaration or expression holds.
static llvm::SmallVector<TypeLoc, 4> spelledTypes(const DynTypedNode &Node) {
  llvm::SmallVector<TypeLoc, 4> Types;
  auto Add = [&](const TypeSourceInfo *TSI) {
    if (TSI)
      Types.push_back(TSI->getTypeLoc());
  };
  if (const auto *D = Node.get<TypedefNameDecl>())
    Add(D->getTypeSourceInfo());
  else if (const auto *V = Node.get<VarDecl>())
    Add(V->getTypeSourceInfo());
  else if (const auto *New = Node.get<CXXNewExpr>())
    Add(New->getAllocatedTypeSourceInfo());
  else if (const auto *Ref = Node.get<DeclRefExpr>())
    for (const TemplateArgumentLoc &Arg : Ref->template_arguments())
      if (Arg.getArgument().getKind() == TemplateArgument::Type)
        Add(Arg.getTypeSourceInfo());
  return Types;
}

void BufferedStdoutCheck::checkSpelledTypes(
    const DynTypedNode &Node, const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  for (TypeLoc TL : spelledTypes(Node)) {
    DroppingTypeFinder Finder;
    Finder.TraverseTypeLoc(TL);
    for (const auto &[Loc, Type] : Finder.Found) {
      // `auto` and the same written type reached twice are reported once.
      if (Loc.isInvalid() ||
          !ReportedTypeLocs.insert(Loc.getRawEncoding()).second)
        continue;
      std::optional<FixItHint> Include;
      if (!Type->Header.empty())
        Include = includeFor(Loc, Type->Header);
      replaceToken(Loc, Type->Message, Type->Qualified.rsplit("::").second,
                   Type->Replacement, SM, Include);
    }
  }
}

bool BufferedStdoutCheck::checkLoggerSetting(
    const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const auto &Nodes = Result.Nodes;
  if (const auto *Ref = Nodes.getNodeAs<DeclRefExpr>(OverrunId)) {
    replaceToken(Ref->getLocation(),
                 "'%0' drops the oldest queued events when the async queue is "
                 "full; use '%1' so that no event is lost",
                 "overrun_oldest", "block", SM);
    return true;
  }
  if (const auto *Ref = Nodes.getNodeAs<DeclRefExpr>(NonblockCreateId)) {
    replaceToken(Ref->getLocation(),
                 "'%0' makes a logger that drops the oldest queued events when "
                 "the async queue is full; use '%1' so that no event is lost",
                 "create_async_nb", "create_async", SM);
    return true;
  }
  const auto &Map = Nodes.getMap();
  if (auto It = Map.find(std::string(SpelledTypesId)); It != Map.end()) {
    checkSpelledTypes(It->second, Result);
    return true;
  }
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>(NonBlockingId)) {
    const Expr *Arg = Call->getArg(0);
    bool Value = true;
    if (Arg->isValueDependent() ||
        !Arg->EvaluateAsBooleanCondition(Value, *Result.Context) || Value)
      return true;
    replaceToken(Arg->IgnoreParenImpCasts()->getBeginLoc(),
                 "'setBlocking(%0)' makes the AsyncAppender discard events "
                 "when its buffer is full; pass '%1' so that no event is lost",
                 "false", "true", SM);
    return true;
  }
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>(QueueSizeId)) {
    const StringLiteral *Key = utils::asStringLiteral(Call->getArg(0));
    const StringLiteral *Value = utils::asStringLiteral(Call->getArg(1));
    if (!Key || Key->getCharByteWidth() != 1 ||
        Key->getString() != "queueSize" || !Value ||
        Value->getCharByteWidth() != 1 ||
        isUnlimitedQueueSize(Value->getString()))
      return true;
    std::string Old = ("\"" + Value->getString() + "\"").str();
    replaceToken(Value->getBeginLoc(),
                 "a 'queueSize' of %0 makes the AsyncChannel drop events when "
                 "its queue is full; use %1 so that no event is lost",
                 Old, "\"unlimited\"", SM);
    return true;
  }
  return false;
}

} // namespace clang::tidy::logstream
