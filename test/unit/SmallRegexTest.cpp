//===--- SmallRegexTest.cpp - utils::SmallRegex answers as llvm::Regex ----===//

#include "utils/SmallRegex.h"
#include "utils/CheckOptions.h"
#include "llvm/Support/Regex.h"
#include "gtest/gtest.h"
#include <random>

namespace {

using clang::tidy::logstream::utils::SmallRegex;

/// Every text of \p Texts gets the same answer from both.
void expectSameAnswers(const std::string &P,
                       const std::vector<std::string> &Texts) {
  llvm::Regex RE(P, llvm::Regex::IgnoreCase);
  ASSERT_TRUE(RE.isValid()) << P;
  std::optional<SmallRegex> Small = SmallRegex::read(P);
  ASSERT_TRUE(Small) << "not read: " << P;
  for (const std::string &T : Texts) {
    std::optional<bool> Answer = Small->match(T);
    ASSERT_TRUE(Answer) << P << " ran out of steps on '" << T << "'";
    EXPECT_EQ(*Answer, RE.match(T)) << P << " on '" << T << "'";
  }
}

/// Texts made of the characters that matter to \p P (its own, '_', '/',
/// '.', a blank, an upper-case letter), short enough to cover every
/// arrangement the anchors and repetitions care about.
std::vector<std::string> textsFor(llvm::StringRef P, unsigned Count) {
  std::string Alphabet = "_/. Xx0";
  for (char C : P)
    if (llvm::isAlnum(C) && Alphabet.find(C) == std::string::npos)
      Alphabet += C;
  // A fixed seed: the same texts on every run, so a failure reproduces.
  std::mt19937 Random(42); // NOLINT(bugprone-random-generator-seed)
  std::vector<std::string> Texts = {""};
  for (unsigned I = 0; I < Count; ++I) {
    std::string T;
    unsigned Length = Random() % 12;
    for (unsigned J = 0; J < Length; ++J)
      T += Alphabet[Random() % Alphabet.size()];
    Texts.push_back(T);
  }
  return Texts;
}

// The forms the checks' patterns are written in, on texts they are asked
// about and on texts of their own characters.
TEST(SmallRegex, AnswersAsTheRegexEngine) {
  // The patterns too long for one line, named: a literal concatenated in
  // the list below would read as a missing comma.
  const char *const TestPathPattern =
      "(^|/)(tests?|testing|unittests?|fuzz)/|(_|-)(unit)?tests?\\.(c|cc)$|"
      "(^|/)tests?_[^/]*\\.(c|cc|cpp|cxx)$";
  const char *const DecisionPattern =
      "^(is_authori[sz]ed|is_authenticated)$|^(check|verify)_(user_)?(pass|"
      "pwd|credentials?)$";
  const std::vector<std::string> Patterns = {
      "(^|_)(usage|help|version)(_|$)",
      "escape|sanitiz|quote|encode|json",
      "(^|_)(access|audit|err|error)?(log|logs|logfile|logger)(_|$)",
      "(^|/)logs?(/|$)|\\.log(\\.[-_A-Za-z0-9]+)*$",
      "\\.(pid|lock|sqlite3?|ya?ml|html?)$",
      TestPathPattern,
      "^[[:space:]]*\\[?(trace|debug|info|warn)\\]?([[:space:]]|:|$)",
      "^(CRYPTO_memcmp|timingsafe_bcmp)$|const_?time|^time_?independent_",
      DecisionPattern,
      "(^|_)(password|secret|(auth|access|session)_token)(_|$)|^(pass|pw)$",
      "^(pass|passwd|pw)_[0-9]$",
      "^security$",
      "a.c",
      "x{2}",
      "x{1,3}y",
      "x{2,}",
      "(ab|a)(bc|c)?$",
      "(a?)+b",
      "(a|b)*abb",
      "[^a-c]x",
      "[]a]",
      "[a-]z",
      "[[:upper:]][[:digit:]]+",
      "^$",
      "(^|x)$",
      "\\^|\\$|\\(|\\)|\\||\\.|\\\\",
  };
  for (const std::string &P : Patterns) {
    std::vector<std::string> Texts = textsFor(P, 400);
    for (const char *T : {"user_usage",
                          "print_help",
                          "versions",
                          "Escape_html",
                          "access_log",
                          "errorlog",
                          "/var/log/app.log",
                          "app.LOG.1",
                          "logs/x",
                          "a.pid",
                          "b.yml",
                          "c.html",
                          "tests/x.c",
                          "src/unittest/x.cc",
                          "foo_test.cc",
                          "test_foo.cpp",
                          " [warn] x",
                          "INFO:",
                          "information",
                          "crypto_MEMCMP",
                          "consttime_eq",
                          "time_independent_cmp",
                          "is_authorised",
                          "check_user_credentials",
                          "auth_token",
                          "x_access_token_y",
                          "pass",
                          "passes",
                          "pw_1",
                          "SECURITY",
                          "abc",
                          "a\nc",
                          "xx",
                          "xxxy",
                          "aab",
                          "abb",
                          "babb",
                          "dx",
                          "]",
                          "-z",
                          "A1",
                          "",
                          "x",
                          "^",
                          "a|b",
                          "\\"})
      Texts.push_back(T);
    expectSameAnswers(P, Texts);
  }
}

// What is not read goes to the engine: CompiledPattern still answers.
TEST(SmallRegex, LeavesTheRestToTheEngine) {
  for (const char *P : {"\\d+", "(a)\\1", "[[.a.]]", "[[=a=]]", "a|", "()",
                        "(|a)", "*a", "a**", "a+?", "^*", "a{x}", "a{3,1}",
                        "(a", "a)", "[a", "[[:nope:]]", "a{1000}", ""})
    EXPECT_FALSE(SmallRegex::read(P)) << P;
  clang::tidy::logstream::utils::CompiledPattern Engine("(a)\\1");
  EXPECT_FALSE(Engine.small());
  EXPECT_TRUE(Engine.match("xaa"));
  EXPECT_FALSE(Engine.match("ab"));
}

// A pattern that backtracks exponentially gives up rather than hang; the
// engine answers for it.
TEST(SmallRegex, GivesUpOnRunawayBacktracking) {
  std::string P;
  for (int I = 0; I < 24; ++I)
    P += "(a?)";
  P += "a{24}b";
  std::optional<SmallRegex> Small = SmallRegex::read(P);
  ASSERT_TRUE(Small);
  EXPECT_FALSE(Small->match(std::string(24, 'a')));
  clang::tidy::logstream::utils::CompiledPattern Whole(P);
  EXPECT_FALSE(Whole.match(std::string(24, 'a')));
  EXPECT_TRUE(Whole.match(std::string(24, 'a') + "b"));
}

} // namespace
