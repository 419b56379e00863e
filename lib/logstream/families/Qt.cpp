//===--- Qt.cpp - The Qt family: files, paths, logging categories ---------===//

#include "logstream/families/Qt.h"
#include "utils/Compat.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::qt {

namespace {

/// The class of a type, through references and pointers.
const CXXRecordDecl *classOf(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

bool isNamed(const CXXRecordDecl *RD, llvm::StringRef Name) {
  return RD && RD->getIdentifier() && RD->getName() == Name;
}

/// QFile and its subclasses, but not QTemporaryFile (scratch files are not
/// logs); QSaveFile and QLockFile are no QFile at all.
auto fileClass() {
  return cxxRecordDecl(isSameOrDerivedFrom("::QFile"),
                       unless(isSameOrDerivedFrom("::QTemporaryFile")));
}

auto refersTo(const NamedDecl *D) {
  return expr(ignoringParenImpCasts(anyOf(declRefExpr(to(equalsNode(D))),
                                          memberExpr(member(equalsNode(D))))));
}

/// The path argument of a QFile/QDir/QFileInfo construction: its first
/// parameter takes a QString (or a `const char *` in older Qt).
const Expr *constructionPath(const Expr *E) {
  if (!E)
    return nullptr;
  // Through `QDir(path)` (a functional cast) and its temporaries.
  for (const Expr *Prev = nullptr; Prev != E;) {
    Prev = E;
    E = E->IgnoreParenCasts()->IgnoreImplicit();
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(E))
    E = New->getConstructExpr();
  const auto *C = dyn_cast_or_null<CXXConstructExpr>(E);
  if (!C || C->getNumArgs() < 1 || isa<CXXDefaultArgExpr>(C->getArg(0)))
    return nullptr;
  const CXXConstructorDecl *Ctor = C->getConstructor();
  if (Ctor->isCopyOrMoveConstructor() || Ctor->getNumParams() < 1)
    return nullptr;
  QualType P = Ctor->getParamDecl(0)->getType().getNonReferenceType();
  const CXXRecordDecl *RD = P->getAsCXXRecordDecl();
  if ((RD && RD->getIdentifier() && isStringLikeClass(RD->getName())) ||
      P->isPointerType())
    return C->getArg(0);
  return nullptr;
}

/// The argument of the last `setFileName(path)`-like call on \p D in \p Body.
const Expr *setterPath(const NamedDecl *D, const Stmt *Body, ASTContext &Ctx) {
  if (!Body)
    return nullptr;
  auto Sets =
      match(findAll(cxxMemberCallExpr(utils::calleeNamed(
                                          {"setFileName", "setPath", "setFile"},
                                          cxxMethodDecl()),
                                      on(refersTo(D)), argumentCountIs(1))
                        .bind("set")),
            *Body, Ctx);
  if (Sets.empty())
    return nullptr;
  return Sets.back().getNodeAs<CXXMemberCallExpr>("set")->getArg(0);
}

const Expr *memberPath(const FieldDecl *FD, ASTContext &Ctx) {
  if (const Expr *P = constructionPath(FD->getInClassInitializer()))
    return P;
  const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent());
  if (!RD || !RD->hasDefinition())
    return nullptr;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    const FunctionDecl *Def = nullptr;
    if (!Ctor->hasBody(Def))
      continue;
    for (const CXXCtorInitializer *Init :
         cast<CXXConstructorDecl>(Def)->inits())
      if (Init->getMember() == FD)
        if (const Expr *P = constructionPath(Init->getInit()))
          return P;
  }
  for (const CXXMethodDecl *M : RD->methods()) {
    const FunctionDecl *Def = nullptr;
    if (M->hasBody(Def))
      if (const Expr *P = setterPath(FD, Def->getBody(), Ctx))
        return P;
  }
  return nullptr;
}

/// Replaces the `%1`..`%99` place markers of QString::arg with \p Unknown.
std::string withArgsUnknown(llvm::StringRef S, llvm::StringRef Unknown) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '%' && I + 1 < S.size() && llvm::isDigit(S[I + 1])) {
      while (I + 1 < S.size() && llvm::isDigit(S[I + 1]))
        ++I;
      Out += Unknown;
      continue;
    }
    Out += S[I];
  }
  return Out;
}

/// The first UTF-16 literal in a QStringLiteral lambda's body.
const StringLiteral *utf16Literal(const Stmt *S, unsigned Depth = 0) {
  if (!S || Depth > 12)
    return nullptr;
  if (const auto *SL = dyn_cast<StringLiteral>(S))
    return SL->getCharByteWidth() == 2 ? SL : nullptr;
  for (const Stmt *C : S->children())
    if (const StringLiteral *SL = utf16Literal(C, Depth + 1))
      return SL;
  return nullptr;
}

} // namespace

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

std::optional<unsigned> openModeBits(const Expr *Mode) {
  unsigned Bits = 0;
  llvm::SmallVector<const Expr *, 8> Work = {Mode};
  for (unsigned Steps = 0; !Work.empty(); ++Steps) {
    if (Steps > 64)
      return std::nullopt;
    const Expr *E = Work.pop_back_val();
    if (!E)
      return std::nullopt;
    E = E->IgnoreParenCasts()->IgnoreImplicit();
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      // QFlags(flag), a copy of a QFlags, QFlags() (no bits).
      for (const Expr *A : C->arguments())
        Work.push_back(A);
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() != OO_Pipe || Op->getNumArgs() != 2)
        return std::nullopt;
      Work.push_back(Op->getArg(0));
      Work.push_back(Op->getArg(1));
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() != BO_Or)
        return std::nullopt;
      Work.push_back(BO->getLHS());
      Work.push_back(BO->getRHS());
      continue;
    }
    if (const auto *IL = dyn_cast<IntegerLiteral>(E)) {
      Bits |= IL->getValue().getZExtValue();
      continue;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (!DRE)
      return std::nullopt;
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl())) {
      Bits |= EC->getInitVal().getZExtValue();
      continue;
    }
    // A local (or a constant) mode: `const auto mode = QIODevice::WriteOnly
    // | QIODevice::Append;`.
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || isa<ParmVarDecl>(VD) || !VD->getInit() ||
        (!VD->isLocalVarDecl() && !VD->getType().isConstQualified()))
      return std::nullopt;
    Work.push_back(VD->getInit());
  }
  return Bits;
}

StatementMatcher fileOpenCall() {
  return cxxMemberCallExpr(
      utils::calleeNamed({"open"}, cxxMethodDecl()),
      thisPointerType(fileClass()), argumentCountAtLeast(1),
      hasArgument(0, hasType(hasCanonicalType(recordType()))));
}

const NamedDecl *objectDecl(const Expr *Object) {
  if (!Object)
    return nullptr;
  const Expr *E = Object->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Deref)
      E = UO->getSubExpr()->IgnoreParenImpCasts();
  return utils::referencedDecl(E);
}

const Expr *pathOfObject(const Expr *Object, ASTContext &Ctx) {
  if (!Object)
    return nullptr;
  // A temporary: `QFile("app.log").open(...)`, `QDir(dir).mkpath(".")`.
  if (const Expr *P = constructionPath(Object->IgnoreParenImpCasts()))
    return P;
  const NamedDecl *D = objectDecl(Object);
  if (const auto *VD = dyn_cast_or_null<VarDecl>(D)) {
    if (const Expr *P = constructionPath(VD->getInit()))
      return P;
    if (const auto *Fn =
            dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod()))
      return setterPath(VD, Fn->getBody(), Ctx);
    return nullptr;
  }
  if (const auto *FD = dyn_cast_or_null<FieldDecl>(D))
    return memberPath(FD, Ctx);
  return nullptr;
}

bool isLogFileObject(const Expr *Object, const utils::LogFileClassifier &C,
                     ASTContext &Ctx, std::string &Path) {
  if (const Expr *P = pathOfObject(Object, Ctx)) {
    std::optional<std::string> Value = utils::resolvePathValue(P, Ctx);
    if (Value && C.isAllowedPath(*Value))
      return false;
    if (C.isLogPathExpr(P, Ctx, &Path))
      return true;
    if (Value) {
      llvm::StringRef Last =
          llvm::StringRef(*Value).substr(Value->rfind('/') + 1);
      if (!Last.empty() && !Last.contains(utils::UnknownPathPart))
        return false;
    }
  }
  const NamedDecl *D = objectDecl(Object);
  return D && D->getIdentifier() && C.isLogName(D->getName());
}

bool isScratchFile(const Expr *Object) {
  // The object as written: `tmp.open()` converts `tmp` to the QFile that
  // declares open().
  const CXXRecordDecl *RD =
      Object ? classOf(Object->IgnoreParenImpCasts()->getType()) : nullptr;
  if (!RD || !RD->hasDefinition())
    return false;
  auto IsScratch = [](const CXXRecordDecl *R) {
    return isNamed(R, "QTemporaryFile") || isNamed(R, "QSaveFile");
  };
  if (IsScratch(RD))
    return true;
  return !RD->forallBases(
      [&](const CXXRecordDecl *Base) { return !IsScratch(Base); });
}

const Expr *streamOver(const NamedDecl *File, const Stmt *Body,
                       ASTContext &Ctx) {
  if (!File || !Body)
    return nullptr;
  auto Device = expr(ignoringParenImpCasts(
      anyOf(refersTo(File), unaryOperator(hasOperatorName("&"),
                                          hasUnaryOperand(refersTo(File))))));
  auto StreamClass =
      cxxRecordDecl(utils::hasAnyNameFast("::QTextStream", "::QDataStream"));
  auto Found = match(
      findAll(
          expr(anyOf(
                   cxxConstructExpr(
                       hasDeclaration(cxxConstructorDecl(ofClass(StreamClass))),
                       argumentCountAtLeast(1), hasArgument(0, Device)),
                   cxxMemberCallExpr(
                       utils::calleeNamed({"setDevice"},
                                          cxxMethodDecl(ofClass(StreamClass))),
                       hasArgument(0, Device))))
              .bind("s")),
      *Body, Ctx);
  return Found.empty() ? nullptr : Found.front().getNodeAs<Expr>("s");
}

static const ManagementApi ManagementApis[] = {
    {"QFile", "rename", FileOp::Rotate},
    {"QFile", "remove", FileOp::Delete},
    {"QFile", "moveToTrash", FileOp::Delete},
    {"QFile", "resize", FileOp::Truncate},
    {"QFile", "setPermissions", FileOp::Chmod},
    {"QFileDevice", "resize", FileOp::Truncate},
    {"QFileDevice", "setPermissions", FileOp::Chmod},
    {"QDir", "rename", FileOp::Rotate},
    {"QDir", "remove", FileOp::Delete},
    {"QDir", "removeRecursively", FileOp::DeleteDirectory},
    {"QDir", "rmdir", FileOp::DeleteDirectory},
    {"QDir", "rmpath", FileOp::DeleteDirectory},
    {"QDir", "mkdir", FileOp::CreateDirectory},
    {"QDir", "mkpath", FileOp::CreateDirectory},
};

const ManagementApi *findManagementApi(const CXXMethodDecl *Method) {
  if (!Method || !Method->getIdentifier())
    return nullptr;
  const CXXRecordDecl *RD = Method->getParent();
  for (const ManagementApi &Api : ManagementApis)
    if (isNamed(RD, Api.Class) && Method->getName() == Api.Method &&
        RD->getDeclContext()->isTranslationUnit())
      return &Api;
  return nullptr;
}

StatementMatcher managementCall() {
  std::vector<llvm::StringRef> Methods;
  for (const ManagementApi &Api : ManagementApis)
    if (!llvm::is_contained(Methods, Api.Method))
      Methods.push_back(Api.Method);
  return callExpr(
      utils::calleeNamed(Methods, cxxMethodDecl(ofClass(utils::hasAnyNameFast(
                                      "::QFile", "::QFileDevice", "::QDir")))));
}

ast_matchers::internal::BindableMatcher<Stmt> sizeCall() {
  return cxxMemberCallExpr(utils::calleeNamed(
      {"size"}, cxxMethodDecl(ofClass(utils::hasAnyNameFast(
                    "::QFileInfo", "::QFile", "::QFileDevice")))));
}

//===----------------------------------------------------------------------===//
// Paths
//===----------------------------------------------------------------------===//

bool isStringLikeClass(llvm::StringRef Name) {
  static constexpr llvm::StringRef Names[] = {
      "QString",     "QLatin1String", "QLatin1StringView",
      "QStringView", "QByteArray",    "QAnyStringView",
      "QDir",        "QFileInfo"};
  return llvm::is_contained(Names, Name);
}

/// Functions whose result is their first argument's text: QString's
/// converting factories, QDir's separator and cleaning helpers, and the
/// helpers qPrintable and Qt 6's QStringLiteral expand to.
static bool isCarrier(const FunctionDecl *F) {
  static constexpr llvm::StringRef Names[] = {
      "fromUtf8",           "fromLatin1",
      "fromLocal8Bit",      "fromStdString",
      "fromUtf16",          "fromWCharArray",
      "fromStdWString",     "cleanPath",
      "toNativeSeparators", "fromNativeSeparators",
      "asString",           "qMakeStringPrivate"};
  // The cheap test first: most calls in a path are none of these.
  if (!llvm::is_contained(Names, F->getName()))
    return false;
  const auto *Scope = dyn_cast<NamedDecl>(F->getDeclContext());
  return Scope && Scope->getIdentifier() &&
         (Scope->getName() == "QString" || Scope->getName() == "QDir" ||
          Scope->getName() == "QtPrivate");
}

static bool isQtStringType(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  return RD && RD->getIdentifier() &&
         (isStringLikeClass(RD->getName()) ||
          RD->getName() == "QStringBuilder");
}

std::optional<std::string>
pathValue(const Expr *E, llvm::function_ref<std::string(const Expr *)> Resolve,
          llvm::StringRef Unknown) {
  if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
    const CXXRecordDecl *RD = C->getConstructor()->getParent();
    if (!RD->getIdentifier() || !isStringLikeClass(RD->getName()))
      return std::nullopt;
    // QFileInfo(dir, file).
    if (C->getNumArgs() == 2 && isNamed(RD, "QFileInfo") &&
        isNamed(classOf(C->getArg(0)->getType()), "QDir"))
      return Resolve(C->getArg(0)) + "/" + Resolve(C->getArg(1));
    if (const Expr *P = constructionPath(C))
      return Resolve(P);
    // Qt 6's QStringLiteral: QString(QtPrivate::qMakeStringPrivate(u"...")).
    if (C->getNumArgs() >= 1)
      if (const auto *Inner = dyn_cast<CallExpr>(
              C->getArg(0)->IgnoreParenCasts()->IgnoreImplicit()))
        if (Inner->getDirectCallee() && Inner->getNumArgs() >= 1 &&
            isCarrier(Inner->getDirectCallee()))
          return Resolve(Inner->getArg(0));
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // Qt 5's QStringLiteral("...") calls a lambda that holds u"...".
    if (Op->getOperator() == OO_Call && Op->getNumArgs() == 1)
      if (const auto *L = dyn_cast<LambdaExpr>(Op->getArg(0)->IgnoreImplicit()))
        if (isNamed(classOf(L->getCallOperator()->getReturnType()), "QString"))
          if (const StringLiteral *SL = utf16Literal(L->getBody()))
            return Resolve(SL);
    // QStringBuilder's `a % b`.
    if (Op->getOperator() == OO_Percent && Op->getNumArgs() == 2 &&
        (isQtStringType(Op->getArg(0)->getType()) ||
         isQtStringType(Op->getArg(1)->getType())))
      return Resolve(Op->getArg(0)) + Resolve(Op->getArg(1));
    return std::nullopt;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (!M)
      return std::nullopt;
    const CXXRecordDecl *RD = M->getParent();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (isa<CXXConversionDecl>(M) && isNamed(RD, "QStringBuilder"))
      return Resolve(Obj);
    if (!M->getIdentifier() || !RD->getIdentifier())
      return std::nullopt;
    llvm::StringRef Name = M->getName();
    llvm::StringRef Class = RD->getName();
    static constexpr llvm::StringRef Accessors[] = {
        "toStdString", "toStdWString", "toLocal8Bit", "toUtf8", "toLatin1",
        "constData",   "data",         "toString",    "trimmed"};
    if ((Class == "QString" || Class == "QByteArray" ||
         Class == "QLatin1String" || Class == "QStringView") &&
        llvm::is_contained(Accessors, Name))
      return Resolve(Obj);
    if (Class == "QString" && Name == "arg")
      return withArgsUnknown(Resolve(Obj), Unknown);
    if (Class == "QDir" && (Name == "filePath" || Name == "absoluteFilePath") &&
        MC->getNumArgs() == 1)
      return Resolve(Obj) + "/" + Resolve(MC->getArg(0));
    if ((Class == "QDir" && (Name == "path" || Name == "absolutePath" ||
                             Name == "canonicalPath")) ||
        (Class == "QFileInfo" &&
         (Name == "filePath" || Name == "absoluteFilePath" ||
          Name == "canonicalFilePath")))
      return Resolve(Obj);
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *F = Call->getDirectCallee();
    if (!F || !F->getIdentifier() || Call->getNumArgs() < 1)
      return std::nullopt;
    if (isCarrier(F))
      return Resolve(Call->getArg(0));
    return std::nullopt;
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Logging
//===----------------------------------------------------------------------===//

bool isCategoryLoggingMacro(llvm::StringRef Name) {
  static constexpr llvm::StringRef Names[] = {"qCDebug", "qCInfo", "qCWarning",
                                              "qCCritical", "qCFatal"};
  return llvm::is_contained(Names, Name);
}

bool isLoggingMacro(llvm::StringRef Name) {
  static constexpr llvm::StringRef Names[] = {"qDebug", "qInfo", "qWarning",
                                              "qCritical", "qFatal"};
  return llvm::is_contained(Names, Name) || isCategoryLoggingMacro(Name);
}

bool isMessageLoggerMethod(const FunctionDecl *F) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(F);
  return M && isNamed(M->getParent(), "QMessageLogger");
}

/// The name a QLoggingCategory is constructed with: `QLoggingCategory
/// lc("app.security")`, or Q_LOGGING_CATEGORY's static object.
static std::string categoryName(const Expr *Init) {
  const auto *C = dyn_cast_or_null<CXXConstructExpr>(
      Init ? Init->IgnoreImplicit() : nullptr);
  if (!C || C->getNumArgs() < 1)
    return "";
  const auto *SL = dyn_cast<StringLiteral>(C->getArg(0)->IgnoreParenImpCasts());
  return SL && SL->getCharByteWidth() == 1 ? SL->getString().str() : "";
}

const NamedDecl *categoryOf(const Stmt *S, std::string &Name) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return nullptr;
  // `lcSecurity()`: the function Q_LOGGING_CATEGORY defines (or
  // Q_DECLARE_LOGGING_CATEGORY declares).
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && !isa<CXXOperatorCallExpr>(Call) &&
      !isa<CXXMemberCallExpr>(Call)) {
    const FunctionDecl *F = Call->getDirectCallee();
    if (!F || F->getNumParams() != 0 ||
        !isNamed(classOf(F->getReturnType()), "QLoggingCategory"))
      return nullptr;
    const FunctionDecl *Def = nullptr;
    if (F->hasBody(Def))
      for (const auto &M :
           match(findAll(declStmt(has(varDecl(isStaticLocal()).bind("v")))),
                 *Def->getBody(), Def->getASTContext()))
        Name = categoryName(M.getNodeAs<VarDecl>("v")->getInit());
    return F;
  }
  // `lcSecurity()` on a QLoggingCategory object: its operator().
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() == 1 &&
      isNamed(classOf(Op->getArg(0)->getType()), "QLoggingCategory")) {
    const NamedDecl *D = utils::referencedDecl(Op->getArg(0));
    if (const auto *VD = dyn_cast_or_null<VarDecl>(D))
      Name = categoryName(VD->getInit());
    return D;
  }
  return nullptr;
}

std::string recordText(SourceLocation MacroLoc, const SourceManager &SM,
                       const LangOptions &LO, SourceLocation *FirstLiteral) {
  SourceLocation Begin = SM.getExpansionRange(MacroLoc).getBegin();
  if (!Begin.isFileID())
    return "";
  SourceLocation L = Begin, Last = Begin;
  int Depth = 0;
  for (unsigned N = 0; N < 512; ++N) {
    Token Tok;
    if (Lexer::getRawToken(L, Tok, SM, LO, /*IgnoreWhiteSpace=*/true) ||
        Tok.is(tok::eof))
      break;
    if (Tok.is(tok::l_paren) || Tok.is(tok::l_brace) || Tok.is(tok::l_square))
      ++Depth;
    else if (Tok.is(tok::r_paren) || Tok.is(tok::r_brace) ||
             Tok.is(tok::r_square))
      --Depth;
    if (Depth < 0 || (Depth == 0 && Tok.is(tok::semi)))
      break;
    if (FirstLiteral && FirstLiteral->isInvalid() &&
        Tok.is(tok::string_literal))
      *FirstLiteral = Tok.getLocation().getLocWithOffset(1);
    Last = Tok.getEndLoc();
    L = Last;
  }
  return Lexer::getSourceText(CharSourceRange::getCharRange(Begin, Last), SM,
                              LO)
      .str();
}

//===----------------------------------------------------------------------===//
// Message handlers
//===----------------------------------------------------------------------===//

StatementMatcher installHandlerCall() {
  return callExpr(utils::calleeNamed({"::qInstallMessageHandler"}),
                  argumentCountIs(1));
}

const FunctionDecl *handlerOf(const Expr *Arg) {
  for (unsigned Steps = 0; Arg && Steps < 8; ++Steps) {
    const Expr *E = Arg->IgnoreParenCasts()->IgnoreImplicit();
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Plus)
        return nullptr;
      Arg = UO->getSubExpr();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<FunctionDecl>(DRE->getDecl());
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L->getCallOperator();
    // A lambda converted to a function pointer.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      Arg = MC->getImplicitObjectArgument();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// The FILE * argument a stdio writer writes to.
static const Expr *writtenStream(const CallExpr *Call) {
  const FunctionDecl *F = Call->getDirectCallee();
  llvm::StringRef N = F->getName();
  unsigned Idx = N == "fputs" || N == "fputc" || N == "putc" ? 1
                 : N == "fwrite"                             ? 3
                                                             : 0;
  return Idx < Call->getNumArgs() ? Call->getArg(Idx) : nullptr;
}

static const Stmt *fileWriteIn(const FunctionDecl *Handler, ASTContext &Ctx,
                               std::string &What, unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!Handler || Depth > 2 || !Handler->hasBody(Def))
    return nullptr;
  auto LocalFunction =
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()));
  auto LocalCall = callExpr(callee(LocalFunction.bind("callee")));
  auto QFileWrite = cxxMemberCallExpr(
      utils::calleeNamed({"open", "write", "putChar"}, cxxMethodDecl()),
      thisPointerType(fileClass()));
  auto StreamClass =
      cxxRecordDecl(utils::hasAnyNameFast("::QTextStream", "::QDataStream"));
  auto StreamOverFile =
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                           ofClass(StreamClass.bind("stream-class")))),
                       hasArgument(0, hasType(pointsTo(fileClass()))));
  auto OfstreamClass = cxxRecordDecl(
      utils::hasAnyNameFast("::std::basic_ofstream", "::std::basic_fstream"));
  auto Ofstream = cxxConstructExpr(
      hasDeclaration(cxxConstructorDecl(ofClass(OfstreamClass))),
      argumentCountAtLeast(1));
  auto Fopen = callExpr(utils::calleeNamed(
      {"::fopen", "::fopen64", "::std::fopen", "::_wfopen"}));
  auto StdioWrite = callExpr(utils::calleeNamed(
      {"::fprintf", "::vfprintf", "::fputs", "::fputc", "::putc", "::fwrite",
       "::std::fprintf", "::std::fputs", "::std::fwrite"}));
  auto Found =
      match(findAll(expr(
                anyOf(QFileWrite.bind("qfile"), StreamOverFile.bind("stream"),
                      Ofstream.bind("ofstream"), Fopen.bind("fopen"),
                      StdioWrite.bind("fwrite"), LocalCall.bind("call")))),
            *Def->getBody(), Ctx);
  for (const auto &M : Found) {
    if (const auto *C = M.getNodeAs<CXXMemberCallExpr>("qfile")) {
      llvm::StringRef Name = C->getMethodDecl()->getName();
      if (Name == "open" && C->getNumArgs() >= 1) {
        const Expr *A = C->getArg(0);
        if (A->getType()->isPointerType() && utils::classifyStdFile(A, Ctx))
          continue; // QFile::open(stdout, ...)
        if (!A->getType()->isPointerType() && !A->getType()->isIntegerType())
          if (std::optional<unsigned> Bits = openModeBits(A);
              Bits && !(*Bits & (WriteOnly | Append)))
            continue;
      }
      What = ("QFile::" + Name).str();
      return C;
    }
    if (const auto *C = M.getNodeAs<CXXConstructExpr>("stream")) {
      What = M.getNodeAs<CXXRecordDecl>("stream-class")->getName().str() +
             " over a QFile";
      return C;
    }
    if (const auto *C = M.getNodeAs<CXXConstructExpr>("ofstream")) {
      What = "std::ofstream";
      return C;
    }
    if (const auto *C = M.getNodeAs<CallExpr>("fopen")) {
      What = C->getDirectCallee()->getName().str();
      return C;
    }
    if (const auto *C = M.getNodeAs<CallExpr>("fwrite")) {
      const Expr *Stream = writtenStream(C);
      if (!Stream || utils::classifyStdFile(Stream, Ctx))
        continue;
      What = C->getDirectCallee()->getName().str();
      return C;
    }
    if (const auto *F = M.getNodeAs<FunctionDecl>("callee"))
      if (F != Def)
        if (const Stmt *S = fileWriteIn(F, Ctx, What, Depth + 1))
          return S;
  }
  return nullptr;
}

const Stmt *fileWriteIn(const FunctionDecl *Handler, ASTContext &Ctx,
                        std::string &What) {
  return fileWriteIn(Handler, Ctx, What, 0);
}

bool writesEveryMessage(const FunctionDecl *Handler, ASTContext &Ctx) {
  const FunctionDecl *Def = nullptr;
  if (!Handler || !Handler->hasBody(Def) || Def->getNumParams() != 3)
    return false;
  const Stmt *Body = Def->getBody();
  if (!match(findAll(returnStmt()), *Body, Ctx).empty())
    return false;
  const ParmVarDecl *Type = Def->getParamDecl(0);
  return match(findAll(ifStmt(hasCondition(
                   hasDescendant(declRefExpr(to(equalsNode(Type))))))),
               *Body, Ctx)
      .empty();
}

} // namespace clang::tidy::logstream::qt

//===----------------------------------------------------------------------===//
// The family: what the checks ask of Qt
//===----------------------------------------------------------------------===//

namespace clang::tidy::logstream::families {

namespace {

using Op = Operation;

constexpr llvm::StringLiteral OpenId = "qt-open";
constexpr llvm::StringLiteral HandlerId = "qt-handler";
constexpr llvm::StringLiteral ManageId = "qt-manage";
constexpr llvm::StringLiteral SizeId = "qt-size";
constexpr llvm::StringLiteral SizeCmpId = "qt-size-cmp";

Op operationOf(qt::FileOp O) {
  switch (O) {
  case qt::FileOp::Rotate:
    return Op::Rotate;
  case qt::FileOp::Delete:
    return Op::Delete;
  case qt::FileOp::DeleteDirectory:
    return Op::DeleteFromDirectory;
  case qt::FileOp::Truncate:
    return Op::Truncate;
  case qt::FileOp::CreateDirectory:
    return Op::CreateDirectory;
  case qt::FileOp::Chmod:
    return Op::Chmod;
  }
  return Op::Delete;
}

/// Whether an argument is a string (a path), not a size or permissions.
bool isTextArgument(const Expr *A) {
  QualType T = A->getType().getNonReferenceType();
  if (T->isPointerType())
    return T->getPointeeType()->isAnyCharacterType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && qt::isStringLikeClass(RD->getName());
}

/// Whether \p Loc is spelled through a Qt category logging macro
/// (qCWarning(lc) ...), at any depth of macro expansion.
bool inCategoryMacro(SourceLocation Loc, const SourceManager &SM,
                     const LangOptions &LO) {
  for (unsigned N = 0; Loc.isMacroID() && N < 16; ++N) {
    if (qt::isCategoryLoggingMacro(Lexer::getImmediateMacroName(Loc, SM, LO)))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

/// The open mode of `file.open(mode)` when it writes.
std::optional<unsigned> writingMode(const CXXMemberCallExpr *Call) {
  std::optional<unsigned> Bits = qt::openModeBits(Call->getArg(0));
  if (!Bits || !(*Bits & (qt::WriteOnly | qt::Append)))
    return std::nullopt;
  return Bits;
}

/// The paths a management call names and what they say.
struct CallPaths {
  std::string Path;
  bool ArgIsLog = false, ArgKnownNotLog = false;
  llvm::SmallVector<const Expr *, 2> Texts;
};

class Qt : public Family {
public:
  llvm::StringRef name() const override { return "Qt"; }

  std::vector<llvm::StringRef> otherNames() const override {
    return {"::qInstallMessageHandler"};
  }

  void registerSinkMatchers(SinkHost &H,
                            utils::UserCodeMatchers &Finder) override;
  bool checkSink(SinkHost &H, const MatchResult &Result) override;
  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override;
  bool checkManagement(ManagementHost &H, const MatchResult &Result) override;

  bool isLoggingCall(const CallExpr *Call, const FunctionDecl *F,
                     llvm::StringRef) const override {
    // qWarning("..."): QMessageLogger's printf-style methods (`qWarning()`
    // without a message makes the QDebug that a `<<` chain records with).
    return qt::isMessageLoggerMethod(F) && Call->getNumArgs() > 0;
  }
  std::optional<CategoryRecord> categoryRecord(const Stmt *S,
                                               ASTContext &Ctx) const override {
    if (!S->getBeginLoc().isMacroID())
      return std::nullopt;
    CategoryRecord R;
    R.Category = qt::categoryOf(S, R.Name);
    if (!R.Category ||
        !inCategoryMacro(S->getBeginLoc(), Ctx.getSourceManager(),
                         Ctx.getLangOpts()))
      return std::nullopt;
    return R;
  }
  std::string recordText(const Stmt *S, ASTContext &Ctx) const override {
    return qt::recordText(S->getBeginLoc(), Ctx.getSourceManager(),
                          Ctx.getLangOpts(), nullptr);
  }

private:
  void checkFileOpen(SinkHost &H, const CXXMemberCallExpr *Call,
                     ASTContext &Ctx);
  void checkMessageHandler(SinkHost &H, const CallExpr *Call, ASTContext &Ctx);
  void checkSizeComparison(ManagementHost &H, const BinaryOperator *Cmp,
                           const CXXMemberCallExpr *Size, ASTContext &Ctx);
  void checkOpenForManagement(ManagementHost &H, const CXXMemberCallExpr *C,
                              ASTContext &Ctx);
  void checkManagementCall(ManagementHost &H, const CallExpr *Call,
                           ASTContext &Ctx);
  CallPaths pathsOf(const CallExpr *Call, const utils::LogFileClassifier &C,
                    ASTContext &Ctx) const;
};

//===----------------------------------------------------------------------===//
// logstream-log-file-sink: a QFile opened for writing on a log (and the
// QTextStream/QDataStream over it), message handlers installed with
// qInstallMessageHandler that write to a file.
//===----------------------------------------------------------------------===//

void Qt::registerSinkMatchers(SinkHost &H, utils::UserCodeMatchers &Finder) {
  if (!H.langOpts().CPlusPlus)
    return;
  Finder.addMatcher(cxxMemberCallExpr(qt::fileOpenCall()).bind(OpenId),
                    H.callback());
  Finder.addMatcher(callExpr(qt::installHandlerCall()).bind(HandlerId),
                    H.callback());
}

bool Qt::checkSink(SinkHost &H, const MatchResult &Result) {
  if (const auto *C = Result.Nodes.getNodeAs<CXXMemberCallExpr>(OpenId))
    checkFileOpen(H, C, *Result.Context);
  else if (const auto *C = Result.Nodes.getNodeAs<CallExpr>(HandlerId))
    checkMessageHandler(H, C, *Result.Context);
  else
    return false;
  return true;
}

void Qt::checkFileOpen(SinkHost &H, const CXXMemberCallExpr *Call,
                       ASTContext &Ctx) {
  // Only a mode known to write: a log viewer opens its file ReadOnly.
  if (!writingMode(Call))
    return;
  const Expr *Obj = Call->getImplicitObjectArgument();
  std::string Path;
  if (qt::isScratchFile(Obj) ||
      !qt::isLogFileObject(Obj, H.classifier(), Ctx, Path))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
  {
    auto D = H.report(Loc, "QFile::open", Path);
    // file.open(mode) -> file.open(stdout, mode): the same QFile, writing to
    // the process's stdout (QFile does not close a handle it did not open).
    bool OneArg =
        Call->getNumArgs() == 1 ||
        llvm::all_of(llvm::drop_begin(Call->arguments()),
                     [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); });
    CharSourceRange R =
        utils::fileRange(Call->getArg(0)->getSourceRange(), Ctx);
    if (OneArg && R.isValid()) {
      D << FixItHint::CreateInsertion(R.getBegin(), "stdout, ");
      if (auto Inc = H.include(Loc, "<cstdio>"))
        D << *Inc;
    }
  }
  const FunctionDecl *Fn = utils::enclosingFunction(Call, Ctx);
  if (const Expr *S = qt::streamOver(qt::objectDecl(Obj),
                                     Fn ? Fn->getBody() : nullptr, Ctx))
    H.diagnose(SM.getExpansionLoc(S->getBeginLoc()),
               "log events are written to the file through this stream",
               DiagnosticIDs::Note);
}

void Qt::checkMessageHandler(SinkHost &H, const CallExpr *Call,
                             ASTContext &Ctx) {
  const FunctionDecl *Handler = qt::handlerOf(Call->getArg(0));
  std::string What;
  const Stmt *Write = qt::fileWriteIn(Handler, Ctx, What);
  if (!Write)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
  {
    auto D = H.diagnose(Loc, "'qInstallMessageHandler' installs a message "
                             "handler that writes log events to a file; "
                             "write them to stdout as an event stream");
    // A handler that writes every message it gets can be replaced by one
    // that writes them to stdout; the previous handler must not be kept.
    CharSourceRange R =
        utils::fileRange(Call->getArg(0)->getSourceRange(), Ctx);
    if (R.isValid() && utils::asDiscardedStatement(Call, Ctx) &&
        qt::writesEveryMessage(Handler, Ctx)) {
      D << FixItHint::CreateReplacement(R, qt::StdoutHandler);
      if (auto Inc = H.include(Loc, "<cstdio>"))
        D << *Inc;
    }
  }
  H.diagnose(SM.getExpansionLoc(Write->getBeginLoc()),
             "the handler writes to a file here ('%0')", DiagnosticIDs::Note)
      << What;
}

//===----------------------------------------------------------------------===//
// logstream-log-file-management: QFile/QDir rotation (rename), deletion
// (remove, removeRecursively, rmdir), truncation (resize,
// QIODevice::Truncate), log folders (mkpath, mkdir), permissions
// (setPermissions) and size checks (QFileInfo::size() against a limit).
//===----------------------------------------------------------------------===//

void Qt::registerManagementMatchers(ManagementHost &H,
                                    utils::UserCodeMatchers &Finder) {
  if (!H.langOpts().CPlusPlus)
    return;
  Finder.addMatcher(callExpr(qt::managementCall()).bind(ManageId),
                    H.callback());
  Finder.addMatcher(binaryOperator(hasAnyOperatorName("<", ">", "<=", ">="),
                                   hasEitherOperand(ignoringParenImpCasts(
                                       qt::sizeCall().bind(SizeId))))
                        .bind(SizeCmpId),
                    H.callback());
  Finder.addMatcher(cxxMemberCallExpr(qt::fileOpenCall()).bind(OpenId),
                    H.callback());
}

bool Qt::checkManagement(ManagementHost &H, const MatchResult &Result) {
  const auto &N = Result.Nodes;
  ASTContext &Ctx = *Result.Context;
  if (const auto *C = N.getNodeAs<CallExpr>(ManageId))
    checkManagementCall(H, C, Ctx);
  else if (const auto *Cmp = N.getNodeAs<BinaryOperator>(SizeCmpId))
    checkSizeComparison(H, Cmp, N.getNodeAs<CXXMemberCallExpr>(SizeId), Ctx);
  else if (const auto *C = N.getNodeAs<CXXMemberCallExpr>(OpenId))
    checkOpenForManagement(H, C, Ctx);
  else
    return false;
  return true;
}

void Qt::checkSizeComparison(ManagementHost &H, const BinaryOperator *Cmp,
                             const CXXMemberCallExpr *Size, ASTContext &Ctx) {
  const Expr *Obj = Size->getImplicitObjectArgument();
  std::string Path;
  if (qt::isScratchFile(Obj) ||
      !qt::isLogFileObject(Obj, H.classifier(), Ctx, Path))
    return;
  H.add({Ctx.getSourceManager().getExpansionLoc(Cmp->getBeginLoc()),
         Op::SizeCheck,
         (Size->getMethodDecl()->getParent()->getName() + "::size").str(),
         Path});
}

void Qt::checkOpenForManagement(ManagementHost &H, const CXXMemberCallExpr *C,
                                ASTContext &Ctx) {
  std::optional<unsigned> Bits = writingMode(C);
  if (!Bits)
    return;
  std::string Path;
  if (qt::isScratchFile(C->getImplicitObjectArgument()) ||
      !qt::isLogFileObject(C->getImplicitObjectArgument(), H.classifier(), Ctx,
                           Path))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  H.noteSink(C->getBeginLoc(), SM);
  // QIODevice::Truncate asked for (without Append) empties the log.
  if ((*Bits & qt::Truncate) && !(*Bits & qt::Append))
    H.add({SM.getExpansionLoc(C->getBeginLoc()), Op::Truncate, "QFile::open",
           Path});
}

CallPaths Qt::pathsOf(const CallExpr *Call, const utils::LogFileClassifier &C,
                      ASTContext &Ctx) const {
  // The path arguments: the paths themselves for the static forms and
  // QFile::rename(newName); names inside the directory for QDir's.
  CallPaths P;
  for (const Expr *A : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(A) && isTextArgument(A))
      P.Texts.push_back(A);
  for (const Expr *A : P.Texts) {
    std::string Path;
    if (C.isLogPathExpr(A, Ctx, &Path)) {
      P.ArgIsLog = true;
      if (P.Path.empty())
        P.Path = Path;
      continue;
    }
    if (std::optional<std::string> V = utils::resolvePathValue(A, Ctx)) {
      llvm::StringRef Last = llvm::StringRef(*V).substr(V->rfind('/') + 1);
      if (!Last.empty() && Last != "." && Last != ".." &&
          !Last.contains(utils::UnknownPathPart))
        P.ArgKnownNotLog = true;
    }
  }
  return P;
}

void Qt::checkManagementCall(ManagementHost &H, const CallExpr *Call,
                             ASTContext &Ctx) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  const qt::ManagementApi *Api = qt::findManagementApi(M);
  if (!Api)
    return;
  CallPaths P = pathsOf(Call, H.classifier(), Ctx);
  bool IsLog = P.ArgIsLog;
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  if (MC && !M->isStatic()) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (qt::isScratchFile(Obj))
      return;
    std::string ObjPath;
    bool ObjIsLog = qt::isLogFileObject(Obj, H.classifier(), Ctx, ObjPath);
    bool InDir = Api->Class == "QDir";
    // `logDir.remove("app.pid")` deletes no log; `logFile.rename(backup)`
    // rotates the log whatever the new name is.
    if (ObjIsLog && !(InDir && P.ArgKnownNotLog && !P.ArgIsLog)) {
      IsLog = true;
      if (InDir && !P.Texts.empty() && !ObjPath.empty()) {
        std::optional<std::string> Name =
            utils::resolvePathValue(P.Texts.front(), Ctx);
        P.Path = ObjPath + "/" +
                 Name.value_or(std::string(1, utils::UnknownPathPart));
      } else if (!ObjPath.empty()) {
        P.Path = ObjPath;
      }
    }
  }
  if (!IsLog)
    return;
  H.add({Ctx.getSourceManager().getExpansionLoc(Call->getBeginLoc()),
         operationOf(Api->Op), (Api->Class + "::" + Api->Method).str(),
         P.Path});
}

} // namespace

std::unique_ptr<Family> makeQt() { return std::make_unique<Qt>(); }

} // namespace clang::tidy::logstream::families
