//===--- CheckOptions.cpp - Validated option reading ----------------------===//

#include "utils/CheckOptions.h"
#include "utils/Compat.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include <mutex>

namespace clang::tidy::logstream::utils {

namespace {

/// The compiled form of a case-insensitive regular expression, compiled
/// once per process: the checks read the same patterns (the vocabularies,
/// the log file classifier's) once per check and per translation unit, and
/// compiling them costs more than most of what the checks then do with
/// them. llvm::Regex::match is const, so one compiled form is shared.
std::shared_ptr<llvm::Regex> compiled(llvm::StringRef Source) {
  static std::mutex Lock;
  static llvm::StringMap<std::shared_ptr<llvm::Regex>> Cache;
  std::lock_guard<std::mutex> Guard(Lock);
  std::shared_ptr<llvm::Regex> &RE = Cache[Source];
  if (!RE)
    RE = std::make_shared<llvm::Regex>(Source, llvm::Regex::IgnoreCase);
  return RE;
}

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
  std::string Error;
  if (!compiled(Value)->isValid(Error)) {
    Check.configurationDiag(
        "invalid regular expression '%0' for option '%1.%2': %3",
        DiagnosticIDs::Error)
        << Value << CheckName << Name << Error;
    return Default.str();
  }
  return Value;
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

Pattern::Pattern(llvm::StringRef Src) : Source(Src.str()) {
  if (!Source.empty())
    Compiled = compiled(Source);
}

bool Pattern::matches(llvm::StringRef Text) const {
  return Compiled && Compiled->match(Text);
}

} // namespace clang::tidy::logstream::utils
