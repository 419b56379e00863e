//===--- Easylogging.h - The easylogging++ family -------------------------===//
//
// easylogging++: ConfigurationType::ToFile/Filename/MaxLogFileSize,
// TO_FILE/FILENAME in configuration text, CLOG and ELPP_* macros.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_EASYLOGGING_H
#define LOGSTREAM_FAMILIES_EASYLOGGING_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makeEasylogging();

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_EASYLOGGING_H
