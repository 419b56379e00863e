//===--- LogFiles.cpp - What counts as a log file -------------------------===//

#include "utils/LogFiles.h"
#include "utils/Compat.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::logstream::utils {

std::string normalizeIdentifier(llvm::StringRef Id) {
  std::string Out;
  auto Push = [&Out](char C) {
    if (C == '_') {
      if (!Out.empty() && Out.back() != '_')
        Out += '_';
      return;
    }
    Out += C;
  };
  for (size_t I = 0; I < Id.size(); ++I) {
    char C = Id[I];
    char Prev = I ? Id[I - 1] : '\0';
    char Next = I + 1 < Id.size() ? Id[I + 1] : '\0';
    bool Boundary = false;
    if (llvm::isUpper(C) && I > 0 &&
        (llvm::isLower(Prev) || llvm::isDigit(Prev) ||
         (llvm::isUpper(Prev) && llvm::isLower(Next))))
      Boundary = true;
    if (llvm::isDigit(C) && I > 0 && llvm::isAlpha(Prev))
      Boundary = true;
    if (llvm::isAlpha(C) && I > 0 && llvm::isDigit(Prev))
      Boundary = true;
    if (Boundary)
      Push('_');
    Push(C == '_' ? '_' : llvm::toLower(C));
  }
  while (!Out.empty() && Out.back() == '_')
    Out.pop_back();
  size_t Start = Out.find_first_not_of('_');
  return Start == std::string::npos ? std::string() : Out.substr(Start);
}

static constexpr llvm::StringRef LogPathOption = "LogPathPattern";
static constexpr llvm::StringRef LogNameOption = "LogNamePattern";
static constexpr llvm::StringRef AllowedPathsOption = "AllowedPaths";

LogFileClassifier::LogFileClassifier(const ClangTidyCheck &Check,
                                     const ClangTidyCheck::OptionsView &Options,
                                     llvm::StringRef CheckName)
    : LogPath(readRegexOption(Check, Options, CheckName, LogPathOption,
                              DefaultLogPathPattern)),
      LogName(readRegexOption(Check, Options, CheckName, LogNameOption,
                              DefaultLogNamePattern)) {
  for (llvm::StringRef P :
       readListOption(Options, AllowedPathsOption, DefaultAllowedPaths))
    AllowedPaths.push_back(P.str());
}

void LogFileClassifier::storeOptions(const ClangTidyCheck::OptionsView &Options,
                                     ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, LogPathOption, LogPath.source());
  Options.store(Opts, LogNameOption, LogName.source());
  std::vector<llvm::StringRef> Allowed(AllowedPaths.begin(),
                                       AllowedPaths.end());
  Options.store(Opts, AllowedPathsOption,
                tidy::utils::options::serializeStringList(Allowed));
}

bool LogFileClassifier::isAllowedPath(llvm::StringRef Path) const {
  return llvm::is_contained(AllowedPaths, Path);
}

bool LogFileClassifier::isLogPath(llvm::StringRef Path) const {
  if (Path.empty() || isAllowedPath(Path))
    return false;
  if (LogPath.matches(Path))
    return true;
  // A rotated name with a computed suffix: "app.log." + std::to_string(i).
  // An unknown part right after a dot is taken to be a suffix like "1".
  std::string Suffixed = Path.str();
  size_t Pos = 0;
  bool Changed = false;
  while ((Pos = Suffixed.find(std::string(".") + UnknownPathPart, Pos)) !=
         std::string::npos) {
    Suffixed[Pos + 1] = '1';
    Changed = true;
  }
  return Changed && LogPath.matches(Suffixed);
}

bool LogFileClassifier::isLogName(llvm::StringRef Identifier) const {
  return !Identifier.empty() && LogName.matches(normalizeIdentifier(Identifier));
}

bool mentionsMatchingName(const Expr *E, const Pattern &P) {
  if (!E || P.empty())
    return false;
  llvm::SmallVector<const Stmt *, 16> Work = {E};
  for (unsigned Visited = 0; !Work.empty() && Visited < 256; ++Visited) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    const NamedDecl *ND = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      ND = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(S))
      ND = ME->getMemberDecl();
    if (ND && ND->getIdentifier() &&
        P.matches(normalizeIdentifier(ND->getName())))
      return true;
    // A local built from a matching value: `std::string from = log_path +
    // ".1"; rename(from.c_str(), ...)`.
    if (const auto *VD = dyn_cast_or_null<VarDecl>(ND))
      if (VD->isLocalVarDecl() && !VD->isImplicit() && VD->getInit())
        Work.push_back(VD->getInit());
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

bool LogFileClassifier::mentionsLogName(const Expr *E) const {
  return mentionsMatchingName(E, LogName);
}

bool LogFileClassifier::isLogPathExpr(const Expr *E, ASTContext &Ctx,
                                      std::string *Path) const {
  if (!E)
    return false;
  if (std::optional<std::string> P = resolvePathValue(E, Ctx)) {
    if (isAllowedPath(*P))
      return false;
    if (isLogPath(*P)) {
      if (Path)
        *Path = *P;
      return true;
    }
  }
  return mentionsLogName(E);
}

//===----------------------------------------------------------------------===//
// Path values
//===----------------------------------------------------------------------===//

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
      return Unknown();
    E = E->IgnoreParenCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      return resolve(C->getSubExpr(), Depth + 1);
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      return resolve(M->getSubExpr(), Depth + 1);
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      return resolve(B->getSubExpr(), Depth + 1);
    if (const auto *CE = dyn_cast<ConstantExpr>(E))
      return resolve(CE->getSubExpr(), Depth + 1);

    if (const auto *SL = dyn_cast<StringLiteral>(E)) {
      if (SL->getCharByteWidth() != 1)
        return Unknown();
      Known = true;
      return SL->getString().str();
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
      return Unknown();
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getNumArgs() == 2 && Op->getOperator() == OO_Plus)
        return resolve(Op->getArg(0), Depth + 1) +
               resolve(Op->getArg(1), Depth + 1);
      if (Op->getNumArgs() == 2 && Op->getOperator() == OO_Slash)
        return resolve(Op->getArg(0), Depth + 1) + "/" +
               resolve(Op->getArg(1), Depth + 1);
      return Unknown();
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      static constexpr llvm::StringRef Accessors[] = {
          "c_str", "data", "string", "native", "generic_string", "u8string"};
      if (M && M->getIdentifier() && llvm::is_contained(Accessors, M->getName()))
        return resolve(MC->getImplicitObjectArgument(), Depth + 1);
      return Unknown();
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
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || isa<ParmVarDecl>(VD))
        return Unknown();
      // Constants anywhere; locals through their one initializer.
      bool Constant = VD->getType().isConstQualified() || VD->isConstexpr() ||
                      (VD->getType()->isPointerType() &&
                       VD->getType()->getPointeeType().isConstQualified() &&
                       !VD->hasGlobalStorage());
      if (!Constant && !VD->isLocalVarDecl())
        return Unknown();
      const VarDecl *Def = nullptr;
      const Expr *Init = VD->getAnyInitializer(Def);
      if (!Init)
        return Unknown();
      return resolve(Init, Depth + 1);
    }
    return Unknown();
  }

  bool Known = false;

private:
  static std::string Unknown() { return std::string(1, UnknownPathPart); }
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

//===----------------------------------------------------------------------===//
// Receivers
//===----------------------------------------------------------------------===//

const NamedDecl *referencedDecl(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

const NamedDecl *receiverOf(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  for (unsigned Steps = 0; Steps < 16; ++Steps) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    const DynTypedNode &P = Parents[0];
    if (const auto *VD = P.get<VarDecl>())
      return VD;
    if (const auto *Init = P.get<CXXCtorInitializer>())
      return Init->getMember();
    // Some LLVM versions parent a member initializer's expression to the
    // constructor itself.
    if (const auto *Ctor = P.get<CXXConstructorDecl>()) {
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getInit() == Node.get<Expr>())
          return Init->getMember();
      return nullptr;
    }
    if (const auto *BO = P.get<BinaryOperator>()) {
      if (BO->isAssignmentOp() && BO->getRHS()->IgnoreParenImpCasts() ==
                                      Node.get<Expr>()->IgnoreParenImpCasts())
        return referencedDecl(BO->getLHS());
      return nullptr;
    }
    if (const auto *Op = P.get<CXXOperatorCallExpr>()) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          Op->getArg(1)->IgnoreParenImpCasts() ==
              Node.get<Expr>()->IgnoreParenImpCasts())
        return referencedDecl(Op->getArg(0));
      return nullptr;
    }
    const Expr *PE = P.get<Expr>();
    if (!PE)
      return nullptr;
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups, ExplicitCastExpr,
            CXXConstructExpr, InitListExpr>(PE)) {
      if (const auto *CE = dyn_cast<CXXConstructExpr>(PE))
        if (CE->getNumArgs() < 1)
          return nullptr;
      Node = P;
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace clang::tidy::logstream::utils
