//===--- LogFiles.cpp - What counts as a log file -------------------------===//

#include "utils/LogFiles.h"
#include "utils/Compat.h"
#include "logstream/families/Qt.h"
#include "utils/Expressions.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::logstream::utils {

static constexpr llvm::StringRef LogPathOption = "LogPathPattern";
static constexpr llvm::StringRef LogNameOption = "LogNamePattern";
static constexpr llvm::StringRef AllowedPathsOption = "AllowedPaths";
static constexpr llvm::StringRef NonLogFileOption = "NonLogFilePattern";
static constexpr llvm::StringRef TestFileOption = "TestFilePattern";

LogFileClassifier::LogFileClassifier(const ClangTidyCheck &Check,
                                     const ClangTidyCheck::OptionsView &Options,
                                     llvm::StringRef CheckName)
    : LogPath(readRegexOption(Check, Options, CheckName, LogPathOption,
                              DefaultLogPathPattern)),
      LogName(readRegexOption(Check, Options, CheckName, LogNameOption,
                              DefaultLogNamePattern)),
      NonLogFile(readRegexOption(Check, Options, CheckName, NonLogFileOption,
                                 DefaultNonLogFilePattern)),
      TestFile(readRegexOption(Check, Options, CheckName, TestFileOption,
                               DefaultTestFilePattern)) {
  for (llvm::StringRef P :
       readListOption(Options, AllowedPathsOption, DefaultAllowedPaths))
    AllowedPaths.push_back(P.str());
}

void LogFileClassifier::storeOptions(const ClangTidyCheck::OptionsView &Options,
                                     ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, LogPathOption, LogPath.source());
  Options.store(Opts, LogNameOption, LogName.source());
  Options.store(Opts, NonLogFileOption, NonLogFile.source());
  Options.store(Opts, TestFileOption, TestFile.source());
  std::vector<llvm::StringRef> Allowed(AllowedPaths.begin(),
                                       AllowedPaths.end());
  Options.store(Opts, AllowedPathsOption,
                tidy::utils::options::serializeStringList(Allowed));
}

bool LogFileClassifier::isAllowedPath(llvm::StringRef Path) const {
  return llvm::is_contained(AllowedPaths, Path);
}

bool LogFileClassifier::isLogPath(llvm::StringRef Path) const {
  if (Path.empty() || isAllowedPath(Path))
    return false;
  llvm::StringRef Last = Path.substr(Path.rfind('/') + 1);
  if (!Last.contains(".log") && NonLogFile.matches(Last))
    return false;
  if (LogPath.matches(Path))
    return true;
  // A rotated name with a computed suffix: "app.log." + std::to_string(i).
  // An unknown part right after a dot is taken to be a suffix like "1".
  std::string Suffixed = Path.str();
  size_t Pos = 0;
  bool Changed = false;
  while ((Pos = Suffixed.find(std::string(".") + UnknownPathPart, Pos)) !=
         std::string::npos) {
    Suffixed[Pos + 1] = '1';
    Changed = true;
  }
  return Changed && LogPath.matches(Suffixed);
}

bool LogFileClassifier::isLogName(llvm::StringRef Identifier) const {
  return !Identifier.empty() &&
         LogName.matches(normalizeIdentifier(Identifier));
}

bool LogFileClassifier::mentionsLogName(const Expr *E) const {
  return mentionsMatchingName(E, LogName);
}

bool LogFileClassifier::isLogPathExpr(const Expr *E, ASTContext &Ctx,
                                      std::string *Path) const {
  if (!E)
    return false;
  if (std::optional<std::string> P = resolvePathValue(E, Ctx))
    if (isAllowedPath(*P))
      return false;
  return isLogPathValueOrName(E, Ctx, Path) ||
         isFilledWithLogPath(E, Ctx, Path);
}

bool LogFileClassifier::isLogPathValueOrName(const Expr *E, ASTContext &Ctx,
                                             std::string *Path) const {
  if (std::optional<std::string> P = resolvePathValue(E, Ctx)) {
    if (isAllowedPath(*P))
      return false;
    if (isLogPath(*P)) {
      if (Path)
        *Path = *P;
      return true;
    }
    // A path whose file name is known and is not a log (`logs/app.pid`) is
    // not made one by a log-named directory variable.
    llvm::StringRef Last = llvm::StringRef(*P).substr(P->rfind('/') + 1);
    if (!Last.contains(UnknownPathPart) && !Last.contains(".log") &&
        NonLogFile.matches(Last))
      return false;
  }
  return mentionsLogName(E);
}

/// The format of a printf-style call with its conversions read as unknown
/// parts: `"%s/%s.log"` is `.../....log`.
static std::string formatAsPath(llvm::StringRef Format) {
  std::string Out;
  for (size_t I = 0; I < Format.size(); ++I) {
    if (Format[I] != '%') {
      Out += Format[I];
      continue;
    }
    if (I + 1 < Format.size() && Format[I + 1] == '%') {
      Out += '%';
      ++I;
      continue;
    }
    size_t End = Format.find_first_of("diouxXeEfFgGaAcspn", I + 1);
    if (End == llvm::StringRef::npos)
      break;
    Out += UnknownPathPart;
    I = End;
  }
  return Out;
}

bool LogFileClassifier::isFilledWithLogPath(const Expr *E, ASTContext &Ctx,
                                            std::string *Path) const {
  using namespace ast_matchers;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->isLocalVarDecl())
    return false;
  const auto *Fn =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Fn || !Fn->getBody())
    return false;
  auto Buffer = declRefExpr(to(equalsNode(VD)));
  auto Fills = match(
      findAll(
          callExpr(utils::calleeNamed({"snprintf", "sprintf", "vsnprintf",
                                       "vsprintf", "strcpy", "strncpy",
                                       "strlcpy", "strcat", "strncat",
                                       "strlcat", "stpcpy", "asprintf"}),
                   hasArgument(
                       0, ignoringParenImpCasts(anyOf(
                              Buffer, unaryOperator(hasOperatorName("&"),
                                                    hasUnaryOperand(Buffer))))))
              .bind("fill")),
      *Fn->getBody(), Ctx);
  for (const auto &M : Fills) {
    const auto *Call = M.getNodeAs<CallExpr>("fill");
    llvm::StringRef Name = Call->getDirectCallee()->getName();
    bool Printf = Name.contains("printf");
    unsigned FormatIdx = Name == "snprintf" || Name == "vsnprintf" ? 2 : 1;
    for (unsigned I = 1; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = Call->getArg(I);
      if (Printf && I == FormatIdx) {
        const StringLiteral *SL = asStringLiteral(Arg);
        if (!SL || SL->getCharByteWidth() != 1)
          continue;
        std::string Format = formatAsPath(SL->getString());
        if (isLogPath(Format)) {
          if (Path)
            *Path = Format;
          return true;
        }
        // `"%s/app.lock"` under a log directory names no log.
        llvm::StringRef Last =
            llvm::StringRef(Format).substr(Format.rfind('/') + 1);
        if (!Last.contains(UnknownPathPart) && !Last.contains(".log") &&
            NonLogFile.matches(Last))
          break;
        continue;
      }
      if ((Printf && I < FormatIdx) || Arg->getType()->isIntegerType())
        continue; // the size, an index
      if (isLogPathValueOrName(Arg, Ctx, Path))
        return true;
    }
  }
  return false;
}

} // namespace clang::tidy::logstream::utils
