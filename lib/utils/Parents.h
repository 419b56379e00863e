//===--- Parents.h - Climbing the AST of the user's code ------------------===//
//
// Every parent a check asks for comes from here, and climbThrough() is the
// one way to walk up through the nodes that only wrap a value. The checks
// run inside utils::UserCodeTraversal, whose traversal scope is the user's
// code: the context's parent map, built on the first question, holds the
// nodes of the user's code, not those of every header (which cost more
// than all the checks together when the checks ran over the whole unit).
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_PARENTS_H
#define LOGSTREAM_UTILS_PARENTS_H

#include "utils/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchersMacros.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::logstream::utils {

/// The parents of \p Node (ASTContext::getParents). Inside the checks' run
/// the map covers the namespace-level declarations outside system headers:
/// a node of a system header has no parents there.
DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx);
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

/// Whether enclosingFunction stops at a lambda (nothing) or crosses it to
/// the function the lambda is written in.
enum class Lambdas { Stop, Cross };

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
