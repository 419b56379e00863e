//===--- LogstreamCheck.cpp - The base of every logstream check -----------===//

#include "LogstreamCheck.h"
#include "utils/CheckOptions.h"
#include "utils/Expressions.h"
#include "utils/Parents.h"
#include "clang/Lex/Preprocessor.h"

namespace clang::tidy::logstream {

LogstreamCheck::LogstreamCheck(StringRef Name, ClangTidyContext *Context,
                               Includes Inserts)
    : ClangTidyCheck(Name, Context), Name(Name.str()), TidyContext(Context) {
  if (Inserts == Includes::Inserted)
    Inserter = std::make_unique<utils::IncludeFixes>(
        Options.getLocalOrGlobal("IncludeStyle",
                                 tidy::utils::IncludeSorter::IS_LLVM),
        areDiagsSelfContained());
}

LogstreamCheck::~LogstreamCheck() = default;

void LogstreamCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  if (Inserter)
    Options.store(Opts, "IncludeStyle", Inserter->style());
}

void LogstreamCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  Traversal = utils::UserCodeTraversal::of(Finder, [this] {
    const ClangTidyOptions &Opts = TidyContext->getOptions();
    return Opts.Checks &&
           utils::UserCodeTraversal::onlyLogstreamChecks(*Opts.Checks);
  });
  registerUserCodeMatchers(&Traversal->finder());
}

/// The global option that keeps glibc's fortified calls (see
/// parseWithoutFortify).
static constexpr StringRef KeepFortifyOption = "logstream.KeepFortifySource";
static constexpr StringRef UndefFortify =
    "#undef _FORTIFY_SOURCE /* logstream: read the calls as written */\n";

/// With `-D_FORTIFY_SOURCE=2` (Debian's and Fedora's default build flags,
/// and many projects' own), glibc's headers turn `printf(...)`,
/// `fprintf(...)` and `syslog(...)` into `__printf_chk(1, ...)`,
/// `__syslog_chk(pri, 1, ...)` and so on, by macros in C: the calls the
/// checks read as records (and the facts as logging) are no longer there.
/// Fortification is a code generation matter; the unit is parsed as if the
/// command did not ask for it, by an `#undef` at the end of the
/// preprocessor's predefines (read when the main file is entered, after
/// this), once per unit. The global option logstream.KeepFortifySource
/// (`true`) keeps the command's choice.
static void parseWithoutFortify(Preprocessor &PP, const ClangTidyCheck &Check,
                                ClangTidyContext &Context) {
  const auto &Opts = Context.getOptions().CheckOptions;
  if (auto It = Opts.find(KeepFortifyOption); It != Opts.end()) {
    StringRef Value = StringRef(It->second.Value).trim();
    if (Value.equals_insensitive("true") || Value == "1")
      return;
    if (!Value.equals_insensitive("false") && Value != "0")
      Check.configurationDiag(
          "invalid value '%0' for option '%1'; expected 'true' or 'false'",
          DiagnosticIDs::Error)
          << Value << KeepFortifyOption;
  }
  if (StringRef(PP.getPredefines()).contains(UndefFortify))
    return;
  PP.setPredefines(PP.getPredefines() + UndefFortify.str());
}

void LogstreamCheck::registerPPCallbacks(const SourceManager &SM,
                                         Preprocessor *PP, Preprocessor *) {
  this->PP = PP;
  this->SM = &SM;
  parseWithoutFortify(*PP, *this, *TidyContext);
  if (Inserter)
    Inserter->registerPreprocessor(PP);
  registerPreprocessor(*PP);
}

void LogstreamCheck::onEndOfTranslationUnit() {
  // Actions may queue more (a report that needs another pass): run until
  // the queue is empty.
  for (size_t I = 0; I < AtEnd.size(); ++I) {
    auto Action = std::move(AtEnd[I]);
    Action();
  }
  AtEnd.clear();
  forgetTranslationUnit();
}

void LogstreamCheck::atEndOfTranslationUnit(
    llvm::unique_function<void()> Action) {
  AtEnd.push_back(std::move(Action));
}

bool LogstreamCheck::readBool(StringRef Option, bool Default) {
  return utils::readBoolOption(*this, Options, Name, Option, Default);
}

void LogstreamCheck::storeBool(ClangTidyOptions::OptionMap &Opts,
                               StringRef Option, bool Value) const {
  utils::storeBoolOption(Options, Opts, Option, Value);
}

unsigned LogstreamCheck::readChoice(StringRef Option,
                                    ArrayRef<StringRef> Choices,
                                    unsigned Default) {
  return utils::readChoiceOption(*this, Options, Name, Option, Choices,
                                 Default);
}

std::string LogstreamCheck::readRegex(StringRef Option, StringRef Default) {
  return utils::readRegexOption(*this, Options, Name, Option, Default);
}

std::vector<StringRef> LogstreamCheck::readList(StringRef Option,
                                                StringRef Default) {
  return utils::readListOption(Options, Option, Default);
}

std::optional<int64_t> LogstreamCheck::macroValue(StringRef Macro) const {
  return utils::macroIntegerValue(PP, Macro);
}

std::optional<FixItHint> LogstreamCheck::includeFor(SourceLocation Loc,
                                                    StringRef Header) {
  if (!SM)
    return std::nullopt;
  return includeIn(SM->getFileID(SM->getExpansionLoc(Loc)), Header);
}

std::optional<FixItHint> LogstreamCheck::includeIn(FileID File,
                                                   StringRef Header) {
  if (!Inserter)
    return std::nullopt;
  return Inserter->insertion(File, Header);
}

} // namespace clang::tidy::logstream
