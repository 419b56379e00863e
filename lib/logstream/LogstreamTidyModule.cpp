//===--- LogstreamTidyModule.cpp - the logstream clang-tidy module --------===//
//
// Registers every logstream-* check, in alphabetical order.
// utils/add_new_check.py keeps this list sorted.
//
//===----------------------------------------------------------------------===//

#include "BufferedStdoutCheck.h"
#include "EventInjectionCheck.h"
#include "LogFileManagementCheck.h"
#include "LogFileSinkCheck.h"
#include "ProjectFactsCheck.h"
#include "SecurityEventCategoryCheck.h"
#include "SensitiveLogDataCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "utils/Compat.h"

namespace clang::tidy::logstream {

class LogstreamModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    // BEGIN CHECKS (sorted; maintained by utils/add_new_check.py)
    CheckFactories.registerCheck<BufferedStdoutCheck>(
        "logstream-buffered-stdout");
    CheckFactories.registerCheck<EventInjectionCheck>(
        "logstream-event-injection");
    CheckFactories.registerCheck<LogFileManagementCheck>(
        "logstream-log-file-management");
    CheckFactories.registerCheck<LogFileSinkCheck>(
        "logstream-log-file-sink");
    CheckFactories.registerCheck<ProjectFactsCheck>(
        "logstream-project-facts");
    CheckFactories.registerCheck<SecurityEventCategoryCheck>(
        "logstream-security-event-category");
    CheckFactories.registerCheck<SensitiveLogDataCheck>(
        "logstream-sensitive-log-data");
    // END CHECKS
  }
};

} // namespace clang::tidy::logstream

namespace clang::tidy {

// Registered with the name "logstream": no in-tree clang-tidy module uses it.
static ClangTidyModuleRegistry::Add<logstream::LogstreamModule>
    X("logstream-module", "Checks for logs as event streams (factor XI).");

} // namespace clang::tidy
