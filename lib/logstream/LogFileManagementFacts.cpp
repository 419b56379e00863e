//===--- LogFileManagementFacts.cpp - project facts for log-file-management
//-===//
//
// What logstream-log-file-management takes from the merged project facts
// (docs/project-facts.md): a call to the project's own helper that renames,
// deletes or truncates a path built from its parameters is judged as that
// operation, with the caller's arguments in place of the parameters
// (`shift_backups("/var/log/app.log", 5)` rotates a log file;
// `shift_backups("catalog.db", 3)` does not).
//
//===----------------------------------------------------------------------===//

#include "LogFileManagementCheck.h"
#include "logstream/analysis/ProjectFacts.h"

namespace clang::tidy::logstream {

void LogFileManagementCheck::checkSummarizedCall(const Expr *Call,
                                                 const MatchResult &Result) {
  llvm::SmallVector<const Expr *, 4> Args;
  const analysis::FunctionFacts *F = Facts->calleeFacts(Call, Args);
  if (!F)
    return;
  for (const analysis::PathEffect &Effect : F->Manages) {
    analysis::ProjectFacts::Verdict V = Facts->judge(
        Call, Effect, Args, *Result.Context, Classifier, /*Opens=*/false);
    if (V.Kind == analysis::ProjectFacts::Judgement::ReportedInside)
      return;
    if (V.Kind != analysis::ProjectFacts::Judgement::Log)
      continue;
    Operation Op = Effect.Operation == "rotate"   ? Operation::Rotate
                   : Effect.Operation == "delete" ? Operation::Delete
                                                  : Operation::Truncate;
    SourceLocation Loc =
        Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
    add({Loc, Op, F->Name, V.Shown, "", std::nullopt, {}});
    analysis::ProjectFacts::note(*V.Why, Loc,
                                 [&](SourceLocation L, StringRef Text) {
                                   FactNotes.emplace_back(L, Text.str());
                                 });
    return;
  }
}

} // namespace clang::tidy::logstream
