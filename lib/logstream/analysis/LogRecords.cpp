//===--- LogRecords.cpp - What a log record and a SECURITY record are -----===//
//
// Moved here from logstream-security-event-category so that every check
// recognizes records the same way.
//
//===----------------------------------------------------------------------===//

#include "LogRecords.h"
#include "ProjectFacts.h"
#include "logstream/families/Families.h"
#include "utils/Expressions.h"
#include "utils/LogFiles.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::logstream::analysis {

namespace {

constexpr llvm::StringRef DefaultCategoryPattern = "^security$";
constexpr llvm::StringRef DefaultLoggerPattern = "(^|_)security(_|$)";

bool nameMatches(const utils::Pattern &P, const NamedDecl *D) {
  return D && D->getIdentifier() &&
         P.matches(utils::normalizeIdentifier(D->getName()));
}

/// The family whose category logging macro writes \p S
/// (`qCWarning(lc) << ...`), with the category.
std::optional<std::pair<const families::Family *, families::CategoryRecord>>
categoryRecordOf(const Stmt *S, ASTContext &Ctx) {
  for (const std::unique_ptr<families::Family> &F : families::families())
    if (std::optional<families::CategoryRecord> R = F->categoryRecord(S, Ctx))
      return std::make_pair(F.get(), std::move(*R));
  return std::nullopt;
}

/// \p E through parentheses, conversions and temporaries (a stream
/// returned by value, such as Qt's QDebug).
const Expr *ignoringTemporaries(const Expr *E) {
  for (const Expr *Prev = nullptr; Prev != E;) {
    Prev = E;
    E = E->IgnoreParenImpCasts()->IgnoreImplicit();
  }
  return E;
}

} // namespace

/// The macro a statement is spelled through, if any (outermost).
StringRef outermostMacro(SourceLocation Loc, const SourceManager &SM,
                         const LangOptions &LO) {
  StringRef Name;
  while (Loc.isMacroID()) {
    Name = Lexer::getImmediateMacroName(Loc, SM, LO);
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return Name;
}

bool containsWord(StringRef Text, StringRef Word) {
  size_t Pos = 0;
  while ((Pos = Text.find(Word, Pos)) != StringRef::npos) {
    bool Start = Pos == 0 || !llvm::isAlnum(Text[Pos - 1]);
    size_t End = Pos + Word.size();
    bool Stop = End == Text.size() || !llvm::isAlnum(Text[End]);
    if (Start && Stop)
      return true;
    Pos = End;
  }
  return false;
}

/// The root object of a `a << b << c` chain.
const Expr *streamRoot(const Expr *E) {
  E = ignoringTemporaries(E);
  while (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
      break;
    E = ignoringTemporaries(Op->getArg(0));
  }
  return E;
}

llvm::ArrayRef<llvm::StringRef> cLoggingFunctions() {
  static constexpr llvm::StringRef Names[] = {"printf",
                                              "fprintf",
                                              "dprintf",
                                              "puts",
                                              "fputs",
                                              "vprintf",
                                              "vfprintf",
                                              "syslog",
                                              "vsyslog",
                                              "perror",
                                              "logstream_event",
                                              "logstream_event_fd",
                                              "logstream_security_event"};
  return Names;
}

RecordClassifier::RecordClassifier(const ClangTidyCheck &Check,
                                   const ClangTidyCheck::OptionsView &Options,
                                   llvm::StringRef CheckName)
    : SecurityTag(std::string(Options.get("SecurityTag", "SECURITY"))),
      SecurityCategory(utils::readRegexOption(Check, Options, CheckName,
                                              "SecurityCategoryPattern",
                                              DefaultCategoryPattern)),
      SecurityLogger(utils::readRegexOption(Check, Options, CheckName,
                                            "SecurityLoggerPattern",
                                            DefaultLoggerPattern)),
      LoggingFunctions(utils::readListOption(Options, "LoggingFunctions", "")),
      LoggingMacros(utils::readListOption(Options, "LoggingMacros", "")),
      SecurityLoggingFunctions(
          utils::readListOption(Options, "SecurityLoggingFunctions", "")),
      LocalLoggingWrappers(utils::readBoolOption(Check, Options, CheckName,
                                                 "LocalLoggingWrappers", true)),
      LoggingFunctionPattern(utils::readRegexOption(
          Check, Options, CheckName, "LoggingFunctionPattern",
          DefaultLoggingFunctionPattern)) {}

void RecordClassifier::store(const ClangTidyCheck::OptionsView &Options,
                             ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "SecurityTag", SecurityTag);
  Options.store(Opts, "SecurityCategoryPattern", SecurityCategory.source());
  Options.store(Opts, "SecurityLoggerPattern", SecurityLogger.source());
  Options.store(Opts, "LoggingFunctions",
                tidy::utils::options::serializeStringList(LoggingFunctions));
  Options.store(Opts, "LoggingMacros",
                tidy::utils::options::serializeStringList(LoggingMacros));
  Options.store(
      Opts, "SecurityLoggingFunctions",
      tidy::utils::options::serializeStringList(SecurityLoggingFunctions));
  utils::storeBoolOption(Options, Opts, "LocalLoggingWrappers",
                         LocalLoggingWrappers);
  Options.store(Opts, "LoggingFunctionPattern",
                LoggingFunctionPattern.source());
}

/// Whether \p T can hold a message: a pointer to characters, a standard
/// string or string view (by value or reference), or a `va_list`.
static bool sameType(QualType A, QualType B) {
  return A.getCanonicalType() == B.getCanonicalType();
}

static bool isMessageType(QualType T, ASTContext &Ctx) {
  T = T.getNonReferenceType();
  if (sameType(T, Ctx.getBuiltinVaListType()))
    return true;
  // A va_list parameter is adjusted to a pointer to its element.
  if (const auto *VA = Ctx.getAsArrayType(Ctx.getBuiltinVaListType()))
    if (T->isPointerType() &&
        sameType(T->getPointeeType(), VA->getElementType()))
      return true;
  if (T->isPointerType())
    return T->getPointeeType()->isAnyCharacterType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      RD && RD->getIdentifier() && RD->isInStdNamespace())
    return RD->getName() == "basic_string" ||
           RD->getName() == "basic_string_view";
  return false;
}

/// Whether \p E passes on a message \p Fn was given: a parameter that
/// can hold one (isMessageType), or a local `va_list` (started from the
/// parameters by va_start).
static bool forwardsParameter(const Expr *E, const FunctionDecl *Fn,
                              ASTContext &Ctx) {
  return utils::anyStatement(E, [&](const Stmt *S) {
    const auto *DRE = dyn_cast<DeclRefExpr>(S);
    if (!DRE)
      return false;
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
      return P->getDeclContext() == Fn && isMessageType(P->getType(), Ctx);
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    return V && V->isLocalVarDecl() &&
           sameType(V->getType(), Ctx.getBuiltinVaListType());
  });
}

/// Whether \p F formats its callers' message itself: declared
/// `__attribute__((format(printf, ...)))`, or variadic with a parameter
/// that can hold a message.
static bool isPrintfLike(const FunctionDecl *F, ASTContext &Ctx) {
  if (F->hasAttr<FormatAttr>() ||
      (F->isVariadic() &&
       llvm::any_of(F->parameters(), [&](const ParmVarDecl *P) {
         return isMessageType(P->getType(), Ctx);
       })))
    return true;
  // A template over a pack of arguments with a format before it: `template
  // <class... A> void log_warn(const char *fmt, A &&...args)`, or
  // `fmt::format_string<A...>` / `std::format_string<A...>` (a call names
  // an instantiation; the template says how it was declared).
  const FunctionTemplateDecl *T = F->getPrimaryTemplate();
  const FunctionDecl *Pattern = T ? T->getTemplatedDecl() : nullptr;
  if (!Pattern || Pattern->param_empty() ||
      !Pattern->parameters().back()->isParameterPack())
    return false;
  return llvm::any_of(
      Pattern->parameters().drop_back(), [&](const ParmVarDecl *P) {
        if (isMessageType(P->getType(), Ctx))
          return true;
        std::string Written = P->getType().getNonReferenceType().getAsString();
        return StringRef(Written).contains("format_string") ||
               StringRef(Written).contains("string_view");
      });
}

/// Whether \p Arg is an integer that names an auth facility by its macro
/// (LOG_AUTH, LOG_AUTHPRIV) and has its value: a syslog priority.
static bool writesAuthFacility(const Expr *Arg, ASTContext &Ctx) {
  // The value first (cheap, and most priorities name no auth facility),
  // then how it is written.
  Expr::EvalResult R;
  if (!Arg->getType()->isIntegerType() || Arg->isValueDependent() ||
      !Arg->EvaluateAsInt(R, Ctx) ||
      !isAuthFacility(R.Val.getInt().getExtValue()))
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  auto Names = [&](CharSourceRange Range) {
    StringRef Written = Lexer::getSourceText(Range, SM, Ctx.getLangOpts());
    return containsWord(Written, "LOG_AUTHPRIV") ||
           containsWord(Written, "LOG_AUTH");
  };
  // As the caller wrote it, or as a macro of the project's body wrote it
  // (`#define AUTH_LOG(...) log_msg(LOG_AUTHPRIV | LOG_NOTICE, ...)`).
  auto Spelled = [&SM](SourceLocation L) {
    // Up from a system header's macro (LOG_AUTHPRIV's own body) to where
    // the project's macro spells it.
    for (unsigned I = 0; L.isMacroID() && I < 16; ++I) {
      SourceLocation S = SM.getSpellingLoc(L);
      if (!SM.isInSystemHeader(S))
        return S;
      L = SM.getImmediateExpansionRange(L).getBegin();
    }
    return SM.getSpellingLoc(L);
  };
  SourceLocation B = Spelled(Arg->getBeginLoc());
  SourceLocation E = Spelled(Arg->getEndLoc());
  return Names(SM.getExpansionRange(Arg->getSourceRange())) ||
         (SM.getFileID(B) == SM.getFileID(E) && !SM.isInSystemHeader(B) &&
          Names(CharSourceRange::getTokenRange(B, E)));
}

bool RecordClassifier::isProjectLoggingFunction(const FunctionDecl *F,
                                                ASTContext &Ctx) const {
  if (!F || !F->getIdentifier() || LoggingFunctionPattern.empty())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  // A writable character buffer first is where the text goes
  // (`format_error(char *dst, size_t n, const char *fmt, ...)`): a
  // formatter, whatever its name says.
  if (F->getNumParams() >= 2) {
    QualType First = F->getParamDecl(0)->getType();
    if (First->isPointerType() &&
        First->getPointeeType()->isAnyCharacterType() &&
        !First->getPointeeType().isConstQualified())
      return false;
  }
  return !SM.isInSystemHeader(SM.getExpansionLoc(F->getLocation())) &&
         LoggingFunctionPattern.matches(
             utils::normalizeIdentifier(F->getName())) &&
         isPrintfLike(F, Ctx);
}

RecordClassifier::LocalWrapper
RecordClassifier::localWrapper(const FunctionDecl *F, ASTContext &Ctx) const {
  const FunctionDecl *Def = nullptr;
  if (!LocalLoggingWrappers || !F->hasBody(Def) || !Def)
    return {};
  const FunctionDecl *Key = F->getCanonicalDecl();
  if (auto It = LocalWrappers.find(Key); It != LocalWrappers.end())
    return It->second;
  LocalWrappers[Key] = {}; // while the body is read
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
    return {};
  // A printf-like function formats its callers' message itself (often into
  // a buffer of its own first): any record it writes is theirs. Any other
  // function must pass what it was given to the record.
  bool PrintfLike = isPrintfLike(Def, Ctx);
  LocalWrapper W;
  utils::anyStatement(Def->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call ||
        (!PrintfLike && llvm::none_of(Call->arguments(),
                                      [&](const Expr *A) {
                                        return forwardsParameter(A, Def, Ctx);
                                      })) ||
        !isLogRecord(Call, Ctx))
      return false;
    W.Logs = true;
    const FunctionDecl *Inner = Call->getDirectCallee();
    const Expr *Priority = nullptr;
    if (Inner && Inner->getIdentifier() &&
        (Inner->getName() == "syslog" || Inner->getName() == "vsyslog") &&
        Call->getNumArgs() >= 1) {
      Priority = Call->getArg(0);
    } else if (Inner) {
      // A wrapper of a wrapper: the priority it passes on to the inner one.
      LocalWrapper I = localWrapper(Inner, Ctx);
      if (!I.Syslog)
        return true;
      if (I.Priority) {
        W.Syslog = true;
        W.Priority = I.Priority;
        return true;
      }
      if (I.PriorityParam && *I.PriorityParam < Call->getNumArgs())
        Priority = Call->getArg(*I.PriorityParam);
    }
    if (!Priority)
      return true;
    W.Syslog = true;
    Priority = Priority->IgnoreParenImpCasts();
    Expr::EvalResult R;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Priority)) {
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
          P && P->getDeclContext() == Def)
        W.PriorityParam = P->getFunctionScopeIndex();
    } else if (!Priority->isValueDependent() &&
               Priority->EvaluateAsInt(R, Ctx)) {
      W.Priority = R.Val.getInt().getExtValue();
    }
    return true;
  });
  LocalWrappers[Key] = W;
  return W;
}

bool RecordClassifier::isLocalSecurityRecord(const CallExpr *Call,
                                             ASTContext &Ctx) const {
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !LocalLoggingWrappers)
    return false;
  LocalWrapper W = localWrapper(F, Ctx);
  if (!W.Syslog)
    return false;
  std::optional<int64_t> P = W.Priority;
  Expr::EvalResult R;
  if (W.PriorityParam && *W.PriorityParam < Call->getNumArgs() &&
      !Call->getArg(*W.PriorityParam)->isValueDependent() &&
      Call->getArg(*W.PriorityParam)->EvaluateAsInt(R, Ctx))
    P = R.Val.getInt().getExtValue();
  if (!P)
    return false;
  return isAuthFacility(*P) || (AuthFacilityByDefault && (*P & 0x03f8) == 0);
}

/// The logging macros of the libraries logstream-tidy knows (each family's
/// Family::loggingMacro). Their expansions test the level before logging,
/// so they are judged as a whole, by their written arguments.
bool isLibraryLoggingMacro(StringRef Name, bool IncludeStreams) {
  for (const std::unique_ptr<families::Family> &F : families::families())
    switch (F->loggingMacro(Name)) {
    case families::MacroKind::Whole:
      return true;
    case families::MacroKind::Stream:
      // glog's stream macros end in `<< ...` outside the macro: their
      // records are judged by the stream chain instead.
      if (IncludeStreams)
        return true;
      break;
    case families::MacroKind::None:
      break;
    }
  return false;
}

bool RecordClassifier::isListedFunction(const FunctionDecl *F) const {
  if (!F || !F->getIdentifier())
    return false;
  std::string Q = F->getQualifiedNameAsString();
  for (const std::vector<llvm::StringRef> *L :
       {&LoggingFunctions, &SecurityLoggingFunctions})
    if (llvm::is_contained(*L, Q) || llvm::is_contained(*L, "::" + Q))
      return true;
  return false;
}

bool RecordClassifier::isListedLoggerClass(QualType T) const {
  if (LoggingFunctions.empty())
    return false;
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  std::string Q = RD->getQualifiedNameAsString();
  return llvm::is_contained(LoggingFunctions, Q) ||
         llvm::is_contained(LoggingFunctions, "::" + Q);
}

bool RecordClassifier::isLogRecord(const Stmt *S, ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  // qCWarning(lc) << ...: the macro asks for its category before it tests
  // whether the category is enabled; the record is judged there, as a whole.
  if (categoryRecordOf(S, Ctx))
    return true;
  StringRef Macro = outermostMacro(S->getBeginLoc(), SM, Ctx.getLangOpts());
  if (!Macro.empty() && (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)) &&
      (llvm::is_contained(LoggingMacros, Macro) ||
       isLibraryLoggingMacro(Macro, /*IncludeStreams=*/false)))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() != OO_LessLess)
      return false;
    const Expr *Root = streamRoot(Op);
    if (utils::classifyStdOStream(Root))
      return true;
    // glog's LOG(...) << and similar: a stream from a logging library, or
    // from a class whose name says Log.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Root))
      if (const CXXRecordDecl *RD = MC->getMethodDecl()->getParent()) {
        std::string Q = RD->getQualifiedNameAsString();
        return StringRef(Q).contains("Log") ||
               llvm::any_of(families::families(), [&Q](const auto &F) {
                 return F->isLoggingStream(Q);
               });
      }
    // A logger class of the project named in LoggingFunctions
    // (`Log("SECURITY") << ...`, `logger_ << ...`).
    return isListedLoggerClass(Root->getType());
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call)
    return false;
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !F->getIdentifier())
    return false;
  if (Facts && Facts->isLoggingCall(Call))
    return true;
  std::string Q = F->getQualifiedNameAsString();
  if (llvm::is_contained(cLoggingFunctions(), F->getName()) &&
      F->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return true;
  if (llvm::is_contained(LoggingFunctions, "::" + Q) ||
      llvm::is_contained(LoggingFunctions, Q))
    return true;
  // The runtime API, and the logging calls of the libraries' families.
  if (StringRef(Q).starts_with("logstream::") ||
      llvm::any_of(families::families(), [&](const auto &Family) {
        return Family->isLoggingCall(Call, F, Q);
      }))
    return true;
  // The unit's own function that passes what it is given to a record, or
  // a printf-like function of the project named like logging, wherever it
  // is defined.
  return localWrapper(F, Ctx).Logs || isProjectLoggingFunction(F, Ctx);
}

std::optional<bool> RecordClassifier::isCategoryRecord(const Stmt *S,
                                                       ASTContext &Ctx) const {
  auto Record = categoryRecordOf(S, Ctx);
  if (!Record)
    return std::nullopt;
  const families::Family &Family = *Record->first;
  const NamedDecl *Category = Record->second.Category;
  const std::string &Name = Record->second.Name;
  // The category's variable (`lcSecurity`) or its name (`"app.security"`,
  // read as `app_security`) is a security logger's; or the record's text
  // (the macro and the stream after it) carries the tag.
  std::string Normalized;
  for (char C : Name)
    Normalized += llvm::isAlnum(C) ? llvm::toLower(C) : '_';
  if (nameMatches(SecurityLogger, Category) ||
      (!Normalized.empty() && SecurityLogger.matches(Normalized)))
    return true;
  return containsWord(Family.recordText(S, Ctx), SecurityTag);
}

bool RecordClassifier::isSecurityRecord(const Stmt *S, ASTContext &Ctx,
                                        bool KnownRecord) const {
  const SourceManager &SM = Ctx.getSourceManager();
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *F = Call->getDirectCallee()) {
      std::string Q = F->getQualifiedNameAsString();
      if (Q == "logstream::security_event" || Q == "logstream_security_event")
        return true;
    }
  StringRef Macro = outermostMacro(S->getBeginLoc(), SM, Ctx.getLangOpts());
  if (StringRef(Macro).contains("SECURITY"))
    return true;
  // The project's own security channel: functions and macros whose records
  // always go to the auth facility or a security log.
  if (!SecurityLoggingFunctions.empty()) {
    if (!Macro.empty() && (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)) &&
        llvm::is_contained(SecurityLoggingFunctions, Macro))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *F = Call->getDirectCallee();
          F && F->getIdentifier()) {
        std::string Q = F->getQualifiedNameAsString();
        if (llvm::is_contained(SecurityLoggingFunctions, Q) ||
            llvm::is_contained(SecurityLoggingFunctions, "::" + Q))
          return true;
      }
  }
  // A logging macro is a record as a whole: the tag among its written
  // arguments counts, wherever the expansion puts it.
  if (!Macro.empty() &&
      (llvm::is_contained(LoggingMacros, Macro) ||
       isLibraryLoggingMacro(Macro, /*IncludeStreams=*/true))) {
    CharSourceRange Whole = SM.getExpansionRange(S->getBeginLoc());
    StringRef Written = Lexer::getSourceText(Whole, SM, Ctx.getLangOpts());
    if (containsWord(Written, SecurityTag))
      return true;
  }
  // A call given a SECURITY category enumerator (or constant) as an
  // argument: `logEvent(Category::Security, ...)`, whatever the function.
  if (const auto *Call = dyn_cast<CallExpr>(S))
    for (const Expr *A : Call->arguments())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()))
        if (const ValueDecl *D = DRE->getDecl();
            D &&
            (isa<EnumConstantDecl>(D) ||
             (isa<VarDecl>(D) &&
              cast<VarDecl>(D)->getType().isConstQualified())) &&
            D->getIdentifier() && SecurityCategory.matches(D->getName()))
          return true;
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && Facts && Facts->isSecurityRecordCall(Call, Ctx))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && isLocalSecurityRecord(Call, Ctx))
    return true;
  if (std::optional<bool> Category = isCategoryRecord(S, Ctx))
    return *Category;
  if (!KnownRecord && !isLogRecord(S, Ctx))
    return false;
  // syslog(LOG_AUTH | ..., ...) / LOG_AUTHPRIV.
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *F = Call->getDirectCallee())
      if ((F->getName() == "syslog" || F->getName() == "vsyslog") &&
          Call->getNumArgs() >= 1) {
        Expr::EvalResult R;
        if (Call->getArg(0)->EvaluateAsInt(R, Ctx)) {
          int64_t Priority = R.Val.getInt().getExtValue();
          if (isAuthFacility(Priority) ||
              (AuthFacilityByDefault && (Priority & 0x03f8) == 0))
            return true;
        }
      }
  // The project's own logging function given a syslog priority in an auth
  // facility, written so: `log_msg(LOG_AUTHPRIV | LOG_ERR, ...)`.
  if (const auto *Call = dyn_cast<CallExpr>(S))
    for (const Expr *A : Call->arguments())
      if (writesAuthFacility(A, Ctx))
        return true;
  return mentionsSecurity(S);
}

bool RecordClassifier::mentionsSecurity(const Stmt *S) const {
  // A literal with the tag, a category enumerator or constant, a security
  // logger.
  llvm::SmallVector<const Stmt *, 32> Work = {S};
  for (unsigned N = 0; !Work.empty() && N < 256; ++N) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (const auto *SL = dyn_cast<StringLiteral>(Cur)) {
      if (SL->getCharByteWidth() == 1 &&
          containsWord(SL->getString(), SecurityTag))
        return true;
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Cur)) {
      const ValueDecl *D = DRE->getDecl();
      if (isa<EnumConstantDecl>(D) && D->getIdentifier() &&
          SecurityCategory.matches(D->getName()))
        return true;
      if (isa<VarDecl>(D) && nameMatches(SecurityLogger, D))
        return true;
    } else if (const auto *ME = dyn_cast<MemberExpr>(Cur)) {
      if (isa<FieldDecl>(ME->getMemberDecl()) &&
          nameMatches(SecurityLogger, ME->getMemberDecl()))
        return true;
    } else if (const auto *C = dyn_cast<CallExpr>(Cur)) {
      // spdlog::get("security")->...
      for (const std::unique_ptr<families::Family> &F : families::families())
        if (const StringLiteral *SL = F->loggerLookup(C))
          if (SecurityLogger.matches(SL->getString()))
            return true;
    }
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace clang::tidy::logstream::analysis
