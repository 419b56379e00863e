//===--- AstHelpers.cpp - Small AST queries the checks share --------------===//

#include "utils/AstHelpers.h"
#include "utils/FixIts.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"

namespace clang::tidy::logstream::utils {

/// The written arguments of a call (default arguments are not written).
llvm::SmallVector<const Expr *, 4> writtenArgs(const CallExpr *Call) {
  llvm::SmallVector<const Expr *, 4> Args;
  for (const Expr *A : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  return Args;
}

llvm::SmallVector<const Expr *, 4> writtenArgs(const CXXConstructExpr *C) {
  llvm::SmallVector<const Expr *, 4> Args;
  for (const Expr *A : C->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  return Args;
}

std::string sourceText(SourceRange R, ASTContext &Ctx) {
  CharSourceRange FR = utils::fileRange(R, Ctx);
  if (FR.isInvalid())
    return "";
  return Lexer::getSourceText(FR, Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

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

/// The string literal an argument is, through conversions and temporaries.
const StringLiteral *asStringLiteral(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return SL;
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() < 1)
        return nullptr;
      E = C->getArg(0);
      continue;
    }
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
      continue;
    }
    if (const auto *W = dyn_cast<ExprWithCleanups>(E)) {
      E = W->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

std::optional<int64_t> macroIntegerValue(const Preprocessor *PP,
                                         llvm::StringRef Name) {
  if (!PP)
    return std::nullopt;
  const MacroInfo *MI = PP->getMacroInfo(PP->getIdentifierInfo(Name));
  if (!MI || MI->isFunctionLike() || MI->getNumTokens() != 1 ||
      !MI->getReplacementToken(0).is(tok::numeric_constant))
    return std::nullopt;
  const Token &T = MI->getReplacementToken(0);
  int64_t Value = 0;
  if (llvm::StringRef(T.getLiteralData(), T.getLength())
          .getAsInteger(0, Value))
    return std::nullopt;
  return Value;
}

} // namespace clang::tidy::logstream::utils
