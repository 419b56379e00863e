//===--- RegexLiteralsTest.cpp - utils::requiredLiterals ------------------===//

#include "utils/RegexLiterals.h"
#include "utils/Compat.h"
#include "utils/CheckOptions.h"
#include "llvm/Support/Regex.h"
#include "gtest/gtest.h"

using namespace clang::tidy::logstream::utils;

namespace {

std::vector<std::string> literals(llvm::StringRef ERE) {
  auto R = requiredLiterals(ERE);
  return R ? *R : std::vector<std::string>{"<none>"};
}

TEST(RequiredLiterals, AlternationOfWords) {
  EXPECT_EQ(literals("(^|_)(usage|help|version)(_|$)"),
            (std::vector<std::string>{"help", "usage", "version"}));
}

TEST(RequiredLiterals, BestAtomOfEachBranch) {
  // The set whose shortest literal is longest: {"check", "verify"} (5) and
  // "_" (1) lose to {"password", "credential"} (8; without the optional s).
  EXPECT_EQ(literals("^(check|verify)_(password|credentials?)$"),
            (std::vector<std::string>{"credential", "password"}));
  EXPECT_EQ(literals("^(pass|pw)_(credentials?)$"),
            (std::vector<std::string>{"credential"}));
}

TEST(RequiredLiterals, LowerCase) {
  EXPECT_EQ(literals("^CRYPTO_memcmp$"),
            (std::vector<std::string>{"crypto_memcmp"}));
}

TEST(RequiredLiterals, OptionalPartsAreNotRequired) {
  EXPECT_EQ(literals("ab?c"), (std::vector<std::string>{"a"}));
  EXPECT_EQ(literals("(foo)?bar"), (std::vector<std::string>{"bar"}));
  EXPECT_EQ(literals("(foo)*"), (std::vector<std::string>{"<none>"}));
  EXPECT_EQ(literals("x{0,3}yz"), (std::vector<std::string>{"yz"}));
  EXPECT_EQ(literals("ab+c"), (std::vector<std::string>{"ab"}));
}

TEST(RequiredLiterals, NothingToPromise) {
  EXPECT_FALSE(requiredLiterals(".*"));
  EXPECT_FALSE(requiredLiterals("[a-z]+"));
  EXPECT_FALSE(requiredLiterals("foo|[0-9]")); // one branch has none
  EXPECT_FALSE(requiredLiterals("(|x)y?"));
  EXPECT_FALSE(requiredLiterals("\\d+"));
  EXPECT_FALSE(requiredLiterals("(unclosed"));
  EXPECT_FALSE(requiredLiterals("a{x}"));
}

TEST(RequiredLiterals, BracketsAndEscapes) {
  EXPECT_EQ(literals("is_authori[sz]ed"),
            (std::vector<std::string>{"is_authori"}));
  EXPECT_EQ(literals("[]|]log"), (std::vector<std::string>{"log"}));
  EXPECT_EQ(literals("[[:space:]]warn"), (std::vector<std::string>{"warn"}));
  EXPECT_EQ(literals("\\.log$"), (std::vector<std::string>{".log"}));
}

TEST(RequiredLiterals, LongerLiteralsThatHoldShorterOnesGo) {
  EXPECT_EQ(literals("log|logfile|syslog"), (std::vector<std::string>{"log"}));
}

// The filter never changes an answer: for patterns shaped like the checks'
// (DefaultPatterns.AllCompile runs the same comparison on every default),
// and texts that match and do not, the filtered match is the expression's.
TEST(RequiredLiterals, NeverChangesAnAnswer) {
  const std::string Decisions =
      "(^|_)(authenticate|authorize|authorise|permit)(_|$)|"
      "^(check|verify|validate)_(user_)?(password|passwd|pass|pwd|"
      "credentials?|creds|acl)$|(^|_|basic|digest)auth_(check|ok|okay)$";
  std::vector<std::string> Patterns = {
      Decisions,
      "(^|_)(access|audit|debug|err|error)?(log|logs|logfile|logger)(_|$)",
      "(^|/)logs?(/|$)|\\.log(\\.[-_A-Za-z0-9]+)*$",
      "^[[:space:]]*\\[?(trace|debug|info|warn)\\]?([[:space:]]|:|$)",
      "^(CRYPTO_memcmp|timingsafe_bcmp)$|const_?time|^time_?independent_",
      "(^|_)(new|confirm)(_|$)|^(pass|passwd|password|pw|pwd)_[0-9]$"};
  std::vector<std::string> Texts = {"authenticate",
                                    "user_authenticate",
                                    "check_password",
                                    "check_user_pwd",
                                    "basicauth_ok",
                                    "Basic_Auth_OK",
                                    "http_handle",
                                    "access_log",
                                    "errorlog",
                                    "LOGGER",
                                    "logfile_x",
                                    "catalog",
                                    "/var/log/x",
                                    "app.log.1",
                                    "app.LOG",
                                    "  [warn] x",
                                    "INFO:",
                                    "information",
                                    "CRYPTO_memcmp",
                                    "crypto_MEMCMP",
                                    "consttime_eq",
                                    "time_independent_cmp",
                                    "new_password",
                                    "password_2",
                                    "pass_x",
                                    "",
                                    "_"};
  for (const std::string &P : Patterns) {
    llvm::Regex RE(P, llvm::Regex::IgnoreCase);
    CompiledPattern Filtered(P, /*UseSmallRegex=*/false);
    ASSERT_TRUE(Filtered.required()) << P;
    for (const std::string &T : Texts)
      EXPECT_EQ(Filtered.match(T), RE.match(T)) << P << " on '" << T << "'";
  }
}

// A vocabulary's words, spread over copies of their branch.
TEST(BranchesOf, SpreadsTheLargestGroup) {
  EXPECT_EQ(branchesOf("(^|_)(auth|login|acl)(_|$)|^(pass|pw)$"),
            (std::vector<std::string>{"(^|_)(auth)(_|$)", "(^|_)(login)(_|$)",
                                      "(^|_)(acl)(_|$)", "^(pass|pw)$"}));
  // Nested groups stay whole inside their alternative.
  EXPECT_EQ(
      branchesOf("(^|_)(secret|(auth|api)_token|bearer)$"),
      (std::vector<std::string>{"(^|_)(secret)$", "(^|_)((auth|api)_token)$",
                                "(^|_)(bearer)$"}));
}

// What cannot be spread stays as it is.
TEST(BranchesOf, KeepsWhatItCannotSpread) {
  // Each branch still compiles: a quantified group, brackets and escapes
  // that hold '|' and parentheses.
  for (const char *P : {"^(a|b|c)+$", "[|(]x(a|b|c)", "\\(a|b|c\\)"})
    for (const std::string &B : branchesOf(P))
      EXPECT_EQ(llvm::Regex(B).isValid(), true) << P << " -> " << B;
  EXPECT_EQ(branchesOf("^(a|b|c)+$"), std::vector<std::string>{"^(a|b|c)+$"});
  // A group with an empty alternative.
  EXPECT_EQ(branchesOf("^x(a|b|)$"), std::vector<std::string>{"^x(a|b|)$"});
  EXPECT_EQ(branchesOf("[|(]x(a|b|c)").size(), 3u);
  EXPECT_EQ(branchesOf("x\\|y"), (std::vector<std::string>{"x\\|y"}));
  // Back-references count groups; unbalanced text is not read.
  EXPECT_EQ(branchesOf("(a|b|c)x\\1"), std::vector<std::string>{"(a|b|c)x\\1"});
  EXPECT_EQ(branchesOf("(a|b|c"), std::vector<std::string>{"(a|b|c"});
}

// Tried branch by branch, a pattern answers as the whole expression does.
TEST(BranchesOf, NeverChangesAnAnswer) {
  const std::vector<std::string> Patterns = {
      "(^|_)(len|length|size|id|ok|set|is|has|name)(_|$)",
      "^(check|verify|validate)_(user_)?(password|pass|acl|token)$|"
      "(^|_)(authenticate|authorize)(_|$)",
      "(^|_)(password|secret|(auth|access)_token)(_|$)|^(pass|pw)$",
      "^[[:space:]]*\\[?(trace|debug|info|warn)\\]?([[:space:]]|:|$)"};
  const std::vector<std::string> Texts = {"user_id",
                                          "id",
                                          "idle",
                                          "set_name",
                                          "is",
                                          "length_x",
                                          "xlen",
                                          "check_password",
                                          "verify_user_acl",
                                          "check_acl_x",
                                          "authenticate",
                                          "re_authorize_now",
                                          "access_token",
                                          "auth_token_2",
                                          "pass",
                                          "passes",
                                          " [warn] x",
                                          "INFO:",
                                          "information",
                                          "",
                                          "_"};
  for (const std::string &P : Patterns) {
    llvm::Regex RE(P, llvm::Regex::IgnoreCase);
    CompiledPattern Split(P, /*UseSmallRegex=*/false);
    EXPECT_GT(Split.branches(), 2u) << P;
    for (const std::string &T : Texts)
      EXPECT_EQ(Split.match(T), RE.match(T)) << P << " on '" << T << "'";
  }
}

} // namespace
