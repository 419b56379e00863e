//===--- SecurityEventCategoryFacts.cpp - project facts for the check -----===//
//
// What logstream-security-event-category takes from the merged project facts
// (docs/project-facts.md): a helper defined in another file that returns the
// result of a security operation or credential comparison is itself an
// operation at its call sites; a helper that logs counts as a log record, one
// that writes a SECURITY record on every path (or logs to syslog's auth
// facility) as a SECURITY record.
//
//===----------------------------------------------------------------------===//

#include "SecurityEventCategoryCheck.h"
#include "logstream/analysis/ProjectFacts.h"

namespace clang::tidy::logstream {

void SecurityEventCategoryCheck::addProjectFacts(ClangTidyContext *Context) {
  Facts = analysis::ProjectFacts::get(*Context, *this);
  Records.setFacts(Facts);
  if (!Facts)
    return;
  for (const analysis::FunctionFacts *F : Facts->securityOperations()) {
    std::string Name = "::" + F->Name;
    if (OperationByName.count(Name))
      continue; // listed by the user: their convention wins
    Operation Op{F->SecurityOperation->Event,
                 F->SecurityOperation->TrueIsSuccess
                     ? Convention::TrueIsSuccess
                     : Convention::ZeroIsSuccess};
    Operations.push_back({Name, Op});
    OperationByName[Name] = Op;
    FactOperationNames.insert(Name);
  }
}

bool SecurityEventCategoryCheck::isForeignFactOperation(
    const FunctionDecl *Callee) const {
  // A name that only the facts list: the callee must be the summarized
  // function (not a same-named static elsewhere, not a stale entry).
  if (!Facts ||
      !FactOperationNames.count("::" + Callee->getQualifiedNameAsString()))
    return false;
  const analysis::FunctionFacts *F = Facts->lookup(Callee);
  return !F || !F->SecurityOperation;
}

void SecurityEventCategoryCheck::noteProjectFacts(const Expr *Call,
                                                  SourceLocation Loc) {
  const auto *C = dyn_cast<CallExpr>(Call);
  if (!Facts || !C)
    return;
  const analysis::FunctionFacts *F = Facts->lookup(C->getDirectCallee());
  if (!F || !F->SecurityOperation)
    return;
  analysis::ProjectFacts::note(F->SecurityOperation->Why, Loc,
                               [&](SourceLocation L, StringRef Text) {
                                 diag(L, "%0", DiagnosticIDs::Note) << Text;
                               });
}

} // namespace clang::tidy::logstream
