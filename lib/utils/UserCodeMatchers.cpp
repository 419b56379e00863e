//===--- UserCodeMatchers.cpp - Matchers that skip system headers at once -===//

#include "utils/UserCodeMatchers.h"
#include "utils/NameMatchers.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <cassert>
#include <optional>

namespace clang::tidy::logstream::utils {

using namespace ast_matchers;
using ast_matchers::internal::DynTypedMatcher;

struct UserCodeMatchers::CalleeKey {
  explicit CalleeKey(llvm::ArrayRef<llvm::StringRef> Names)
      : Full(hasAnyName(Names)),
        Last(std::make_shared<std::vector<std::string>>()) {
    for (llvm::StringRef Name : Names)
      Last->push_back(lastNameComponent(Name).str());
  }
  internal::Matcher<NamedDecl> Full;
  // The names' last components.
  std::shared_ptr<std::vector<std::string>> Last;
};

namespace {

/// A group with matchers of addCallMatcher: eachOf over the members, with
/// a call's candidates chosen by its callee declaration first. Which
/// members a callee's calls try is decided once per declaration (the keyed
/// members whose names name it, the filtered ones whose filter matches it,
/// the others) and remembered for the translation unit's run: the group
/// lives in the finder of one unit (UserCodeTraversal), and a declaration
/// does not change during it.
class CallDispatch : public internal::MatcherInterface<Stmt> {
public:
  struct Entry {
    DynTypedMatcher M;
    /// The callee names of addCallMatcher(Names, ...): their last
    /// components (the hash test) and the whole names.
    std::optional<internal::Matcher<NamedDecl>> Names;
    std::shared_ptr<const std::vector<std::string>> Lasts;
    /// The callee filter of addCallMatcher(Filter, ...).
    std::optional<internal::Matcher<Decl>> Filter;
    bool unconditional() const { return !Names && !Filter; }
  };

  explicit CallDispatch(std::vector<Entry> Members)
      : Members(std::move(Members)) {
    for (unsigned I = 0; I < this->Members.size(); ++I)
      if (this->Members[I].unconditional())
        Unconditional.push_back(I);
  }

  bool matches(const Stmt &Node, internal::ASTMatchFinder *Finder,
               internal::BoundNodesTreeBuilder *Builder) const override {
    const std::vector<unsigned> *Try = &Unconditional;
    if (const auto *Call = dyn_cast<CallExpr>(&Node))
      if (const Decl *Callee = Call->getCalleeDecl()) {
        auto [It, New] = ByCallee.try_emplace(Callee);
        if (New)
          It->second = candidates(*Callee, Finder);
        Try = &It->second;
      }
    if (Try->empty())
      return false;
    // As eachOf: every member that matches adds its bindings.
    internal::BoundNodesTreeBuilder Result;
    bool Matched = false;
    DynTypedNode N = DynTypedNode::create(Node);
    for (unsigned I : *Try) {
      internal::BoundNodesTreeBuilder Inner(*Builder);
      if (Members[I].M.matches(N, Finder, &Inner)) {
        Matched = true;
        Result.addMatch(Inner);
      }
    }
    *Builder = std::move(Result);
    return Matched;
  }

private:
  /// The members a call of \p Callee tries, in registration order.
  std::vector<unsigned> candidates(const Decl &Callee,
                                   internal::ASTMatchFinder *Finder) const {
    const auto *Named = dyn_cast<NamedDecl>(&Callee);
    const IdentifierInfo *II = Named ? Named->getIdentifier() : nullptr;
    std::vector<unsigned> Try;
    for (unsigned I = 0; I < Members.size(); ++I) {
      const Entry &E = Members[I];
      // Names and filters bind nothing: what they are asked with is
      // dropped.
      internal::BoundNodesTreeBuilder Scratch;
      if (E.Names) {
        // The hash test first (an identifier no name ends with); operators
        // and conversions have none and go by the whole name.
        if (!Named || (II && !llvm::is_contained(*E.Lasts, II->getName())) ||
            !E.Names->matches(*Named, Finder, &Scratch))
          continue;
      } else if (E.Filter && !E.Filter->matches(Callee, Finder, &Scratch)) {
        continue;
      }
      Try.push_back(I);
    }
    return Try;
  }

  std::vector<Entry> Members;
  std::vector<unsigned> Unconditional; // a call without a callee declaration
  mutable llvm::DenseMap<const Decl *, std::vector<unsigned>> ByCallee;
};

} // namespace

void UserCodeMatchers::addMatcher(const StatementMatcher &M,
                                  MatchFinder::MatchCallback *CB) {
  assert(CB == Callback && "one callback per group");
  (void)CB;
  Stmts.push_back({M, nullptr, std::nullopt});
}

void UserCodeMatchers::addMatcher(const DeclarationMatcher &M,
                                  MatchFinder::MatchCallback *CB) {
  assert(CB == Callback && "one callback per group");
  (void)CB;
  Decls.push_back({M, nullptr, std::nullopt});
}

/// \p M, a matcher of calls (callExpr, cxxMemberCallExpr, ...), as a member
/// of the statement groups.
static DynTypedMatcher callMatcher(const StatementMatcher &M) {
  DynTypedMatcher D = M;
  assert(ASTNodeKind::getFromNodeKind<CallExpr>().isBaseOf(D.getID().first) &&
         "a matcher of calls");
  return D;
}

void UserCodeMatchers::addCallMatcher(llvm::ArrayRef<llvm::StringRef> Names,
                                      const StatementMatcher &M,
                                      MatchFinder::MatchCallback *CB) {
  assert(CB == Callback && "one callback per group");
  (void)CB;
  Stmts.push_back(
      {callMatcher(M), std::make_shared<const CalleeKey>(Names), std::nullopt});
}

void UserCodeMatchers::addCallMatcher(const DeclarationMatcher &CalleeFilter,
                                      const StatementMatcher &M,
                                      MatchFinder::MatchCallback *CB) {
  assert(CB == Callback && "one callback per group");
  (void)CB;
  Stmts.push_back({callMatcher(M), nullptr, CalleeFilter});
}

UserCodeMatchers::~UserCodeMatchers() {
  registerGroups(Stmts, ASTNodeKind::getFromNodeKind<Stmt>());
  registerGroups(Decls, ASTNodeKind::getFromNodeKind<Decl>());
}

void UserCodeMatchers::registerGroups(std::vector<Member> &Ms,
                                      ASTNodeKind BaseKind) {
  // The node kind each matcher is restricted to (callExpr(...): CallExpr).
  // Group[I] is the group of matcher I: related kinds (one derives from the
  // other) end up in one group, whose kind is the most general of them.
  std::vector<ASTNodeKind> GroupKind;
  std::vector<unsigned> Group(Ms.size());
  for (unsigned I = 0; I < Ms.size(); ++I) {
    ASTNodeKind Kind = Ms[I].M.getID().first;
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
    std::vector<CallDispatch::Entry> Entries;
    bool Keyed = false;
    for (unsigned I = 0; I < Ms.size(); ++I)
      if (Group[I] == G) {
        Members.push_back(Ms[I].M);
        CallDispatch::Entry E{Ms[I].M, std::nullopt, nullptr, Ms[I].Filter};
        if (Ms[I].Key) {
          E.Names = Ms[I].Key->Full;
          E.Lasts = Ms[I].Key->Last;
        }
        Keyed = Keyed || !E.unconditional();
        Entries.push_back(std::move(E));
      }
    if (Members.empty())
      continue; // merged into another group
    // Members in registration order: eachOf tries each and keeps the
    // bindings of every one that matches.
    auto Make = [&]() -> DynTypedMatcher {
      if (Keyed)
        return DynTypedMatcher(new CallDispatch(std::move(Entries)));
      if (Members.size() == 1)
        return Members.front();
      return DynTypedMatcher::constructVariadic(DynTypedMatcher::VO_EachOf,
                                                BaseKind, std::move(Members));
    };
    DynTypedMatcher Each = Make();
    // Restricted to the group's kind (and still a matcher of every
    // statement or declaration, as MatchFinder wants), the finder offers
    // it only nodes of that kind: a CallExpr group never sees a DeclRefExpr.
    Finder->addDynamicMatcher(Each.dynCastTo(GroupKind[G]).dynCastTo(BaseKind),
                              Callback);
  }
  Ms.clear();
}

} // namespace clang::tidy::logstream::utils
