//===--- Filesystem.cpp - The std::filesystem / boost::filesystem family --===//

#include "logstream/families/Filesystem.h"
#include "logstream/families/Families.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral LoopId = "filesystem-loop";
constexpr llvm::StringLiteral EntryId = "filesystem-entry";
constexpr llvm::StringLiteral RangeId = "filesystem-range";
constexpr llvm::StringLiteral IterDeleteId = "filesystem-iter-delete";
constexpr llvm::StringLiteral CtorId = "c";

class Filesystem : public Family {
public:
  llvm::StringRef name() const override { return "filesystem"; }

  llvm::ArrayRef<PathApi> pathApis() const override {
    using Op = Operation;
    static const PathApi Apis[] = {
        {"::std::filesystem::rename", Op::Rotate, {0, 1}},
        {"::boost::filesystem::rename", Op::Rotate, {0, 1}},
        {"::std::filesystem::remove", Op::Delete, {0}},
        {"::std::filesystem::remove_all", Op::Delete, {0}},
        {"::boost::filesystem::remove", Op::Delete, {0}},
        {"::boost::filesystem::remove_all", Op::Delete, {0}},
        {"::std::filesystem::resize_file", Op::Truncate, {0}},
        {"::std::filesystem::create_directory", Op::CreateDirectory, {0}},
        {"::std::filesystem::create_directories", Op::CreateDirectory, {0}},
        {"::boost::filesystem::create_directory", Op::CreateDirectory, {0}},
        {"::boost::filesystem::create_directories", Op::CreateDirectory, {0}},
        {"::std::filesystem::permissions", Op::Chmod, {0}},
    };
    return Apis;
  }

  std::vector<llvm::StringRef> otherNames() const override {
    return {"::std::filesystem::file_size", "::boost::filesystem::file_size"};
  }

  std::optional<StatementMatcher> sizeExpression() const override {
    return callExpr(utils::calleeNamed(otherNames())).bind(SizeOfPathCallId);
  }

  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override {
    if (!H.langOpts().CPlusPlus)
      return;
    // Deleting what a directory iteration over a log directory finds.
    auto DeleteCall =
        callExpr(utils::calleeNamed(allPathApis(Operation::Delete)));
    Finder.addMatcher(
        cxxForRangeStmt(
            hasLoopVariable(varDecl().bind(EntryId)),
            hasRangeInit(expr().bind(RangeId)),
            // The body may be the call itself (no braces).
            hasBody(eachOf(DeleteCall.bind(IterDeleteId),
                           forEachDescendant(DeleteCall.bind(IterDeleteId)))))
            .bind(LoopId),
        H.callback());
  }

  bool checkManagement(ManagementHost &H, const MatchResult &Result) override {
    const auto *C = Result.Nodes.getNodeAs<CallExpr>(IterDeleteId);
    if (!C)
      return false;
    checkIterationDelete(H, C, Result.Nodes.getNodeAs<VarDecl>(EntryId),
                         Result.Nodes.getNodeAs<Expr>(RangeId),
                         *Result.Context);
    return true;
  }

private:
  /// for (auto &entry : directory_iterator(<log dir>)) remove(entry...)
  void checkIterationDelete(ManagementHost &H, const CallExpr *C,
                            const VarDecl *Entry, const Expr *Range,
                            ASTContext &Ctx) {
    const auto *RangeRD = Range->getType()->getAsCXXRecordDecl();
    if (!RangeRD || !RangeRD->getIdentifier() ||
        !RangeRD->getName().ends_with("directory_iterator"))
      return;
    bool UsesEntry = false;
    for (const Expr *A : C->arguments())
      if (!match(findAll(declRefExpr(to(varDecl(equalsNode(Entry))))), *A, Ctx)
               .empty())
        UsesEntry = true;
    if (!UsesEntry)
      return;
    auto Ctors =
        match(findAll(cxxConstructExpr(argumentCountAtLeast(1)).bind(CtorId)),
              *Range, Ctx);
    std::string Path;
    for (const auto &M : Ctors) {
      const auto *Ctor = M.getNodeAs<CXXConstructExpr>(CtorId);
      if (H.classifier().isLogPathExpr(Ctor->getArg(0), Ctx, &Path)) {
        H.add({Ctx.getSourceManager().getExpansionLoc(C->getBeginLoc()),
               Operation::DeleteFromDirectory,
               C->getDirectCallee()->getQualifiedNameAsString(), Path});
        return;
      }
    }
  }
};

} // namespace

std::unique_ptr<Family> makeFilesystem() {
  return std::make_unique<Filesystem>();
}

} // namespace clang::tidy::logstream::families
