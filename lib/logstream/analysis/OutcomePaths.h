//===--- OutcomePaths.h - Paths after a security operation, by outcome ----===//
//
// The path analysis of logstream-security-event-category, on its own (in the
// manner of UseAfterMoveCheck's finder): from a security-critical operation
// to the end of the function, every path over the CFG, each labelled with the
// outcome of the operation that it stands for (a branch on the result, a
// `switch` over it), ending where a SECURITY record is written, where the
// function leaves, or where the next security-critical operation takes over.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_ANALYSIS_OUTCOMEPATHS_H
#define LOGSTREAM_ANALYSIS_OUTCOMEPATHS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <vector>

namespace clang::tidy::logstream::analysis {

/// How an operation reports success.
enum class SuccessConvention { ZeroIsSuccess, TrueIsSuccess };

/// What a path stands for.
enum class Outcome { Unknown, Success, Failure };

/// The value that says how the operation went: the operation expression
/// itself and, when its result is stored, the variable holding it.
struct ResultValue {
  const Expr *Operation = nullptr;
  const VarDecl *Variable = nullptr;
  SuccessConvention Convention = SuccessConvention::ZeroIsSuccess;

  /// Whether \p E is the result (through parentheses and conversions); the
  /// variable counts while it still holds the operation's value.
  bool is(const Expr *E, bool VariableLive = true) const;
};

/// What each branch of a test of the result stands for.
struct BranchOutcomes {
  Outcome IfTrue = Outcome::Unknown;
  Outcome IfFalse = Outcome::Unknown;
};

/// The outcomes the branches of \p Cond stand for, when \p Cond tests the
/// result: `rc`, `!rc`, `rc == OK`, `OK != rc`, `rc < 0`, `!(rc == 0)`. A
/// branch that admits both outcomes is Unknown (`rc == PAM_AUTH_ERR` is a
/// failure when true and says nothing when false). Anything else (a
/// disjunction, a call taking the result, a comparison with a non-constant)
/// says nothing: nullopt.
std::optional<BranchOutcomes>
branchOutcomes(const Expr *Cond, const ResultValue &Result, ASTContext &Ctx);

/// The expression whose truth picks the successor of \p B: for a block that
/// ends in `a || b` it is `a`; for the block that ends `if (a || b)`, the last
/// operand evaluated, `b`; for `if (init, rc == 0)`, `rc == 0`.
const Expr *decidingCondition(const CFGBlock &B);
/// The same for the whole condition of an `if`: its last operand evaluated.
const Expr *decidingCondition(const Expr *E);

/// The variable an operation's result is stored in, in \p G: `int rc =
/// op(...)`, `rc = op(...)` (C89 style), `if (auto r = op(...))`.
const VarDecl *resultVariable(const CFG &G, const Expr *Operation);

/// One path from the operation to where it leaves the function unrecorded.
struct PathEnd {
  Outcome Label = Outcome::Unknown;
  SourceLocation Loc;             // the return/throw/exit, or the closing brace
  llvm::StringRef Verb;           // "returns", "throws", "exits", "ends"
  const Stmt *FirstLog = nullptr; // a record on the path outside SECURITY
  const Stmt *Branch = nullptr;   // the if/switch that chose the outcome
  const Stmt *Exit = nullptr;     // the return/throw/exit call, if any
};

/// Walks the paths after one operation.
class OutcomePathFinder {
public:
  using StmtPredicate = llvm::function_ref<bool(const Stmt *)>;

  /// \p IsSecurityRecord ends a path as recorded; \p IsLogRecord marks the
  /// first (uncategorized) record on a path; statements in \p HandOver are
  /// other security-critical operations: a path that reaches one is that
  /// operation's to report.
  OutcomePathFinder(const CFG &G, const Stmt *Body, const ResultValue &Result,
                    ASTContext &Ctx, StmtPredicate IsSecurityRecord,
                    StmtPredicate IsLogRecord,
                    const llvm::SmallPtrSetImpl<const Stmt *> &HandOver);

  struct Paths {
    bool Found = false;        // the operation is in the CFG
    bool AnyRecorded = false;  // some path reaches a SECURITY record
    bool Tested = false;       // some branch tests the result
    bool SuccessExits = false; // the success branch ends the process
    std::vector<PathEnd> Unrecorded;
  };
  Paths find();

private:
  struct Item {
    const CFGBlock *Block;
    unsigned Index;
    Outcome Label;
    bool ResultLive; // the result variable still holds the operation's value
    const Stmt *FirstLog;
    const Stmt *Branch;
  };

  std::optional<std::pair<const CFGBlock *, unsigned>> start() const;
  bool overwritesResult(const Stmt *S) const;
  PathEnd endAt(const Item &It, const Stmt *Last) const;
  void successors(const Item &It, std::vector<Item> &Work, Paths &Out,
                  const Stmt *Last) const;
  std::optional<Outcome> caseOutcome(const SwitchStmt *Switch,
                                     const CFGBlock *Next) const;

  const CFG &G;
  const Stmt *Body;
  ResultValue Result;
  ASTContext &Ctx;
  StmtPredicate IsSecurityRecord;
  StmtPredicate IsLogRecord;
  const llvm::SmallPtrSetImpl<const Stmt *> &HandOver;
};

} // namespace clang::tidy::logstream::analysis

#endif // LOGSTREAM_ANALYSIS_OUTCOMEPATHS_H
