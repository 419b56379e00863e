//===--- BufferedStdoutCheck.cpp - logstream-buffered-stdout --------------===//

#include "BufferedStdoutCheck.h"
#include "utils/CheckOptions.h"
#include "utils/Expressions.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "utils/UserCodeMatchers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

static constexpr llvm::StringRef BufferModeChoices[] = {"line", "none"};
static constexpr llvm::StringRef BoolChoices[] = {"false", "true"};
static constexpr llvm::StringRef DefaultIgnoredStreamBuffers =
    "::std::basic_streambuf;::std::basic_stringbuf;::std::basic_filebuf";
static constexpr llvm::StringRef DefaultUsageFunctionPattern =
    "(^|_)(usage|help|version)(_|$)";

BufferedStdoutCheck::BufferedStdoutCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : LogstreamCheck(Name, Context, Includes::Inserted),
      BufferMode(static_cast<Mode>(utils::readChoiceOption(
          *this, Options, Name, "BufferMode", BufferModeChoices, 0))),
      IgnoredStreamBuffers(
          readList("IgnoredStreamBuffers", DefaultIgnoredStreamBuffers)),
      CheckDefaultBuffering(utils::readChoiceOption(
          *this, Options, Name, "CheckDefaultBuffering", BoolChoices, 1)),
      CheckLoggerSettings(utils::readChoiceOption(
          *this, Options, Name, "CheckLoggerSettings", BoolChoices, 1)),
      FlushFunctions(readList("FlushFunctions", "")),
      UsageFunctionPattern(
          readPattern("UsageFunctionPattern", DefaultUsageFunctionPattern)),
      IgnoreWritesBeforeExit(readBool("IgnoreWritesBeforeExit", true)) {}

void BufferedStdoutCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  LogstreamCheck::storeOptions(Opts);
  Options.store(Opts, "BufferMode",
                BufferModeChoices[static_cast<unsigned>(BufferMode)]);
  Options.store(
      Opts, "IgnoredStreamBuffers",
      tidy::utils::options::serializeStringList(IgnoredStreamBuffers));
  Options.store(Opts, "CheckDefaultBuffering",
                BoolChoices[CheckDefaultBuffering]);
  Options.store(Opts, "CheckLoggerSettings", BoolChoices[CheckLoggerSettings]);
  Options.store(Opts, "FlushFunctions",
                tidy::utils::options::serializeStringList(FlushFunctions));
  Options.store(Opts, "UsageFunctionPattern", UsageFunctionPattern.source());
  storeBool(Opts, "IgnoreWritesBeforeExit", IgnoreWritesBeforeExit);
}

void BufferedStdoutCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  // The default buffering is analysed only in a translation unit that
  // defines main (reported at the end of the unit).
  if (CheckDefaultBuffering)
    Finder->addMatcher(
        functionDecl(isMain(), isDefinition(), isExpansionInMainFile())
            .bind("main"),
        this);
  utils::UserCodeMatchers Grouped(Finder, this);
  // One matcher for the calls in and out of template instantiations: check()
  // tells them apart. A call in an instantiation is reported at the
  // template, without a fix-it: rewriting the template would change every
  // instantiation.
  Grouped.addCallMatcher(
      {"::setvbuf", "::std::setvbuf", "::setbuf", "::std::setbuf",
       "::setbuffer"},
      callExpr(callee(functionDecl().bind("callee")), argumentCountAtLeast(2))
          .bind("stdio"),
      this);
  if (CheckLoggerSettings)
    registerLoggerMatchers(Grouped);

  if (!getLangOpts().CPlusPlus)
    return;
  auto StdStreamBuf = cxxMemberCallExpr(
      utils::calleeNamed({"rdbuf"}, cxxMethodDecl(parameterCountIs(0))),
      on(utils::stdOStreamObject()));
  Grouped.addCallMatcher(
      {"pubsetbuf"},
      cxxMemberCallExpr(callee(cxxMethodDecl()),
                        on(ignoringParenImpCasts(StdStreamBuf)),
                        argumentCountIs(2))
          .bind("pubsetbuf"),
      this);
  Grouped.addCallMatcher(
      {"rdbuf"},
      cxxMemberCallExpr(callee(cxxMethodDecl(parameterCountIs(1))),
                        on(utils::stdOStreamObject()))
          .bind("rdbuf"),
      this);
}

void BufferedStdoutCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("main")) {
    ASTContext &Ctx = *Result.Context;
    // Whether main configures stdout anywhere is known once the whole unit
    // has been seen.
    atEndOfTranslationUnit(
        [this, Fn, &Ctx] { checkDefaultBuffering(Fn, Ctx); });
    return;
  }
  if (checkLoggerSetting(Result))
    return;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("stdio"))
    return checkStdioCall(Call, Result.Nodes.getNodeAs<FunctionDecl>("callee"),
                          /*CanFix=*/
                          !utils::isInTemplateInstantiation(
                              DynTypedNode::create(*Call), *Result.Context),
                          Result);
  if (const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("pubsetbuf"))
    return checkPubsetbuf(Call, Result);
  if (const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("rdbuf"))
    return checkRdbuf(Call, Result);
}

static bool isNullPointer(const Expr *E, ASTContext &Ctx) {
  return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

bool BufferedStdoutCheck::setsFullBuffering(const CallExpr *Call,
                                            bool IsSetvbuf,
                                            ASTContext &Ctx) const {
  if (!IsSetvbuf)
    // setbuf(stream, buf) and setbuffer(stream, buf, size): a non-null
    // buffer means full buffering.
    return !Call->getArg(1)->isValueDependent() &&
           !isNullPointer(Call->getArg(1), Ctx);
  if (Call->getNumArgs() != 4)
    return false;
  const Expr *ModeArg = Call->getArg(2);
  Expr::EvalResult Eval;
  if (ModeArg->isValueDependent() || !ModeArg->EvaluateAsInt(Eval, Ctx))
    return false;
  // glibc, musl, the BSDs and MSVC all agree with C's traditional values
  // only in part; read _IOFBF from the headers in use when we can.
  return Eval.Val.getInt().getExtValue() == macroValue("_IOFBF").value_or(0);
}

void BufferedStdoutCheck::checkStdioCall(
    const CallExpr *Call, const FunctionDecl *Callee, bool CanFix,
    const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  std::optional<utils::StdStream> Stream =
      utils::classifyStdFile(Call->getArg(0), Ctx);
  if (!Stream)
    return;

  StringRef Name = Callee->getName();
  if (!setsFullBuffering(Call, Name == "setvbuf", Ctx))
    return;

  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = getLangOpts();
  StringRef Null = LO.CPlusPlus11 ? "nullptr" : "NULL";
  StringRef ModeMacro = BufferMode == Mode::Line ? "_IOLBF" : "_IONBF";
  std::string NewArgs = (Null + ", " + ModeMacro + ", 0").str();

  // Rewrite the buffer, mode and size arguments (and the callee's name when it
  // is not setvbuf), keeping the stream and callee qualification as written.
  CharSourceRange ArgsRange = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(
          Call->getArg(1)->getBeginLoc(),
          Call->getArg(Call->getNumArgs() - 1)->getEndLoc()),
      SM, LO);
  CharSourceRange NameRange;
  if (Name != "setvbuf") {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
    if (Ref)
      NameRange = Lexer::makeFileCharRange(
          CharSourceRange::getTokenRange(Ref->getLocation()), SM, LO);
    if (!Ref || NameRange.isInvalid())
      ArgsRange = CharSourceRange();
  }
  // A call written in a template (a class template's constructor, a member
  // of a class template) is not rewritten: that would change every
  // instantiation. Only asked when there is a fix to offer.
  if (CanFix && ArgsRange.isValid())
    if (const FunctionDecl *Fn = utils::enclosingFunction(Call, Ctx);
        Fn && Fn->isDependentContext())
      CanFix = false;
  if (!CanFix)
    ArgsRange = CharSourceRange();

  SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
  {
    auto D = diag(Loc, "'%0' makes %1 fully buffered; events written to it "
                       "can sit in the buffer and be lost when the process "
                       "dies")
             << Name << utils::spelling(*Stream);
    if (ArgsRange.isValid()) {
      if (NameRange.isValid())
        D << FixItHint::CreateReplacement(NameRange, "setvbuf");
      D << FixItHint::CreateReplacement(ArgsRange, NewArgs);
      return;
    }
  }
  // Inside a macro body or a template the call is not rewritten in place.
  diag(Loc, "use 'setvbuf(%0, %1)' to keep events flowing", DiagnosticIDs::Note)
      << utils::spelling(*Stream) << NewArgs;
}

void BufferedStdoutCheck::checkPubsetbuf(
    const CXXMemberCallExpr *Call, const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const Expr *Buf = Call->getArg(0);
  const Expr *Size = Call->getArg(1);
  if (Buf->isValueDependent() || Size->isValueDependent())
    return;
  // pubsetbuf(nullptr, 0) asks for an unbuffered stream: that is fine.
  Expr::EvalResult Eval;
  if (isNullPointer(Buf, Ctx) && Size->EvaluateAsInt(Eval, Ctx) &&
      Eval.Val.getInt().isZero())
    return;
  const auto *Rdbuf = cast<CXXMemberCallExpr>(
      Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const Expr *StreamObj = Rdbuf->getImplicitObjectArgument();
  diag(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
       "'pubsetbuf' installs a buffer on the stream buffer of '%0'; events "
       "can sit in it instead of reaching the event stream")
      << cast<DeclRefExpr>(StreamObj->IgnoreParenImpCasts())
             ->getDecl()
             ->getQualifiedNameAsString()
      << StreamObj->getSourceRange();
  // No fix-it: whether the buffer is needed elsewhere is not ours to decide.
  diag(Call->getExprLoc(),
       "remove the call, or pass (nullptr, 0) for an "
       "unbuffered stream buffer",
       DiagnosticIDs::Note);
}

void BufferedStdoutCheck::checkRdbuf(const CXXMemberCallExpr *Call,
                                     const MatchFinder::MatchResult &Result) {
  const Expr *Arg = Call->getArg(0)->IgnoreParenImpCasts();
  if (Arg->isTypeDependent())
    return;
  QualType Pointee = Arg->getType()->getPointeeType();
  const CXXRecordDecl *Buf =
      Pointee.isNull() ? nullptr : Pointee->getAsCXXRecordDecl();
  // A null pointer, a saved `std::streambuf *` being restored, or a standard
  // buffer (string capture in tests, files: see logstream-log-file-sink).
  if (!Buf)
    return;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Buf))
    Buf = Spec->getSpecializedTemplate()->getTemplatedDecl();
  std::string Qualified = "::" + Buf->getQualifiedNameAsString();
  for (StringRef Ignored : IgnoredStreamBuffers)
    if (Qualified == Ignored || Qualified == ("::" + Ignored.ltrim(':')).str())
      return;
  // Another standard stream's buffer (`std::cerr.rdbuf(std::cout.rdbuf())`)
  // keeps events on the standard streams.
  if (const auto *Other = dyn_cast<CXXMemberCallExpr>(Arg))
    if (utils::classifyStdOStream(Other->getImplicitObjectArgument()))
      return;
  const Expr *StreamObj = Call->getImplicitObjectArgument();
  diag(Result.SourceManager->getExpansionLoc(Call->getBeginLoc()),
       "'%0' is given a stream buffer of type '%1'; its buffering decides "
       "when events reach %2")
      << cast<DeclRefExpr>(StreamObj->IgnoreParenImpCasts())
             ->getDecl()
             ->getQualifiedNameAsString()
      << Buf->getQualifiedNameAsString()
      << utils::spelling(*utils::classifyStdOStream(StreamObj));
  diag(Buf->getLocation(),
       "make sure '%0' flushes every complete event "
       "(at least at each newline)",
       DiagnosticIDs::Note)
      << Buf->getName();
}

} // namespace clang::tidy::logstream
