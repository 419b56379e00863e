//===--- UserCodeTraversal.cpp - One traversal of the user's code ---------===//

#include "utils/UserCodeTraversal.h"
#include "utils/Parents.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
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

UserCodeTraversal::UserCodeTraversal(MatchFinder *Outer) : Outer(Outer) {
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

std::shared_ptr<UserCodeTraversal> UserCodeTraversal::of(MatchFinder *Outer) {
  Registry &R = Registry::get();
  std::lock_guard<std::mutex> Guard(R.Lock);
  std::weak_ptr<UserCodeTraversal> &Entry = R.Of[Outer];
  if (std::shared_ptr<UserCodeTraversal> Live = Entry.lock())
    return Live;
  std::shared_ptr<UserCodeTraversal> Made(new UserCodeTraversal(Outer));
  Entry = Made;
  return Made;
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
  Ctx.setTraversalScope(Saved);
}

} // namespace clang::tidy::logstream::utils
