//===--- Filesystem.h - The std::filesystem / boost::filesystem family ----===//
//
// rename/remove/resize_file/create_directories/permissions on log files and
// folders, deleting what a directory_iterator finds in a log directory,
// file_size against a size limit. boost::filesystem has the same API.
//
//===----------------------------------------------------------------------===//

#ifndef LOGSTREAM_FAMILIES_FILESYSTEM_H
#define LOGSTREAM_FAMILIES_FILESYSTEM_H

#include "utils/Compat.h"
#include "logstream/families/Family.h"
#include <memory>

namespace clang::tidy::logstream::families {

std::unique_ptr<Family> makeFilesystem();

} // namespace clang::tidy::logstream::families

#endif // LOGSTREAM_FAMILIES_FILESYSTEM_H
