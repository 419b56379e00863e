//===--- Parents.cpp - Climbing the AST of the user's code ----------------===//

#include "utils/Parents.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

namespace clang::tidy::logstream::utils {

namespace {

/// The maps of the run in progress (one at a time per thread: a run is a
/// MatchFinder::matchAST call, which does not start another).
thread_local UserParentMaps *Live = nullptr;
thread_local ASTContext *LiveContext = nullptr;

bool isNamespaceLike(const Decl *D) {
  return isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl>(
      D);
}

/// The template declaration a templated declaration or an implicit
/// instantiation hangs under in the map (its parent there); \p D otherwise.
const Decl *templateAbove(const Decl *D) {
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (const FunctionTemplateDecl *T = FD->getDescribedFunctionTemplate())
      return T;
    if (FD->getTemplateSpecializationKind() == TSK_ImplicitInstantiation)
      if (const FunctionTemplateDecl *T = FD->getPrimaryTemplate())
        return T;
  } else if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(D)) {
    if (S->getSpecializationKind() == TSK_ImplicitInstantiation)
      return S->getSpecializedTemplate();
  } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
    if (const ClassTemplateDecl *T = RD->getDescribedClassTemplate())
      return T;
  } else if (const auto *VD = dyn_cast<VarDecl>(D)) {
    if (const VarTemplateDecl *T = VD->getDescribedVarTemplate())
      return T;
  } else if (const auto *TA = dyn_cast<TypeAliasDecl>(D)) {
    if (const TypeAliasTemplateDecl *T = TA->getDescribedAliasTemplate())
      return T;
  }
  return D;
}

} // namespace

DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx) {
  if (Live && LiveContext == &Ctx)
    return Live->parents(Node);
  return Ctx.getParents(Node);
}

UserParentMaps::UserParentMaps(ASTContext &Ctx, std::vector<Decl *> Scope)
    : Ctx(Ctx), Scope(std::move(Scope)), Outer(Live) {
  Live = this;
  LiveContext = &Ctx;
}

UserParentMaps::~UserParentMaps() {
  Live = Outer;
  LiveContext = Outer ? &Outer->Ctx : nullptr;
}

void UserParentMaps::addUnits(Decl *D) {
  if (isNamespaceLike(D)) {
    for (Decl *Member : cast<DeclContext>(D)->decls())
      addUnits(Member);
    return;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  SourceRange R = D->getSourceRange();
  if (R.isInvalid())
    return;
  auto [BeginFile, Begin] =
      SM.getDecomposedLoc(SM.getExpansionLoc(R.getBegin()));
  auto [EndFile, End] = SM.getDecomposedLoc(SM.getExpansionLoc(R.getEnd()));
  if (BeginFile == EndFile && Begin <= End)
    Units[BeginFile].push_back({Begin, End, D});
}

Decl *UserParentMaps::unitOf(const DynTypedNode &Node) {
  if (const auto *D = Node.get<Decl>()) {
    // The outermost declaration around it that is not a namespace.
    const Decl *Unit = templateAbove(D);
    for (const Decl *Cur = Unit;;) {
      const DeclContext *DC = Cur->getLexicalDeclContext();
      if (!DC)
        break;
      const auto *Up = templateAbove(cast<Decl>(DC));
      if (isa<TranslationUnitDecl>(Up))
        break;
      if (!isNamespaceLike(Up))
        Unit = Up;
      Cur = Up;
    }
    return isNamespaceLike(Unit) ? nullptr : const_cast<Decl *>(Unit);
  }
  SourceLocation Loc = Node.getSourceRange().getBegin();
  if (Loc.isInvalid())
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  if (!UnitsMade) {
    UnitsMade = true;
    for (Decl *D : Scope)
      addUnits(D);
  }
  auto [File, Offset] = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
  auto It = Units.find(File);
  if (It == Units.end())
    return nullptr;
  // The last declaration that begins at or before the node, if it holds
  // it. (Declarations of a file are added in order; `struct S {...} s;`
  // declares two that begin together, and the later one is tried first.)
  const std::vector<Unit> &Of = It->second;
  auto After =
      std::upper_bound(Of.begin(), Of.end(), Offset,
                       [](unsigned O, const Unit &U) { return O < U.Begin; });
  for (auto U = After; U != Of.begin();) {
    --U;
    if (Offset <= U->End)
      return U->D;
    if (U->Begin != Offset && (U == Of.begin() || (U - 1)->Begin != U->Begin))
      break;
  }
  return nullptr;
}

ParentMapContext *UserParentMaps::mapOf(Decl *D) {
  auto [Slot, New] = D ? Maps.try_emplace(D) : Maps.try_emplace(nullptr);
  if (New) {
    const SourceManager &SM = Ctx.getSourceManager();
    if (D && SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return nullptr; // outside the scope: no parents, no map
    // ParentMapContext maps the context's traversal scope, at its first
    // question: asked at once, with the scope narrowed to the declaration.
    Slot->second = std::make_unique<ParentMapContext>(Ctx);
    if (D)
      Ctx.setTraversalScope({D});
    Slot->second->getParents(
        DynTypedNode::create(*Ctx.getTranslationUnitDecl()));
    if (D)
      Ctx.setTraversalScope(Scope);
  }
  return Slot->second.get();
}

DynTypedNodeList UserParentMaps::parents(const DynTypedNode &Node) {
  if (Decl *Unit = unitOf(Node)) {
    ParentMapContext *Map = mapOf(Unit);
    if (!Map)
      return DynTypedNodeList(ArrayRef<DynTypedNode>());
    // The declaration's own parent is outside its map (whose top it is).
    if (Node.get<Decl>() == Unit)
      return DynTypedNodeList(
          DynTypedNode::create(*cast<Decl>(Unit->getLexicalDeclContext())));
    DynTypedNodeList Found = Map->getParents(Node);
    if (!Found.empty())
      return Found;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  if (SourceLocation Loc = Node.getSourceRange().getBegin();
      Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
    return DynTypedNodeList(ArrayRef<DynTypedNode>()); // outside the scope
  return mapOf(nullptr)->getParents(Node);
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
    if (const auto *L = Parents[0].get<LambdaExpr>()) {
      if (Through == Lambdas::Stop)
        return nullptr;
      if (Through == Lambdas::Operator)
        return L->getCallOperator();
    }
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
