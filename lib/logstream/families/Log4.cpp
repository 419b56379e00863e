//===--- Log4.cpp - The log4cxx and log4cplus families --------------------===//
//
// Two families with one shape: file appenders that a ConsoleAppender
// replaces, rolling appenders and policies, setMaxFileSize and friends.
//
//===----------------------------------------------------------------------===//

#include "logstream/families/Log4.h"
#include "utils/NameMatchers.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

/// What log4cxx and log4cplus share; \p Namespace is "log4cxx" or
/// "log4cplus".
class Log4Family : public Family {
public:
  Log4Family(llvm::StringRef Namespace, llvm::StringRef MacroPrefix)
      : Namespace(Namespace), Scope((Namespace + "::").str()),
        MacroPrefix(MacroPrefix) {}
  llvm::StringRef name() const override { return Namespace; }

  // One matcher for both libraries (they name their setters alike):
  // log4cxx registers it, each family takes the matches of its own scope.
  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override {
    if (!H.langOpts().CPlusPlus)
      return;
    if (Namespace != "log4cxx")
      return;
    Finder.addMatcher(
        cxxMemberCallExpr(
            callee(cxxMethodDecl(utils::hasAnyNameFast(
                                     "setMaxFileSize", "setMaxBackupIndex",
                                     "setMaximumFileSize", "setMaxIndex"))
                       .bind(SetterMethodId)))
            .bind(SetterId),
        H.callback());
  }

  bool checkManagement(ManagementHost &H, const MatchResult &Result) override {
    const auto *C = Result.Nodes.getNodeAs<CXXMemberCallExpr>(SetterId);
    if (!C)
      return false;
    const auto *M = Result.Nodes.getNodeAs<CXXMethodDecl>(SetterMethodId);
    std::string Api = apiName(M);
    if (!llvm::StringRef(Api).starts_with(Scope))
      return false; // the other library's, or neither's
    llvm::StringRef Name = M->getName();
    bool Retention = Name == "setMaxBackupIndex" || Name == "setMaxIndex";
    std::optional<FixItHint> Fix;
    if (Name != "setMaxIndex")
      Fix = removalOf(C, *Result.Context);
    H.add({Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
           Retention ? Operation::LibraryRetention : Operation::LibraryRotation,
           Api, "", "", Fix});
    return true;
  }

  MacroKind loggingMacro(llvm::StringRef Name) const override {
    return Name.starts_with(MacroPrefix) ? MacroKind::Whole : MacroKind::None;
  }
  bool isLoggingCall(const CallExpr *, const FunctionDecl *,
                     llvm::StringRef Qualified) const override {
    return Qualified.starts_with(Scope);
  }

private:
  const llvm::StringRef Namespace;
  const std::string Scope; // "log4cxx::"
  const llvm::StringRef MacroPrefix;
  // The binding ids of the one setter matcher.
  static constexpr llvm::StringLiteral SetterId = "log4-setter";
  static constexpr llvm::StringLiteral SetterMethodId = "log4-setter-method";
};

class Log4cxx : public Log4Family {
public:
  Log4cxx() : Log4Family("log4cxx", "LOG4CXX_") {}

  llvm::ArrayRef<LibrarySink> fileSinks() const override {
    static const LibrarySink Sinks[] = {
        {{"::log4cxx::FileAppender", "::log4cxx::RollingFileAppender",
          "::log4cxx::DailyRollingFileAppender",
          "::log4cxx::rolling::RollingFileAppender"},
         "log4cxx::ConsoleAppender",
         {"<log4cxx/consoleappender.h>"},
         {"Appender", "AppenderSkeleton", "WriterAppender", "OptionHandler",
          "Object"},
         true}};
    return Sinks;
  }

  llvm::ArrayRef<llvm::StringRef> rotatingClasses() const override {
    static constexpr llvm::StringRef Names[] = {
        "::log4cxx::rolling::RollingFileAppender",
        "::log4cxx::DailyRollingFileAppender",
        "::log4cxx::rolling::SizeBasedTriggeringPolicy",
        "::log4cxx::rolling::FixedWindowRollingPolicy",
        "::log4cxx::rolling::TimeBasedRollingPolicy"};
    return Names;
  }

  /// FileAppender(layout, filename, ...) -> ConsoleAppender(layout)
  std::optional<std::string> consoleArgs(const CXXRecordDecl *,
                                         llvm::ArrayRef<const Expr *> Args,
                                         ASTContext &Ctx) const override {
    if (Args.empty())
      return "";
    std::string Type = Args[0]->getType().getAsString();
    if (Type.find("Layout") == std::string::npos)
      return std::nullopt;
    CharSourceRange R = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Args[0]->getSourceRange()),
        Ctx.getSourceManager(), Ctx.getLangOpts());
    if (R.isInvalid())
      return std::nullopt;
    return Lexer::getSourceText(R, Ctx.getSourceManager(), Ctx.getLangOpts())
        .str();
  }
};

class Log4cplus : public Log4Family {
public:
  Log4cplus() : Log4Family("log4cplus", "LOG4CPLUS_") {}

  llvm::ArrayRef<llvm::StringRef> rotatingClasses() const override {
    static constexpr llvm::StringRef Names[] = {
        "::log4cplus::RollingFileAppender",
        "::log4cplus::DailyRollingFileAppender",
        "::log4cplus::TimeBasedRollingFileAppender"};
    return Names;
  }

  llvm::ArrayRef<LibrarySink> fileSinks() const override {
    static const LibrarySink Sinks[] = {
        {{"::log4cplus::FileAppenderBase", "::log4cplus::FileAppender",
          "::log4cplus::RollingFileAppender",
          "::log4cplus::DailyRollingFileAppender",
          "::log4cplus::TimeBasedRollingFileAppender"},
         "log4cplus::ConsoleAppender",
         {"<log4cplus/consoleappender.h>"},
         {"Appender", "SharedObject"},
         true}};
    return Sinks;
  }

  std::optional<std::string> consoleArgs(const CXXRecordDecl *,
                                         llvm::ArrayRef<const Expr *> Args,
                                         ASTContext &) const override {
    // A properties-configured appender may name its file elsewhere.
    for (const Expr *A : Args)
      if (const auto *RD = A->getType()->getAsCXXRecordDecl())
        if (RD->getName() == "Properties")
          return std::nullopt;
    return "false, true"; // stdout, immediate flush
  }
};

} // namespace

std::unique_ptr<Family> makeLog4cxx() { return std::make_unique<Log4cxx>(); }
std::unique_ptr<Family> makeLog4cplus() {
  return std::make_unique<Log4cplus>();
}

} // namespace clang::tidy::logstream::families
