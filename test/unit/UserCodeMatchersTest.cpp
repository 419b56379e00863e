//===--- UserCodeMatchersTest.cpp - utils::UserCodeMatchers ---------------===//

#include "utils/UserCodeMatchers.h"
#include "utils/Compat.h"
#include "utils/UserCodeTraversal.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace {

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::logstream::utils::UserCodeMatchers;

const char *const Code = R"cpp(
  extern "C" int open(const char *, int);
  extern "C" int fopen(const char *, const char *);
  namespace app { struct File { bool open(int); bool operator<<(int); };
                  int rotate(int); }
  int (*hook)(int) = app::rotate;
  void use(app::File &f) {
    open("a.log", 1); fopen("b.log", "a"); f.open(2); f << 3;
    app::rotate(4); hook(5); [] { open("c.log", 6); }();
  }
)cpp";

/// Records each match: the id bound and the text of the node.
struct Recorder : MatchFinder::MatchCallback {
  void run(const MatchFinder::MatchResult &R) override {
    for (const auto &[Id, Node] : R.Nodes.getMap())
      Seen.push_back(Id + "=" +
                     Lexer::getSourceText(
                         CharSourceRange::getTokenRange(Node.getSourceRange()),
                         *R.SourceManager, R.Context->getLangOpts())
                         .str());
  }
  std::vector<std::string> Seen;
};

/// The matches of \p Register's matchers on Code, in the finder's order.
std::vector<std::string>
matches(const std::function<void(UserCodeMatchers &, Recorder *)> &Register) {
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
  Recorder R;
  MatchFinder Finder;
  {
    UserCodeMatchers Grouped(&Finder, &R);
    Register(Grouped, &R);
  }
  Finder.matchAST(AST->getASTContext());
  return R.Seen;
}

// Matchers keyed by callee name find what the same matchers find with the
// name in them, in the same order, interleaved with unkeyed ones: member
// calls, operators (no identifier), calls through pointers (no callee
// declaration), calls in lambdas, names in two keys, a name in one key
// twice.
TEST(UserCodeMatchers, KeyedCallsMatchAsCallee) {
  auto Keyed = [](UserCodeMatchers &G, Recorder *R) {
    G.addMatcher(callExpr(argumentCountIs(1)).bind("any1"), R);
    G.addCallMatcher({"::open", "::app::File::open"}, callExpr().bind("open"),
                     R);
    G.addCallMatcher({"fopen", "::fopen"},
                     callExpr(argumentCountIs(2)).bind("fopen"), R);
    G.addMatcher(cxxMemberCallExpr().bind("member"), R);
    G.addCallMatcher({"operator<<"}, cxxOperatorCallExpr().bind("shift"), R);
    G.addCallMatcher({"rotate", "open"}, callExpr().bind("rotate-or-open"), R);
    G.addMatcher(callExpr(unless(callee(functionDecl()))).bind("pointer"), R);
  };
  auto Named = [](UserCodeMatchers &G, Recorder *R) {
    auto Callee = [](std::vector<llvm::StringRef> N) {
      return callee(namedDecl(hasAnyName(N)));
    };
    G.addMatcher(callExpr(argumentCountIs(1)).bind("any1"), R);
    G.addMatcher(callExpr(Callee({"::open", "::app::File::open"})).bind("open"),
                 R);
    G.addMatcher(callExpr(Callee({"fopen", "::fopen"}), argumentCountIs(2))
                     .bind("fopen"),
                 R);
    G.addMatcher(cxxMemberCallExpr().bind("member"), R);
    G.addMatcher(cxxOperatorCallExpr(Callee({"operator<<"})).bind("shift"), R);
    G.addMatcher(callExpr(Callee({"rotate", "open"})).bind("rotate-or-open"),
                 R);
    G.addMatcher(callExpr(unless(callee(functionDecl()))).bind("pointer"), R);
  };
  std::vector<std::string> Expected = matches(Named);
  EXPECT_EQ(matches(Keyed), Expected);
  // What the expectation holds, so that it proves something.
  for (const char *M :
       {"open=open(\"a.log\", 1)", "open=f.open(2)", "open=open(\"c.log\", 6)",
        "fopen=fopen(\"b.log\", \"a\")", "shift=f << 3",
        "rotate-or-open=app::rotate(4)", "rotate-or-open=f.open(2)",
        "pointer=hook(5)", "member=f.open(2)", "any1=app::rotate(4)"})
    EXPECT_NE(std::find(Expected.begin(), Expected.end(), M), Expected.end())
        << M;
}

// Matchers filtered by their callee declaration find what the same
// matchers find with the filter in callee(...), in the same order, among
// keyed and unkeyed ones; the filter is asked once per declaration, so a
// function called twice, a call through a pointer (the callee declaration
// is the variable) and a member call are the cases to agree on.
TEST(UserCodeMatchers, FilteredCallsMatchAsCallee) {
  auto Opens = functionDecl(matchesName("open$"));
  auto Filtered = [&](UserCodeMatchers &G, Recorder *R) {
    G.addCallMatcher(Opens, callExpr().bind("opens"), R);
    G.addCallMatcher({"::app::rotate"}, callExpr().bind("rotate"), R);
    G.addMatcher(callExpr(argumentCountIs(1)).bind("any1"), R);
    G.addCallMatcher(varDecl(), callExpr().bind("through"), R);
    G.addCallMatcher(cxxMethodDecl(), cxxMemberCallExpr().bind("method"), R);
  };
  auto Plain = [&](UserCodeMatchers &G, Recorder *R) {
    G.addMatcher(callExpr(callee(Opens)).bind("opens"), R);
    G.addMatcher(
        callExpr(callee(functionDecl(hasName("::app::rotate")))).bind("rotate"),
        R);
    G.addMatcher(callExpr(argumentCountIs(1)).bind("any1"), R);
    G.addMatcher(callExpr(callee(varDecl())).bind("through"), R);
    G.addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl())).bind("method"), R);
  };
  std::vector<std::string> Expected = matches(Plain);
  EXPECT_EQ(matches(Filtered), Expected);
  for (const char *M :
       {"opens=open(\"a.log\", 1)", "opens=fopen(\"b.log\", \"a\")",
        "opens=f.open(2)", "opens=open(\"c.log\", 6)", "rotate=app::rotate(4)",
        "through=hook(5)", "method=f.open(2)", "any1=hook(5)"})
    EXPECT_NE(std::find(Expected.begin(), Expected.end(), M), Expected.end())
        << M;
}

} // namespace

namespace {

using clang::tidy::logstream::utils::UserCodeTraversal;

// clang-tidy's finder is left an empty scope only when no other check can
// be enabled: a `-*`, then nothing positive but logstream checks (and the
// compiler's warnings, which are no matchers).
TEST(UserCodeTraversal, OnlyLogstreamChecks) {
  EXPECT_TRUE(UserCodeTraversal::onlyLogstreamChecks("-*,logstream-*"));
  EXPECT_TRUE(UserCodeTraversal::onlyLogstreamChecks(
      "clang-diagnostic-*,clang-analyzer-*,-*,logstream-*"));
  EXPECT_TRUE(UserCodeTraversal::onlyLogstreamChecks(
      " -* ,\n logstream-log-file-sink , -logstream-buffered-stdout,"));
  EXPECT_TRUE(UserCodeTraversal::onlyLogstreamChecks(
      "-*,logstream-*,clang-diagnostic-unused-variable"));
  // Something else may run, or it cannot tell.
  EXPECT_FALSE(UserCodeTraversal::onlyLogstreamChecks("logstream-*"));
  EXPECT_FALSE(UserCodeTraversal::onlyLogstreamChecks(
      "clang-diagnostic-*,clang-analyzer-*,logstream-*"));
  EXPECT_FALSE(UserCodeTraversal::onlyLogstreamChecks(
      "-*,logstream-*,bugprone-suspicious-missing-comma"));
  EXPECT_FALSE(UserCodeTraversal::onlyLogstreamChecks("-*,logstream-*,*"));
  EXPECT_FALSE(
      UserCodeTraversal::onlyLogstreamChecks("-*,logstream-*\nmisc-*"));
  EXPECT_FALSE(UserCodeTraversal::onlyLogstreamChecks("-*,log*"));
  EXPECT_FALSE(UserCodeTraversal::onlyLogstreamChecks(""));
}

} // namespace
