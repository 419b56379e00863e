//===--- OutcomePaths.cpp - Paths after a security operation, by outcome --===//

#include "OutcomePaths.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <set>
#include <tuple>

namespace clang::tidy::logstream::analysis {

namespace {

const Expr *strip(const Expr *E) {
  while (true) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    // C++20 `a != b` spelled through `operator==`: `!(a == b)`.
    else if (const auto *R = dyn_cast<CXXRewrittenBinaryOperator>(Next))
      Next = R->getSemanticForm();
    if (Next == E)
      return E;
    E = Next;
  }
}

/// The outcome of the values that satisfy a predicate, judged on one value
/// that means success and one that means failure: the branch is Success when
/// it admits only the success value, Failure when it excludes the success
/// value, Unknown otherwise.
Outcome judge(bool AdmitsSuccess, bool AdmitsFailure) {
  if (!AdmitsSuccess)
    return Outcome::Failure;
  return AdmitsFailure ? Outcome::Unknown : Outcome::Success;
}

bool holds(BinaryOperatorKind K, int64_t V, int64_t C) {
  switch (K) {
  case BO_LT:
    return V < C;
  case BO_LE:
    return V <= C;
  case BO_GT:
    return V > C;
  case BO_GE:
    return V >= C;
  case BO_EQ:
    return V == C;
  case BO_NE:
    return V != C;
  default:
    return false;
  }
}

/// `result <K> C` for an operation with convention \p Conv.
BranchOutcomes compareWithConstant(BinaryOperatorKind K, int64_t C,
                                   SuccessConvention Conv) {
  bool Equality = K == BO_EQ || K == BO_NE;
  if (Conv == SuccessConvention::ZeroIsSuccess) {
    // 0 is success. In an equality, -1 is the failure of a 0/-1 API
    // (setuid): its complement is success; any other constant is one
    // failure code among many (PAM_AUTH_ERR), whose complement says nothing.
    if (Equality && C != 0 && C != -1) {
      BranchOutcomes Eq{Outcome::Failure, Outcome::Unknown};
      return K == BO_EQ ? Eq : BranchOutcomes{Eq.IfFalse, Eq.IfTrue};
    }
    return {judge(holds(K, 0, C), holds(K, -1, C)),
            judge(!holds(K, 0, C), !holds(K, -1, C))};
  }
  // Non-zero (1, true) is success, 0 failure; negative values are the
  // errors of OpenSSL-style APIs: an equality with one says nothing of the
  // other branch.
  if (Equality && C < 0) {
    BranchOutcomes Eq{Outcome::Failure, Outcome::Unknown};
    return K == BO_EQ ? Eq : BranchOutcomes{Eq.IfFalse, Eq.IfTrue};
  }
  return {judge(holds(K, 1, C), holds(K, 0, C)),
          judge(!holds(K, 1, C), !holds(K, 0, C))};
}

BinaryOperatorKind mirrored(BinaryOperatorKind K) {
  switch (K) {
  case BO_LT:
    return BO_GT;
  case BO_GT:
    return BO_LT;
  case BO_LE:
    return BO_GE;
  case BO_GE:
    return BO_LE;
  default:
    return K;
  }
}

} // namespace

bool ResultValue::is(const Expr *E, bool VariableLive) const {
  E = strip(E);
  // `(attempts++, rc = op(...))`: the value is the last operand's, and an
  // assignment's value is what it assigns.
  while (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() != BO_Comma && BO->getOpcode() != BO_Assign)
      break;
    if (BO->getOpcode() == BO_Assign && is(BO->getLHS(), VariableLive))
      return true;
    E = strip(BO->getRHS());
  }
  if (E == strip(Operation))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return VariableLive && Variable && DRE->getDecl() == Variable;
  return false;
}

std::optional<BranchOutcomes>
branchOutcomes(const Expr *Cond, const ResultValue &Result, ASTContext &Ctx) {
  if (!Cond)
    return std::nullopt;
  Cond = strip(Cond);
  bool ZeroOk = Result.Convention == SuccessConvention::ZeroIsSuccess;
  if (Result.is(Cond))
    return ZeroOk ? BranchOutcomes{Outcome::Failure, Outcome::Success}
                  : BranchOutcomes{Outcome::Success, Outcome::Failure};
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() != UO_LNot)
      return std::nullopt;
    if (auto Inner = branchOutcomes(UO->getSubExpr(), Result, Ctx))
      return BranchOutcomes{Inner->IfFalse, Inner->IfTrue};
    return std::nullopt;
  }
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO)
    return std::nullopt;
  BinaryOperatorKind K = BO->getOpcode();
  if (K != BO_EQ && K != BO_NE && K != BO_LT && K != BO_GT && K != BO_LE &&
      K != BO_GE)
    return std::nullopt;
  const Expr *L = BO->getLHS(), *R = BO->getRHS();
  if (!Result.is(L)) {
    if (!Result.is(R))
      return std::nullopt;
    std::swap(L, R);
    K = mirrored(K);
  }
  if (R->isValueDependent() || R->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult V;
  if (!R->EvaluateAsInt(V, Ctx))
    return std::nullopt;
  return compareWithConstant(K, V.Val.getInt().getExtValue(),
                             Result.Convention);
}

const Expr *decidingCondition(const CFGBlock &B) {
  return decidingCondition(dyn_cast_or_null<Expr>(B.getTerminatorCondition()));
}

const Expr *decidingCondition(const Expr *E) {
  while (E) {
    E = strip(E);
    const auto *BO = dyn_cast<BinaryOperator>(E);
    if (!BO || !(BO->isLogicalOp() || BO->getOpcode() == BO_Comma))
      break;
    E = BO->getRHS();
  }
  return E;
}

const VarDecl *resultVariable(const CFG &G, const Expr *Operation) {
  const Expr *Op = strip(Operation);
  auto IsOp = [&](const Expr *E) {
    return E && strip(E->IgnoreImplicit()) == Op;
  };
  for (const CFGBlock *B : G)
    for (const CFGElement &E : *B) {
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      if (const auto *DS = dyn_cast<DeclStmt>(CS->getStmt())) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D); VD && IsOp(VD->getInit()))
            return VD;
      } else if (const auto *BO = dyn_cast<BinaryOperator>(CS->getStmt())) {
        if (BO->getOpcode() == BO_Assign && IsOp(BO->getRHS()))
          if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(BO->getLHS())))
            if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
              return VD;
      }
    }
  return nullptr;
}

OutcomePathFinder::OutcomePathFinder(
    const CFG &G, const Stmt *Body, const ResultValue &Result, ASTContext &Ctx,
    StmtPredicate IsSecurityRecord, StmtPredicate IsLogRecord,
    const llvm::SmallPtrSetImpl<const Stmt *> &HandOver)
    : G(G), Body(Body), Result(Result), Ctx(Ctx),
      IsSecurityRecord(IsSecurityRecord), IsLogRecord(IsLogRecord),
      HandOver(HandOver) {}

/// Whether a call to a `noreturn` function follows \p After in \p B.
static bool endsProcessAfter(const CFGBlock &B, const Stmt *After) {
  bool Seen = false;
  for (const CFGElement &E : B) {
    auto CS = E.getAs<CFGStmt>();
    if (!CS)
      continue;
    if (CS->getStmt() == After) {
      Seen = true;
      continue;
    }
    if (const auto *C = dyn_cast<CallExpr>(CS->getStmt()); Seen && C)
      if (const FunctionDecl *F = C->getDirectCallee();
          F && (F->isNoReturn() || F->hasAttr<NoReturnAttr>()))
        return true;
  }
  return false;
}

std::optional<std::pair<const CFGBlock *, unsigned>>
OutcomePathFinder::start() const {
  for (const CFGBlock *B : G) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (auto CS = E.getAs<CFGStmt>(); CS && CS->getStmt() == Result.Operation)
        return std::make_pair(B, I);
      ++I;
    }
  }
  return std::nullopt;
}

bool OutcomePathFinder::overwritesResult(const Stmt *S) const {
  const auto *BO = dyn_cast<BinaryOperator>(S);
  if (!Result.Variable || !BO || !BO->isAssignmentOp() ||
      Result.is(BO->getRHS(), /*VariableLive=*/false))
    return false;
  const auto *DRE = dyn_cast<DeclRefExpr>(strip(BO->getLHS()));
  return DRE && DRE->getDecl() == Result.Variable;
}

PathEnd OutcomePathFinder::endAt(const Item &It, const Stmt *Last) const {
  PathEnd End{It.Label, Body->getEndLoc(), "ends", It.FirstLog, It.Branch};
  if (!Last)
    return End;
  if (isa<ReturnStmt>(Last)) {
    End.Loc = Last->getBeginLoc();
    End.Verb = "returns";
    End.Exit = Last;
  } else if (isa<CXXThrowExpr>(Last)) {
    End.Loc = Last->getBeginLoc();
    End.Verb = "throws";
    End.Exit = Last;
  } else if (const auto *C = dyn_cast<CallExpr>(Last)) {
    if (const FunctionDecl *F = C->getDirectCallee();
        F && (F->isNoReturn() || F->hasAttr<NoReturnAttr>())) {
      End.Loc = Last->getBeginLoc();
      End.Verb = "exits";
      End.Exit = Last;
    }
  }
  return End;
}

std::optional<Outcome>
OutcomePathFinder::caseOutcome(const SwitchStmt *Switch,
                               const CFGBlock *Next) const {
  bool ZeroOk = Result.Convention == SuccessConvention::ZeroIsSuccess;
  auto OutcomeOf = [&](const CaseStmt *C) -> std::optional<Outcome> {
    Expr::EvalResult V;
    if (C->caseStmtIsGNURange() || C->getLHS()->isValueDependent() ||
        !C->getLHS()->EvaluateAsInt(V, Ctx))
      return std::nullopt;
    int64_t Value = V.Val.getInt().getExtValue();
    bool Ok = ZeroOk ? Value == 0 : Value != 0;
    return Ok ? Outcome::Success : Outcome::Failure;
  };
  if (const auto *Case = dyn_cast_or_null<CaseStmt>(Next->getLabel()))
    return OutcomeOf(Case);
  // `default:`, or past the switch when no case matched: a failure when a
  // case takes the success value, else either.
  for (const SwitchCase *SC = Switch->getSwitchCaseList(); SC;
       SC = SC->getNextSwitchCase())
    if (const auto *Case = dyn_cast<CaseStmt>(SC))
      if (OutcomeOf(Case) == Outcome::Success)
        return Outcome::Failure;
  return Outcome::Unknown;
}

void OutcomePathFinder::successors(const Item &It, std::vector<Item> &Work,
                                   Paths &Out, const Stmt *Last) const {
  const Stmt *Term = It.Block->getTerminatorStmt();
  ResultValue Tested = Result;
  if (!It.ResultLive)
    Tested.Variable = nullptr;
  const auto *Switch = dyn_cast_or_null<SwitchStmt>(Term);
  bool SwitchOnResult =
      Switch && Switch->getCond() && Tested.is(Switch->getCond());
  std::optional<BranchOutcomes> Branches;
  if (!Switch && It.Block->succ_size() == 2)
    Branches = branchOutcomes(decidingCondition(*It.Block), Tested, Ctx);
  unsigned Index = 0;
  for (const CFGBlock::AdjacentBlock &Succ : It.Block->succs()) {
    const CFGBlock *Next = Succ.getReachableBlock();
    unsigned ThisIndex = Index++;
    if (!Next)
      continue;
    Item NextItem{Next, 0, It.Label, It.ResultLive, It.FirstLog, It.Branch};
    std::optional<Outcome> Here;
    if (Branches)
      Here = ThisIndex == 0 ? Branches->IfTrue : Branches->IfFalse;
    else if (SwitchOnResult)
      Here = caseOutcome(Switch, Next);
    if (Here && *Here != Outcome::Unknown) {
      Out.Tested = true;
      if (It.Label == Outcome::Unknown) {
        NextItem.Label = *Here;
        NextItem.Branch = Term;
      } else if (It.Label != *Here) {
        continue; // contradicts an earlier test of the same value
      }
    }
    if (Next == &G.getExit()) {
      Out.Unrecorded.push_back(endAt(NextItem, Last));
      continue;
    }
    Work.push_back(NextItem);
  }
}

OutcomePathFinder::Paths OutcomePathFinder::find() {
  Paths Out;
  auto Start = start();
  if (!Start)
    return Out;
  Out.Found = true;
  std::vector<Item> Work = {{Start->first, Start->second + 1, Outcome::Unknown,
                             /*ResultLive=*/true, nullptr, nullptr}};
  std::set<std::tuple<unsigned, Outcome, bool>> Seen;
  while (!Work.empty()) {
    Item It = Work.back();
    Work.pop_back();
    if (!Seen.insert({It.Block->getBlockID(), It.Label, It.ResultLive})
             .second &&
        It.Index == 0)
      continue;
    const Stmt *Last = nullptr;
    bool Ended = false;
    unsigned I = 0;
    for (const CFGElement &E : *It.Block) {
      if (I++ < It.Index)
        continue;
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *St = CS->getStmt();
      // The operation again (a retry loop), or another security-critical
      // operation: the path is theirs from here.
      if (St == Result.Operation || HandOver.count(St)) {
        Ended = true;
        break;
      }
      if (It.Label == Outcome::Success)
        if (const auto *C = dyn_cast<CallExpr>(St))
          if (const FunctionDecl *F = C->getDirectCallee();
              F && (F->isNoReturn() || F->hasAttr<NoReturnAttr>()))
            Out.SuccessExits = true;
      if (IsSecurityRecord(St)) {
        Out.AnyRecorded = true;
        Ended = true;
        if (It.Label == Outcome::Success && endsProcessAfter(*It.Block, St))
          Out.SuccessExits = true;
        break;
      }
      if (!It.FirstLog && IsLogRecord(St))
        It.FirstLog = St;
      if (It.ResultLive && overwritesResult(St))
        It.ResultLive = false;
      Last = St;
    }
    if (Ended || It.Block == &G.getExit())
      continue;
    successors(It, Work, Out, Last);
  }
  return Out;
}

} // namespace clang::tidy::logstream::analysis
