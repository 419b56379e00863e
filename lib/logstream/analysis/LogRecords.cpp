//===--- LogRecords.cpp - What a log record and a SECURITY record are -----===//
//
// Moved here from logstream-security-event-category so that every check
// recognizes records the same way.
//
//===----------------------------------------------------------------------===//

#include "LogRecords.h"
#include "ProjectFacts.h"
#include "logstream/families/Qt.h"
#include "utils/Expressions.h"
#include "utils/Parents.h"
#include "utils/LogFiles.h"
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

/// Whether \p Loc is spelled through a Qt category logging macro
/// (qCWarning(lc) ...), at any depth of macro expansion.
bool inQtCategoryMacro(SourceLocation Loc, const SourceManager &SM,
                       const LangOptions &LO) {
  for (unsigned N = 0; Loc.isMacroID() && N < 16; ++N) {
    if (qt::isCategoryLoggingMacro(Lexer::getImmediateMacroName(Loc, SM, LO)))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
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
  static constexpr llvm::StringRef Names[] = {
      "printf", "fprintf", "dprintf", "puts", "fputs", "vprintf", "vfprintf",
      "syslog", "vsyslog", "perror", "logstream_event", "logstream_event_fd",
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
          utils::readListOption(Options, "SecurityLoggingFunctions", "")) {}

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
}

/// The logging macros of the libraries logstream-tidy knows: glog's LOG,
/// VLOG, DLOG, PLOG, LOG_IF..., log4cxx's LOG4CXX_*, log4cplus's LOG4CPLUS_*,
/// Poco's poco_*, Boost.Log's BOOST_LOG*, spdlog's SPDLOG_*, easylogging's
/// CLOG/ELPP_*. Their expansions test the level before logging, so they are
/// judged as a whole, by their written arguments.
bool isLibraryLoggingMacro(StringRef Name, bool IncludeStreams) {
  static const llvm::Regex Known(
      "^(LOG4CXX_|LOG4CPLUS_|poco_|BOOST_LOG|SPDLOG_|ELPP_|CLOG$)");
  // glog's stream macros end in `<< ...` outside the macro: their records are
  // judged by the stream chain instead.
  static const llvm::Regex Streams(
      "^(LOG|VLOG|DLOG|PLOG|SYSLOG|LOG_IF|LOG_EVERY_N|LOG_FIRST_N|LOG_EVERY_T|"
      "LOG_IF_EVERY_N|DLOG_IF|VLOG_IF|PLOG_IF)$");
  return Known.match(Name) || (IncludeStreams && Streams.match(Name));
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

bool RecordClassifier::isLogRecord(const Stmt *S,
                                   ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  // qCWarning(lc) << ...: the macro asks for its category before it tests
  // whether the category is enabled; the record is judged there, as a whole.
  std::string Category;
  if (S->getBeginLoc().isMacroID() && qt::categoryOf(S, Category) &&
      inQtCategoryMacro(S->getBeginLoc(), SM, Ctx.getLangOpts()))
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
    // glog's LOG(...) << and similar: a stream from a logging library.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Root))
      if (const CXXRecordDecl *RD = MC->getMethodDecl()->getParent()) {
        std::string Q = RD->getQualifiedNameAsString();
        return StringRef(Q).starts_with("google::") ||
               StringRef(Q).starts_with("boost::log") ||
               StringRef(Q).contains("Log");
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
  // qWarning("..."): QMessageLogger's printf-style methods (`qWarning()`
  // without a message makes the QDebug that a `<<` chain records with).
  if (qt::isMessageLoggerMethod(F) && Call->getNumArgs() > 0)
    return true;
  std::string Q = F->getQualifiedNameAsString();
  if (llvm::is_contained(cLoggingFunctions(), F->getName()) &&
      F->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return true;
  if (llvm::is_contained(LoggingFunctions, "::" + Q) ||
      llvm::is_contained(LoggingFunctions, Q))
    return true;
  StringRef QR(Q);
  return QR.starts_with("spdlog::") || QR.starts_with("logstream::") ||
         QR.starts_with("log4cxx::") || QR.starts_with("log4cplus::") ||
         (QR.starts_with("Poco::Logger::"));
}

std::optional<bool> RecordClassifier::isQtCategoryRecord(const Stmt *S,
                                                         ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name;
  if (!S->getBeginLoc().isMacroID())
    return std::nullopt;
  const NamedDecl *Category = qt::categoryOf(S, Name);
  if (!Category ||
      !inQtCategoryMacro(S->getBeginLoc(), SM, Ctx.getLangOpts()))
    return std::nullopt;
  // The category's variable (`lcSecurity`) or its name (`"app.security"`,
  // read as `app_security`) is a security logger's; or the record's text
  // (the macro and the stream after it) carries the tag.
  std::string Normalized;
  for (char C : Name)
    Normalized += llvm::isAlnum(C) ? llvm::toLower(C) : '_';
  if (nameMatches(SecurityLogger, Category) ||
      (!Normalized.empty() && SecurityLogger.matches(Normalized)))
    return true;
  return containsWord(
      qt::recordText(S->getBeginLoc(), SM, Ctx.getLangOpts(), nullptr),
      SecurityTag);
}

bool RecordClassifier::isSecurityChannel(const Stmt *S, StringRef Macro,
                                         ASTContext &Ctx) const {
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  std::string Q = F ? F->getQualifiedNameAsString() : std::string();
  if (Q == "logstream::security_event" || Q == "logstream_security_event")
    return true;
  if (Macro.contains("SECURITY"))
    return true;
  // The project's own security channel: functions and macros whose records
  // always go to the auth facility or a security log.
  if (!SecurityLoggingFunctions.empty()) {
    if (!Macro.empty() && (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)) &&
        llvm::is_contained(SecurityLoggingFunctions, Macro))
      return true;
    if (F && F->getIdentifier() &&
        (llvm::is_contained(SecurityLoggingFunctions, Q) ||
         llvm::is_contained(SecurityLoggingFunctions, "::" + Q)))
      return true;
  }
  // A logging macro is a record as a whole: the tag among its written
  // arguments counts, wherever the expansion puts it.
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Macro.empty() && (llvm::is_contained(LoggingMacros, Macro) ||
                         isLibraryLoggingMacro(Macro, /*IncludeStreams=*/true))) {
    CharSourceRange Whole = SM.getExpansionRange(S->getBeginLoc());
    StringRef Written = Lexer::getSourceText(Whole, SM, Ctx.getLangOpts());
    if (containsWord(Written, SecurityTag))
      return true;
  }
  if (!Call)
    return false;
  // A call given a SECURITY category enumerator (or constant) as an
  // argument: `logEvent(Category::Security, ...)`, whatever the function.
  for (const Expr *A : Call->arguments())
    if (const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()))
      if (const ValueDecl *D = DRE->getDecl();
          D && (isa<EnumConstantDecl>(D) ||
                (isa<VarDecl>(D) && cast<VarDecl>(D)->getType().isConstQualified())) &&
          D->getIdentifier() && SecurityCategory.matches(D->getName()))
        return true;
  return Facts && Facts->isSecurityRecordCall(Call, Ctx);
}

bool RecordClassifier::isAuthSyslog(const Stmt *S, ASTContext &Ctx) const {
  // syslog(LOG_AUTH | ..., ...) / LOG_AUTHPRIV.
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  if (!F || !F->getIdentifier() ||
      (F->getName() != "syslog" && F->getName() != "vsyslog") ||
      Call->getNumArgs() < 1)
    return false;
  Expr::EvalResult R;
  if (!Call->getArg(0)->EvaluateAsInt(R, Ctx))
    return false;
  int64_t Priority = R.Val.getInt().getExtValue();
  return isAuthFacility(Priority) ||
         (AuthFacilityByDefault && (Priority & 0x03f8) == 0);
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
      if (const FunctionDecl *F = C->getDirectCallee())
        if (F->getQualifiedNameAsString() == "spdlog::get" &&
            C->getNumArgs() == 1)
          if (const StringLiteral *SL = utils::asStringLiteral(C->getArg(0)))
            if (SecurityLogger.matches(SL->getString()))
              return true;
    }
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return false;
}

bool RecordClassifier::isSecurityRecord(const Stmt *S, ASTContext &Ctx,
                                        bool KnownRecord) const {
  StringRef Macro = outermostMacro(S->getBeginLoc(), Ctx.getSourceManager(),
                                   Ctx.getLangOpts());
  if (isSecurityChannel(S, Macro, Ctx))
    return true;
  if (std::optional<bool> Qt = isQtCategoryRecord(S, Ctx))
    return *Qt;
  if (!KnownRecord && !isLogRecord(S, Ctx))
    return false;
  return isAuthSyslog(S, Ctx) || mentionsSecurity(S);
}

} // namespace clang::tidy::logstream::analysis
