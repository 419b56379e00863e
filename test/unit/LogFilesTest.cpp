//===--- LogFilesTest.cpp - log paths, log names, path values -------------===//

#include "utils/LogFiles.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Regex.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace lu = clang::tidy::logstream::utils;

namespace {

TEST(NormalizeIdentifier, SplitsEveryNamingStyle) {
  EXPECT_EQ(lu::normalizeIdentifier("errorLog"), "error_log");
  EXPECT_EQ(lu::normalizeIdentifier("m_logFile"), "m_log_file");
  EXPECT_EQ(lu::normalizeIdentifier("kLOGFile"), "k_log_file");
  EXPECT_EQ(lu::normalizeIdentifier("LOG_FP"), "log_fp");
  EXPECT_EQ(lu::normalizeIdentifier("__log_"), "log");
  EXPECT_EQ(lu::normalizeIdentifier("log2"), "log_2");
  EXPECT_EQ(lu::normalizeIdentifier("HTTPLogger"), "http_logger");
  EXPECT_EQ(lu::normalizeIdentifier("login"), "login");
}

bool logName(llvm::StringRef Id) {
  llvm::Regex R(lu::DefaultLogNamePattern, llvm::Regex::IgnoreCase);
  return R.match(lu::normalizeIdentifier(Id));
}

TEST(DefaultLogNamePattern, MatchesLogNames) {
  for (const char *Id :
       {"log", "logfile", "log_fp", "m_log", "errorLog", "access_log",
        "kLogFile", "logger", "auditLogger", "LOG", "g_logFd", "logs",
        "xferlog_file", "tunable_xferlog_file", "errorlog", "accesslog_fd",
        "m_auditlogger", "slowlog"})
    EXPECT_TRUE(logName(Id)) << Id;
}

TEST(DefaultLogNamePattern, RejectsLookAlikes) {
  for (const char *Id :
       {"login", "logic", "dialog", "catalog", "blog", "logo", "logarithm",
        "backlog", "loginAttempts", "m_dialog", "changelog", "syslog",
        "syslog_enable", "weblog", "prologue", "epilog", "backlog_file"})
    EXPECT_FALSE(logName(Id)) << Id;
}

bool logPath(llvm::StringRef P) {
  llvm::Regex R(lu::DefaultLogPathPattern, llvm::Regex::IgnoreCase);
  return R.match(P);
}

TEST(DefaultLogPathPattern, MatchesLogPaths) {
  for (const char *P :
       {"app.log", "/var/log/app/x.txt", "logs/out.txt", "app.log.1",
        "app.log.old", "app.log.2024-01-31", "app.log.1.gz", "./log/",
        "LOGS/Trace.TXT", "/var/log", "A.LOG"})
    EXPECT_TRUE(logPath(P)) << P;
}

TEST(DefaultLogPathPattern, RejectsOtherPaths) {
  for (const char *P :
       {"login.html", "blog/post.html", "catalog.json", "config.ini",
        "logo.png", "dialog/", "backlog/x", "app.logic", "changelog.md"})
    EXPECT_FALSE(logPath(P)) << P;
}

TEST(DefaultLogPathPattern, UnknownPartsNeverMatch) {
  std::string P = std::string("app.log") + lu::UnknownPathPart;
  EXPECT_FALSE(logPath(P));
  EXPECT_TRUE(logPath(std::string(1, lu::UnknownPathPart) + "/app.log"));
}

std::optional<std::string> resolveArg(llvm::StringRef Code) {
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
  EXPECT_TRUE(AST);
  auto M = match(callExpr(callee(functionDecl(hasName("sink")))).bind("c"),
                 AST->getASTContext());
  EXPECT_EQ(M.size(), 1u);
  if (M.size() != 1)
    return std::nullopt;
  auto R = lu::resolvePathValue(M[0].getNodeAs<CallExpr>("c")->getArg(0),
                                AST->getASTContext());
  if (R)
    return lu::displayPath(*R);
  return R;
}

TEST(ResolvePathValue, FollowsConstantsMacrosAndLocals) {
  EXPECT_EQ(resolveArg(R"(void sink(const char *);
    #define DIR "/var/log/"
    void f() { sink(DIR "app.log"); })"),
            "/var/log/app.log");
  EXPECT_EQ(resolveArg(R"(void sink(const char *);
    const char *const kName = "x.log";
    void f() { sink(kName); })"),
            "x.log");
  EXPECT_EQ(resolveArg(R"(void sink(const char *);
    void f(const char *p) { sink(p); })"),
            std::nullopt);
  EXPECT_EQ(resolveArg(R"(void sink(const char *);
    void f() { const char *local = "a.txt"; sink(local); })"),
            "a.txt");
}

TEST(ResolvePathValue, ConcatenatesStringsAndPaths) {
  const char *Prelude = R"(
    namespace std {
      template <class C> struct basic_string {
        basic_string(const C *);
        const C *c_str() const;
      };
      using string = basic_string<char>;
      string operator+(const string &, const string &);
      string operator+(const string &, const char *);
      namespace filesystem { struct path {
        path(const char *); path(const string &);
        string string() const; }; 
        path operator/(const path &, const path &); }
    }
    void sink(const char *);
  )";
  EXPECT_EQ(resolveArg(std::string(Prelude) +
                       "void f(const std::string &d) { sink((d + "
                       "\"/app.log\").c_str()); }"),
            ".../app.log");
  EXPECT_EQ(resolveArg(std::string(Prelude) +
                       "void f(const std::string &d) { "
                       "sink((std::filesystem::path(d) / \"logs\" / "
                       "\"x\").string().c_str()); }"),
            ".../logs/x");
}

} // namespace
