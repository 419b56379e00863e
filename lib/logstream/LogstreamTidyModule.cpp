//===--- LogstreamTidyModule.cpp - the logstream clang-tidy module --------===//
//
// Registers every logstream-* check. The list is generated at configure time
// from the check registry, lib/logstream/checks.json (cmake/
// LogstreamChecks.cmake writes LogstreamCheckHeaders.inc and
// LogstreamCheckRegistrations.inc into the build tree); utils/
// add_new_check.py adds a check to the registry.
//
//===----------------------------------------------------------------------===//

#include "utils/Compat.h"

#include "LogstreamCheckHeaders.inc"
#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy::logstream {
namespace {

class LogstreamModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
#include "LogstreamCheckRegistrations.inc"
  }
};

} // namespace
} // namespace clang::tidy::logstream

namespace clang::tidy {

// The module's registry name, "logstream-module", is one no in-tree
// clang-tidy module uses; its checks are the logstream-* ones.
static ClangTidyModuleRegistry::Add<logstream::LogstreamModule>
    X("logstream-module", "Checks for logs as event streams (factor XI).");

} // namespace clang::tidy
