//===--- ProjectFactsCheck.cpp - logstream-project-facts ------------------===//

#include "ProjectFactsCheck.h"
#include "logstream/analysis/SecurityVocabulary.h"
#include "utils/CheckOptions.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

/// logstream-ci names the directory for the runs it drives (it cannot set
/// check options without replacing the project's own configuration).
static constexpr llvm::StringRef OutputDirectoryEnv = "LOGSTREAM_FACTS_DIR";

static std::string outputDirectory(const ClangTidyCheck::OptionsView &Options) {
  if (std::optional<std::string> Env =
          compat::toStd(llvm::sys::Process::GetEnv(OutputDirectoryEnv)))
    return *Env;
  return std::string(Options.get("OutputDirectory", ""));
}

ProjectFactsCheck::ProjectFactsCheck(StringRef Name, ClangTidyContext *Context)
    : LogstreamCheck(Name, Context), OutputDirectory(outputDirectory(Options)),
      LogNamePattern(readRegex("LogNamePattern", utils::DefaultLogNamePattern)),
      CredentialNamePattern(readRegex("CredentialNamePattern",
                                      analysis::DefaultCredentialPattern)),
      SecurityTag(Options.get("SecurityTag", "SECURITY")),
      SecurityOperations(Options.get("SecurityOperations",
                                     analysis::DefaultSecurityOperations)),
      SecretComparisons(
          readList("SecretComparisons", "CRYPTO_memcmp;timingsafe_bcmp")) {
  if (OutputDirectory.empty())
    return;
  analysis::ExtractorOptions Opts{
      utils::Pattern(LogNamePattern),
      utils::Pattern(CredentialNamePattern),
      SecurityTag,
      {},
      {SecretComparisons.begin(), SecretComparisons.end()}};
  for (StringRef Entry :
       tidy::utils::options::parseStringList(SecurityOperations)) {
    auto [Fn, Event] = Entry.trim().split('=');
    if (Fn.empty() || Event.empty()) {
      configurationDiag("invalid entry '%0' in option '%1.SecurityOperations'; "
                        "expected 'function=event[:true]'",
                        DiagnosticIDs::Error)
          << Entry << Name;
      continue;
    }
    Opts.Operations.emplace_back(Fn.ltrim(':').str(), Event.str());
  }
  Extractor = std::make_unique<analysis::FactsExtractor>(std::move(Opts));
}

void ProjectFactsCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  LogstreamCheck::storeOptions(Opts);
  Options.store(Opts, "OutputDirectory", Options.get("OutputDirectory", ""));
  Options.store(Opts, "LogNamePattern", LogNamePattern);
  Options.store(Opts, "CredentialNamePattern", CredentialNamePattern);
  Options.store(Opts, "SecurityTag", SecurityTag);
  Options.store(Opts, "SecurityOperations", SecurityOperations);
  Options.store(Opts, "SecretComparisons",
                tidy::utils::options::serializeStringList(SecretComparisons));
}

void ProjectFactsCheck::registerPreprocessor(Preprocessor &) {
  if (Extractor) // Once the whole unit has been seen, write its facts.
    atEndOfTranslationUnit([this] { writeFacts(); });
}

void ProjectFactsCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  if (!Extractor)
    return; // Extraction is off: no cost.
  Finder->addMatcher(functionDecl(isDefinition()).bind("fn"), this);
  Finder->addMatcher(
      callExpr(utils::calleeNamed({"::openlog"})).bind("openlog"), this);
}

void ProjectFactsCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn"))
    Extractor->addFunction(FD, *Result.Context);
  if (const auto *C = Result.Nodes.getNodeAs<CallExpr>("openlog"))
    Extractor->addOpenlog(C, *Result.Context);
}

void ProjectFactsCheck::writeFacts() {
  const SourceManager *SM = sourceManager();
  if (!SM)
    return;
  if (std::error_code EC = llvm::sys::fs::create_directories(OutputDirectory)) {
    configurationDiag("cannot create project facts directory '%0': %1",
                      DiagnosticIDs::Error)
        << OutputDirectory << EC.message();
    return;
  }
  std::string Error = Extractor->write(OutputDirectory, *SM);
  if (!Error.empty())
    configurationDiag("%0", DiagnosticIDs::Error) << Error;
}

} // namespace clang::tidy::logstream
