//===--- CheckOptionsTest.cpp - utils::Pattern
//-----------------------------===//

#include "utils/CheckOptions.h"
#include "gtest/gtest.h"

using clang::tidy::logstream::utils::Pattern;

namespace {

TEST(Pattern, EmptyMatchesNothing) {
  Pattern P("");
  EXPECT_TRUE(P.empty());
  EXPECT_FALSE(P.matches(""));
  EXPECT_FALSE(P.matches("anything"));
}

TEST(Pattern, IsCaseInsensitive) {
  Pattern P("^security$");
  EXPECT_TRUE(P.matches("SECURITY"));
  EXPECT_TRUE(P.matches("Security"));
  EXPECT_FALSE(P.matches("insecurity"));
}

TEST(Pattern, CopiesShareTheCompiledExpression) {
  Pattern P("a+b");
  Pattern Q = P;
  EXPECT_TRUE(Q.matches("xaab"));
  EXPECT_EQ(Q.source(), "a+b");
}

} // namespace
