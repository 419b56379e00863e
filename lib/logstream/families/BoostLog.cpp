//===--- BoostLog.cpp - The Boost.Log family ------------------------------===//

#include "logstream/families/BoostLog.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Regex.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral AddFileLogId = "boost-add-file-log";
constexpr llvm::StringLiteral CollectorId = "boost-make-collector";
constexpr llvm::StringLiteral SetterId = "boost-setter";
constexpr llvm::StringLiteral SetterMethodId = "boost-setter-method";
constexpr llvm::StringLiteral KeywordId = "boost-keyword";
constexpr llvm::StringLiteral KeywordVarId = "boost-keyword-var";

class BoostLog : public Family {
public:
  llvm::StringRef name() const override { return "Boost.Log"; }

  llvm::ArrayRef<LibrarySink> fileSinks() const override {
    static const LibrarySink Sinks[] = {
        {{"::boost::log::sinks::text_file_backend",
          "::boost::log::sinks::text_multifile_backend"},
         "",
         {},
         {},
         false}};
    return Sinks;
  }

  std::vector<llvm::StringRef> otherNames() const override {
    return {"::boost::log::add_file_log",
            "::boost::log::sinks::file::make_collector"};
  }

  void registerSinkMatchers(SinkHost &H,
                            utils::UserCodeMatchers &Finder) override {
    if (!H.langOpts().CPlusPlus)
      return;
    Finder.addCallMatcher({"::boost::log::add_file_log"},
                          callExpr().bind(AddFileLogId), H.callback());
  }

  bool checkSink(SinkHost &H, const MatchResult &Result) override {
    const auto *C = Result.Nodes.getNodeAs<CallExpr>(AddFileLogId);
    if (!C)
      return false;
    checkAddFileLog(H, C, *Result.Context);
    return true;
  }

  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override;
  bool checkManagement(ManagementHost &H, const MatchResult &Result) override;

  MacroKind loggingMacro(llvm::StringRef Name) const override {
    return Name.starts_with("BOOST_LOG") ? MacroKind::Whole : MacroKind::None;
  }
  bool isLoggingStream(llvm::StringRef Qualified) const override {
    return Qualified.starts_with("boost::log");
  }

private:
  /// add_file_log(...) -> add_console_log(std::cout, <format, filter,
  /// auto_flush>) when the returned sink is not used (its type changes).
  void checkAddFileLog(SinkHost &H, const CallExpr *Call, ASTContext &Ctx);
  /// The console arguments: std::cout and the keywords kept.
  std::optional<std::string> consoleLogArgs(const CallExpr *Call,
                                            ASTContext &Ctx) const;
};

std::optional<std::string> BoostLog::consoleLogArgs(const CallExpr *Call,
                                                    ASTContext &Ctx) const {
  static const llvm::Regex Tag("keywords::tag::([a-z_]+)");
  static constexpr llvm::StringRef Kept[] = {"format", "filter", "auto_flush"};
  std::string Args = "std::cout";
  for (const Expr *A : utils::writtenArgs(Call)) {
    std::string TypeName = A->getType().getCanonicalType().getAsString();
    llvm::SmallVector<llvm::StringRef, 2> M;
    if (!Tag.match(TypeName, &M))
      continue; // a positional file name
    if (!llvm::is_contained(Kept, M[1]))
      continue;
    std::string Text = utils::sourceText(A->getSourceRange(), Ctx);
    if (Text.empty())
      return std::nullopt;
    Args += ", " + Text;
  }
  return Args;
}

void BoostLog::checkAddFileLog(SinkHost &H, const CallExpr *Call,
                               ASTContext &Ctx) {
  SourceLocation Loc =
      Ctx.getSourceManager().getExpansionLoc(Call->getBeginLoc());
  auto D = H.report(Loc, "boost::log::add_file_log");
  if (!utils::asDiscardedStatement(Call, Ctx))
    return;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
  if (!Ref || Call->getNumArgs() == 0)
    return;
  std::optional<std::string> Args = consoleLogArgs(Call, Ctx);
  if (!Args)
    return;
  CharSourceRange NameRange = utils::fileRange(Ref->getLocation(), Ctx);
  CharSourceRange ArgRange = utils::fileRange(
      SourceRange(Call->getArg(0)->getBeginLoc(),
                  utils::writtenArgs(Call).back()->getEndLoc()),
      Ctx);
  if (NameRange.isInvalid() || ArgRange.isInvalid())
    return;
  D << FixItHint::CreateReplacement(NameRange, "add_console_log")
    << FixItHint::CreateReplacement(ArgRange, *Args);
  if (auto Inc = H.include(Loc, "<boost/log/utility/setup/console.hpp>"))
    D << *Inc;
  if (auto Inc = H.include(Loc, "<iostream>"))
    D << *Inc;
}

//===----------------------------------------------------------------------===//
// logstream-log-file-management
//===----------------------------------------------------------------------===//

void BoostLog::registerManagementMatchers(ManagementHost &H,
                                          utils::UserCodeMatchers &Finder) {
  if (!H.langOpts().CPlusPlus)
    return;
  Finder.addCallMatcher({"::boost::log::sinks::file::make_collector"},
                        callExpr().bind(CollectorId), H.callback());
  Finder.addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(utils::hasAnyNameFast("set_file_collector",
                                                     "rotate_file",
                                                     "set_rotation_size",
                                                     "set_time_based_rotation"))
                     .bind(SetterMethodId)))
          .bind(SetterId),
      H.callback());
  Finder.addMatcher(
      declRefExpr(to(varDecl(utils::hasAnyNameFast(
                                 "rotation_size", "time_based_rotation",
                                 "max_size", "max_files", "min_free_space"))
                         .bind(KeywordVarId)))
          .bind(KeywordId),
      H.callback());
}

bool BoostLog::checkManagement(ManagementHost &H, const MatchResult &Result) {
  const auto &N = Result.Nodes;
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *C = N.getNodeAs<CallExpr>(CollectorId)) {
    H.add({SM.getExpansionLoc(C->getBeginLoc()), Operation::LibraryRetention,
           "boost::log::sinks::file::make_collector", "",
           "keeps and deletes rotated files"});
    return true;
  }
  if (const auto *C = N.getNodeAs<CXXMemberCallExpr>(SetterId)) {
    const auto *M = N.getNodeAs<CXXMethodDecl>(SetterMethodId);
    std::string Api = apiName(M);
    if (!llvm::StringRef(Api).starts_with("boost::log::"))
      return true;
    H.add({SM.getExpansionLoc(C->getBeginLoc()),
           M->getName() == "set_file_collector" ? Operation::LibraryRetention
                                                : Operation::LibraryRotation,
           Api});
    return true;
  }
  if (const auto *E = N.getNodeAs<DeclRefExpr>(KeywordId)) {
    const auto *K = N.getNodeAs<VarDecl>(KeywordVarId);
    if (!llvm::StringRef(K->getQualifiedNameAsString())
             .starts_with("boost::log::"))
      return true;
    bool Retention = K->getName() == "max_size" ||
                     K->getName() == "max_files" ||
                     K->getName() == "min_free_space";
    H.add({SM.getExpansionLoc(E->getBeginLoc()),
           Retention ? Operation::LibraryRetention : Operation::LibraryRotation,
           ("boost::log::keywords::" + K->getName()).str()});
    return true;
  }
  return false;
}

} // namespace

std::unique_ptr<Family> makeBoostLog() { return std::make_unique<BoostLog>(); }

} // namespace clang::tidy::logstream::families
