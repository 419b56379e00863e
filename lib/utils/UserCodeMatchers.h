//===--- UserCodeMatchers.h - Matchers that skip system headers at once ---===//

#ifndef LOGSTREAM_UTILS_USERCODEMATCHERS_H
#define LOGSTREAM_UTILS_USERCODEMATCHERS_H

#include "utils/Compat.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <memory>
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
/// names it was given: a group with such members looks up each call's
/// callee identifier once and tries the members keyed by it and the
/// unkeyed ones (what grouping saves: a call of none of the names costs one
/// look-up, not a try of every matcher).
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
  /// The group looks up each call's callee identifier once and tries only
  /// the matchers named for it (and those of addMatcher): a call of none of
  /// the names costs one hash look-up, not a try of every matcher.
  void addCallMatcher(llvm::ArrayRef<llvm::StringRef> CalleeNames,
                      const ast_matchers::StatementMatcher &M,
                      ast_matchers::MatchFinder::MatchCallback *CB);

private:
  /// The callee names of a matcher of addCallMatcher.
  struct CalleeKey;
  struct Member {
    ast_matchers::internal::DynTypedMatcher M;
    std::shared_ptr<const CalleeKey> Key; // null: tried on every node
  };

  void registerGroups(std::vector<Member> &Ms, ASTNodeKind BaseKind);

  ast_matchers::MatchFinder *Finder;
  ast_matchers::MatchFinder::MatchCallback *Callback;
  std::vector<Member> Stmts;
  std::vector<Member> Decls;
};

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_USERCODEMATCHERS_H
