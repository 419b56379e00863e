//===--- Parents.h - Climbing the AST of the user's code ------------------===//
//
// Every parent a check asks for comes from here, and climbThrough() is the
// one way to walk up through the nodes that only wrap a value. The checks
// run inside utils::UserCodeTraversal, whose traversal scope is the user's
// code, and whose parent maps (UserParentMaps) are built one declaration at
// a time, for the declarations a check climbs in: not a map of every header
// (which cost more than all the checks together when the checks ran over
// the whole unit), nor one of every function of the user's code.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_PARENTS_H
#define LOGSTREAM_UTILS_PARENTS_H

#include "utils/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchersMacros.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::logstream::utils {

/// The parents of \p Node, as ASTContext::getParents has them over the
/// checks' traversal scope (the namespace-level declarations outside system
/// headers: a node of a system header has no parents here).
///
/// Inside the checks' run (a UserParentMaps is live for \p Ctx) the parents
/// come from a map of the one declaration that holds \p Node (a function, a
/// class, a variable; namespaces are looked into), built the first time a
/// node of it is asked about: ParentMapContext builds one map of the whole
/// scope at the first question, every node of every function, a few
/// percent of a parse of a user-heavy unit when only a handful of functions
/// hold anything a check climbs from. A node whose declaration is not found
/// (no location, a location outside every declaration) is answered from a
/// map of the whole scope, as before.
DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx);

/// Answers parentsOf for \p Ctx, from per-declaration maps of \p Scope (the
/// context's traversal scope, which it must stay), while it lives.
class UserParentMaps {
public:
  UserParentMaps(ASTContext &Ctx, std::vector<Decl *> Scope);
  ~UserParentMaps();
  UserParentMaps(const UserParentMaps &) = delete;
  UserParentMaps &operator=(const UserParentMaps &) = delete;

  DynTypedNodeList parents(const DynTypedNode &Node);

private:
  /// A declaration's extent in its file (offsets of its expansion range).
  struct Unit {
    unsigned Begin, End;
    Decl *D;
  };
  /// The declaration whose map holds \p Node; null when none is known.
  Decl *unitOf(const DynTypedNode &Node);
  /// The map of \p D; null when \p D is in a system header (outside the
  /// scope). The map of the whole scope when \p D is null.
  ParentMapContext *mapOf(Decl *D);
  void addUnits(Decl *D);

  ASTContext &Ctx;
  std::vector<Decl *> Scope;
  /// The declarations of each file, in order; made at the first question
  /// about a statement.
  llvm::DenseMap<FileID, std::vector<Unit>> Units;
  bool UnitsMade = false;
  llvm::DenseMap<const Decl *, std::unique_ptr<ParentMapContext>> Maps;
  std::unique_ptr<ParentMapContext> Whole;
  UserParentMaps *Outer; // the maps live before these (nested runs)
};
template <typename T>
DynTypedNodeList parentsOf(const T &Node, ASTContext &Ctx) {
  return parentsOf(DynTypedNode::create(Node), Ctx);
}

/// Whether a declaration above \p Node (any of its parents, through every
/// parent where the AST forks) is a class or function template
/// instantiation: ast_matchers::isInTemplateInstantiation, over parentsOf.
bool isInTemplateInstantiation(const DynTypedNode &Node, ASTContext &Ctx);

/// The matcher of isInTemplateInstantiation above (a drop-in for
/// ast_matchers::isInTemplateInstantiation()).
AST_MATCHER(Stmt, inTemplateInstantiation) {
  return isInTemplateInstantiation(DynTypedNode::create(Node),
                                   Finder->getASTContext());
}

/// Whether enclosingFunction stops at a lambda (nothing), answers its call
/// operator (as forCallable does), or crosses it to the function the lambda
/// is written in.
enum class Lambdas { Stop, Operator, Cross };

/// The function whose body contains \p E.
const FunctionDecl *enclosingFunction(const Expr *E, ASTContext &Ctx,
                                      Lambdas Through = Lambdas::Stop);

/// The one parent of \p Node; nullopt at the top or where the AST forks
/// (an element of a braced list has a syntactic and a semantic parent).
std::optional<DynTypedNode> singleParent(const DynTypedNode &Node,
                                         ASTContext &Ctx);

/// Climbs from \p Node through single parents for which \p Through holds
/// and returns the first one for which it does not, with the node below it
/// in \p Child; a null node when the climb reaches the top, a fork, or
/// \p MaxSteps parents.
DynTypedNode
climbThrough(DynTypedNode Node, ASTContext &Ctx,
             llvm::function_ref<bool(const DynTypedNode &)> Through,
             DynTypedNode *Child = nullptr, unsigned MaxSteps = 64);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_PARENTS_H
