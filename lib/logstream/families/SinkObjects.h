//===--- SinkObjects.h - File sink objects of every library ---------------===//
//
// What every family with file sink classes shares: a sink object created
// with `new`, `std::make_shared`/`make_unique` or constructed directly, and
// the fix-it that creates the family's console sink instead when the object
// is only used through the library's base interface. The classes and their
// console replacements come from the families' tables (Family::fileSinks).
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_SINKOBJECTS_H
#define LOGSTREAM_FAMILIES_SINKOBJECTS_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"

namespace clang::tidy::logstream::families {

/// Registers the creation matchers over SinkHost::sinkClass().
void registerSinkObjectMatchers(SinkHost &H, utils::UserCodeMatchers &F);

/// Reports a creation those matchers found (false for any other match).
bool checkSinkObject(SinkHost &H, const MatchResult &Result);

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_SINKOBJECTS_H
