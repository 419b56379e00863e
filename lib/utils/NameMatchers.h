//===--- NameMatchers.h - hasAnyName with a hash test first ---------------===//
//
// The checks name the functions and classes they look for in long lists
// (every path API, every logging macro's function): `callee(functionDecl(
// hasAnyName(...)))` runs on every call of the user's code, for every such
// matcher. clang's hasAnyName compares the node's qualified name with each
// listed name in turn; most calls (strcmp, the program's own functions) are
// in no list, and a look-up of the node's own name in the set of the
// listed names' last components rejects them at once.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_NAMEMATCHERS_H
#define LOGSTREAM_UTILS_NAMEMATCHERS_H

#include "utils/Compat.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::logstream::utils {

/// The last component of a name as hasAnyName reads it ("::std::fopen":
/// "fopen"): the identifier a declaration it names must have.
llvm::StringRef lastNameComponent(llvm::StringRef Name);

/// ast_matchers::hasAnyName, the same names and the same answers (the same
/// matcher decides), with a hash test of the node's unqualified name first:
/// a declaration with an identifier that is the last component of none of
/// the names does not match. Declarations without an identifier
/// (constructors, operators) go straight to hasAnyName.
ast_matchers::internal::Matcher<NamedDecl>
hasAnyNameFast(llvm::ArrayRef<llvm::StringRef> Names);

/// hasAnyNameFast("::open", "::creat", ...), as hasAnyName is called.
template <typename... Rest>
ast_matchers::internal::Matcher<NamedDecl>
hasAnyNameFast(llvm::StringRef First, const Rest &...Others) {
  return hasAnyNameFast(
      llvm::ArrayRef<llvm::StringRef>({First, llvm::StringRef(Others)...}));
}

/// callee(Declaration) of a call whose callee is named one of \p Names (as
/// hasAnyName reads them): `callExpr(calleeNamed({"::fopen"}))` for
/// `callExpr(callee(functionDecl(hasName("::fopen"))))`, with the same
/// answers and bindings (\p Declaration may bind the callee).
///
/// clang's callee builds a hasDeclaration matcher at every call it is asked
/// about and reaches the name through three matchers (about 1,300
/// instructions a call, for each matcher of a check that names its callee);
/// this one reads the callee declaration itself and rejects a call whose
/// callee's identifier ends none of the names with one hash look-up. Only a
/// call that passes goes on to hasAnyName and \p Declaration.
ast_matchers::internal::Matcher<CallExpr>
calleeNamed(llvm::ArrayRef<llvm::StringRef> Names,
            const ast_matchers::internal::Matcher<Decl> &Declaration =
                ast_matchers::functionDecl());

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_NAMEMATCHERS_H
