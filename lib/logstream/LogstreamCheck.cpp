//===--- LogstreamCheck.cpp - The base of every logstream check -----------===//

#include "LogstreamCheck.h"
#include "utils/CheckOptions.h"
#include "utils/Expressions.h"
#include "utils/Parents.h"

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

void LogstreamCheck::registerPPCallbacks(const SourceManager &SM,
                                         Preprocessor *PP, Preprocessor *) {
  this->PP = PP;
  this->SM = &SM;
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
