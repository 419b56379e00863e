//===--- BoostLog.h - The Boost.Log family --------------------------------===//
//
// Boost.Log: text_file_backend sinks, add_file_log (fix-it: add_console_log),
// rotation and retention keywords and backend setters, file collectors,
// BOOST_LOG* macros.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_BOOSTLOG_H
#define LOGSTREAM_FAMILIES_BOOSTLOG_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makeBoostLog();

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_BOOSTLOG_H
