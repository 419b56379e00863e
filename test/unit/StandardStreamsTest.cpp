//===--- StandardStreamsTest.cpp - utils::classifyStdFile et al. ----------===//

#include "utils/StandardStreams.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::logstream::utils::StdStream;
namespace lu = clang::tidy::logstream::utils;

namespace {

// The first argument of every call to `use` in Code, classified.
std::vector<std::optional<StdStream>> classifyUses(llvm::StringRef Code,
                                                   bool Cxx) {
  std::vector<std::string> Args = {Cxx ? "-std=c++17" : "-std=c11"};
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Code, Args, Cxx ? "input.cpp" : "input.c");
  EXPECT_TRUE(AST);
  std::vector<std::optional<StdStream>> Out;
  auto Calls = match(callExpr(callee(functionDecl(hasName("use")))).bind("c"),
                     AST->getASTContext());
  for (const auto &N : Calls) {
    const auto *C = N.getNodeAs<CallExpr>("c");
    Out.push_back(lu::classifyStdFile(C->getArg(0), AST->getASTContext()));
  }
  return Out;
}

const char *const StdioPrelude = R"(
  typedef struct FILE FILE;
  extern FILE *stdout; extern FILE *stderr;
  #define stdout stdout
  #define stderr stderr
  FILE *fopen(const char *, const char *);
  void use(FILE *);
)";

TEST(StandardStreams, GlibcStyleMacros) {
  auto R = classifyUses(std::string(StdioPrelude) +
                            "void f(void) { use(stdout); use(stderr); "
                            "use((stdout)); use(fopen(\"x\", \"r\")); }",
                        /*Cxx=*/false);
  ASSERT_EQ(R.size(), 4u);
  EXPECT_EQ(R[0], StdStream::Out);
  EXPECT_EQ(R[1], StdStream::Err);
  EXPECT_EQ(R[2], StdStream::Out);
  EXPECT_EQ(R[3], std::nullopt);
}

TEST(StandardStreams, MacroExpandingToCall) {
  // MSVC's UCRT spells stdout as a function call.
  auto R = classifyUses(R"(
    typedef struct FILE FILE;
    FILE *__acrt_iob_func(unsigned);
    #define stdout (__acrt_iob_func(1))
    #define OUT stdout
    void use(FILE *);
    void f(void) { use(stdout); use(OUT); use(__acrt_iob_func(1)); }
  )",
                        /*Cxx=*/false);
  ASSERT_EQ(R.size(), 3u);
  EXPECT_EQ(R[0], StdStream::Out);
  EXPECT_EQ(R[1], StdStream::Out);
  // Without the macro there is nothing to go by: stay quiet.
  EXPECT_EQ(R[2], std::nullopt);
}

TEST(StandardStreams, LocalVariableNamedStdoutIsNotTheStream) {
  auto R = classifyUses(std::string(StdioPrelude) +
                            "#undef stdout\n"
                            "void f(FILE *stdout) { use(stdout); }",
                        /*Cxx=*/false);
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0], std::nullopt);
}

TEST(StandardStreams, CxxStreamObjects) {
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(R"(
    namespace std { inline namespace __1 {
      struct ostream {}; struct wostream {};
      extern ostream cout, cerr, clog; extern wostream wcout;
    } }
    std::ostream mine;
    void use(const std::ostream &); void use(const std::wostream &);
    void f() { use(std::cout); use(std::clog); use(std::wcout); use(mine); }
  )",
                                        {"-std=c++17"});
  ASSERT_TRUE(AST);
  auto Calls = match(callExpr(callee(functionDecl(hasName("use")))).bind("c"),
                     AST->getASTContext());
  std::vector<std::optional<StdStream>> R;
  for (const auto &N : Calls)
    R.push_back(lu::classifyStdOStream(N.getNodeAs<CallExpr>("c")->getArg(0)));
  ASSERT_EQ(R.size(), 4u);
  EXPECT_EQ(R[0], StdStream::Out);
  EXPECT_EQ(R[1], StdStream::Err);
  EXPECT_EQ(R[2], StdStream::Out);
  EXPECT_EQ(R[3], std::nullopt);
}

} // namespace
