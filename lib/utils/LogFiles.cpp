//===--- LogFiles.cpp - What counts as a log file -------------------------===//

#include "utils/LogFiles.h"
#include "logstream/families/Qt.h"
#include "utils/Compat.h"
#include "utils/AstHelpers.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
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
static constexpr llvm::StringRef NonLogFileOption = "NonLogFilePattern";
static constexpr llvm::StringRef TestFileOption = "TestFilePattern";

bool isInTestFile(const Pattern &TestFile, SourceLocation Loc,
                  const SourceManager &SM) {
  if (TestFile.empty() || Loc.isInvalid())
    return false;
  llvm::StringRef Path = SM.getFilename(SM.getExpansionLoc(Loc));
  if (Path.empty())
    return false;
  llvm::ErrorOr<std::string> Cwd =
      SM.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory();
  if (Cwd && !Cwd->empty() && Path.starts_with(*Cwd + "/"))
    Path = Path.drop_front(Cwd->size() + 1);
  return TestFile.matches(Path);
}

LogFileClassifier::LogFileClassifier(const ClangTidyCheck &Check,
                                     const ClangTidyCheck::OptionsView &Options,
                                     llvm::StringRef CheckName)
    : LogPath(readRegexOption(Check, Options, CheckName, LogPathOption,
                              DefaultLogPathPattern)),
      LogName(readRegexOption(Check, Options, CheckName, LogNameOption,
                              DefaultLogNamePattern)),
      NonLogFile(readRegexOption(Check, Options, CheckName, NonLogFileOption,
                                 DefaultNonLogFilePattern)),
      TestFile(readRegexOption(Check, Options, CheckName, TestFileOption,
                               DefaultTestFilePattern)) {
  for (llvm::StringRef P :
       readListOption(Options, AllowedPathsOption, DefaultAllowedPaths))
    AllowedPaths.push_back(P.str());
}

void LogFileClassifier::storeOptions(const ClangTidyCheck::OptionsView &Options,
                                     ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, LogPathOption, LogPath.source());
  Options.store(Opts, LogNameOption, LogName.source());
  Options.store(Opts, NonLogFileOption, NonLogFile.source());
  Options.store(Opts, TestFileOption, TestFile.source());
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
  llvm::StringRef Last = Path.substr(Path.rfind('/') + 1);
  if (!Last.contains(".log") && NonLogFile.matches(Last))
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
  if (std::optional<std::string> P = resolvePathValue(E, Ctx))
    if (isAllowedPath(*P))
      return false;
  return isLogPathValueOrName(E, Ctx, Path) ||
         isFilledWithLogPath(E, Ctx, Path);
}

bool LogFileClassifier::isLogPathValueOrName(const Expr *E, ASTContext &Ctx,
                                             std::string *Path) const {
  if (std::optional<std::string> P = resolvePathValue(E, Ctx)) {
    if (isAllowedPath(*P))
      return false;
    if (isLogPath(*P)) {
      if (Path)
        *Path = *P;
      return true;
    }
    // A path whose file name is known and is not a log (`logs/app.pid`) is
    // not made one by a log-named directory variable.
    llvm::StringRef Last = llvm::StringRef(*P).substr(P->rfind('/') + 1);
    if (!Last.contains(UnknownPathPart) && !Last.contains(".log") &&
        NonLogFile.matches(Last))
      return false;
  }
  return mentionsLogName(E);
}

/// The format of a printf-style call with its conversions read as unknown
/// parts: `"%s/%s.log"` is `.../....log`.
static std::string formatAsPath(llvm::StringRef Format) {
  std::string Out;
  for (size_t I = 0; I < Format.size(); ++I) {
    if (Format[I] != '%') {
      Out += Format[I];
      continue;
    }
    if (I + 1 < Format.size() && Format[I + 1] == '%') {
      Out += '%';
      ++I;
      continue;
    }
    size_t End = Format.find_first_of("diouxXeEfFgGaAcspn", I + 1);
    if (End == llvm::StringRef::npos)
      break;
    Out += UnknownPathPart;
    I = End;
  }
  return Out;
}

bool LogFileClassifier::isFilledWithLogPath(const Expr *E, ASTContext &Ctx,
                                            std::string *Path) const {
  using namespace ast_matchers;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->isLocalVarDecl())
    return false;
  const auto *Fn =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Fn || !Fn->getBody())
    return false;
  auto Buffer = declRefExpr(to(equalsNode(VD)));
  auto Fills = match(
      findAll(callExpr(callee(functionDecl(hasAnyName(
                           "snprintf", "sprintf", "vsnprintf", "vsprintf",
                           "strcpy", "strncpy", "strlcpy", "strcat", "strncat",
                           "strlcat", "stpcpy", "asprintf"))),
                       hasArgument(0, ignoringParenImpCasts(anyOf(
                                          Buffer,
                                          unaryOperator(hasOperatorName("&"),
                                                        hasUnaryOperand(Buffer))))))
                  .bind("fill")),
      *Fn->getBody(), Ctx);
  for (const auto &M : Fills) {
    const auto *Call = M.getNodeAs<CallExpr>("fill");
    llvm::StringRef Name = Call->getDirectCallee()->getName();
    bool Printf = Name.contains("printf");
    unsigned FormatIdx = Name == "snprintf" || Name == "vsnprintf" ? 2 : 1;
    for (unsigned I = 1; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = Call->getArg(I);
      if (Printf && I == FormatIdx) {
        const StringLiteral *SL = asStringLiteral(Arg);
        if (!SL || SL->getCharByteWidth() != 1)
          continue;
        std::string Format = formatAsPath(SL->getString());
        if (isLogPath(Format)) {
          if (Path)
            *Path = Format;
          return true;
        }
        // `"%s/app.lock"` under a log directory names no log.
        llvm::StringRef Last =
            llvm::StringRef(Format).substr(Format.rfind('/') + 1);
        if (!Last.contains(UnknownPathPart) && !Last.contains(".log") &&
            NonLogFile.matches(Last))
          break;
        continue;
      }
      if ((Printf && I < FormatIdx) || Arg->getType()->isIntegerType())
        continue; // the size, an index
      if (isLogPathValueOrName(Arg, Ctx, Path))
        return true;
    }
  }
  return false;
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
    // Qt's strings and paths: QStringLiteral, QString("..."), QDir(d)
    // .filePath(n), s.arg(x), ...
    if (std::optional<std::string> Qt = qt::pathValue(
            E, [&](const Expr *Part) { return resolve(Part, Depth + 1); },
            Unknown()))
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
          return Unknown();
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
    auto Parents = parentsOf(Node, Ctx);
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
