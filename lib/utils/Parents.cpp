//===--- Parents.cpp - Climbing the AST of the user's code ----------------===//

#include "utils/Parents.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::logstream::utils {

DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx) {
  return Ctx.getParents(Node);
}

bool isInTemplateInstantiation(const DynTypedNode &Node, ASTContext &Ctx) {
  if (!Ctx.getLangOpts().CPlusPlus)
    return false; // No templates (and no parent map to build for the answer).
  auto IsInstantiation = [](TemplateSpecializationKind K) {
    return K == TSK_ImplicitInstantiation ||
           K == TSK_ExplicitInstantiationDefinition ||
           K == TSK_ExplicitInstantiationDeclaration;
  };
  // Breadth-first over every parent, each node once (a node shared by a
  // template and its instantiation has both as parents).
  llvm::SmallVector<DynTypedNode, 8> Work{Node};
  llvm::DenseSet<const void *> Seen;
  while (!Work.empty()) {
    DynTypedNode N = Work.pop_back_val();
    for (const DynTypedNode &P : parentsOf(N, Ctx)) {
      if (const auto *RD = P.get<CXXRecordDecl>()) {
        if (IsInstantiation(RD->getTemplateSpecializationKind()))
          return true;
      } else if (const auto *FD = P.get<FunctionDecl>()) {
        if (IsInstantiation(FD->getTemplateSpecializationKind()))
          return true;
      }
      const void *Key = P.getMemoizationData();
      if (!Key || Seen.insert(Key).second)
        Work.push_back(P);
    }
  }
  return false;
}

const FunctionDecl *enclosingFunction(const Expr *E, ASTContext &Ctx,
                                      Lambdas Through) {
  DynTypedNode Node = DynTypedNode::create(*E);
  for (unsigned I = 0; I < 256; ++I) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    if (const auto *FD = Parents[0].get<FunctionDecl>();
        FD && !(Through == Lambdas::Cross && isLambdaCallOperator(FD)))
      return FD;
    if (Parents[0].get<LambdaExpr>() && Through == Lambdas::Stop)
      return nullptr;
    Node = Parents[0];
  }
  return nullptr;
}

std::optional<DynTypedNode> singleParent(const DynTypedNode &Node,
                                         ASTContext &Ctx) {
  auto Parents = parentsOf(Node, Ctx);
  if (Parents.size() != 1)
    return std::nullopt;
  return Parents[0];
}

DynTypedNode
climbThrough(DynTypedNode Node, ASTContext &Ctx,
             llvm::function_ref<bool(const DynTypedNode &)> Through,
             DynTypedNode *Child, unsigned MaxSteps) {
  for (unsigned Steps = 0; Steps < MaxSteps; ++Steps) {
    std::optional<DynTypedNode> Parent = singleParent(Node, Ctx);
    if (!Parent)
      break;
    if (!Through(*Parent)) {
      if (Child)
        *Child = Node;
      return *Parent;
    }
    Node = *Parent;
  }
  if (Child)
    *Child = Node;
  return DynTypedNode();
}

} // namespace clang::tidy::logstream::utils
