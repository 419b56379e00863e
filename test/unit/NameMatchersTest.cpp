//===--- NameMatchersTest.cpp - hasAnyNameFast, calleeNamed ---------------===//

#include "utils/NameMatchers.h"
#include "utils/Compat.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace {

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::logstream::utils::calleeNamed;
using clang::tidy::logstream::utils::hasAnyNameFast;

const char *const Code = R"cpp(
  int open(const char *, int);
  namespace std { inline namespace __1 { struct basic_ofstream {
    basic_ofstream(); void open(const char *); bool operator==(int) const; }; } }
  namespace app { void open(); namespace { void rotate(); } struct Log {
    Log(); ~Log(); void write(); }; }
  void rotate();
)cpp";

/// The names of the declarations \p M matches in Code, in order.
std::vector<std::string> matched(const internal::Matcher<NamedDecl> &M) {
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
  std::vector<std::string> Names;
  for (const BoundNodes &B :
       match(traverse(TK_AsIs, decl(findAll(namedDecl(M).bind("d")))),
             AST->getASTContext()))
    Names.push_back(B.getNodeAs<NamedDecl>("d")->getQualifiedNameAsString());
  return Names;
}

// The same declarations as hasAnyName, whatever the names' form: qualified
// from the top, partly qualified, unqualified, in an inline or anonymous
// namespace, constructors, destructors, operators.
TEST(HasAnyNameFast, AnswersAsHasAnyName) {
  const std::vector<std::vector<llvm::StringRef>> Lists = {
      {"::open"},
      {"open"},
      {"app::open", "::rotate"},
      {"rotate"},
      {"::std::basic_ofstream", "::std::basic_ofstream::open"},
      {"basic_ofstream"},
      {"::app::Log::Log", "::app::Log::~Log", "operator=="},
      {"Log", "write", "nothing"},
      {"::app::(anonymous namespace)::rotate"}};
  for (const auto &Names : Lists) {
    std::vector<std::string> Expected = matched(hasAnyName(Names));
    EXPECT_EQ(matched(hasAnyNameFast(Names)), Expected)
        << "names: " << llvm::join(Names, ", ");
    EXPECT_FALSE(Expected.empty()) << "a list that matches nothing proves "
                                      "nothing: "
                                   << llvm::join(Names, ", ");
  }
  // The variadic form.
  EXPECT_EQ(matched(hasAnyNameFast("::open", "rotate")),
            matched(hasAnyName("::open", "rotate")));
}

const char *const Calls = R"cpp(
  int open(const char *, int);
  namespace std { struct ofstream { void open(const char *); void close(); }; }
  namespace app { void open(); void rotate(int); struct Log {
    void open(); static void rotate(); void operator()(int); }; }
  struct Table { void (*open)(); };
  void (*hook)(int) = app::rotate;
  void use(Table &T, app::Log &L, std::ofstream &F) {
    open("a.log", 0); app::open(); app::rotate(1); F.open("b.log");
    F.close(); L.open(); app::Log::rotate(); L(2); T.open(); hook(3);
    [] { open("c.log", 1); }();
  }
)cpp";

/// Each call in Calls that \p M matches: its source text and what it bound
/// as "fn" (the callee's qualified name), in order.
std::vector<std::string> calls(const internal::Matcher<CallExpr> &M) {
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Calls, {"-std=c++17"});
  ASTContext &Ctx = AST->getASTContext();
  std::vector<std::string> Found;
  for (const BoundNodes &B :
       match(traverse(TK_AsIs, translationUnitDecl(forEachDescendant(
                                   callExpr(M).bind("call")))),
             Ctx)) {
    const auto *Call = B.getNodeAs<CallExpr>("call");
    const auto *Fn = B.getNodeAs<FunctionDecl>("fn");
    Found.push_back(Lexer::getSourceText(
                        CharSourceRange::getTokenRange(Call->getSourceRange()),
                        Ctx.getSourceManager(), Ctx.getLangOpts())
                        .str() +
                    " -> " + (Fn ? Fn->getQualifiedNameAsString() : "-"));
  }
  return Found;
}

// The same calls as callee(<declaration>(hasAnyName(names), ...)), with the
// same bindings: free functions, members, static members, call operators,
// function pointers (no function declaration is their callee), calls in
// lambdas.
TEST(CalleeNamed, AnswersAsCallee) {
  struct Case {
    std::vector<llvm::StringRef> Names;
    internal::Matcher<Decl> Declaration;
  };
  const std::vector<Case> Cases = {
      {{"::open"}, functionDecl().bind("fn")},
      {{"open"}, functionDecl().bind("fn")},
      {{"open"}, cxxMethodDecl().bind("fn")},
      {{"open", "close"}, cxxMethodDecl(ofClass(hasName("::std::ofstream")))},
      {{"app::rotate", "::app::Log::rotate"}, functionDecl().bind("fn")},
      {{"rotate"}, functionDecl(parameterCountIs(1)).bind("fn")},
      {{"operator()"}, cxxMethodDecl().bind("fn")},
      {{"hook", "open"}, namedDecl().bind("fn")},
  };
  for (const Case &C : Cases) {
    std::vector<std::string> Expected =
        calls(callee(decl(namedDecl(hasAnyName(C.Names)), C.Declaration)));
    EXPECT_EQ(calls(calleeNamed(C.Names, C.Declaration)), Expected)
        << "names: " << llvm::join(C.Names, ", ");
    EXPECT_FALSE(Expected.empty())
        << "a case that matches nothing proves nothing: "
        << llvm::join(C.Names, ", ");
  }
  // The default declaration: any function of those names.
  EXPECT_EQ(calls(calleeNamed({"open"})),
            calls(callee(functionDecl(hasAnyName("open")))));
  EXPECT_EQ(calls(calleeNamed({"open"})).size(), 5u);
}

} // namespace
