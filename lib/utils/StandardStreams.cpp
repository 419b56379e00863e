//===--- StandardStreams.cpp - Recognizing stdout/stderr ------------------===//

#include "utils/StandardStreams.h"
#include "utils/NameMatchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::logstream::utils {

using namespace ast_matchers;

static std::optional<StdStream> fromName(llvm::StringRef Name) {
  static constexpr llvm::StringRef Out[] = {"stdout", "__stdoutp",
                                            "_IO_2_1_stdout_"};
  static constexpr llvm::StringRef Err[] = {"stderr", "__stderrp",
                                            "_IO_2_1_stderr_"};
  if (llvm::is_contained(Out, Name))
    return StdStream::Out;
  if (llvm::is_contained(Err, Name))
    return StdStream::Err;
  return std::nullopt;
}

std::optional<StdStream> classifyStdFile(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return std::nullopt;
  // The macro spelled at the use site is the most portable signal: it covers
  // C libraries whose `stdout` expands to a function call.
  SourceLocation Begin = E->getBeginLoc();
  if (Begin.isMacroID()) {
    const SourceManager &SM = Ctx.getSourceManager();
    SourceLocation Outer = Begin;
    // Walk out to the outermost expansion that starts where E starts, so that
    // a user macro expanding to `stdout` is seen through as well.
    while (Outer.isMacroID()) {
      llvm::StringRef Name =
          Lexer::getImmediateMacroName(Outer, SM, Ctx.getLangOpts());
      if (auto S = fromName(Name))
        return S;
      if (!Lexer::isAtStartOfMacroExpansion(Outer, SM, Ctx.getLangOpts()))
        break;
      Outer = SM.getImmediateMacroCallerLoc(Outer);
    }
  }
  const Expr *Inner = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasExternalStorage() || VD->hasGlobalStorage())
        if (VD->getDeclContext()->getRedeclContext()->isTranslationUnit() ||
            VD->isInStdNamespace())
          return fromName(VD->getName());
  return std::nullopt;
}

std::optional<StdStream> classifyStdOStream(const Expr *E) {
  if (!E)
    return std::nullopt;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!DRE)
    return std::nullopt;
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD || !VD->isInStdNamespace() || !VD->getIdentifier())
    return std::nullopt;
  static constexpr llvm::StringRef Out[] = {"cout", "wcout"};
  static constexpr llvm::StringRef Err[] = {"cerr", "wcerr", "clog", "wclog"};
  if (llvm::is_contained(Out, VD->getName()))
    return StdStream::Out;
  if (llvm::is_contained(Err, VD->getName()))
    return StdStream::Err;
  return std::nullopt;
}

ast_matchers::internal::Matcher<Expr> stdOStreamObject() {
  return ignoringParenImpCasts(declRefExpr(to(varDecl(
      utils::hasAnyNameFast("::std::cout", "::std::wcout", "::std::cerr",
                            "::std::wcerr", "::std::clog", "::std::wclog")))));
}

llvm::StringRef spelling(StdStream S) {
  return S == StdStream::Out ? "stdout" : "stderr";
}

} // namespace clang::tidy::logstream::utils
