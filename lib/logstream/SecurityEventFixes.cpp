//===--- SecurityEventFixes.cpp - fix-its of the security check ----------===//
//
// What logstream-security-event-category suggests: the OWASP event name of an
// outcome, the logstream runtime statement that records it, and the fix-its
// that categorize an existing record (syslog's LOG_AUTHPRIV, the SECURITY tag
// in a message or a Qt category record) or insert a SECURITY event at the
// start of the branch that tests the result.
//
//===----------------------------------------------------------------------===//

#include "SecurityEventCategoryCheck.h"
#include "logstream/families/Qt.h"
#include "utils/FixIts.h"
#include "utils/LogFiles.h"
#include "utils/Parents.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/TargetInfo.h"

namespace clang::tidy::logstream {

namespace {

/// The message literal of a logging call: breadth-first from the left, the
/// first literal that reads like a message (a space or a format directive),
/// else the first literal written in the file (`emit("warn", "login
/// failed")` -> the second; `log_perror(h, __FILE__, __LINE__, "setgid()")`
/// -> the last: `__FILE__` is no message).
const StringLiteral *messageLiteral(const Stmt *S) {
  llvm::SmallVector<const Stmt *, 16> Work = {S};
  const StringLiteral *First = nullptr;
  for (size_t I = 0; I < Work.size() && I < 256; ++I) {
    const Stmt *Cur = Work[I];
    if (!Cur)
      continue;
    if (const auto *SL = dyn_cast<StringLiteral>(Cur)) {
      if (SL->getCharByteWidth() == 1 &&
          SL->getString().find_first_of(" %") != StringRef::npos)
        return SL;
      if (!First && SL->getBeginLoc().isFileID())
        First = SL;
      continue;
    }
    for (const Stmt *C : Cur->children())
      Work.push_back(C);
  }
  return First;
}

/// Whether the record \p Log, the first on a path, speaks for the outcome
/// the path stands for: it is inside the statement that chose the outcome
/// (\p Branch, the if or switch that tests the result; else the statement
/// of the operation \p Op itself) or the statement right after it in the
/// same block (`if (setuid(u) != 0) fatal(...); log("now running as %d",
/// u);`). A record further on is about something else (a pid file written
/// fifty lines later): tagging it SECURITY would be a wrong fix.
bool speaksForOutcome(const Stmt *Log, const Stmt *Branch, const Expr *Op,
                      ASTContext &Ctx) {
  const Stmt *Anchor = Branch;
  if (!Anchor) {
    // The statement of the operation: its ancestor whose parent is a block.
    DynTypedNode Below;
    DynTypedNode Above = utils::climbThrough(
        DynTypedNode::create(*Op), Ctx,
        [](const DynTypedNode &N) { return !N.get<CompoundStmt>(); }, &Below);
    if (!Above.get<CompoundStmt>())
      return false;
    Anchor = Below.get<Stmt>();
  }
  const Stmt *Next = nullptr;
  if (std::optional<DynTypedNode> Parent =
          utils::singleParent(DynTypedNode::create(*Anchor), Ctx))
    if (const auto *Block = Parent->get<CompoundStmt>()) {
      const auto *It = llvm::find(Block->body(), Anchor);
      if (It != Block->body_end() && std::next(It) != Block->body_end())
        Next = *std::next(It);
    }
  // Up from the record, through statements and the variables a statement
  // declares (a logging macro's `for (auto cat = ...; ...)`), not out of
  // the function.
  DynTypedNode N = DynTypedNode::create(*Log);
  for (unsigned Step = 0; Step < 128; ++Step) {
    const Stmt *S = N.get<Stmt>();
    if (S && (S == Anchor || S == Next))
      return true;
    if (!S && !N.get<VarDecl>())
      return false;
    auto Parents = utils::parentsOf(N, Ctx);
    if (Parents.empty())
      return false;
    N = Parents[0];
  }
  return false;
}

} // namespace

std::string SecurityEventCategoryCheck::eventName(const Operation &Op,
                                                  bool Failure) const {
  StringRef Base = Op.Event;
  if (Base.ends_with("_changed") || Base.ends_with("_fail") ||
      Base.ends_with("_success"))
    return Base.str();
  if (Base.ends_with("_change"))
    return Failure ? (Base + "_fail").str() : Base.str();
  return (Base + (Failure ? "_fail" : "_success")).str();
}

std::string SecurityEventCategoryCheck::suggestedStatement(const Site &S,
                                                           bool Failure) const {
  std::string Fields, User;
  for (const ParmVarDecl *P : S.Function->parameters()) {
    if (!P->getIdentifier())
      continue;
    std::string N = utils::normalizeIdentifier(P->getName());
    QualType T = P->getType().getNonReferenceType();
    const auto *RD = T->getAsCXXRecordDecl();
    bool Text = T->isPointerType() || (RD && RD->getIdentifier() &&
                                       (RD->getName() == "basic_string" ||
                                        RD->getName() == "basic_string_view"));
    if (Text && (N == "user" || N == "username" || N == "user_name" ||
                 N == "login" || N == "account" || N == "principal")) {
      Fields = "{\"user\", " + P->getName().str() + "}";
      User = P->getName().str();
      break;
    }
  }
  std::string Event = eventName(S.Op, Failure);
  if (!getLangOpts().CPlusPlus)
    return User.empty()
               ? "logstream_security_event(\"" + Event + "\", NULL, 0);"
               : "logstream_security_event(\"" + Event +
                     "\", (const char *[]){\"user\", " + User + "}, 1);";
  return "logstream::security_event(\"" + Event + "\", {" + Fields + "});";
}

void SecurityEventCategoryCheck::addPathFix(DiagnosticBuilder &D, const Site &S,
                                            const analysis::ResultValue &Result,
                                            const analysis::PathEnd &P,
                                            ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // A record exists on the path but is not categorized: categorize it, once
  // however many operations and paths share it.
  if (P.FirstLog) {
    if (!speaksForOutcome(P.FirstLog, P.Branch, S.Call, Ctx) ||
        !Categorized.insert(P.FirstLog).second)
      return;
    const auto *Call = dyn_cast<CallExpr>(P.FirstLog);
    const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    if (F && F->getName() == "syslog" && Call->getNumArgs() >= 1) {
      // Only a priority without a facility can take LOG_AUTHPRIV: or-ing it
      // into another facility's bits would name a third one.
      Expr::EvalResult Priority;
      bool NoFacility = Call->getArg(0)->EvaluateAsInt(Priority, Ctx) &&
                        (Priority.Val.getInt().getExtValue() & 0x03f8) == 0;
      CharSourceRange R =
          utils::fileRange(Call->getArg(0)->getSourceRange(), Ctx);
      if (R.isValid() && NoFacility)
        D << FixItHint::CreateInsertion(R.getBegin(), "LOG_AUTHPRIV | ");
    } else if (std::string Category; P.FirstLog->getBeginLoc().isMacroID() &&
                                     qt::categoryOf(P.FirstLog, Category)) {
      // qCWarning(lc) << "...": the message is written after the macro.
      SourceLocation Inside;
      qt::recordText(P.FirstLog->getBeginLoc(), SM, getLangOpts(), &Inside);
      if (Inside.isValid() && Inside.isFileID())
        D << FixItHint::CreateInsertion(Inside, SecurityTagFormat);
    } else if (const StringLiteral *SL = messageLiteral(P.FirstLog)) {
      // Written in the file, or as the argument of a macro (`LOG_WARN("bad
      // password for %s", user)`): never inside a macro's definition, which
      // every expansion shares.
      SourceLocation Begin = SL->getBeginLoc();
      if ((Begin.isFileID() || SM.isMacroArgExpansion(Begin)) &&
          SL->getCharByteWidth() == 1) {
        SourceLocation Inside =
            SL->getLocationOfByte(0, SM, getLangOpts(), Ctx.getTargetInfo());
        if (Inside.isMacroID() && SM.isMacroArgExpansion(Inside))
          Inside = SM.getSpellingLoc(Inside);
        if (Inside.isFileID())
          D << FixItHint::CreateInsertion(Inside, SecurityTagFormat);
      }
    }
    return;
  }
  if (!InsertSecurityEvents || P.Label == analysis::Outcome::Unknown)
    return;
  // Insert at the start of the arm of the `if` that tests the result.
  const auto *If = dyn_cast_or_null<IfStmt>(P.Branch);
  if (!If)
    return;
  auto Branches = analysis::branchOutcomes(
      analysis::decidingCondition(If->getCond()), Result, Ctx);
  if (!Branches)
    return;
  const Stmt *Arm = Branches->IfTrue == P.Label    ? If->getThen()
                    : Branches->IfFalse == P.Label ? If->getElse()
                                                   : nullptr;
  const auto *CS = dyn_cast_or_null<CompoundStmt>(Arm);
  if (!CS || !CS->getLBracLoc().isFileID() || !Categorized.insert(CS).second)
    return;
  SourceLocation L = CS->getLBracLoc();
  unsigned Col = SM.getSpellingColumnNumber(If->getBeginLoc());
  D << FixItHint::CreateInsertion(
      L.getLocWithOffset(1),
      "\n" + std::string(Col + 1, ' ') +
          suggestedStatement(S, P.Label == analysis::Outcome::Failure));
  if (auto Inc = includeIn(SM.getFileID(L), "<logstream/event.h>"))
    D << *Inc;
}

} // namespace clang::tidy::logstream
