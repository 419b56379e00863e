//===--- Log4.h - The log4cxx and log4cplus families ----------------------===//
//
// log4cxx and log4cplus: file appenders (fix-it: ConsoleAppender), rolling
// appenders and policies, setMaxFileSize/setMaxBackupIndex,
// LOG4CXX_*/LOG4CPLUS_* macros.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_LOG4_H
#define LOGSTREAM_FAMILIES_LOG4_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makeLog4cxx();
std::unique_ptr<Family> makeLog4cplus();

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_LOG4_H
