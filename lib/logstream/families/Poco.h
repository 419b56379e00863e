//===--- Poco.h - The Poco family -----------------------------------------===//
//
// Poco: FileChannel/SimpleFileChannel (fix-it: ConsoleChannel),
// setProperty("path") and the rotation/retention properties, poco_* macros.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_POCO_H
#define LOGSTREAM_FAMILIES_POCO_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makePoco();

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_POCO_H
