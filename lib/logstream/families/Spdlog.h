//===--- Spdlog.h - The spdlog family -------------------------------------===//
//
// spdlog: its file sinks (basic/rotating/daily/hourly, _mt and _st) and file
// logger factories, spdlog::create<Sink>, the rotation they configure, SPDLOG_*
// macros and spdlog::get("name") loggers.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_SPDLOG_H
#define LOGSTREAM_FAMILIES_SPDLOG_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makeSpdlog();

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_SPDLOG_H
