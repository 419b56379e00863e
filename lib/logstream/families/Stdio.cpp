//===--- Stdio.cpp - The C stdio family -----------------------------------===//

#include "logstream/families/Stdio.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "utils/Uses.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::families {

namespace {

constexpr llvm::StringLiteral FopenId = "stdio-fopen";
constexpr llvm::StringLiteral FreopenId = "stdio-freopen";

// The calls the family knows, each list spelled once.
constexpr llvm::StringRef FopenFunctions[] = {"::fopen",      "::fopen64",
                                              "::std::fopen", "::_wfopen",
                                              "::_fsopen",    "::_wfsopen"};
constexpr llvm::StringRef FreopenFunctions[] = {
    "::freopen", "::freopen64", "::std::freopen", "::_wfreopen"};
constexpr llvm::StringRef TellFunctions[] = {"::ftell", "::ftello",
                                             "::ftello64"};

/// Whether \p Call writes to, flushes or closes (in statement position,
/// collected in \p Closes) the stream \p Ref.
bool isWriteFlushOrClose(const CallExpr *Call, const DeclRefExpr *Ref,
                         ASTContext &Ctx,
                         llvm::SmallVectorImpl<const Stmt *> &Closes) {
  static constexpr llvm::StringRef StreamFirst[] = {"fflush", "fclose"};
  static constexpr llvm::StringRef StreamLast[] = {"fputs", "fputc", "putc",
                                                   "fwrite"};
  static constexpr llvm::StringRef StreamFirstWrite[] = {"fprintf", "vfprintf",
                                                         "fputws", "fwprintf"};
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return false;
  llvm::StringRef Name = FD->getName();
  unsigned N = Call->getNumArgs();
  if (llvm::is_contained(StreamFirst, Name) && N == 1) {
    if (Name != "fclose")
      return true;
    const Expr *Stmt = utils::asDiscardedStatement(Call, Ctx);
    if (Stmt)
      Closes.push_back(Stmt);
    return Stmt != nullptr;
  }
  if (llvm::is_contained(StreamLast, Name) && N >= 1 &&
      Call->getArg(N - 1)->IgnoreParenImpCasts() == Ref)
    return true;
  return llvm::is_contained(StreamFirstWrite, Name) && N >= 1 &&
         Call->getArg(0)->IgnoreParenImpCasts() == Ref;
}

/// Whether every use of the local \p VD in \p Body is a write, a flush, a
/// null test or a close in statement position (collected in \p Closes).
bool usesOnlyWriteFlushClose(const VarDecl *VD, const Stmt *Body,
                             ASTContext &Ctx,
                             llvm::SmallVectorImpl<const Stmt *> &Closes);

class Stdio : public Family {
public:
  llvm::StringRef name() const override { return "stdio"; }

  llvm::ArrayRef<PathApi> pathApis() const override {
    static const PathApi Apis[] = {
        {"::rename", Operation::Rotate, {0, 1}},
        {"::std::rename", Operation::Rotate, {0, 1}},
        {"::remove", Operation::Delete, {0}},
        {"::std::remove", Operation::Delete, {0}},
    };
    return Apis;
  }

  std::vector<llvm::StringRef> otherNames() const override {
    return concat({FopenFunctions, FreopenFunctions, TellFunctions});
  }

  std::optional<StatementMatcher> sizeExpression() const override {
    return callExpr(utils::calleeNamed(TellFunctions)).bind(SizeCallId);
  }

  void registerSinkMatchers(SinkHost &H,
                            utils::UserCodeMatchers &Finder) override {
    Finder.addCallMatcher(FopenFunctions,
                          callExpr(argumentCountAtLeast(1)).bind(FopenId),
                          H.callback());
    Finder.addCallMatcher(FreopenFunctions,
                          callExpr(argumentCountIs(3)).bind(FreopenId),
                          H.callback());
  }

  bool checkSink(SinkHost &H, const MatchResult &Result) override {
    if (const auto *C = Result.Nodes.getNodeAs<CallExpr>(FopenId)) {
      checkFopen(H, C, *Result.Context);
      return true;
    }
    if (const auto *C = Result.Nodes.getNodeAs<CallExpr>(FreopenId)) {
      checkFreopen(H, C, *Result.Context);
      return true;
    }
    return false;
  }

  void registerManagementMatchers(ManagementHost &H,
                                  utils::UserCodeMatchers &Finder) override {
    // Log file sinks, for the note that ties management to the file.
    Finder.addCallMatcher({"::fopen", "::fopen64", "::std::fopen"},
                          callExpr(argumentCountAtLeast(1)).bind(SinkOpenId),
                          H.callback());
  }

private:
  void checkFopen(SinkHost &H, const CallExpr *Call, ASTContext &Ctx);
  void checkFreopen(SinkHost &H, const CallExpr *Call, ASTContext &Ctx);
  /// `FILE *log = fopen(...)` only written, flushed and closed: stdout
  /// instead, without the fclose.
  llvm::SmallVector<FixItHint, 4> toStdout(const CallExpr *Call,
                                           ASTContext &Ctx);
};

bool usesOnlyWriteFlushClose(const VarDecl *VD, const Stmt *Body,
                             ASTContext &Ctx,
                             llvm::SmallVectorImpl<const Stmt *> &Closes) {
  return utils::everyUse(*VD, *Body, Ctx, [&](const DeclRefExpr *Ref) {
    const Expr *Child = nullptr;
    DynTypedNode P = valueParent(Ref, Ctx, Child);
    // Through the lvalue-to-rvalue conversion.
    if (const auto *Cast = P.get<ImplicitCastExpr>()) {
      if (Cast->getCastKind() == CK_PointerToBoolean)
        return true; // if (log), !log
      P = valueParent(Cast, Ctx, Child);
    }
    if (const auto *BO = P.get<BinaryOperator>())
      return BO->isEqualityOp(); // log == NULL
    if (const auto *UO = P.get<UnaryOperator>())
      return UO->getOpcode() == UO_LNot;
    return isWriteFlushOrClose(P.get<CallExpr>(), Ref, Ctx, Closes);
  });
}

llvm::SmallVector<FixItHint, 4> Stdio::toStdout(const CallExpr *Call,
                                                ASTContext &Ctx) {
  llvm::SmallVector<FixItHint, 4> Fixes;
  const auto *VD = dyn_cast_or_null<VarDecl>(utils::receiverOf(Call, Ctx));
  const FunctionDecl *Fn = utils::enclosingFunction(Call, Ctx);
  llvm::SmallVector<const Stmt *, 2> Closes;
  if (!VD || !VD->isLocalVarDecl() || !VD->getInit() ||
      VD->getInit()->IgnoreParenImpCasts() != Call || !Fn || !Fn->getBody() ||
      !usesOnlyWriteFlushClose(VD, Fn->getBody(), Ctx, Closes))
    return Fixes;
  CharSourceRange R = utils::fileRange(Call->getSourceRange(), Ctx);
  if (R.isInvalid())
    return {};
  Fixes.push_back(FixItHint::CreateReplacement(R, "stdout"));
  for (const Stmt *Close : Closes) {
    std::optional<FixItHint> Removal = utils::removeStatement(Close, Ctx);
    if (!Removal)
      return {};
    Fixes.push_back(*Removal);
  }
  return Fixes;
}

void Stdio::checkFopen(SinkHost &H, const CallExpr *Call, ASTContext &Ctx) {
  if (Call->getNumArgs() >= 2 && !isWriteMode(Call->getArg(1)))
    return;
  std::string Path, Receiver;
  if (!H.isLogTarget(Call->getArg(0), Call, Ctx, Path, Receiver))
    return;
  SourceLocation Loc =
      Ctx.getSourceManager().getExpansionLoc(Call->getBeginLoc());
  llvm::SmallVector<FixItHint, 4> Fixes = toStdout(Call, Ctx);
  auto D = H.report(Loc, Call->getDirectCallee()->getName(), Path);
  for (const FixItHint &F : Fixes)
    D << F;
}

void Stdio::checkFreopen(SinkHost &H, const CallExpr *Call, ASTContext &Ctx) {
  std::optional<utils::StdStream> Stream =
      utils::classifyStdFile(Call->getArg(2), Ctx);
  std::optional<std::string> P = utils::resolvePathValue(Call->getArg(0), Ctx);
  if (Call->getArg(0)->isNullPointerConstant(Ctx,
                                             Expr::NPC_ValueDependentIsNotNull))
    return; // freopen(NULL, mode, f) only changes the mode.
  if (P && H.classifier().isAllowedPath(*P))
    return;
  SourceLocation Loc =
      Ctx.getSourceManager().getExpansionLoc(Call->getBeginLoc());
  if (Stream) {
    auto D = H.diagnose(Loc, "'%3' redirects %0 into %select{a file|file "
                             "'%2'}1; leave %0 as the event stream and let "
                             "the environment route it")
             << utils::spelling(*Stream) << (P ? 1 : 0)
             << (P ? utils::displayPath(*P) : std::string())
             << Call->getDirectCallee()->getName();
    if (std::optional<FixItHint> Removal = removalOf(Call, Ctx))
      D << *Removal;
    return;
  }
  std::string Path, Receiver;
  if (!isWriteMode(Call->getArg(1)) ||
      !H.isLogTarget(Call->getArg(0), Call, Ctx, Path, Receiver))
    return;
  H.report(Loc, Call->getDirectCallee()->getName(), Path);
}

} // namespace

bool isWriteMode(const Expr *Mode) {
  const StringLiteral *SL = utils::asStringLiteral(Mode);
  if (!SL)
    return true; // Unknown: assume it writes.
  // Narrow or wide (`_wfopen(path, L"a")`).
  for (unsigned I = 0; I < SL->getLength(); ++I) {
    uint32_t C = SL->getCodeUnit(I);
    if (C == 'w' || C == 'a' || C == '+')
      return true;
  }
  return false;
}

std::unique_ptr<Family> makeStdio() { return std::make_unique<Stdio>(); }

} // namespace clang::tidy::logstream::families
