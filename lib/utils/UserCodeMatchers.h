//===--- UserCodeMatchers.h - Matchers that skip system headers at once ---===//

#ifndef LOGSTREAM_UTILS_USERCODEMATCHERS_H
#define LOGSTREAM_UTILS_USERCODEMATCHERS_H

#include "utils/Compat.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <vector>

namespace clang::tidy::logstream::utils {

/// A check's matchers that match only outside system headers (each of them
/// begins with `unless(isExpansionInSystemHeader())`), registered as one
/// matcher per family of related node kinds instead of one each:
///
///   <kind>(unless(isExpansionInSystemHeader()), eachOf(M1, M2, ...))
///
/// The match finder tries every matcher whose node kind fits on every node
/// of the translation unit, the system headers included (clang-tidy 21 and
/// later skip them; 19 does not). Each try costs the finder's own work (the
/// traversal-kind scope, the ignored-node look-up, the kind test and a
/// bindings builder) and the system-header test; for a large header set that
/// is most of what the checks cost. Grouped, a system-header node costs one
/// try; a node in the user's code is tried on every member, in the order of
/// addMatcher, with the same bindings and one callback per member that
/// matches (eachOf), as if each had been registered alone.
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

private:
  void registerGroups(std::vector<ast_matchers::internal::DynTypedMatcher> &Ms,
                      ASTNodeKind BaseKind,
                      const ast_matchers::internal::DynTypedMatcher &Filter);

  ast_matchers::MatchFinder *Finder;
  ast_matchers::MatchFinder::MatchCallback *Callback;
  std::vector<ast_matchers::internal::DynTypedMatcher> Stmts;
  std::vector<ast_matchers::internal::DynTypedMatcher> Decls;
};

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_USERCODEMATCHERS_H
