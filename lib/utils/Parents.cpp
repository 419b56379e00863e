//===--- Parents.cpp - Climbing the AST without the TU-wide parent map ----===//

#include "utils/Parents.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::logstream::utils {

namespace {

/// The parents of every node of one declaration, recorded as
/// ParentMapContext records them for the traversal kind AsIs (the same
/// traversal: template instantiations and implicit code included; a node
/// reached from several parents has each of them once), but without the
/// context's traversal scope: ParentMapContext builds its maps over
/// ASTContext::getTraversalScope(), and setting that scope empties the
/// context's own map of the whole translation unit (which other checks of
/// the same run, and any matcher with hasAncestor or hasParent, use: they
/// would build it again, and a parent list taken from it would dangle).
class DeclParents : public RecursiveASTVisitor<DeclParents> {
  using Base = RecursiveASTVisitor<DeclParents>;

public:
  explicit DeclParents(Decl *Top) { TraverseDecl(Top); }

  DynTypedNodeList parents(const DynTypedNode &Node) const {
    auto It = Map.find(Node);
    if (It == Map.end())
      return DynTypedNodeList(llvm::ArrayRef<DynTypedNode>());
    return DynTypedNodeList(llvm::ArrayRef<DynTypedNode>(It->second));
  }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    return below(DynTypedNode::create(*D),
                 [&] { return Base::TraverseDecl(D); });
  }
#if LLVM_VERSION_MAJOR >= 22
  bool TraverseTypeLoc(TypeLoc TL, bool TraverseQualifier = true) {
    if (TL.isNull())
      return true;
    return below(DynTypedNode::create(TL),
                 [&] { return Base::TraverseTypeLoc(TL, TraverseQualifier); });
  }
#else
  bool TraverseTypeLoc(TypeLoc TL) {
    if (TL.isNull())
      return true;
    return below(DynTypedNode::create(TL),
                 [&] { return Base::TraverseTypeLoc(TL); });
  }
#endif
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc NNS) {
    if (!NNS)
      return true;
    return below(DynTypedNode::create(NNS),
                 [&] { return Base::TraverseNestedNameSpecifierLoc(NNS); });
  }
  bool TraverseAttr(Attr *A) {
    if (!A)
      return true;
    return below(DynTypedNode::create(*A),
                 [&] { return Base::TraverseAttr(A); });
  }
  // Statements through the visitor's data recursion (no TraverseStmt
  // override, which would turn it off).
  bool dataTraverseStmtPre(Stmt *S) {
    DynTypedNode N = DynTypedNode::create(*S);
    record(N);
    Stack.push_back(N);
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Stack.pop_back();
    return true;
  }

private:
  template <typename Fn> bool below(const DynTypedNode &N, Fn Traverse) {
    record(N);
    Stack.push_back(N);
    bool Result = Traverse();
    Stack.pop_back();
    return Result;
  }
  void record(const DynTypedNode &N) {
    if (Stack.empty())
      return; // the declaration itself: parentsOf answers for it
    llvm::SmallVector<DynTypedNode, 1> &Parents = Map[N];
    const DynTypedNode &Parent = Stack.back();
    if (Parent.getMemoizationData() && llvm::is_contained(Parents, Parent))
      return;
    Parents.push_back(Parent);
  }

  llvm::SmallVector<DynTypedNode, 16> Stack;
  llvm::DenseMap<DynTypedNode, llvm::SmallVector<DynTypedNode, 1>> Map;
};

/// Per translation unit: one parent map per namespace-level declaration
/// asked about. It lives as long as its ASTContext (AddDeallocation), so a
/// later translation unit never sees it.
class DeclParentMaps {
public:
  static DeclParentMaps &of(ASTContext &Ctx) {
    static llvm::DenseMap<const ASTContext *, DeclParentMaps *> All;
    DeclParentMaps *&Maps = All[&Ctx];
    if (!Maps) {
      Maps = new DeclParentMaps();
      Ctx.AddDeallocation(
          [](void *Ptr) {
            auto *Self = static_cast<DeclParentMaps *>(Ptr);
            All.erase(Self->Owner);
            delete Self;
          },
          Maps);
      Maps->Owner = &Ctx;
    }
    return *Maps;
  }

  /// The map of \p Top's nodes, built on the first question about them.
  const DeclParents &mapOf(Decl *Top) {
    std::unique_ptr<DeclParents> &Map = Maps[Top];
    if (!Map)
      Map = std::make_unique<DeclParents>(Top);
    return *Map;
  }

  /// The declaration found last: a climb asks about one node after another
  /// of the same declaration.
  Decl *LastTop = nullptr;

private:
  const ASTContext *Owner = nullptr;
  llvm::DenseMap<const Decl *, std::unique_ptr<DeclParents>> Maps;
};

/// Is \p Loc (an expansion location) inside \p D's written extent?
bool declContains(const Decl *D, SourceLocation Loc, const SourceManager &SM) {
  SourceRange R = D->getSourceRange();
  if (R.isInvalid())
    return false;
  SourceLocation B = SM.getExpansionLoc(R.getBegin());
  SourceLocation E = SM.getExpansionRange(R.getEnd()).getEnd();
  FileID F = SM.getFileID(Loc);
  // A declaration does not span files (in practice): compare offsets.
  if (SM.getFileID(B) != F || SM.getFileID(E) != F)
    return false;
  unsigned Off = SM.getFileOffset(Loc);
  return SM.getFileOffset(B) <= Off && Off <= SM.getFileOffset(E);
}

/// The namespace-level declaration whose extent holds \p Loc.
Decl *namespaceLevelDecl(SourceLocation Loc, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  Loc = SM.getExpansionLoc(Loc);
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  while (true) {
    Decl *Found = nullptr;
    for (Decl *D : DC->decls())
      if (!D->isImplicit() && declContains(D, Loc, SM)) {
        Found = D;
        break;
      }
    if (!Found)
      return nullptr;
    if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(Found)) {
      DC = cast<DeclContext>(Found);
      continue;
    }
    return Found;
  }
}

SourceLocation locationOf(const DynTypedNode &Node) {
  if (const auto *S = Node.get<Stmt>())
    return S->getBeginLoc();
  if (const auto *D = Node.get<Decl>())
    return D->getLocation();
  if (const auto *Init = Node.get<CXXCtorInitializer>())
    return Init->getSourceLocation();
  return SourceLocation();
}

} // namespace

DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx) {
  // A namespace-level declaration's parent is its (lexical) context, as
  // the translation unit's map says; the translation unit has none.
  if (const auto *D = Node.get<Decl>()) {
    if (isa<TranslationUnitDecl>(D))
      return DynTypedNodeList(llvm::ArrayRef<DynTypedNode>());
    const DeclContext *DC = D->getLexicalDeclContext();
    if (isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl>(
            DC))
      return DynTypedNodeList(DynTypedNode::create(*cast<Decl>(DC)));
  }
  SourceLocation Loc = locationOf(Node);
  // The maps are those of the traversal kind AsIs (the checks'); another
  // kind asks the context.
  if (Loc.isInvalid() ||
      Ctx.getParentMapContext().getTraversalKind() != TK_AsIs)
    return Ctx.getParents(Node);
  DeclParentMaps &Maps = DeclParentMaps::of(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  if (Maps.LastTop && declContains(Maps.LastTop, SM.getExpansionLoc(Loc), SM)) {
    DynTypedNodeList Parents = Maps.mapOf(Maps.LastTop).parents(Node);
    if (!Parents.empty())
      return Parents;
  }
  Decl *Top = namespaceLevelDecl(Loc, Ctx);
  if (Top && Top != Maps.LastTop) {
    Maps.LastTop = Top;
    DynTypedNodeList Parents = Maps.mapOf(Top).parents(Node);
    if (!Parents.empty())
      return Parents;
  }
  return Ctx.getParents(Node);
}

bool isInTemplateInstantiation(const DynTypedNode &Node, ASTContext &Ctx) {
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

const FunctionDecl *enclosingFunction(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  for (unsigned I = 0; I < 256; ++I) {
    auto Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD;
    if (Parents[0].get<LambdaExpr>())
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
