//===--- Families.h - The one list of library families --------------------===//
//
// The families the checks iterate (Families.cpp holds the list), and the
// lookups that go over all of them: which family owns a file sink class, a
// path-taking call; every name of a table, for one matcher over all.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_FAMILIES_H
#define LOGSTREAM_FAMILIES_FAMILIES_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>
#include <vector>

namespace clang::tidy::logstream::families {

using FamilyList = std::vector<std::unique_ptr<Family>>;

/// A fresh instance of every family, in the list's order. A check owns its
/// own (a family may keep what it has seen in the current translation unit).
FamilyList makeFamilies();

/// One shared instance of every family, for questions that keep no state
/// (the record classifier, the lookups below).
const FamilyList &families();

/// A file sink class of some family, with the family that owns it.
struct SinkLookup {
  const Family *Owner = nullptr;
  const LibrarySink *Sink = nullptr;
};

/// The family entry a sink class (or one of its bases) belongs to.
SinkLookup findFileSink(const CXXRecordDecl *Sink);

/// The name diagnostics use for a file sink class (its family's, or the
/// qualified name of a class of ExtraSinkTypes).
std::string sinkDisplayName(const CXXRecordDecl *Sink);

/// The path-taking management call \p FD is (inline namespaces such as
/// std::filesystem::__cxx11 do not count), or null.
const PathApi *findPathApi(const FunctionDecl *FD);

/// Every name of one table over all families, for one matcher.
std::vector<llvm::StringRef> allFileSinkClasses();
std::vector<llvm::StringRef> allFileFactories();
std::vector<llvm::StringRef> allRotatingClasses();
/// The path-taking calls, or only those of operation \p Only.
std::vector<llvm::StringRef>
allPathApis(std::optional<Operation> Only = std::nullopt);

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_FAMILIES_H
