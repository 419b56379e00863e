//===--- UserCodeMatchers.cpp - Matchers that skip system headers at once -===//

#include "utils/UserCodeMatchers.h"

#include <cassert>

namespace clang::tidy::logstream::utils {

using namespace ast_matchers;
using ast_matchers::internal::DynTypedMatcher;

void UserCodeMatchers::addMatcher(const StatementMatcher &M,
                                  MatchFinder::MatchCallback *CB) {
  assert(CB == Callback && "one callback per group");
  (void)CB;
  Stmts.push_back(M);
}

void UserCodeMatchers::addMatcher(const DeclarationMatcher &M,
                                  MatchFinder::MatchCallback *CB) {
  assert(CB == Callback && "one callback per group");
  (void)CB;
  Decls.push_back(M);
}

UserCodeMatchers::~UserCodeMatchers() {
  registerGroups(Stmts, ASTNodeKind::getFromNodeKind<Stmt>());
  registerGroups(Decls, ASTNodeKind::getFromNodeKind<Decl>());
}

void UserCodeMatchers::registerGroups(std::vector<DynTypedMatcher> &Ms,
                                      ASTNodeKind BaseKind) {
  // The node kind each matcher is restricted to (callExpr(...): CallExpr).
  // Group[I] is the group of matcher I: related kinds (one derives from the
  // other) end up in one group, whose kind is the most general of them.
  std::vector<ASTNodeKind> GroupKind;
  std::vector<unsigned> Group(Ms.size());
  for (unsigned I = 0; I < Ms.size(); ++I) {
    ASTNodeKind Kind = Ms[I].getID().first;
    std::vector<unsigned> Related;
    for (unsigned G = 0; G < GroupKind.size(); ++G)
      if (GroupKind[G].isBaseOf(Kind) || Kind.isBaseOf(GroupKind[G]))
        Related.push_back(G);
    if (Related.empty()) {
      Group[I] = GroupKind.size();
      GroupKind.push_back(Kind);
      continue;
    }
    // Merge every related group into the first; its kind becomes the most
    // general (a kind related to two groups lies on one chain of bases with
    // both, so one of the three is a base of the others).
    unsigned Into = Related.front();
    ASTNodeKind Merged = GroupKind[Into];
    for (unsigned G : Related)
      if (GroupKind[G].isBaseOf(Merged))
        Merged = GroupKind[G];
    if (Kind.isBaseOf(Merged))
      Merged = Kind;
    for (unsigned J = 0; J < I; ++J)
      for (unsigned G : Related)
        if (Group[J] == G)
          Group[J] = Into;
    GroupKind[Into] = Merged;
    Group[I] = Into;
  }
  for (unsigned G = 0; G < GroupKind.size(); ++G) {
    std::vector<DynTypedMatcher> Members;
    for (unsigned I = 0; I < Ms.size(); ++I)
      if (Group[I] == G)
        Members.push_back(Ms[I]);
    if (Members.empty())
      continue; // merged into another group
    // Members in registration order: eachOf tries each and keeps the
    // bindings of every one that matches.
    DynTypedMatcher Each =
        Members.size() == 1
            ? Members.front()
            : DynTypedMatcher::constructVariadic(DynTypedMatcher::VO_EachOf,
                                                 BaseKind, std::move(Members));
    // Restricted to the group's kind (and still a matcher of every
    // statement or declaration, as MatchFinder wants), the finder offers
    // it only nodes of that kind: a CallExpr group never sees a DeclRefExpr.
    Finder->addDynamicMatcher(Each.dynCastTo(GroupKind[G]).dynCastTo(BaseKind),
                              Callback);
  }
  Ms.clear();
}

} // namespace clang::tidy::logstream::utils
