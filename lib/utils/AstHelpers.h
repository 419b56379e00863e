//===--- AstHelpers.h - Small AST queries the checks share ----------------===//

#ifndef LOGSTREAM_UTILS_ASTHELPERS_H
#define LOGSTREAM_UTILS_ASTHELPERS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class Preprocessor;
} // namespace clang

namespace clang::tidy::logstream::utils {

/// The arguments written at a call (default arguments are not written).
llvm::SmallVector<const Expr *, 4> writtenArgs(const CallExpr *Call);
llvm::SmallVector<const Expr *, 4> writtenArgs(const CXXConstructExpr *C);

/// The source text of a range, or "" when it is (partly) in a macro body.
std::string sourceText(SourceRange R, ASTContext &Ctx);

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

/// The function whose body contains \p E (not through a lambda).
const FunctionDecl *enclosingFunction(const Expr *E, ASTContext &Ctx);

/// The value of an object-like macro whose body is one integer literal
/// (`#define _IOFBF 0`, `#define O_CREAT 0100`), as the headers in use
/// define it; nullopt when there is no such macro.
std::optional<int64_t> macroIntegerValue(const Preprocessor *PP,
                                         llvm::StringRef Name);

/// The string literal an argument is, through conversions and temporaries
/// (`std::string("x")`, `const std::string &` parameters bound to "x").
const StringLiteral *asStringLiteral(const Expr *E);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_ASTHELPERS_H
