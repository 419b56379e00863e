//===--- NameMatchers.cpp - hasAnyName with a hash test first -------------===//

#include "utils/NameMatchers.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::logstream::utils {

namespace {

using ast_matchers::internal::ASTMatchFinder;
using ast_matchers::internal::BoundNodesTreeBuilder;
using ast_matchers::internal::Matcher;

/// The names' last components, for the hash test: a declaration with an
/// identifier in none of them is named by none of the names.
class LastComponents {
public:
  explicit LastComponents(llvm::ArrayRef<llvm::StringRef> Names) {
    for (llvm::StringRef Name : Names)
      Last.insert(lastNameComponent(Name));
  }

  /// False when \p D is certainly named by none of the names; true when
  /// hasAnyName must decide (its identifier is a last component, or it has
  /// none: constructors, operators).
  bool mayName(const NamedDecl &D) const {
    const IdentifierInfo *II = D.getIdentifier();
    return !II || Last.contains(II->getName());
  }

private:
  llvm::StringSet<> Last;
};

class AnyNameMatcher
    : public ast_matchers::internal::MatcherInterface<NamedDecl> {
public:
  explicit AnyNameMatcher(llvm::ArrayRef<llvm::StringRef> Names)
      : Full(ast_matchers::hasAnyName(Names)), Last(Names) {}

  bool matches(const NamedDecl &Node, ASTMatchFinder *Finder,
               BoundNodesTreeBuilder *Builder) const override {
    return Last.mayName(Node) && Full.matches(Node, Finder, Builder);
  }

private:
  Matcher<NamedDecl> Full;
  LastComponents Last;
};

class CalleeNamedMatcher
    : public ast_matchers::internal::MatcherInterface<CallExpr> {
public:
  CalleeNamedMatcher(llvm::ArrayRef<llvm::StringRef> Names,
                     const Matcher<Decl> &Declaration)
      : Full(ast_matchers::hasAnyName(Names)), Last(Names),
        Declaration(Declaration) {}

  bool matches(const CallExpr &Node, ASTMatchFinder *Finder,
               BoundNodesTreeBuilder *Builder) const override {
    // What callee's hasDeclaration reads of a call.
    const Decl *Callee = Node.getCalleeDecl();
    const auto *Named = dyn_cast_or_null<NamedDecl>(Callee);
    return Named && Last.mayName(*Named) &&
           Full.matches(*Named, Finder, Builder) &&
           Declaration.matches(*Callee, Finder, Builder);
  }

private:
  Matcher<NamedDecl> Full;
  LastComponents Last;
  Matcher<Decl> Declaration;
};

} // namespace

llvm::StringRef lastNameComponent(llvm::StringRef Name) {
  return Name.contains("::") ? Name.rsplit("::").second : Name;
}

Matcher<NamedDecl> hasAnyNameFast(llvm::ArrayRef<llvm::StringRef> Names) {
  return Matcher<NamedDecl>(new AnyNameMatcher(Names));
}

Matcher<CallExpr> calleeNamed(llvm::ArrayRef<llvm::StringRef> Names,
                              const Matcher<Decl> &Declaration) {
  return Matcher<CallExpr>(new CalleeNamedMatcher(Names, Declaration));
}

} // namespace clang::tidy::logstream::utils
