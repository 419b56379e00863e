//===--- Compat.h - The one home of LLVM-version conditionals -------------===//
//
// The differences in LLVM's and clang-tidy's C++ API between the majors
// logstream-tidy supports (14, 15, 16, 19, 22) are absorbed here, so that the
// checks read the same on all of them; every check header includes this file
// first. (Differences in behaviour, such as clang-tidy 14 reading CheckOptions
// only as a list, are handled where they show: the test runner, the README.)
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_UTILS_COMPAT_H
#define LOGSTREAM_UTILS_COMPAT_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeSorter.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/xxhash.h"
#include <mutex>
#include <optional>
#include <string>
#include <vector>

// LLVM 22 moved ClangTidyModuleRegistry into ClangTidyModule.h and deprecated
// the old header (it now emits #warning).
#if LLVM_VERSION_MAJOR >= 22
#include "clang-tidy/ClangTidyModule.h"
#else
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

// LLVM 15 and older: StringRef spells them startswith/endswith (starts_with
// and ends_with arrived in LLVM 16). In C++17, no standard library type has
// members of these names, so the rename reaches only StringRef.
#if LLVM_VERSION_MAJOR < 16
#define starts_with startswith
#define ends_with endswith
#endif

// LLVM 16 and older have no argumentCountAtLeast matcher (LLVM 17). Our checks
// traverse with TK_AsIs, where it counts every argument, default ones too.
#if LLVM_VERSION_MAJOR < 17
namespace clang::ast_matchers {
AST_POLYMORPHIC_MATCHER_P(argumentCountAtLeast,
                          AST_POLYMORPHIC_SUPPORTED_TYPES(CallExpr,
                                                          CXXConstructExpr,
                                                          ObjCMessageExpr),
                          unsigned, MinArgs) {
  return Node.getNumArgs() >= MinArgs;
}
} // namespace clang::ast_matchers
#endif

// LLVM 16 and older: no llvm::isUpper/isLower in StringExtras.h (19 has
// them; 17 and 18 are not supported majors).
#if LLVM_VERSION_MAJOR < 17
namespace llvm {
inline bool isUpper(char C) { return C >= 'A' && C <= 'Z'; }
inline bool isLower(char C) { return C >= 'a' && C <= 'z'; }
} // namespace llvm
#endif

// LLVM 14: the string-list serializer takes std::strings.
#if LLVM_VERSION_MAJOR < 15
namespace clang::tidy::utils::options {
inline std::string
serializeStringList(llvm::ArrayRef<llvm::StringRef> Strings) {
  return llvm::join(Strings, ";");
}
inline std::string
serializeStringList(const std::vector<llvm::StringRef> &Strings) {
  return serializeStringList(llvm::ArrayRef<llvm::StringRef>(Strings));
}
} // namespace clang::tidy::utils::options
#endif

namespace clang::tidy::logstream::compat {

/// The LLVM major version these sources are compiled against.
inline constexpr unsigned LLVMMajor = LLVM_VERSION_MAJOR;

/// What ClangTidyCheck::getCheckTraversalKind returns (llvm::Optional before
/// LLVM 16).
#if LLVM_VERSION_MAJOR < 16
using OptionalTraversalKind = llvm::Optional<TraversalKind>;
#else
using OptionalTraversalKind = std::optional<TraversalKind>;
#endif

/// LLVM's optional results (Lexer::findNextToken,
/// IncludeInserter::createIncludeInsertion, ...) as std::optional: they are
/// llvm::Optional before LLVM 16.
template <typename T> std::optional<T> toStd(std::optional<T> Value) {
  return Value;
}
#if LLVM_VERSION_MAJOR < 16
template <typename T> std::optional<T> toStd(const llvm::Optional<T> &Value) {
  if (Value)
    return *Value;
  return std::nullopt;
}
#endif

/// A string read from the check options, as a StringRef that lives as long
/// as the check: from LLVM 15 on, OptionsView::get and parseStringList return
/// StringRefs into the check's options already; LLVM 14 returns std::strings
/// (temporaries), which are kept here for the life of the process.
#if LLVM_VERSION_MAJOR < 15
inline llvm::StringRef stableOptionString(llvm::StringRef S) {
  static std::mutex Lock;
  static llvm::BumpPtrAllocator Storage;
  static llvm::StringSaver Saver(Storage);
  std::lock_guard<std::mutex> Guard(Lock);
  return Saver.save(S);
}
#else
inline llvm::StringRef stableOptionString(llvm::StringRef S) { return S; }
#endif

/// A fast 64-bit content hash (xxh3 from LLVM 17 on, xxHash64 before). Only
/// compared with hashes made by the same build.
inline uint64_t hash64(llvm::StringRef Data) {
#if LLVM_VERSION_MAJOR >= 17
  return llvm::xxh3_64bits(Data);
#else
  return llvm::xxHash64(Data);
#endif
}

/// The name of the file a source-manager entry was read from, "" when it
/// has none (LLVM 15 and older keep a FileEntry pointer, later majors an
/// optional FileEntryRef).
inline llvm::StringRef contentFileName(const SrcMgr::ContentCache &Content) {
#if LLVM_VERSION_MAJOR < 16
  return Content.OrigEntry ? Content.OrigEntry->getName() : "";
#else
  if (OptionalFileEntryRef File = Content.OrigEntry)
    return File->getName();
  return "";
#endif
}

/// The name of the file behind \p FID, "" when there is none.
inline llvm::StringRef fileIDName(const SourceManager &SM, FileID FID) {
  if (auto File = SM.getFileEntryRefForID(FID))
    return File->getName();
  return "";
}

} // namespace clang::tidy::logstream::compat

// LLVM 14: ClangTidyCheck::areDiagsSelfContained() does not exist yet (nor
// does the mode it reports); checks that call it get this answer.
#if LLVM_VERSION_MAJOR < 15
namespace clang::tidy {
inline bool areDiagsSelfContained() { return false; }
} // namespace clang::tidy
#endif

#endif // LOGSTREAM_UTILS_COMPAT_H
