//===--- LogstreamTidyMain.cpp - standalone logstream-tidy ----------------===//
//
// clang-tidy with the logstream module built in. All of clang-tidy's options
// (-p, --checks, --fix, --export-fixes, --config-file, NOLINT, ...) work as
// documented for clang-tidy.
//
// One difference, on purpose: where stock clang-tidy cannot find a
// compilation database it prints a warning, "runs without flags" and may exit
// 0 on a file it did not really analyze. logstream-tidy refuses instead, so
// that a misconfigured CI job can never pass silently; the same goes for a
// database that has no compile command for a given file (an empty `[]`).
//
//===----------------------------------------------------------------------===//

#include "utils/Compat.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace {

/// Whether clang-tidy option \p Name (as registered with llvm::cl by
/// clang-tidy's own main) takes its value from the next argument.
bool takesSeparateValue(llvm::StringRef Name) {
  // CommonOptionsParser registers these lazily, so they are not in the
  // registry before clang-tidy's main runs.
  if (Name == "p" || Name == "extra-arg" || Name == "extra-arg-before")
    return true;
  auto &Opts = llvm::cl::getRegisteredOptions();
  auto It = Opts.find(Name);
  if (It == Opts.end())
    return false;
  return It->second->getValueExpectedFlag() == llvm::cl::ValueRequired;
}

/// Whether \p DB has (or infers) a compile command for \p Source: an empty
/// database, or one without the file and nothing to infer from, would make
/// clang-tidy skip the file and exit 0.
bool hasCompileCommand(const clang::tooling::CompilationDatabase &DB,
                       llvm::StringRef Source) {
  llvm::SmallString<256> Path(Source);
  if (llvm::sys::fs::make_absolute(Path))
    return false;
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return !DB.getCompileCommands(Path).empty();
}

/// Returns an error message when source files are given without `--` and no
/// compilation database can be found for them; an empty string otherwise.
std::string checkCompilationDatabase(int Argc, const char **Argv) {
  std::string BuildPath;
  std::vector<std::string> Sources;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg == "--")
      return ""; // Flags are given on the command line.
    if (Arg.starts_with("@"))
      return ""; // Response files: leave them to clang-tidy.
    if (Arg.starts_with("-")) {
      llvm::StringRef Name = Arg.ltrim('-');
      llvm::StringRef Value;
      bool HasInlineValue = Name.contains('=');
      if (HasInlineValue)
        std::tie(Name, Value) = Name.split('=');
      if (!HasInlineValue && takesSeparateValue(Name) && I + 1 < Argc)
        Value = Argv[++I];
      if (Name == "p")
        BuildPath = Value.str();
      continue;
    }
    Sources.push_back(Arg.str());
  }
  if (Sources.empty())
    return "";
  std::string Error;
  if (!BuildPath.empty()) {
    auto DB = clang::tooling::CompilationDatabase::autoDetectFromDirectory(
        BuildPath, Error);
    if (!DB)
      return "no compilation database in '" + BuildPath +
             "' (expected compile_commands.json or compile_flags.txt): " +
             Error;
    for (const std::string &Source : Sources)
      if (!hasCompileCommand(*DB, Source))
        return "no compile command for '" + Source +
               "' in the compilation database in '" + BuildPath + "'";
    return "";
  }
  for (const std::string &Source : Sources) {
    auto DB = clang::tooling::CompilationDatabase::autoDetectFromSource(Source,
                                                                        Error);
    if (!DB)
      return "no compilation database found for '" + Source +
             "' or any parent directory; pass -p <build-dir>, or compiler "
             "flags after '--'";
    if (!hasCompileCommand(*DB, Source))
      return "no compile command for '" + Source +
             "' in its compilation database";
  }
  return "";
}

/// clang finds its built-in headers (`stddef.h`, `float.h`, `mm_malloc.h`)
/// relative to its own executable; this one lives elsewhere. Unless the user
/// names a resource directory, use the one of the LLVM it was built against,
/// for every target.
std::vector<const char *> withResourceDir(int Argc, const char **Argv) {
  std::vector<const char *> Args(Argv, Argv + Argc);
  for (int I = 1; I < Argc; ++I)
    if (llvm::StringRef(Argv[I]).contains("-resource-dir"))
      return Args;
  static const std::string ResourceDir =
      "--extra-arg-before=-resource-dir=" LOGSTREAM_CLANG_RESOURCE_DIR;
  Args.insert(Args.begin() + 1, ResourceDir.c_str());
  return Args;
}

} // namespace

int main(int argc, const char **argv) {
  // `--version` prints LLVM's version first (clang-tidy's), then ours.
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "logstream-tidy version " LOGSTREAM_VERSION " (checks built against "
          "LLVM " LOGSTREAM_LLVM_VERSION ")\n";
  });
  std::string Error = checkCompilationDatabase(argc, argv);
  if (!Error.empty()) {
    llvm::errs() << "logstream-tidy: error: " << Error << "\n";
    return 1;
  }
  std::vector<const char *> Args = withResourceDir(argc, argv);
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
