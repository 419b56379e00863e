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
