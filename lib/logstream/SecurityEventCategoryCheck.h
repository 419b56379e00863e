//===--- SecurityEventCategoryCheck.h - logstream-security-event-category -===//

#ifndef LOGSTREAM_LOGSTREAM_SECURITYEVENTCATEGORYCHECK_H
#define LOGSTREAM_LOGSTREAM_SECURITYEVENTCATEGORYCHECK_H

#include "utils/Compat.h"
#include "LogstreamCheck.h"
#include "analysis/LogRecords.h"
#include "analysis/OutcomePaths.h"
#include "utils/CheckOptions.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class CFG;
class CFGBlock;
} // namespace clang

namespace clang::tidy::logstream {

namespace analysis {
class ProjectFacts;
} // namespace analysis

/// Finds security-critical operations (authentication, authorization,
/// privilege and credential changes, certificate and signature verification,
/// decryption) whose outcomes are not recorded in the SECURITY category on
/// every path (CFG-based), with OWASP Logging Vocabulary event names.
///
/// For the user-facing documentation see
/// docs/checks/security-event-category.md.
class SecurityEventCategoryCheck : public LogstreamCheck {
public:
  SecurityEventCategoryCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// How an operation reports success.
  using Convention = analysis::SuccessConvention;

  struct Operation {
    std::string Event; // OWASP base name: authn_login, authz, ...
    Convention Success;
  };

  /// Whether a call of \p F is a security decision by name (the decision
  /// pattern, not the non-decision one, no operation of the vocabulary).
  bool isDecision(const FunctionDecl &F) const;
  /// The comparison function \p F is a thin wrapper of (utils::comparedBy,
  /// or the project facts' `compares` of a helper in another file), with
  /// \p ReturnsEqual set when the wrapper answers "equal"; "" for none.
  llvm::StringRef wrappedComparison(const FunctionDecl &F,
                                    bool *ReturnsEqual = nullptr) const;

private:
  struct Site {
    const FunctionDecl *Function;
    const Expr *Call; // the operation (call or comparison)
    std::string Api;  // what the message names
    Operation Op;
  };

  void registerPreprocessor(Preprocessor &PP) override;
  void forgetTranslationUnit() override;
  /// Analyzes the operations of the unit, once it has been seen whole.
  void analyzeSites(ASTContext &Ctx);
  /// The sites to analyze: operations, with those a wrapper returns replaced
  /// by the wrapper's calls (three levels at most).
  std::vector<Site> throughWrappers(std::vector<Site> Work,
                                    ASTContext &Ctx) const;
  std::vector<Site> callersOf(const Site &S, ASTContext &Ctx) const;
  static Site inCallable(Site S);
  void analyze(const Site &S, ASTContext &Ctx,
               const llvm::SmallPtrSetImpl<const Stmt *> &HandOver);
  void report(const Site &S, const analysis::ResultValue &Result,
              const std::vector<analysis::PathEnd> &Unrecorded,
              ASTContext &Ctx);
  void addPathFix(DiagnosticBuilder &D, const Site &S,
                  const analysis::ResultValue &Result,
                  const analysis::PathEnd &P, ASTContext &Ctx);
  static bool isRegainProbe(const Site &S);
  /// Whether the function hands the outcome to its caller as an enumerator
  /// of its (enumeration) return type, writing no record of its own.
  bool handsOverStatus(const Site &S, const analysis::ResultValue &Result,
                       const std::vector<analysis::PathEnd> &Unrecorded) const;
  /// Whether a constant-time comparison verifies no credential: no operand
  /// is named like one, and one names an identity (a user look-up) or an
  /// integrity value (a MAC, a tag, a checksum, an all-zero array).
  bool verifiesNoCredential(const CallExpr *Cmp) const;
  /// isDecision's answers, per canonical function.
  mutable llvm::DenseMap<const FunctionDecl *, bool> Decisions;
  bool isTestCode(const FunctionDecl *Fn, const SourceManager &SM) const;
  bool isCryptResult(const Expr *E) const;
  /// The locals each function assigns a crypt(3) result, found by one walk
  /// of its body (every comparison of a local asks).
  mutable llvm::DenseMap<const FunctionDecl *,
                         llvm::SmallPtrSet<const VarDecl *, 2>>
      CryptLocals;
  bool isCredentialComparison(const Expr *A, const Expr *B) const;
  /// Whether \p Fn hands the value of the operation \p Call on to its
  /// callers instead of deciding on it (see throughWrappers).
  bool handsOn(const FunctionDecl *Fn, const Expr *Call, ASTContext &Ctx) const;
  // Fix-its (SecurityEventFixes.cpp).
  std::string eventName(const Operation &Op, bool Failure) const;
  std::string suggestedStatement(const Site &S, bool Failure) const;

  std::vector<std::pair<std::string, Operation>> Operations;
  llvm::StringMap<Operation> OperationByName;
  const bool CheckPermissionChanges;
  const utils::Pattern CredentialName;
  const utils::Pattern ChosenCredential;
  const utils::Pattern SecurityDecision;
  const utils::Pattern NonDecision;
  const utils::Pattern ConstantTimeCompare;
  const utils::Pattern TestFile;
  const utils::Pattern HashScheme;
  const utils::Pattern IdentityName;
  const utils::Pattern IntegrityName;
  const bool HandOverEnumStatus;
  /// The project's thin wrappers of strcmp & co. compare as what they wrap.
  const bool ComparisonWrappers;
  /// What a log record and a SECURITY record are (shared with the other
  /// checks; its options are this check's too).
  analysis::RecordClassifier Records;
  const bool RequireAllOutcomes;
  const bool InsertSecurityEvents;
  const std::string SecurityTagFormat;

  std::vector<Site> Sites;
  /// Records (and branches) a fix-it of this translation unit already
  /// categorizes: several operations sharing one record fix it once.
  llvm::SmallPtrSet<const Stmt *, 8> Categorized;
  ASTContext *Context = nullptr;

  // Project facts (SecurityEventCategoryFacts.cpp): helpers in other files
  // that return a security operation's result are operations; helpers that
  // log, or write SECURITY records, are records.
  void addProjectFacts(ClangTidyContext *Context);
  bool isForeignFactOperation(const FunctionDecl *Callee) const;
  void noteProjectFacts(const Expr *Call, SourceLocation Loc);
  std::shared_ptr<const analysis::ProjectFacts> Facts;
  llvm::StringSet<> FactOperationNames;
};

} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_SECURITYEVENTCATEGORYCHECK_H
