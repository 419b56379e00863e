//===--- Paths.cpp - The value of a path-valued expression ----------------===//

#include "utils/Paths.h"
#include "logstream/families/Qt.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::logstream::utils {

static bool isStringLikeClass(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  llvm::StringRef Name = RD->getName();
  return Name == "basic_string" || Name == "basic_string_view" ||
         Name == "path" || Name == "String" /* Poco, log4cxx LogString */;
}

namespace {
class PathResolver {
public:
  PathResolver() = default;

  std::string resolve(const Expr *E, unsigned Depth = 0) {
    if (!E || Depth > 12)
      return unknown();
    E = E->IgnoreParenCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      return resolve(C->getSubExpr(), Depth + 1);
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      return resolve(M->getSubExpr(), Depth + 1);
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      return resolve(B->getSubExpr(), Depth + 1);
    if (const auto *CE = dyn_cast<ConstantExpr>(E))
      return resolve(CE->getSubExpr(), Depth + 1);
    // Qt's strings and paths: QStringLiteral, QString("..."), QDir(d)
    // .filePath(n), s.arg(x), ...
    if (std::optional<std::string> Qt = qt::pathValue(
            E, [&](const Expr *Part) { return resolve(Part, Depth + 1); },
            unknown()))
      return *Qt;

    if (const auto *SL = dyn_cast<StringLiteral>(E)) {
      if (SL->getCharByteWidth() == 1) {
        Known = true;
        return SL->getString().str();
      }
      // A wide path (`L"C:/app/logs/app.log"`) is read when it is ASCII.
      std::string Narrow;
      for (unsigned I = 0; I < SL->getLength(); ++I) {
        uint32_t C = SL->getCodeUnit(I);
        if (C >= 0x80)
          return unknown();
        Narrow += static_cast<char>(C);
      }
      Known = true;
      return Narrow;
    }
    if (const auto *CL = dyn_cast<CharacterLiteral>(E)) {
      Known = true;
      return std::string(1, static_cast<char>(CL->getValue()));
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() >= 1 &&
          isStringLikeClass(Construct->getType())) {
        const Expr *Arg = Construct->getArg(0);
        QualType AT = Arg->IgnoreParenImpCasts()->getType();
        if (AT->isPointerType() || AT->isArrayType() || isStringLikeClass(AT))
          return resolve(Arg, Depth + 1);
      }
      return unknown();
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getNumArgs() == 2 && Op->getOperator() == OO_Plus)
        return resolve(Op->getArg(0), Depth + 1) +
               resolve(Op->getArg(1), Depth + 1);
      if (Op->getNumArgs() == 2 && Op->getOperator() == OO_Slash)
        return resolve(Op->getArg(0), Depth + 1) + "/" +
               resolve(Op->getArg(1), Depth + 1);
      return unknown();
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      static constexpr llvm::StringRef Accessors[] = {
          "c_str", "data", "string", "native", "generic_string", "u8string"};
      if (M && M->getIdentifier() &&
          llvm::is_contained(Accessors, M->getName()))
        return resolve(MC->getImplicitObjectArgument(), Depth + 1);
      return unknown();
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      bool Before = Known;
      Known = false;
      std::string True = resolve(CO->getTrueExpr(), Depth + 1);
      if (Known)
        return True;
      Known = Before;
      return resolve(CO->getFalseExpr(), Depth + 1);
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return member(ME, Depth);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || isa<ParmVarDecl>(VD))
        return unknown();
      // Constants anywhere; locals through their one initializer.
      bool Constant = VD->getType().isConstQualified() || VD->isConstexpr() ||
                      (VD->getType()->isPointerType() &&
                       VD->getType()->getPointeeType().isConstQualified() &&
                       !VD->hasGlobalStorage());
      if (!Constant && !VD->isLocalVarDecl())
        return unknown();
      const VarDecl *Def = nullptr;
      const Expr *Init = VD->getAnyInitializer(Def);
      if (!Init)
        return unknown();
      return resolve(Init, Depth + 1);
    }
    return unknown();
  }

  bool Known = false;

private:
  static std::string unknown() { return std::string(1, UnknownPathPart); }

  /// A field of a configuration struct: `settings.dir`, `cfg->log_file`.
  /// Its value where the object is a constant or a local initialized with
  /// a braced list (`Settings s = {"/var/log/app", 7}`, C's designated
  /// `{.dir = ...}`), else the field's default member initializer
  /// (`std::string dir = "/var/log/app";`): the value a program that does
  /// not override it uses.
  std::string member(const MemberExpr *ME, unsigned Depth) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return unknown();
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Base); Ref && !ME->isArrow()) {
      const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
      if (VD && !isa<ParmVarDecl>(VD) &&
          (VD->isLocalVarDecl() || VD->getType().isConstQualified()))
        if (const auto *List = dyn_cast_or_null<InitListExpr>(
                VD->getInit() ? VD->getInit()->IgnoreImplicit() : nullptr)) {
          const InitListExpr *Semantic =
              List->isSemanticForm() ? List : List->getSemanticForm();
          unsigned Index = Field->getFieldIndex();
          if (Semantic && Index < Semantic->getNumInits() &&
              !isa<ImplicitValueInitExpr>(Semantic->getInit(Index)))
            return resolve(Semantic->getInit(Index), Depth + 1);
        }
    }
    if (const Expr *Default = Field->getInClassInitializer())
      return resolve(Default, Depth + 1);
    return unknown();
  }
};
} // namespace

std::optional<std::string> resolvePathValue(const Expr *E, ASTContext &) {
  PathResolver R;
  std::string Value = R.resolve(E);
  if (!R.Known)
    return std::nullopt;
  // Collapse runs of unknown parts.
  std::string Out;
  for (char C : Value)
    if (C != UnknownPathPart || Out.empty() || Out.back() != UnknownPathPart)
      Out += C;
  return Out;
}

std::string displayPath(llvm::StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (C == UnknownPathPart)
      Out += "...";
    else
      Out += C;
  }
  return Out;
}

} // namespace clang::tidy::logstream::utils
