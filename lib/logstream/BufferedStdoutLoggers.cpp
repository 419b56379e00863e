//===--- BufferedStdoutLoggers.cpp - Logger settings that drop events -----===//
//
// Asynchronous loggers put events in a queue that a worker thread writes
// out. Some settings make the queue discard events when it is full; those
// events never reach the stream. Each rule below cites the library source
// that shows the loss (docs/checks/buffered-stdout.md has the full table).
//
//===----------------------------------------------------------------------===//

#include "BufferedStdoutCheck.h"
#include "utils/AstHelpers.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

namespace {
constexpr llvm::StringRef OverrunId = "spdlog-overrun";
constexpr llvm::StringRef NonblockFactoryId = "spdlog-nonblock-factory";
constexpr llvm::StringRef NonblockCreateId = "spdlog-create-nb";
constexpr llvm::StringRef DropOnOverflowId = "boost-drop-on-overflow";
constexpr llvm::StringRef NonBlockingId = "log4cxx-nonblocking";
constexpr llvm::StringRef QueueSizeId = "poco-queue-size";
} // namespace

void BufferedStdoutCheck::registerLoggerMatchers(MatchFinder *Finder) {
  if (!getLangOpts().CPlusPlus)
    return;
  auto UserCode = unless(isExpansionInSystemHeader());
  // spdlog 1.10 async_logger.h:25: overrun_oldest "Discard oldest message in
  // the queue if full"; details/thread_pool-inl.h:91 enqueue_nowait.
  Finder->addMatcher(
      declRefExpr(to(enumConstantDecl(
                      hasName("::spdlog::async_overflow_policy::overrun_oldest"))),
                  UserCode)
          .bind(OverrunId),
      this);
  // spdlog 1.10 async.h:61, :70.
  Finder->addMatcher(
      typeLoc(loc(typedefType(hasDeclaration(
                  typedefNameDecl(hasName("::spdlog::async_factory_nonblock"))))),
              UserCode)
          .bind(NonblockFactoryId),
      this);
  Finder->addMatcher(
      declRefExpr(to(functionDecl(hasName("::spdlog::create_async_nb"))),
                  UserCode)
          .bind(NonblockCreateId),
      this);
  // Boost.Log 1.74 sinks/drop_on_overflow.hpp:51 returns false: "Discard the
  // record".
  Finder->addMatcher(
      typeLoc(loc(recordType(hasDeclaration(
                  cxxRecordDecl(hasName("::boost::log::sinks::drop_on_overflow"))))),
              UserCode)
          .bind(DropOnOverflowId),
      this);
  // log4cxx 1.0.0 asyncappender.cpp:250-263: without blocking a full buffer
  // discards the event.
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasName("setBlocking"),
                               ofClass(hasName("::log4cxx::AsyncAppender")))),
          argumentCountIs(1), UserCode)
          .bind(NonBlockingId),
      this);
  // Poco 1.11.0 AsyncChannel.cpp:112-115: a full queue drops the message.
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasName("setProperty"),
                               ofClass(isSameOrDerivedFrom("::Poco::AsyncChannel")))),
          argumentCountIs(2), UserCode)
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
  if (const auto *TL = Nodes.getNodeAs<TypeLoc>(NonblockFactoryId)) {
    replaceToken(TL->getEndLoc(),
                 "'%0' makes loggers that drop the oldest queued events when "
                 "the async queue is full; use '%1' so that no event is lost",
                 "async_factory_nonblock", "async_factory", SM);
    return true;
  }
  if (const auto *Ref = Nodes.getNodeAs<DeclRefExpr>(NonblockCreateId)) {
    replaceToken(Ref->getLocation(),
                 "'%0' makes a logger that drops the oldest queued events when "
                 "the async queue is full; use '%1' so that no event is lost",
                 "create_async_nb", "create_async", SM);
    return true;
  }
  if (const auto *TL = Nodes.getNodeAs<TypeLoc>(DropOnOverflowId)) {
    // block_on_overflow lives next to drop_on_overflow; include its header
    // when the file does not have it yet.
    std::optional<FixItHint> Include;
    const auto *Drop = TL->getType()->getAsCXXRecordDecl();
    if (Drop && Drop->getDeclContext()
                    ->lookup(&Result.Context->Idents.get("block_on_overflow"))
                    .empty())
      Include = compat::toStd(Inserter.createIncludeInsertion(
          SM.getFileID(SM.getExpansionLoc(TL->getEndLoc())),
          "<boost/log/sinks/block_on_overflow.hpp>"));
    replaceToken(TL->getEndLoc(),
                 "'%0' discards events when the sink's queue is full; use "
                 "'%1' so that no event is lost",
                 "drop_on_overflow", "block_on_overflow", SM, Include);
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
    if (!Key || Key->getCharByteWidth() != 1 || Key->getString() != "queueSize" ||
        !Value || Value->getCharByteWidth() != 1 || isUnlimitedQueueSize(Value->getString()))
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
