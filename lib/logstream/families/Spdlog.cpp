//===--- Spdlog.cpp - The spdlog family -----------------------------------===//

#include "logstream/families/Spdlog.h"
#include "logstream/families/Families.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral FactoryId = "spdlog-factory";
constexpr llvm::StringLiteral CreateId = "spdlog-create";
constexpr llvm::StringLiteral RotatingFactoryId = "spdlog-rotating-factory";
/// spdlog::create<Sink> and its asynchronous forms.
constexpr llvm::StringRef CreateFunctions[] = {
    "::spdlog::create", "::spdlog::create_async", "::spdlog::create_async_nb"};
constexpr llvm::StringRef GetFunction = "::spdlog::get";
constexpr llvm::StringLiteral ConsoleHeader = "<spdlog/sinks/stdout_sinks.h>";

/// Whether a sink is the single-threaded (null_mutex) specialization.
bool isSingleThreaded(const CXXRecordDecl *Sink) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Sink);
  if (!Spec || Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  const CXXRecordDecl *Mutex =
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return Mutex && Mutex->getName() == "null_mutex";
}

class Spdlog : public Family {
public:
  llvm::StringRef name() const override { return "spdlog"; }

  llvm::ArrayRef<LibrarySink> fileSinks() const override {
    static const LibrarySink Sinks[] = {{{"::spdlog::sinks::basic_file_sink",
                                          "::spdlog::sinks::rotating_file_sink",
                                          "::spdlog::sinks::daily_file_sink",
                                          "::spdlog::sinks::hourly_file_sink"},
                                         "spdlog::sinks::stdout_sink_mt",
                                         {ConsoleHeader},
                                         {"sink"},
                                         /*AllowAutoVariable=*/true}};
    return Sinks;
  }

  llvm::ArrayRef<llvm::StringRef> fileFactories() const override {
    static constexpr llvm::StringRef Names[] = {
        "::spdlog::basic_logger_mt",        "::spdlog::basic_logger_st",
        "::spdlog::rotating_logger_mt",     "::spdlog::rotating_logger_st",
        "::spdlog::daily_logger_mt",        "::spdlog::daily_logger_st",
        "::spdlog::daily_logger_format_mt", "::spdlog::daily_logger_format_st",
        "::spdlog::hourly_logger_mt",       "::spdlog::hourly_logger_st"};
    return Names;
  }

  llvm::ArrayRef<llvm::StringRef> rotatingClasses() const override {
    static constexpr llvm::StringRef Names[] = {
        "::spdlog::sinks::rotating_file_sink",
        "::spdlog::sinks::daily_file_sink",
        "::spdlog::sinks::hourly_file_sink"};
    return Names;
  }

  std::vector<llvm::StringRef> otherNames() const override {
    return concat({CreateFunctions, GetFunction});
  }

  std::string consoleTypeFor(const LibrarySink &,
                             const CXXRecordDecl *Sink) const override {
    return isSingleThreaded(Sink) ? "spdlog::sinks::stdout_sink_st"
                                  : "spdlog::sinks::stdout_sink_mt";
  }
  std::optional<std::string> consoleArgs(const CXXRecordDecl *,
                                         llvm::ArrayRef<const Expr *>,
                                         ASTContext &) const override {
    return "";
  }
  std::string displayName(const CXXRecordDecl *Sink) const override {
    std::string Name = Sink->getQualifiedNameAsString();
    if (isa<ClassTemplateSpecializationDecl>(Sink))
      Name += isSingleThreaded(Sink) ? "_st" : "_mt";
    return withoutInlineNamespaces(Name);
  }

  void registerSinkMatchers(SinkHost &H,
                            utils::UserCodeMatchers &Finder) override {
    if (!H.langOpts().CPlusPlus)
      return;
    // spdlog::create<Sink>(name, sink args...) builds the sink in spdlog's
    // own headers.
    Finder.addCallMatcher(
        CreateFunctions,
        callExpr(callee(functionDecl(hasTemplateArgument(
                     0, refersToType(hasUnqualifiedDesugaredType(
                            recordType(hasDeclaration(H.sinkClass()))))))))
            .bind(CreateId),
        H.callback());
    Finder.addCallMatcher(fileFactories(), callExpr().bind(FactoryId),
                          H.callback());
  }

  bool checkSink(SinkHost &H, const MatchResult &Result) override {
    const auto &N = Result.Nodes;
    if (const auto *C = N.getNodeAs<CallExpr>(CreateId)) {
      H.report(Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
               sinkDisplayName(N.getNodeAs<CXXRecordDecl>(SinkClassId)));
      return true;
    }
    if (const auto *C = N.getNodeAs<CallExpr>(FactoryId)) {
      checkFactory(H, C, *Result.Context);
      return true;
    }
    return false;
  }

  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override {
    if (!H.langOpts().CPlusPlus)
      return;
    Finder.addCallMatcher(rotatingFactories(),
                          callExpr().bind(RotatingFactoryId), H.callback());
  }

  bool checkManagement(ManagementHost &H, const MatchResult &Result) override {
    const auto *C = Result.Nodes.getNodeAs<CallExpr>(RotatingFactoryId);
    if (!C)
      return false;
    const FunctionDecl *FD = C->getDirectCallee();
    llvm::StringRef Name = FD->getName();
    std::string Detail = Name.starts_with("rotating")
                             ? "rotates by size and keeps max_files"
                         : Name.starts_with("hourly") ? "rotates hourly"
                                                      : "rotates daily";
    H.add({Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
           Operation::LibraryRotation, FD->getQualifiedNameAsString(), "",
           Detail});
    return true;
  }

  MacroKind loggingMacro(llvm::StringRef Name) const override {
    return Name.starts_with("SPDLOG_") ? MacroKind::Whole : MacroKind::None;
  }
  bool isLoggingCall(const CallExpr *, const FunctionDecl *,
                     llvm::StringRef Qualified) const override {
    return Qualified.starts_with("spdlog::");
  }
  const StringLiteral *loggerLookup(const CallExpr *C) const override {
    const FunctionDecl *F = C->getDirectCallee();
    if (!F || C->getNumArgs() != 1 ||
        "::" + F->getQualifiedNameAsString() != GetFunction)
      return nullptr;
    return utils::asStringLiteral(C->getArg(0));
  }

private:
  /// The factories of rotating loggers (all but basic_logger_*).
  std::vector<llvm::StringRef> rotatingFactories() const {
    std::vector<llvm::StringRef> Names;
    for (llvm::StringRef Name : fileFactories())
      if (!Name.starts_with("::spdlog::basic_"))
        Names.push_back(Name);
    return Names;
  }
  /// spdlog::basic_logger_mt("name", "file", ...) -> stdout_logger_mt("name")
  void checkFactory(SinkHost &H, const CallExpr *Call, ASTContext &Ctx);
};

void Spdlog::checkFactory(SinkHost &H, const CallExpr *Call, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::StringRef Name = Call->getDirectCallee()->getName();
  SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
  auto D = H.report(Loc, "spdlog::" + Name.str());
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
  auto Args = utils::writtenArgs(Call);
  if (!Ref || Args.empty())
    return;
  CharSourceRange NameRange = utils::fileRange(Ref->getLocation(), Ctx);
  CharSourceRange Rest;
  if (Args.size() > 1)
    Rest = utils::fileRange(
        SourceRange(Lexer::getLocForEndOfToken(Args[0]->getEndLoc(), 0, SM,
                                               H.langOpts()),
                    Args.back()->getEndLoc()),
        Ctx);
  if (NameRange.isInvalid() || (Args.size() > 1 && Rest.isInvalid()))
    return;
  llvm::StringRef Suffix = Name.ends_with("_st") ? "_st" : "_mt";
  D << FixItHint::CreateReplacement(NameRange,
                                    ("stdout_logger" + Suffix).str());
  if (Rest.isValid())
    D << FixItHint::CreateRemoval(Rest);
  if (auto Inc = H.include(Loc, ConsoleHeader))
    D << *Inc;
}

} // namespace

std::unique_ptr<Family> makeSpdlog() { return std::make_unique<Spdlog>(); }

} // namespace clang::tidy::logstream::families
