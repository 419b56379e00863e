//===--- CheckOptionsTest.cpp - utils::Pattern and the default patterns ---===//

#include "utils/CheckOptions.h"
#include "utils/Compat.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Regex.h"
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

TEST(Pattern, AnInvalidTextMatchesNothing) {
  Pattern P("(unclosed");
  EXPECT_FALSE(P.matches("(unclosed"));
}

// readRegexOption does not compile a default (the checks would pay for every
// pattern of every check on every unit): every check of the module, made
// with its default options, reads its patterns; each of them must compile.
TEST(DefaultPatterns, AllCompile) {
  using namespace clang::tidy;
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  Options.Checks = "-*,logstream-*";
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), Options));
  ClangTidyCheckFactories Factories;
  unsigned Modules = 0;
  for (const auto &Entry : ClangTidyModuleRegistry::entries())
    if (Entry.getName() == "logstream-module") {
      Entry.instantiate()->addCheckFactories(Factories);
      ++Modules;
    }
  ASSERT_EQ(Modules, 1U);
  auto Checks = Factories.createChecks(&Context);
  EXPECT_GE(Checks.size(), 7U);
  std::vector<std::string> Defaults =
      clang::tidy::logstream::utils::defaultPatternsRead();
  // The log file classifier's, the vocabularies', the record finder's...
  EXPECT_GE(Defaults.size(), 20U) << "patterns read: " << Defaults.size();
  // Texts of every kind the patterns are asked about: identifiers, paths,
  // format strings, category names.
  const char *Texts[] = {"authenticate",
                         "check_password",
                         "verify_user_credentials",
                         "is_authorized",
                         "basicauth_ok",
                         "password_matches",
                         "new_password",
                         "pass_2",
                         "api_key",
                         "session_token",
                         "http_handle",
                         "log",
                         "access_log",
                         "errorlog",
                         "app_logger",
                         "catalog",
                         "/var/log/app.log",
                         "app.log.1",
                         "logs/x",
                         "server.pid",
                         "state.json",
                         "tests/auth_test.cpp",
                         "src/unittest/x.cc",
                         "fuzz/a.c",
                         "[warn] %s",
                         "ERROR: x",
                         "info",
                         "security",
                         "SECURITY",
                         "audit",
                         "CRYPTO_memcmp",
                         "consttime_memequal",
                         "usage",
                         "print_help",
                         "authn_login_fail",
                         "user_login",
                         "x",
                         ""};
  for (const std::string &Default : Defaults) {
    llvm::Regex RE(Default, llvm::Regex::IgnoreCase);
    std::string Error;
    EXPECT_TRUE(RE.isValid(Error)) << Default << ": " << Error;
    // Each is matched without the engine (utils/SmallRegex.h), with the
    // engine's answers.
    const clang::tidy::logstream::utils::CompiledPattern &Filtered =
        clang::tidy::logstream::utils::compiled(Default);
    EXPECT_TRUE(Filtered.small()) << Default;
    for (const char *Text : Texts)
      EXPECT_EQ(Filtered.match(Text), RE.match(Text))
          << Default << " on '" << Text << "'";
  }
}

} // namespace
