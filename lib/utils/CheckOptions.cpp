//===--- CheckOptions.cpp - Validated option reading ----------------------===//

#include "utils/CheckOptions.h"
#include "utils/Compat.h"
#include "utils/RegexLiterals.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <mutex>

namespace clang::tidy::logstream::utils {

/// The compiled form of a case-insensitive regular expression, compiled
/// once per process: the checks read the same patterns (the vocabularies,
/// the log file classifier's) once per check and per translation unit, and
/// compiling them costs more than most of what the checks then do with
/// them. llvm::Regex::match is const, so one compiled form is shared; it
/// lives as long as the process, and is never destroyed: freeing a
/// vocabulary's tree node by node at exit cost a short run about as much
/// as compiling it (300 K instructions for a check's patterns).
const CompiledPattern &compiled(llvm::StringRef Source) {
  static std::mutex Lock;
  using Map = llvm::StringMap<std::unique_ptr<CompiledPattern>>;
  // NOLINTNEXTLINE(cppcoreguidelines-owning-memory): left to the process.
  static Map &Cache = *new Map;
  std::lock_guard<std::mutex> Guard(Lock);
  std::unique_ptr<CompiledPattern> &P = Cache[Source];
  if (!P)
    P = std::make_unique<CompiledPattern>(Source);
  return *P;
}

CompiledPattern::CompiledPattern(llvm::StringRef Source, bool UseSmallRegex)
    : Source(Source.str()) {
  if (UseSmallRegex)
    Small = SmallRegex::read(Source);
  if (Small)
    return;
  Required = requiredLiterals(Source);
  std::vector<std::string> Parts = branchesOf(Source);
  if (Parts.size() < 2)
    return;
  for (std::string &Part : Parts) {
    auto B = std::make_unique<Branch>();
    B->Required = requiredLiterals(Part);
    B->Source = std::move(Part);
    Branches.push_back(std::move(B));
  }
}

const llvm::Regex &CompiledPattern::regex() const {
  std::call_once(Compiled, [this] {
    RE = std::make_unique<llvm::Regex>(Source, llvm::Regex::IgnoreCase);
  });
  return *RE;
}

bool CompiledPattern::match(llvm::StringRef Text) const {
  if (Small)
    if (std::optional<bool> Answer = Small->match(Text))
      return *Answer;
  std::string Lower = Text.lower();
  if (Required && !containsAnyLowerLiteral(Lower, *Required))
    return false;
  if (Branches.empty())
    return regex().match(Text);
  for (const std::unique_ptr<Branch> &B : Branches) {
    if (B->Required && !containsAnyLowerLiteral(Lower, *B->Required))
      continue;
    std::call_once(B->Compiled, [&] {
      B->RE = std::make_unique<llvm::Regex>(B->Source, llvm::Regex::IgnoreCase);
    });
    // A branch that does not compile (the split misread the expression):
    // the whole expression answers.
    if (!B->RE->isValid())
      return regex().match(Text);
    if (B->RE->match(Text))
      return true;
  }
  return false;
}

namespace {

/// Every default pattern read so far (see defaultPatternsRead).
struct DefaultPatterns {
  std::mutex Lock;
  llvm::StringSet<> Seen;

  static DefaultPatterns &get() {
    static DefaultPatterns D;
    return D;
  }
};

} // namespace

unsigned readChoiceOption(const ClangTidyCheck &Check,
                          const ClangTidyCheck::OptionsView &Options,
                          llvm::StringRef CheckName, llvm::StringRef Name,
                          llvm::ArrayRef<llvm::StringRef> Choices,
                          unsigned Default) {
  // A std::string: LLVM 14's OptionsView::get returns one, later majors a
  // StringRef.
  std::string Value(Options.get(Name, Choices[Default]));
  for (unsigned I = 0; I < Choices.size(); ++I)
    if (Value == Choices[I])
      return I;
  std::string Valid;
  for (llvm::StringRef C : Choices) {
    if (!Valid.empty())
      Valid += "', '";
    Valid += C;
  }
  Check.configurationDiag(
      "invalid value '%0' for option '%1.%2'; expected one of '%3'",
      DiagnosticIDs::Error)
      << Value << CheckName << Name << Valid;
  return Default;
}

bool readBoolOption(const ClangTidyCheck &Check,
                    const ClangTidyCheck::OptionsView &Options,
                    llvm::StringRef CheckName, llvm::StringRef Name,
                    bool Default) {
  // A copy: LLVM 14/15 return the value as a temporary std::string.
  std::string Value(Options.get(Name, Default ? "true" : "false"));
  llvm::StringRef V(Value);
  if (V.equals_insensitive("true") || V == "1")
    return true;
  if (V.equals_insensitive("false") || V == "0")
    return false;
  Check.configurationDiag(
      "invalid value '%0' for option '%1.%2'; expected 'true' or 'false'",
      DiagnosticIDs::Error)
      << Value << CheckName << Name;
  return Default;
}

void storeBoolOption(const ClangTidyCheck::OptionsView &Options,
                     ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                     bool Value) {
  Options.store(Opts, Name, Value ? "true" : "false");
}

std::string readRegexOption(const ClangTidyCheck &Check,
                            const ClangTidyCheck::OptionsView &Options,
                            llvm::StringRef CheckName, llvm::StringRef Name,
                            llvm::StringRef Default) {
  std::string Value(Options.get(Name, Default));
  if (Value.empty())
    return Value; // Matches nothing: the heuristic is off.
  if (Value == Default) {
    // The check's own default, which compiles (the unit test
    // DefaultPatterns.AllCompile proves it for every check): compiled on
    // first use, not here. Compiling every pattern of every check up front
    // cost 23 M instructions, as much as the analysis of a small unit.
    DefaultPatterns &D = DefaultPatterns::get();
    std::lock_guard<std::mutex> Guard(D.Lock);
    D.Seen.insert(Default);
    return Value;
  }
  std::string Error;
  if (!compiled(Value).regex().isValid(Error)) {
    Check.configurationDiag(
        "invalid regular expression '%0' for option '%1.%2': %3",
        DiagnosticIDs::Error)
        << Value << CheckName << Name << Error;
    return Default.str();
  }
  return Value;
}

std::vector<std::string> defaultPatternsRead() {
  DefaultPatterns &D = DefaultPatterns::get();
  std::lock_guard<std::mutex> Guard(D.Lock);
  std::vector<std::string> All;
  for (const auto &Entry : D.Seen)
    All.push_back(Entry.getKey().str());
  llvm::sort(All);
  return All;
}

std::vector<llvm::StringRef>
readListOption(const ClangTidyCheck::OptionsView &Options, llvm::StringRef Name,
               llvm::StringRef Default) {
  std::vector<llvm::StringRef> Result;
  // Items are std::strings on LLVM 14 (see compat::stableOptionString).
  for (const auto &Entry :
       tidy::utils::options::parseStringList(Options.get(Name, Default))) {
    llvm::StringRef Item = llvm::StringRef(Entry).trim();
    if (!Item.empty())
      Result.push_back(compat::stableOptionString(Item));
  }
  return Result;
}

bool Pattern::matches(llvm::StringRef Text) const {
  if (Source.empty())
    return false;
  auto [Answer, New] = Answers.try_emplace(Text, false);
  if (!New)
    return Answer->second;
  if (!Compiled)
    Compiled = &compiled(Source);
  Answer->second = Compiled->match(Text);
  return Answer->second;
}

} // namespace clang::tidy::logstream::utils
