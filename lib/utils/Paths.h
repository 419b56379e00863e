//===--- Paths.h - The value of a path-valued expression ------------------===//

#ifndef LOGSTREAM_UTILS_PATHS_H
#define LOGSTREAM_UTILS_PATHS_H

#include "utils/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::logstream::utils {

/// Stands for a part of a path whose value is not known at compile time
/// (a parameter, a runtime string). Patterns never match it.
inline constexpr char UnknownPathPart = '\x1a';

/// Reads the value of a path-valued expression: string literals (also via
/// macros), `const`/`constexpr` variables and local variables through their
/// initializer, `std::string`/`std::string_view`/`std::filesystem::path`
/// construction, `+` and `/` concatenation, `.c_str()`, `.data()`,
/// `.string()`, `.native()`. Parts it cannot know become UnknownPathPart.
/// Returns nullopt when nothing at all is known.
std::optional<std::string> resolvePathValue(const Expr *E, ASTContext &Ctx);

/// A path for messages: unknown parts shown as `...`.
std::string displayPath(llvm::StringRef Path);

} // namespace clang::tidy::logstream::utils

#endif // LOGSTREAM_UTILS_PATHS_H
