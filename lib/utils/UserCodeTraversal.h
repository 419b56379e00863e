//===--- UserCodeTraversal.h - One traversal of the user's code -----------===//
//
// The logstream checks match in the user's code only (nothing in a system
// header is reported). clang-tidy's match finder visits every node of the
// translation unit, the system headers included (clang-tidy 21 and later can
// skip them; 19 does not), and tries every matcher whose node kind fits on
// each: for a unit that includes a large library, most of what the checks
// cost was matchers tried, and failed, on header nodes. Here the checks'
// matchers go to a finder of their own, which runs once per translation unit
// over the namespace-level declarations that are not in a system header.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_USERCODETRAVERSAL_H
#define LOGSTREAM_UTILS_USERCODETRAVERSAL_H

#include "utils/Compat.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include <memory>
#include <vector>

namespace clang::tidy::logstream::utils {

/// The traversal of one translation unit's user code, shared by every
/// logstream check of the unit. A check registers its matchers with
/// finder() (the same MatchFinder API, its own callback); the traversal
/// registers one matcher with clang-tidy's finder, on the translation unit
/// declaration (the first node that finder visits), and when it matches,
/// runs its own finder with the ASTContext's traversal scope narrowed to the
/// namespace-level declarations outside system headers, then restores the
/// scope. Everything a check does happens inside that run: its matches, its
/// onStartOfTranslationUnit and onEndOfTranslationUnit, and every parent
/// look-up (utils::parentsOf, answered from a map of the one declaration
/// that holds the node: utils::UserParentMaps, live for the run).
///
/// What the narrowed scope leaves out is what the checks never report:
/// declarations whose expansion location is in a system header (a macro of
/// a system header expanded in the user's file is the user's code, as
/// isExpansionInSystemHeader has it). Implicit instantiations of a system
/// header's templates live there too; those of the user's templates are
/// visited under the template, as before.
///
/// When the logstream checks are the only checks of clang-tidy's finder
/// (onlyLogstreamChecks of the enabled-checks globs), nothing is left for
/// that finder to match after the run: the scope stays empty until the
/// finder ends the unit (onEndOfTranslationUnit puts it back), so it does
/// not walk the whole unit again, system headers included, for nothing.
/// With any other check enabled it walks as before.
///
/// It relies on clang-tidy's finder visiting the translation unit node,
/// which it does when the context's traversal scope is the whole unit (as
/// clang-tidy and our driver leave it). A client that narrows the scope
/// itself (clangd, to the main file's declarations) would never start the
/// checks' traversal.
class UserCodeTraversal : public ast_matchers::MatchFinder::MatchCallback {
public:
  /// The traversal of the unit that clang-tidy's finder \p Outer runs: made
  /// (and registered with \p Outer) by the first check that asks, shared by
  /// the others, gone with the last of them.
  /// \p OnlyOurs: whether the logstream checks are the only ones \p Outer
  /// runs (the same answer for every check of the unit), asked once, by the
  /// first.
  static std::shared_ptr<UserCodeTraversal>
  of(ast_matchers::MatchFinder *Outer, llvm::function_ref<bool()> OnlyOurs);

  /// Whether the enabled-checks globs \p Checks (clang-tidy's `Checks`,
  /// as merged from the defaults, the configuration files and --checks)
  /// enable no check but logstream ones: a `-*` and, after the last one,
  /// no positive glob outside `logstream-` (and the compiler's
  /// `clang-diagnostic-` warnings, which are no matchers). Conservative:
  /// false whenever it cannot tell.
  static bool onlyLogstreamChecks(llvm::StringRef Checks);

  UserCodeTraversal(const UserCodeTraversal &) = delete;
  UserCodeTraversal &operator=(const UserCodeTraversal &) = delete;
  ~UserCodeTraversal() override;

  /// The finder the checks register their matchers with.
  ast_matchers::MatchFinder &finder() { return Inner; }

  /// The namespace-level declarations of \p Ctx's translation unit that are
  /// not in a system header, in order.
  static std::vector<Decl *> userDeclarations(ASTContext &Ctx);

  // MatchFinder::MatchCallback (of clang-tidy's finder).
  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  StringRef getID() const override { return "logstream-user-code"; }

private:
  UserCodeTraversal(ast_matchers::MatchFinder *Outer, bool OnlyOurs);

  ast_matchers::MatchFinder *Outer;
  ast_matchers::MatchFinder Inner;
  bool OnlyOurs;
  /// While clang-tidy's finder walks an emptied scope: the context and the
  /// scope to put back at the end of the unit.
  ASTContext *Emptied = nullptr;
  std::vector<Decl *> SavedScope;
};

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_USERCODETRAVERSAL_H
