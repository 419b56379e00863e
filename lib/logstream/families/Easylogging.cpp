//===--- Easylogging.cpp - The easylogging++ family -----------------------===//

#include "logstream/families/Easylogging.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "llvm/Support/Regex.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral SetId = "elpp-set";
constexpr llvm::StringLiteral TextId = "elpp-text";
constexpr llvm::StringLiteral MaxSizeId = "elpp-max-size";

/// The calls that set a configuration type's value.
auto setterCall(llvm::ArrayRef<llvm::StringRef> Types) {
  return callExpr(
      argumentCountAtLeast(2),
      utils::calleeNamed({"set", "setGlobally", "reconfigureAllLoggers",
                          "reconfigureLogger", "unsafeSet", "setValue"}),
      hasAnyArgument(ignoringParenImpCasts(declRefExpr(to(enumConstantDecl(
          utils::hasAnyNameFast(Types),
          hasDeclContext(enumDecl(hasName("::el::ConfigurationType")))))))));
}

class Easylogging : public Family {
public:
  llvm::StringRef name() const override { return "easylogging++"; }

  std::vector<llvm::StringRef> otherNames() const override {
    return {"::el::ConfigurationType", "::el::Configurations"};
  }

  void registerSinkMatchers(SinkHost &H,
                            utils::UserCodeMatchers &Finder) override {
    if (!H.langOpts().CPlusPlus)
      return;
    static constexpr llvm::StringRef Types[] = {"ToFile", "Filename"};
    Finder.addMatcher(setterCall(Types).bind(SetId), H.callback());
    Finder.addCallMatcher(
        {"parseFromText"},
        cxxMemberCallExpr(
            callee(cxxMethodDecl(ofClass(hasName("::el::Configurations")))))
            .bind(TextId),
        H.callback());
  }

  bool checkSink(SinkHost &H, const MatchResult &Result) override {
    if (const auto *C = Result.Nodes.getNodeAs<CXXMemberCallExpr>(TextId))
      checkText(H, C, *Result.Context);
    else if (const auto *C = Result.Nodes.getNodeAs<CallExpr>(SetId))
      checkSet(H, C, *Result.Context);
    else
      return false;
    return true;
  }

  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override {
    // Rotation by size (`MaxLogFileSize`).
    if (!H.langOpts().CPlusPlus)
      return;
    static constexpr llvm::StringRef Types[] = {"MaxLogFileSize"};
    Finder.addMatcher(setterCall(Types).bind(MaxSizeId), H.callback());
  }

  bool checkManagement(ManagementHost &H, const MatchResult &Result) override {
    const auto *C = Result.Nodes.getNodeAs<CallExpr>(MaxSizeId);
    if (!C)
      return false;
    H.add({Result.SourceManager->getExpansionLoc(C->getBeginLoc()),
           Operation::LibraryRotation, "el::ConfigurationType::MaxLogFileSize",
           "", "rolls the file over by size", removalOf(C, *Result.Context)});
    return true;
  }

  MacroKind loggingMacro(llvm::StringRef Name) const override {
    return Name.starts_with("ELPP_") || Name == "CLOG" ? MacroKind::Whole
                                                       : MacroKind::None;
  }

private:
  void checkSet(SinkHost &H, const CallExpr *Call, ASTContext &Ctx);
  void checkText(SinkHost &H, const CXXMemberCallExpr *Call, ASTContext &Ctx);
};

void Easylogging::checkSet(SinkHost &H, const CallExpr *Call, ASTContext &Ctx) {
  const EnumConstantDecl *Which = nullptr;
  const StringLiteral *Value = nullptr;
  for (const Expr *A : Call->arguments()) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()))
      if (const auto *EC = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
        Which = EC;
    if (const StringLiteral *SL = utils::asStringLiteral(A))
      Value = SL;
  }
  if (!Which)
    return;
  SourceLocation Loc =
      Ctx.getSourceManager().getExpansionLoc(Call->getBeginLoc());
  if (Which->getName() == "Filename") {
    H.diagnose(Loc, "easylogging++ 'ConfigurationType::Filename' names a log "
                    "file; write log events to stdout as an event stream");
    return;
  }
  if (!Value || !Value->getString().equals_insensitive("true"))
    return;
  auto D = H.diagnose(Loc, "easylogging++ 'ConfigurationType::ToFile' set to "
                           "\"true\" writes log events to a file; write them "
                           "to stdout as an event stream");
  CharSourceRange R = utils::fileRange(Value->getSourceRange(), Ctx);
  if (R.isValid())
    D << FixItHint::CreateReplacement(R, "\"false\"");
}

void Easylogging::checkText(SinkHost &H, const CXXMemberCallExpr *Call,
                            ASTContext &Ctx) {
  if (Call->getNumArgs() < 1)
    return;
  const StringLiteral *SL = utils::asStringLiteral(Call->getArg(0));
  if (!SL || SL->getCharByteWidth() != 1)
    return;
  llvm::StringRef Text = SL->getString();
  static const llvm::Regex ToFile("TO_FILE[ \t]*=[ \t]*\"?(true)",
                                  llvm::Regex::IgnoreCase);
  static const llvm::Regex FileName("(^|[\n \t])FILENAME[ \t]*=",
                                    llvm::Regex::IgnoreCase);
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
  llvm::SmallVector<llvm::StringRef, 2> M;
  if (ToFile.match(Text, &M)) {
    auto D = H.diagnose(Loc, "easylogging++ configuration enables 'TO_FILE', "
                             "which writes log events to a file; write them "
                             "to stdout as an event stream");
    unsigned Offset = M[1].data() - Text.data();
    SourceLocation B =
        SL->getLocationOfByte(Offset, SM, H.langOpts(), Ctx.getTargetInfo());
    SourceLocation E = SL->getLocationOfByte(Offset + 4, SM, H.langOpts(),
                                             Ctx.getTargetInfo());
    if (B.isFileID() && E.isFileID())
      D << FixItHint::CreateReplacement(CharSourceRange::getCharRange(B, E),
                                        "false");
    return;
  }
  if (FileName.match(Text))
    H.diagnose(Loc, "easylogging++ configuration sets 'FILENAME' for a log "
                    "file; write log events to stdout as an event stream");
}

} // namespace

std::unique_ptr<Family> makeEasylogging() {
  return std::make_unique<Easylogging>();
}

} // namespace clang::tidy::logstream::families
