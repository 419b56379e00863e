//===--- UserCodeTraversal.cpp - One traversal of the user's code ---------===//

#include "utils/UserCodeTraversal.h"
#include "utils/Parents.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <mutex>

namespace clang::tidy::logstream::utils {

using namespace ast_matchers;

namespace {

/// The traversal of each live clang-tidy finder (one per translation unit
/// being analysed; a process analyses one at a time, but nothing here
/// assumes it).
struct Registry {
  std::mutex Lock;
  llvm::DenseMap<const MatchFinder *, std::weak_ptr<UserCodeTraversal>> Of;

  static Registry &get() {
    static Registry R;
    return R;
  }
};

} // namespace

UserCodeTraversal::UserCodeTraversal(MatchFinder *Outer, bool OnlyOurs)
    : Outer(Outer), OnlyOurs(OnlyOurs) {
  Outer->addMatcher(translationUnitDecl(), this);
}

UserCodeTraversal::~UserCodeTraversal() {
  Registry &R = Registry::get();
  std::lock_guard<std::mutex> Guard(R.Lock);
  auto It = R.Of.find(Outer);
  // A later finder at the same address has its own (live) entry.
  if (It != R.Of.end() && It->second.expired())
    R.Of.erase(It);
}

std::shared_ptr<UserCodeTraversal>
UserCodeTraversal::of(MatchFinder *Outer, llvm::function_ref<bool()> OnlyOurs) {
  Registry &R = Registry::get();
  std::lock_guard<std::mutex> Guard(R.Lock);
  std::weak_ptr<UserCodeTraversal> &Entry = R.Of[Outer];
  if (std::shared_ptr<UserCodeTraversal> Live = Entry.lock())
    return Live;
  std::shared_ptr<UserCodeTraversal> Made(
      new UserCodeTraversal(Outer, OnlyOurs()));
  Entry = Made;
  return Made;
}

bool UserCodeTraversal::onlyLogstreamChecks(llvm::StringRef Checks) {
  // clang-tidy's GlobList: globs separated by commas or line breaks, the
  // last that matches a name decides; `-*` disables everything before it.
  std::string Text = Checks.str();
  std::replace(Text.begin(), Text.end(), '\n', ',');
  llvm::SmallVector<llvm::StringRef, 8> Parts, Globs;
  llvm::StringRef(Text).split(Parts, ',');
  for (llvm::StringRef Glob : Parts)
    if (!(Glob = Glob.trim()).empty())
      Globs.push_back(Glob);
  auto Reset = std::find_if(Globs.rbegin(), Globs.rend(),
                            [](llvm::StringRef G) { return G == "-*"; });
  if (Reset == Globs.rend())
    return false;
  return std::all_of(Globs.rbegin(), Reset, [](llvm::StringRef G) {
    return G.starts_with("-") || G.starts_with("logstream-") ||
           G.starts_with("clang-diagnostic-");
  });
}

std::vector<Decl *> UserCodeTraversal::userDeclarations(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Decl *> User;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    SourceLocation Loc = D->getLocation();
    // The builtin declarations have no location: they were visited before
    // (and match nothing of ours), so they still are.
    if (Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      continue;
    User.push_back(D);
  }
  return User;
}

void UserCodeTraversal::run(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  // clang-tidy's own traversal has just begun (at the translation unit,
  // whose children it reads from the scope after this returns): the scope
  // it set is put back before then.
  std::vector<Decl *> Saved = Ctx.getTraversalScope();
  std::vector<Decl *> User = userDeclarations(Ctx);
  Ctx.setTraversalScope(User);
  {
    // The checks' parent look-ups (utils::parentsOf), one declaration at a
    // time.
    UserParentMaps Parents(Ctx, std::move(User));
    Inner.matchAST(Ctx);
  }
  if (!OnlyOurs) {
    Ctx.setTraversalScope(Saved);
    return;
  }
  // Nothing else to match: clang-tidy's finder walks an empty scope, and
  // the scope is put back when it ends the unit.
  Ctx.setTraversalScope({});
  Emptied = &Ctx;
  SavedScope = std::move(Saved);
}

void UserCodeTraversal::onEndOfTranslationUnit() {
  if (!Emptied)
    return;
  Emptied->setTraversalScope(SavedScope);
  Emptied = nullptr;
  SavedScope.clear();
}

} // namespace clang::tidy::logstream::utils
