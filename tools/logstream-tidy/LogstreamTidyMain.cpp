//===--- LogstreamTidyMain.cpp - standalone logstream-tidy ----------------===//
//
// clang-tidy with the logstream module built in. All of clang-tidy's options
// (-p, --checks, --fix, --export-fixes, --config-file, NOLINT, ...) work as
// documented for clang-tidy.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"

int main(int argc, const char **argv) {
  return clang::tidy::clangTidyMain(argc, argv);
}
