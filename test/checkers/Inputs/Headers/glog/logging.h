// Mock of glog 0.6 (without gflags), reduced to what the tests use.
#pragma once
#include <ostream>
#include <string>
namespace fLB { extern bool FLAGS_logtostderr; extern bool FLAGS_logtostdout; extern bool FLAGS_alsologtostderr; }
using fLB::FLAGS_alsologtostderr;
using fLB::FLAGS_logtostderr;
using fLB::FLAGS_logtostdout;
namespace fLS { extern std::string &FLAGS_log_dir; }
using fLS::FLAGS_log_dir;
namespace fLI { extern int FLAGS_max_log_size; }
using fLI::FLAGS_max_log_size;
namespace google {
typedef int LogSeverity;
const int GLOG_INFO = 0, GLOG_WARNING = 1, GLOG_ERROR = 2;
void InitGoogleLogging(const char *argv0);
void SetLogDestination(LogSeverity severity, const char *base_filename);
void LogToStderr();
void SetLogSymlink(LogSeverity severity, const char *symlink_basename);
void SetLogFilenameExtension(const char *filename_extension);
void ShutdownGoogleLogging();
void EnableLogCleaner(unsigned int overdue_days);
} // namespace google
