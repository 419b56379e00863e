//===--- UserCodeMatchers.cpp - Matchers that skip system headers at once -===//

#include "utils/UserCodeMatchers.h"
#include "utils/NameMatchers.h"

#include "llvm/ADT/StringMap.h"
#include <cassert>
#include <optional>

namespace clang::tidy::logstream::utils {

using namespace ast_matchers;
using ast_matchers::internal::DynTypedMatcher;

struct UserCodeMatchers::CalleeKey {
  explicit CalleeKey(llvm::ArrayRef<llvm::StringRef> Names)
      : Full(hasAnyName(Names)) {
    for (llvm::StringRef Name : Names)
      Last.push_back(lastNameComponent(Name).str());
  }
  internal::Matcher<NamedDecl> Full;
  std::vector<std::string> Last; // the names' last components
};

namespace {

/// A group with matchers of addCallMatcher: eachOf over the members, with
/// a call's candidates chosen by its callee's identifier first.
class CallDispatch : public internal::MatcherInterface<Stmt> {
public:
  struct Entry {
    DynTypedMatcher M;
    std::optional<internal::Matcher<NamedDecl>> Names; // none: every node
  };

  explicit CallDispatch(std::vector<Entry> Members)
      : Members(std::move(Members)) {}

  /// Which members a call whose callee's identifier is \p Name tries (the
  /// keyed ones named so), in order, with the unkeyed ones.
  void index(llvm::ArrayRef<std::vector<std::string>> Lasts) {
    for (unsigned I = 0; I < Members.size(); ++I) {
      if (!Members[I].Names) {
        Unkeyed.push_back(I);
        NoIdentifier.push_back(I);
        for (auto &Named : ByName)
          Named.second.push_back(I);
        continue;
      }
      NoIdentifier.push_back(I);
      for (const std::string &Name : Lasts[I]) {
        auto [It, New] = ByName.try_emplace(Name);
        if (New)
          It->second = Unkeyed; // the unkeyed members before this one
        if (It->second.empty() || It->second.back() != I)
          It->second.push_back(I);
      }
    }
  }

  bool matches(const Stmt &Node, internal::ASTMatchFinder *Finder,
               internal::BoundNodesTreeBuilder *Builder) const override {
    const std::vector<unsigned> *Try = &Unkeyed;
    const NamedDecl *Callee = nullptr;
    if (const auto *Call = dyn_cast<CallExpr>(&Node))
      if ((Callee = dyn_cast_or_null<NamedDecl>(Call->getCalleeDecl()))) {
        if (const IdentifierInfo *II = Callee->getIdentifier()) {
          auto It = ByName.find(II->getName());
          if (It != ByName.end())
            Try = &It->second;
        } else {
          Try = &NoIdentifier; // operators, conversions: by full name
        }
      }
    // As eachOf: every member that matches adds its bindings.
    internal::BoundNodesTreeBuilder Result;
    bool Matched = false;
    DynTypedNode N = DynTypedNode::create(Node);
    for (unsigned I : *Try) {
      const Entry &E = Members[I];
      internal::BoundNodesTreeBuilder Inner(*Builder);
      if (E.Names && !(Callee && E.Names->matches(*Callee, Finder, &Inner)))
        continue;
      if (E.M.matches(N, Finder, &Inner)) {
        Matched = true;
        Result.addMatch(Inner);
      }
    }
    *Builder = std::move(Result);
    return Matched;
  }

private:
  std::vector<Entry> Members;
  std::vector<unsigned> Unkeyed, NoIdentifier;
  llvm::StringMap<std::vector<unsigned>> ByName;
};

} // namespace

void UserCodeMatchers::addMatcher(const StatementMatcher &M,
                                  MatchFinder::MatchCallback *CB) {
  assert(CB == Callback && "one callback per group");
  (void)CB;
  Stmts.push_back({M, nullptr});
}

void UserCodeMatchers::addMatcher(const DeclarationMatcher &M,
                                  MatchFinder::MatchCallback *CB) {
  assert(CB == Callback && "one callback per group");
  (void)CB;
  Decls.push_back({M, nullptr});
}

void UserCodeMatchers::addCallMatcher(llvm::ArrayRef<llvm::StringRef> Names,
                                      const StatementMatcher &M,
                                      MatchFinder::MatchCallback *CB) {
  assert(CB == Callback && "one callback per group");
  (void)CB;
  DynTypedMatcher D = M;
  assert(ASTNodeKind::getFromNodeKind<CallExpr>().isBaseOf(D.getID().first) &&
         "a matcher of calls");
  Stmts.push_back({D, std::make_shared<const CalleeKey>(Names)});
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
    std::vector<std::vector<std::string>> Lasts;
    bool Keyed = false;
    for (unsigned I = 0; I < Ms.size(); ++I)
      if (Group[I] == G) {
        Members.push_back(Ms[I].M);
        CallDispatch::Entry E{Ms[I].M, std::nullopt};
        if (Ms[I].Key) {
          E.Names = Ms[I].Key->Full;
          Keyed = true;
        }
        Entries.push_back(std::move(E));
        Lasts.push_back(Ms[I].Key ? Ms[I].Key->Last
                                  : std::vector<std::string>());
      }
    if (Members.empty())
      continue; // merged into another group
    // Members in registration order: eachOf tries each and keeps the
    // bindings of every one that matches.
    auto Make = [&]() -> DynTypedMatcher {
      if (Keyed) {
        auto *Dispatch = new CallDispatch(std::move(Entries));
        Dispatch->index(Lasts);
        return DynTypedMatcher(Dispatch);
      }
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
