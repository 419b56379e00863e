//===--- EventInjectionCheck.cpp - logstream-event-injection --------------===//

#include "EventInjectionCheck.h"
#include "logstream/analysis/ProjectFacts.h"
#include "logstream/analysis/Secrets.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "utils/UserCodeMatchers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

namespace {

constexpr StringRef BacktraceFdId = "backtrace-fd";

// A log line on stdout/stderr: a level or category word first
// (`[ERROR] ...`, `WARN: ...`, `SECURITY ...`, `error: ...`).
constexpr StringRef DefaultStdioRecordPattern =
    "^[[:space:]]*\\[?(trace|debug|info|notice|warn|warning|error|err|crit|"
    "critical|fatal|alert|emerg|security|audit)\\]?([[:space:]]|:|$)";

// The OWASP Logging Vocabulary's families (docs/checks/event-injection.md).
constexpr StringRef EventNamePattern =
    "(^|[^a-z0-9_])((authn|authz|crypt|excess|upload|input|malicious|"
    "privilege|sensitive|sequence|session|sys|user)_[a-z0-9_]*[a-z0-9])"
    "($|[^a-z0-9_])";

/// A C string literal for \p Text.
std::string quoted(StringRef Text) {
  std::string Out = "\"";
  for (char C : Text) {
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += C;
    } else if (C == '\n') {
      Out += "\\n";
    } else if (C == '\t') {
      Out += "\\t";
    } else if (static_cast<unsigned char>(C) < 0x20) {
      Out += ' ';
    } else {
      Out += C;
    }
  }
  return Out + "\"";
}

/// Collapses blanks and trims separators at both ends.
std::string tidyText(StringRef Text) {
  std::string Out;
  for (char C : Text) {
    bool Blank = llvm::isSpace(C);
    if (Blank && (Out.empty() || Out.back() == ' '))
      continue;
    Out += Blank ? ' ' : C;
  }
  StringRef R(Out);
  R = R.trim(" :;,-|[]()");
  return R.str();
}

bool isStackTraceType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() &&
         (RD->getName() == "basic_stacktrace" || RD->getName() == "stacktrace");
}

} // namespace

analysis::UntrustedVocabulary EventInjectionCheck::readVocabulary() {
  analysis::UntrustedVocabulary V;
  V.EscapingFunctions =
      readList("EscapingFunctions", analysis::DefaultEscapingFunctions);
  V.EscapingName = readPattern("EscapingFunctionPattern",
                               analysis::DefaultEscapingFunctionPattern);
  V.SourceFunctions =
      readList("UntrustedSourceFunctions", analysis::DefaultSourceFunctions);
  V.RequestRecord =
      readPattern("RequestTypePattern", analysis::DefaultRequestRecordPattern);
  V.HeaderFunction = readPattern("RequestValueFunctionPattern",
                                 analysis::DefaultHeaderFunctionPattern);
  V.TrustedParameter = readPattern("TrustedParameterPattern",
                                   analysis::DefaultTrustedParameterPattern);
  return V;
}

EventInjectionCheck::EventInjectionCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : LogstreamCheck(Name, Context, Includes::Inserted),
      Records(*this, Options, Name, *Context), Vocabulary(readVocabulary()),
      StdioRecord(readRegex("StdioRecordPattern", DefaultStdioRecordPattern)),
      ReportSyslog(readBool("ReportSyslog", false)),
      CheckMultiLine(readBool("CheckMultiLine", true)),
      CheckStackTraces(readBool("CheckStackTraces", true)) {}

void EventInjectionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  LogstreamCheck::storeOptions(Opts);
  Records.store(Options, Opts);
  Options.store(
      Opts, "EscapingFunctions",
      tidy::utils::options::serializeStringList(Vocabulary.EscapingFunctions));
  Options.store(Opts, "EscapingFunctionPattern",
                Vocabulary.EscapingName.source());
  Options.store(
      Opts, "UntrustedSourceFunctions",
      tidy::utils::options::serializeStringList(Vocabulary.SourceFunctions));
  Options.store(Opts, "RequestTypePattern", Vocabulary.RequestRecord.source());
  Options.store(Opts, "RequestValueFunctionPattern",
                Vocabulary.HeaderFunction.source());
  Options.store(Opts, "TrustedParameterPattern",
                Vocabulary.TrustedParameter.source());
  Options.store(Opts, "StdioRecordPattern", StdioRecord.source());
  storeBool(Opts, "ReportSyslog", ReportSyslog);
  storeBool(Opts, "CheckMultiLine", CheckMultiLine);
  storeBool(Opts, "CheckStackTraces", CheckStackTraces);
}

void EventInjectionCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  Records.registerMatchers(Finder, this);
  utils::UserCodeMatchers Grouped(Finder, this);
  if (CheckStackTraces)
    Grouped.addCallMatcher({"::backtrace_symbols_fd"},
                           callExpr(argumentCountIs(3)).bind(BacktraceFdId),
                           this);
}

void EventInjectionCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const auto &N = Result.Nodes;
  if (const auto *Bt = N.getNodeAs<CallExpr>(BacktraceFdId)) {
    Expr::EvalResult R;
    if (Bt->getArg(2)->EvaluateAsInt(R, Ctx)) {
      int64_t Fd = R.Val.getInt().getExtValue();
      if (Fd == 1 || Fd == 2)
        diag(Bt->getBeginLoc(),
             "stack trace written to %0 one frame per line: each frame "
             "becomes an event of its own")
            << (Fd == 1 ? "stdout" : "stderr");
    }
    return;
  }
  if (std::optional<analysis::RecordMatch> M = Records.match(N, Ctx)) {
    if (M->Stream && CheckStackTraces)
      checkStreamedTrace(M->Stream);
    if (M->Record)
      checkRecord(M->Record, Ctx);
  }
}

void EventInjectionCheck::forgetTranslationUnit() {
  Records.clear();
  Reported.clear();
}

void EventInjectionCheck::checkRecord(const Expr *Record, ASTContext &Ctx) {
  analysis::RecordShape S = analysis::describeRecord(Record, Ctx);
  // The runtime API escapes every field; syslog daemons frame each message
  // and escape control characters.
  if (S.Kind == analysis::RecordKind::Runtime ||
      (S.Kind == analysis::RecordKind::Syslog && !ReportSyslog))
    return;
  bool Security =
      Records.classifier().isSecurityRecord(Record, Ctx, /*KnownRecord=*/true);
  if (Security && checkForgeable(S, Ctx))
    return;
  if (CheckMultiLine)
    checkMultiLine(S, Security, Ctx);
  if (CheckStackTraces && S.Kind == analysis::RecordKind::Stdio)
    checkFrames(S, Ctx);
}

bool EventInjectionCheck::checkForgeable(const analysis::RecordShape &S,
                                         ASTContext &Ctx) {
  if (helperMayEscape(S.Record, Ctx))
    return false;
  analysis::UntrustedFinder Finder(Vocabulary, Ctx);
  std::optional<analysis::Untrusted> First;
  for (const analysis::RecordValue &V : S.Values) {
    if (V.Slot == analysis::ValueSlot::PrintfArg &&
        (!V.Conv || V.Conv->Kind != 's'))
      continue;
    // A helper's or the runtime API's own arguments: how (and whether
    // escaped) the helper writes them is not known here.
    if (V.Slot == analysis::ValueSlot::FieldValue ||
        V.Slot == analysis::ValueSlot::CallArg)
      continue;
    if ((First = Finder.find(V.E)))
      break;
  }
  if (!First)
    return false;
  if (!firstReport(First->At->getBeginLoc(), Ctx))
    return true;
  std::optional<Rewrite> Fix = securityEvent(S, Ctx);
  {
    auto D = diag(First->At->getBeginLoc(),
                  "SECURITY record formats %0 without escaping: a line break "
                  "in it forges a second event")
             << First->What;
    if (Fix) {
      const SourceManager &SM = Ctx.getSourceManager();
      CharSourceRange R = utils::fileRange(S.Record->getSourceRange(), Ctx);
      D << FixItHint::CreateReplacement(R, Fix->Code);
      if (auto Inc =
              includeIn(SM.getFileID(R.getBegin()), "<logstream/event.h>"))
        D << *Inc;
    }
  }
  if (!Fix)
    diag(Ctx.getSourceManager().getExpansionLoc(S.Record->getBeginLoc()),
         "write the event with %0, which escapes every field",
         DiagnosticIDs::Note)
        << (getLangOpts().CPlusPlus ? "logstream::security_event(...)"
                                    : "logstream_security_event(...)");
  return true;
}

bool EventInjectionCheck::helperMayEscape(const Expr *Record,
                                          ASTContext &Ctx) const {
  // A printf-like logging function of the project: judged by what its body
  // does with the message (OpenSSH's do_log escapes with strnvis; a helper
  // over vsyslog is framed by the daemon). A helper whose body is not in
  // this translation unit is judged only when it is listed.
  const auto *Call = dyn_cast<CallExpr>(Record);
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  if (!F || !F->getIdentifier() || !utils::printfShape(Call) ||
      F->getDeclContext()->getRedeclContext()->isStdNamespace())
    return false;
  static constexpr StringRef CLibrary[] = {
      "printf", "fprintf", "dprintf", "syslog", "err", "errx", "warn", "warnx"};
  if (llvm::is_contained(CLibrary, F->getName()) &&
      F->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return false;
  if (const analysis::ProjectFacts *Facts = Records.classifier().facts().get())
    if (const analysis::FunctionFacts *FF = Facts->lookup(F);
        FF && FF->Logging && FF->Logging->Destination == "syslog")
      return !ReportSyslog;
  const FunctionDecl *Def = F->getDefinition();
  if (!Def || !Def->getBody())
    return !Records.classifier().isListedFunction(F);
  auto Calls = match(findAll(callExpr(callee(functionDecl().bind("f")))),
                     *Def->getBody(), Ctx);
  for (const auto &M : Calls) {
    const auto *G = M.getNodeAs<FunctionDecl>("f");
    if (!G->getIdentifier())
      continue;
    StringRef N = G->getName();
    if ((N == "syslog" || N == "vsyslog") && !ReportSyslog)
      return true;
    if (Vocabulary.EscapingName.matches(utils::normalizeIdentifier(N)) ||
        llvm::is_contained(Vocabulary.EscapingFunctions, N))
      return true;
  }
  return false;
}

bool EventInjectionCheck::firstReport(SourceLocation Loc, ASTContext &Ctx) {
  // A template's instantiations and a macro's expansions hold the same
  // record more than once.
  const SourceManager &SM = Ctx.getSourceManager();
  return Reported
      .insert({SM.getSpellingLoc(Loc).getRawEncoding(),
               SM.getExpansionLoc(Loc).getRawEncoding()})
      .second;
}

void EventInjectionCheck::checkMultiLine(const analysis::RecordShape &S,
                                         bool Security, ASTContext &Ctx) {
  std::string Text;
  std::vector<std::pair<size_t, const Expr *>> Starts;
  for (const analysis::TextPiece &P : S.Pieces) {
    Starts.push_back({Text.size(), P.E});
    Text += P.Literal ? P.Text : std::string("\x01");
  }
  if (S.Kind == analysis::RecordKind::Stdio && !Security &&
      !StdioRecord.matches(Text))
    return;
  // Line breaks before or after all of the text only add blank lines
  // (`"\nERROR: failed\n\n"`): the event itself stays one line. A break
  // between two parts of the text splits it into two events.
  StringRef Body = StringRef(Text).ltrim("\r\n");
  size_t Leading = Text.size() - Body.size();
  Body = Body.rtrim("\r\n");
  size_t Break = Body.find_first_of("\r\n");
  if (Break == StringRef::npos)
    return;
  Break += Leading;
  const Expr *At = S.Record;
  for (const auto &[Start, E] : Starts)
    if (Start <= Break)
      At = E;
  if (!firstReport(At->getBeginLoc(), Ctx))
    return;
  diag(At->getBeginLoc(),
       "log record message has a line break before its end: a line-oriented "
       "stream splits it into several events");
}

void EventInjectionCheck::checkFrames(const analysis::RecordShape &S,
                                      ASTContext &Ctx) {
  // `printf("%s\n", symbols[i])` over the result of backtrace_symbols().
  for (const analysis::RecordValue &V : S.Values) {
    const auto *AS = dyn_cast<ArraySubscriptExpr>(analysis::stripValue(V.E));
    const auto *DRE =
        AS ? dyn_cast<DeclRefExpr>(analysis::stripValue(AS->getBase()))
           : nullptr;
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->isLocalVarDecl())
      continue;
    auto Source = callExpr(utils::calleeNamed({"::backtrace_symbols"}));
    // Initialized, or assigned somewhere in the function, from
    // backtrace_symbols(): any other array of strings is no stack trace.
    bool Frames =
        (VD->getInit() &&
         !match(expr(ignoringParenCasts(Source)), *VD->getInit(), Ctx)
              .empty()) ||
        !match(findAll(binaryOperator(isAssignmentOperator(),
                                      hasLHS(ignoringParenImpCasts(
                                          declRefExpr(to(equalsNode(VD))))),
                                      hasRHS(ignoringParenCasts(Source)))),
               *cast<FunctionDecl>(VD->getDeclContext())->getBody(), Ctx)
             .empty();
    if (!Frames)
      continue;
    diag(V.E->getBeginLoc(),
         "stack trace written one frame per line: each frame becomes an "
         "event of its own");
    return;
  }
}

void EventInjectionCheck::checkStreamedTrace(const CXXOperatorCallExpr *Op) {
  auto To = utils::classifyStdOStream(analysis::streamRoot(Op));
  if (!To)
    return;
  const Expr *E = Op;
  while (const auto *O =
             dyn_cast<CXXOperatorCallExpr>(analysis::stripValue(E))) {
    if (O->getOperator() != OO_LessLess || O->getNumArgs() != 2)
      break;
    if (isStackTraceType(O->getArg(1)->getType())) {
      diag(O->getArg(1)->getBeginLoc(),
           "stack trace streamed to %0 one frame per line: each frame "
           "becomes an event of its own")
          << (*To == utils::StdStream::Out ? "std::cout" : "std::cerr");
      return;
    }
    E = O->getArg(0);
  }
}

/// Whether \p Call is a statement of its own (its value unused): the fix-it
/// may replace it with a call of another return type. Asked of the few
/// records a fix-it is written for, through their parents, not matched at
/// every statement of the unit. Not in a template instantiation: one
/// instantiation's types do not decide the template's text.
static bool isDiscarded(const Expr *Call, ASTContext &Ctx) {
  DynTypedNode Below;
  DynTypedNode Above = utils::climbThrough(
      DynTypedNode::create(*Call), Ctx,
      [](const DynTypedNode &N) {
        const auto *E = N.get<Expr>();
        return E && E->IgnoreImplicit() != E;
      },
      &Below);
  const Stmt *Self = Below.get<Stmt>();
  const Stmt *Holder = Above.get<Stmt>();
  if (!Self || !Holder)
    return false;
  bool Statement = false;
  if (isa<CompoundStmt>(Holder))
    Statement = true;
  else if (const auto *If = dyn_cast<IfStmt>(Holder))
    Statement = If->getThen() == Self || If->getElse() == Self;
  else if (const auto *For = dyn_cast<ForStmt>(Holder))
    Statement = For->getBody() == Self;
  else if (const auto *While = dyn_cast<WhileStmt>(Holder))
    Statement = While->getBody() == Self;
  else if (const auto *Do = dyn_cast<DoStmt>(Holder))
    Statement = Do->getBody() == Self;
  else if (const auto *Range = dyn_cast<CXXForRangeStmt>(Holder))
    Statement = Range->getBody() == Self;
  return Statement &&
         !utils::isInTemplateInstantiation(DynTypedNode::create(*Call), Ctx);
}

std::optional<std::string>
EventInjectionCheck::eventName(llvm::StringRef Text) const {
  static const llvm::Regex Event(EventNamePattern);
  llvm::SmallVector<llvm::StringRef, 4> M;
  if (!Event.match(Text, &M))
    return std::nullopt;
  return M[2].str();
}

std::optional<EventInjectionCheck::Rewrite>
EventInjectionCheck::securityEvent(const analysis::RecordShape &S,
                                   ASTContext &Ctx) const {
  if (!getLangOpts().CPlusPlus || !S.Printf || !S.Format)
    return std::nullopt;
  // Not through a macro: its expansion may say more than the call shows.
  if (!S.Record->getBeginLoc().isFileID() ||
      !S.Record->getEndLoc().isFileID() || !isDiscarded(S.Record, Ctx) ||
      utils::fileRange(S.Record->getSourceRange(), Ctx).isInvalid())
    return std::nullopt;
  std::string Text = S.Format->getString().str();
  std::optional<std::vector<utils::Conversion>> Convs =
      utils::parsePrintfFormat(Text);
  std::optional<std::string> Event = eventName(Text);
  if (!Convs || !Event || Convs->size() != S.Values.size())
    return std::nullopt;
  static const llvm::Regex Label("([A-Za-z_][A-Za-z0-9_.-]*)[[:space:]]*[=:]"
                                 "[[:space:]]*(['\"]?)$");
  std::string Fields, Rest;
  size_t From = 0;
  for (const utils::Conversion &C : *Convs) {
    bool Int = llvm::StringRef("diu").contains(C.Kind) &&
               (C.Length.empty() || C.Length == "l" || C.Length == "ll");
    if (!(C.Kind == 's' && C.Length.empty()) && !Int)
      return std::nullopt;
    if (C.StarWidth || C.StarPrecision || C.Precision || !C.Arg)
      return std::nullopt;
    const Expr *Value = S.Values[*C.Arg].E;
    std::string Code = utils::sourceText(Value->getSourceRange(), Ctx);
    if (Code.empty())
      return std::nullopt;
    StringRef Before = StringRef(Text).slice(From, C.Begin);
    llvm::SmallVector<StringRef, 3> M;
    std::string Key;
    size_t Skip = 0; // a closing quote after the conversion
    if (Label.match(Before, &M)) {
      Key = M[1].str();
      Before = Before.drop_back(M[0].size());
      if (!M[2].empty() && StringRef(Text).substr(C.End).starts_with(M[2]))
        Skip = 1;
    } else if (const auto *DRE =
                   dyn_cast<DeclRefExpr>(analysis::stripValue(Value))) {
      Key = DRE->getDecl()->getName().str();
    } else {
      return std::nullopt;
    }
    Rest += Before.str() + " ";
    Fields += (Fields.empty() ? "{" : ", {") + quoted(Key) + ", " + Code + "}";
    From = C.End + Skip;
  }
  Rest += StringRef(Text).substr(From).str();
  // What is left is the tag, the event name and the description.
  std::string Description;
  llvm::SmallVector<StringRef, 16> Words;
  StringRef(Rest).split(Words, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef Word : Words) {
    if (Word == *Event || Word == Records.classifier().securityTag() ||
        Word.trim(":[]") == Records.classifier().securityTag())
      continue;
    Description += Word.str() + " ";
  }
  Description = tidyText(Description);
  std::string Code =
      "logstream::security_event(" + quoted(*Event) + ", {" + Fields + "}";
  if (!Description.empty())
    Code += ", logstream::level::warning, " + quoted(Description);
  return Rewrite{*Event, Code + ")"};
}

} // namespace clang::tidy::logstream
