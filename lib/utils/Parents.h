//===--- Parents.h - Climbing the AST without the TU-wide parent map ------===//
//
// Every parent a check asks for comes from here: parentsOf() builds a parent
// map of one namespace-level declaration instead of the whole translation
// unit's, and climbThrough() is the one way to walk up through the nodes
// that only wrap a value.
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

/// The parents of \p Node, as ASTContext::getParents gives them, but found
/// in a parent map of the namespace-level declaration that contains the
/// node (a function, a class, a variable, a template with its
/// instantiations) instead of the whole translation unit's: the first
/// getParents call builds a map of every node of every header, which costs
/// more than all the checks together. Each declaration's map is built once
/// per translation unit; a node that no such declaration contains (it is
/// rare: an instantiated member defined outside its class template) is
/// looked up in the whole translation unit's map.
DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx);
template <typename T>
DynTypedNodeList parentsOf(const T &Node, ASTContext &Ctx) {
  return parentsOf(DynTypedNode::create(Node), Ctx);
}

/// Whether a declaration above \p Node (any of its parents, through every
/// parent where the AST forks) is a class or function template
/// instantiation: ast_matchers::isInTemplateInstantiation, over the parents
/// of parentsOf instead of the whole translation unit's parent map (which
/// hasAncestor builds on its first use, for every node of every header).
bool isInTemplateInstantiation(const DynTypedNode &Node, ASTContext &Ctx);

/// The matcher of isInTemplateInstantiation above: a drop-in for
/// ast_matchers::isInTemplateInstantiation() that builds no parent map of
/// the whole translation unit.
AST_MATCHER(Stmt, inTemplateInstantiation) {
  return isInTemplateInstantiation(DynTypedNode::create(Node),
                                   Finder->getASTContext());
}

/// The function whose body contains \p E (not through a lambda).
const FunctionDecl *enclosingFunction(const Expr *E, ASTContext &Ctx);

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
