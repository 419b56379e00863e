//===--- Parents.cpp - Climbing the AST without the TU-wide parent map ----===//

#include "utils/Parents.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::logstream::utils {

namespace {

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

  /// The map of \p Top's nodes, built over a traversal scope of only \p Top;
  /// the context's own scope is restored (which empties its own map, if
  /// anything had built it: it is built again when asked for).
  ParentMapContext &mapOf(Decl *Top, ASTContext &Ctx) {
    std::unique_ptr<ParentMapContext> &Map = Maps[Top];
    if (!Map) {
      Map = std::make_unique<ParentMapContext>(Ctx);
      std::vector<Decl *> Saved = Ctx.getTraversalScope();
      Ctx.setTraversalScope({Top});
      Map->getParents(DynTypedNode::create(*Top)); // builds the map now
      Ctx.setTraversalScope(Saved);
    }
    Map->setTraversalKind(Ctx.getParentMapContext().getTraversalKind());
    return *Map;
  }

  /// The declaration found last: a climb asks about one node after another
  /// of the same declaration.
  Decl *LastTop = nullptr;

private:
  const ASTContext *Owner = nullptr;
  llvm::DenseMap<const Decl *, std::unique_ptr<ParentMapContext>> Maps;
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
  if (Loc.isInvalid())
    return Ctx.getParents(Node);
  DeclParentMaps &Maps = DeclParentMaps::of(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  if (Maps.LastTop && declContains(Maps.LastTop, SM.getExpansionLoc(Loc), SM)) {
    DynTypedNodeList Parents = Maps.mapOf(Maps.LastTop, Ctx).getParents(Node);
    if (!Parents.empty())
      return Parents;
  }
  Decl *Top = namespaceLevelDecl(Loc, Ctx);
  if (Top && Top != Maps.LastTop) {
    Maps.LastTop = Top;
    DynTypedNodeList Parents = Maps.mapOf(Top, Ctx).getParents(Node);
    if (!Parents.empty())
      return Parents;
  }
  return Ctx.getParents(Node);
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
