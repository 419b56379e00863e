//===--- LogFileSinkFacts.cpp - project facts for log-file-sink -----------===//
//
// What logstream-log-file-sink takes from the merged project facts
// (docs/project-facts.md): a call to the project's own helper that opens a
// path built from its parameters for writing is judged as that open, with
// the caller's arguments in place of the parameters.
//
//===----------------------------------------------------------------------===//

#include "LogFileSinkCheck.h"
#include "logstream/analysis/ProjectFacts.h"
#include "utils/Expressions.h"
#include "utils/Parents.h"

namespace clang::tidy::logstream {

/// Whether \p A and \p B are the same expression (through parentheses and
/// implicit conversions).
static bool sameExpr(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  llvm::FoldingSetNodeID IA, IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

/// Whether \p Cond, when true, says \p Value is true: it is \p Value or
/// a conjunct of it is.
static bool implies(const Expr *Cond, const Expr *Value,
                    const ASTContext &Ctx) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *And = dyn_cast<BinaryOperator>(Cond);
      And && And->getOpcode() == BO_LAnd)
    return implies(And->getLHS(), Value, Ctx) ||
           implies(And->getRHS(), Value, Ctx);
  return sameExpr(Cond, Value, Ctx);
}

/// Whether \p Value is true where \p Call is made: a true constant, or a
/// test of the same value that the call is in the then-branch of.
static bool trueAtCall(const Expr *Value, const Expr *Call, ASTContext &Ctx) {
  Expr::EvalResult R;
  if (!Value->isValueDependent() && Value->EvaluateAsInt(R, Ctx))
    return R.Val.getInt().getBoolValue();
  DynTypedNode Node = DynTypedNode::create(*Call);
  for (unsigned Depth = 0; Depth < 32; ++Depth) {
    std::optional<DynTypedNode> Parent = utils::singleParent(Node, Ctx);
    if (!Parent || Parent->get<FunctionDecl>())
      return false;
    if (const auto *If = Parent->get<IfStmt>())
      if (If->getThen() == Node.get<Stmt>() && If->getCond() &&
          implies(If->getCond(), Value, Ctx))
        return true;
    Node = *Parent;
  }
  return false;
}

void LogFileSinkCheck::checkSummarizedCall(const Expr *Call,
                                           const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  llvm::SmallVector<const Expr *, 4> Args;
  const analysis::FunctionFacts *F = Facts->calleeFacts(Call, Args);
  if (!F)
    return;
  for (const analysis::PathEffect &Open : F->Opens) {
    // app_fopen(path, "r"): the caller's mode reads.
    if (Open.ModeParam && *Open.ModeParam < Args.size())
      if (const StringLiteral *Mode =
              utils::asStringLiteral(Args[*Open.ModeParam]))
        if (Mode->getCharByteWidth() == 1 &&
            Mode->getString().find_first_of("wa+") == StringRef::npos)
          continue;
    // fd_open(path, O_RDONLY): the caller's flags read.
    if (Open.FlagsParam && *Open.FlagsParam < Args.size()) {
      Expr::EvalResult R;
      const Expr *Flags = Args[*Open.FlagsParam];
      if (!Flags->isValueDependent() && Flags->EvaluateAsInt(R, Ctx)) {
        int64_t F = R.Val.getInt().getExtValue();
        if ((F & 3) == 0 && (F & 0100) == 0) // O_ACCMODE, O_CREAT (Linux)
          continue;
      }
    }
    // log_init(file, use_syslog): the helper returns before it opens when
    // the argument is true.
    if (Open.UnlessParam && *Open.UnlessParam < Args.size() &&
        trueAtCall(Args[*Open.UnlessParam], Call, Ctx))
      continue;
    analysis::ProjectFacts::Verdict V =
        Facts->judge(Call, Open, Args, Ctx, Classifier, /*Opens=*/true);
    if (V.Kind == analysis::ProjectFacts::Judgement::ReportedInside)
      return;
    // FILE *logfp = app_fopen(...): the helper returns what it opened.
    std::string Receiver;
    if (V.Kind != analysis::ProjectFacts::Judgement::Log &&
        !(Open.ReturnsHandle &&
          isLogTarget(nullptr, Call, Ctx, V.Shown, Receiver)))
      continue;
    SourceLocation Loc =
        Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
    report(Loc, F->Name, V.Shown);
    analysis::ProjectFacts::note(*V.Why, Loc,
                                 [&](SourceLocation L, StringRef Text) {
                                   diag(L, "%0", DiagnosticIDs::Note) << Text;
                                 });
    return;
  }
}

} // namespace clang::tidy::logstream
