//===--- LogFileManagementQt.cpp - Qt for logstream-log-file-management ---===//
//
// QFile/QDir rotation (rename), deletion (remove, removeRecursively, rmdir),
// truncation (resize, QIODevice::Truncate), log folders (mkpath, mkdir),
// permissions (setPermissions) and size checks (QFileInfo::size() against a
// limit) on log files and folders. What is Qt lives in
// logstream/families/Qt.h.
//
//===----------------------------------------------------------------------===//

#include "LogFileManagementCheck.h"
#include "logstream/families/Qt.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

static constexpr llvm::StringLiteral QtManageId = "qt-manage";
static constexpr llvm::StringLiteral QtSizeId = "qt-size";
static constexpr llvm::StringLiteral QtSizeCmpId = "qt-size-cmp";
static constexpr llvm::StringLiteral QtOpenId = "qt-open";

using Op = LogFileManagementCheck::Operation;

static Op operationOf(qt::FileOp O) {
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
static bool isTextArgument(const Expr *A) {
  QualType T = A->getType().getNonReferenceType();
  if (T->isPointerType())
    return T->getPointeeType()->isAnyCharacterType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && qt::isStringLikeClass(RD->getName());
}

void LogFileManagementCheck::registerQtMatchers(MatchFinder *Finder) {
  auto NotInSystemHeader = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      callExpr(NotInSystemHeader, qt::managementCall()).bind(QtManageId), this);
  Finder->addMatcher(binaryOperator(NotInSystemHeader,
                                    hasAnyOperatorName("<", ">", "<=", ">="),
                                    hasEitherOperand(ignoringParenImpCasts(
                                        qt::sizeCall().bind(QtSizeId))))
                         .bind(QtSizeCmpId),
                     this);
  Finder->addMatcher(
      cxxMemberCallExpr(NotInSystemHeader, qt::fileOpenCall()).bind(QtOpenId),
      this);
}

bool LogFileManagementCheck::checkQt(const MatchResult &Result) {
  const auto &N = Result.Nodes;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *C = N.getNodeAs<CallExpr>(QtManageId)) {
    checkQtManagementCall(C, Result);
    return true;
  }
  if (const auto *Cmp = N.getNodeAs<BinaryOperator>(QtSizeCmpId)) {
    const auto *Size = N.getNodeAs<CXXMemberCallExpr>(QtSizeId);
    const Expr *Obj = Size->getImplicitObjectArgument();
    std::string Path;
    if (qt::isScratchFile(Obj) ||
        !qt::isLogFileObject(Obj, Classifier, Ctx, Path))
      return true;
    std::string Api =
        (Size->getMethodDecl()->getParent()->getName() + "::size").str();
    add({SM.getExpansionLoc(Cmp->getBeginLoc()),
         Op::SizeCheck,
         Api,
         Path,
         "",
         std::nullopt,
         {}});
    return true;
  }
  if (const auto *C = N.getNodeAs<CXXMemberCallExpr>(QtOpenId)) {
    std::optional<unsigned> Bits = qt::openModeBits(C->getArg(0));
    if (!Bits || !(*Bits & (qt::WriteOnly | qt::Append)))
      return true;
    std::string Path;
    if (qt::isScratchFile(C->getImplicitObjectArgument()) ||
        !qt::isLogFileObject(C->getImplicitObjectArgument(), Classifier, Ctx,
                             Path))
      return true;
    noteSink(C->getBeginLoc(), SM);
    // QIODevice::Truncate asked for (without Append) empties the log.
    if ((*Bits & qt::Truncate) && !(*Bits & qt::Append))
      add({SM.getExpansionLoc(C->getBeginLoc()),
           Op::Truncate,
           "QFile::open",
           Path,
           "",
           std::nullopt,
           {}});
    return true;
  }
  return false;
}

void LogFileManagementCheck::checkQtManagementCall(const CallExpr *Call,
                                                   const MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  const qt::ManagementApi *Api = qt::findManagementApi(M);
  if (!Api)
    return;
  // The path arguments: the paths themselves for the static forms and
  // QFile::rename(newName); names inside the directory for QDir's.
  std::string Path;
  bool ArgIsLog = false, ArgKnownNotLog = false;
  llvm::SmallVector<const Expr *, 2> Texts;
  for (const Expr *A : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(A) && isTextArgument(A))
      Texts.push_back(A);
  for (const Expr *A : Texts) {
    std::string P;
    if (Classifier.isLogPathExpr(A, Ctx, &P)) {
      ArgIsLog = true;
      if (Path.empty())
        Path = P;
      continue;
    }
    if (std::optional<std::string> V = utils::resolvePathValue(A, Ctx)) {
      StringRef Last = StringRef(*V).substr(V->rfind('/') + 1);
      if (!Last.empty() && Last != "." && Last != ".." &&
          !Last.contains(utils::UnknownPathPart))
        ArgKnownNotLog = true;
    }
  }
  bool IsLog = ArgIsLog;
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  if (MC && !M->isStatic()) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (qt::isScratchFile(Obj))
      return;
    std::string ObjPath;
    bool ObjIsLog = qt::isLogFileObject(Obj, Classifier, Ctx, ObjPath);
    bool InDir = Api->Class == "QDir";
    // `logDir.remove("app.pid")` deletes no log; `logFile.rename(backup)`
    // rotates the log whatever the new name is.
    if (ObjIsLog && !(InDir && ArgKnownNotLog && !ArgIsLog)) {
      IsLog = true;
      if (InDir && !Texts.empty() && !ObjPath.empty()) {
        std::optional<std::string> Name =
            utils::resolvePathValue(Texts.front(), Ctx);
        Path = ObjPath + "/" +
               Name.value_or(std::string(1, utils::UnknownPathPart));
      } else if (!ObjPath.empty()) {
        Path = ObjPath;
      }
    }
  }
  if (!IsLog)
    return;
  std::string Name = (Api->Class + "::" + Api->Method).str();
  add({Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
       operationOf(Api->Op),
       Name,
       Path,
       "",
       std::nullopt,
       {}});
}

} // namespace clang::tidy::logstream
