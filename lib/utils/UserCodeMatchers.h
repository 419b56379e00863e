//===--- UserCodeMatchers.h - Matchers that skip system headers at once ---===//

#ifndef LOGSTREAM_UTILS_USERCODEMATCHERS_H
#define LOGSTREAM_UTILS_USERCODEMATCHERS_H

#include "utils/Compat.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::logstream::utils {

/// A check's matchers, registered as one matcher per family of related
/// node kinds instead of one each:
///
///   <kind>(eachOf(M1, M2, ...))
///
/// They run in utils::UserCodeTraversal, which visits no system header, so
/// no group tests for one. A node is tried on every member of its group, in
/// the order of addMatcher, with the same bindings and one callback per
/// member that matches (eachOf), as if each had been registered alone;
/// except that a member of addCallMatcher is tried only on the calls of the
/// names it was given (or whose callee its filter matches): a group with
/// such members decides once per callee declaration which members its
/// calls try, and every further call of it costs one look-up (what grouping
/// saves: a call of none of the names is no try of every matcher).
///
/// Every member must bind a node (the callback reads its bindings): eachOf
/// reports two members that match without binding anything as one match.
///
/// Kinds are related when one derives from the other (callExpr and
/// cxxMemberCallExpr): such matchers can match the same node, so they share
/// a group in which they keep their relative order. Other kinds get a group
/// each.
class UserCodeMatchers {
public:
  UserCodeMatchers(ast_matchers::MatchFinder *Finder,
                   ast_matchers::MatchFinder::MatchCallback *Callback)
      : Finder(Finder), Callback(Callback) {}
  UserCodeMatchers(const UserCodeMatchers &) = delete;
  UserCodeMatchers &operator=(const UserCodeMatchers &) = delete;
  /// Registers the groups.
  ~UserCodeMatchers();

  /// The same call shape as MatchFinder::addMatcher, so that a check's
  /// registerUserCodeMatchers only changes whom it asks; the callback must be
  /// the one given to the constructor.
  void addMatcher(const ast_matchers::StatementMatcher &M,
                  ast_matchers::MatchFinder::MatchCallback *CB);
  void addMatcher(const ast_matchers::DeclarationMatcher &M,
                  ast_matchers::MatchFinder::MatchCallback *CB);

  /// \p M (a matcher of calls: callExpr, cxxMemberCallExpr, ...), tried
  /// only on calls whose callee is named one of \p CalleeNames, as
  /// hasAnyName reads them: `addCallMatcher({"::fopen"}, callExpr(...))` is
  /// `addMatcher(callExpr(callee(functionDecl(hasName("::fopen"))), ...))`.
  /// The group tries on a call only the matchers named for its callee (and
  /// those of addMatcher), decided once per callee declaration: a call of
  /// none of the names costs one look-up, not a try of every matcher.
  void addCallMatcher(llvm::ArrayRef<llvm::StringRef> CalleeNames,
                      const ast_matchers::StatementMatcher &M,
                      ast_matchers::MatchFinder::MatchCallback *CB);

  /// \p M (a matcher of calls), tried only on calls whose callee
  /// declaration (what `callee(...)` reads of a call) \p CalleeFilter
  /// matches: `addCallMatcher(functionDecl(P), callExpr(...))` is
  /// `addMatcher(callExpr(callee(functionDecl(P)), ...))`. The filter is
  /// asked once per callee declaration in the unit, not once per call; it
  /// must bind nothing (what it binds is dropped). A name test that is no
  /// list of names (a pattern of an option, an attribute) goes here.
  void addCallMatcher(const ast_matchers::DeclarationMatcher &CalleeFilter,
                      const ast_matchers::StatementMatcher &M,
                      ast_matchers::MatchFinder::MatchCallback *CB);

private:
  /// The callee names of a matcher of addCallMatcher.
  struct CalleeKey;
  struct Member {
    ast_matchers::internal::DynTypedMatcher M;
    std::shared_ptr<const CalleeKey> Key; // null: tried on every node
    /// The callee filter of addCallMatcher(Filter, ...).
    std::optional<ast_matchers::internal::Matcher<Decl>> Filter;
  };

  void registerGroups(std::vector<Member> &Ms, ASTNodeKind BaseKind);

  ast_matchers::MatchFinder *Finder;
  ast_matchers::MatchFinder::MatchCallback *Callback;
  std::vector<Member> Stmts;
  std::vector<Member> Decls;
};

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_USERCODEMATCHERS_H
