//===--- NameMatchers.cpp - hasAnyName with a hash test first -------------===//

#include "utils/NameMatchers.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::logstream::utils {

namespace {

using ast_matchers::internal::ASTMatchFinder;
using ast_matchers::internal::BoundNodesTreeBuilder;
using ast_matchers::internal::Matcher;

class AnyNameMatcher
    : public ast_matchers::internal::MatcherInterface<NamedDecl> {
public:
  explicit AnyNameMatcher(llvm::ArrayRef<llvm::StringRef> Names)
      : Full(ast_matchers::hasAnyName(Names)) {
    for (llvm::StringRef Name : Names)
      Last.insert(Name.contains("::") ? Name.rsplit("::").second : Name);
  }

  bool matches(const NamedDecl &Node, ASTMatchFinder *Finder,
               BoundNodesTreeBuilder *Builder) const override {
    if (const IdentifierInfo *II = Node.getIdentifier();
        II && !Last.contains(II->getName()))
      return false;
    return Full.matches(Node, Finder, Builder);
  }

private:
  Matcher<NamedDecl> Full;
  llvm::StringSet<> Last;
};

} // namespace

Matcher<NamedDecl> hasAnyNameFast(llvm::ArrayRef<llvm::StringRef> Names) {
  return Matcher<NamedDecl>(new AnyNameMatcher(Names));
}

} // namespace clang::tidy::logstream::utils
