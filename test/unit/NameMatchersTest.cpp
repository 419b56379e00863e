//===--- NameMatchersTest.cpp - utils::hasAnyNameFast ---------------------===//

#include "utils/NameMatchers.h"
#include "utils/Compat.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace {

using namespace clang;
using namespace clang::ast_matchers;
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

} // namespace
