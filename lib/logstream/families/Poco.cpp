//===--- Poco.cpp - The Poco family ---------------------------------------===//

#include "logstream/families/Poco.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral SetPathId = "poco-set-path";
constexpr llvm::StringLiteral SetPropertyId = "poco-set-property";

/// The property key a setProperty argument names: a string, or one of
/// Poco::FileChannel's PROP_* constants.
std::string propertyKey(const Expr *Arg, ASTContext &Ctx) {
  if (std::optional<std::string> K = utils::resolvePathValue(Arg, Ctx))
    return *K;
  const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
  if (!DRE)
    return "";
  return llvm::StringSwitch<std::string>(DRE->getDecl()->getName())
      .Case("PROP_ROTATION", "rotation")
      .Case("PROP_ARCHIVE", "archive")
      .Case("PROP_PURGEAGE", "purgeAge")
      .Case("PROP_PURGECOUNT", "purgeCount")
      .Case("PROP_COMPRESS", "compress")
      .Case("PROP_ROTATEONOPEN", "rotateOnOpen")
      .Default("");
}

class Poco : public Family {
public:
  llvm::StringRef name() const override { return "Poco"; }

  llvm::ArrayRef<LibrarySink> fileSinks() const override {
    static const LibrarySink Sinks[] = {
        {{"::Poco::FileChannel", "::Poco::SimpleFileChannel"},
         "Poco::ConsoleChannel",
         {"<Poco/ConsoleChannel.h>", "<iostream>"},
         {"Channel", "Configurable", "RefCountedObject"},
         false}};
    return Sinks;
  }

  std::vector<llvm::StringRef> otherNames() const override {
    return {"::Poco::Configurable"};
  }

  std::optional<std::string> consoleArgs(const CXXRecordDecl *,
                                         llvm::ArrayRef<const Expr *>,
                                         ASTContext &) const override {
    return "std::cout";
  }

  void registerSinkMatchers(SinkHost &H,
                            utils::UserCodeMatchers &Finder) override {
    if (!H.langOpts().CPlusPlus)
      return;
    // setProperty("path", ...) on a file channel.
    Finder.addCallMatcher(
        {"setProperty"},
        cxxMemberCallExpr(
            argumentCountIs(2), callee(cxxMethodDecl()),
            thisPointerType(
                cxxRecordDecl(isSameOrDerivedFrom(utils::hasAnyNameFast(
                    "::Poco::FileChannel", "::Poco::SimpleFileChannel")))))
            .bind(SetPathId),
        H.callback());
  }

  bool checkSink(SinkHost &H, const MatchResult &Result) override {
    const auto *C = Result.Nodes.getNodeAs<CXXMemberCallExpr>(SetPathId);
    if (!C)
      return false;
    ASTContext &Ctx = *Result.Context;
    std::optional<std::string> Key = utils::resolvePathValue(C->getArg(0), Ctx);
    if (!Key || *Key != "path")
      return true;
    std::optional<std::string> Path =
        utils::resolvePathValue(C->getArg(1), Ctx);
    H.report(Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
             "Poco::FileChannel::setProperty(\"path\")", Path.value_or(""));
    return true;
  }

  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override {
    if (!H.langOpts().CPlusPlus)
      return;
    Finder.addCallMatcher(
        {"setProperty"},
        cxxMemberCallExpr(argumentCountIs(2), callee(cxxMethodDecl()),
                          thisPointerType(cxxRecordDecl(
                              isSameOrDerivedFrom("::Poco::Configurable"))))
            .bind(SetPropertyId),
        H.callback());
  }

  bool checkManagement(ManagementHost &H, const MatchResult &Result) override {
    const auto *C = Result.Nodes.getNodeAs<CXXMemberCallExpr>(SetPropertyId);
    if (!C)
      return false;
    static constexpr llvm::StringRef Rotation[] = {"rotation", "rotateOnOpen"};
    static constexpr llvm::StringRef Retention[] = {"archive", "purgeAge",
                                                    "purgeCount", "compress"};
    std::string Key = propertyKey(C->getArg(0), *Result.Context);
    bool IsRotation = llvm::is_contained(Rotation, Key);
    if (!IsRotation && !llvm::is_contained(Retention, Key))
      return true;
    H.add(
        {Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
         IsRotation ? Operation::LibraryRotation : Operation::LibraryRetention,
         "Poco::Channel::setProperty(\"" + Key + "\")", "", "",
         removalOf(C, *Result.Context)});
    return true;
  }

  MacroKind loggingMacro(llvm::StringRef Name) const override {
    return Name.starts_with("poco_") ? MacroKind::Whole : MacroKind::None;
  }
  bool isLoggingCall(const CallExpr *, const FunctionDecl *,
                     llvm::StringRef Qualified) const override {
    return Qualified.starts_with("Poco::Logger::");
  }
};

} // namespace

std::unique_ptr<Family> makePoco() { return std::make_unique<Poco>(); }

} // namespace clang::tidy::logstream::families
