//===--- Glog.h - The glog family -----------------------------------------===//
//
// glog: InitGoogleLogging without FLAGS_logtostdout/logtostderr,
// SetLogDestination and friends, FLAGS_log_dir, FLAGS_max_log_size and
// EnableLogCleaner, LOG/VLOG/... stream macros.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_GLOG_H
#define LOGSTREAM_FAMILIES_GLOG_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makeGlog();

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_GLOG_H
