#pragma once
#include <log4cplus/logger.h>
#include <ios>
namespace log4cplus {
class FileAppenderBase : public Appender { public: void setMaxFileSize(long) {} };
class FileAppender : public FileAppenderBase {
public:
  FileAppender(const tstring &filename, std::ios_base::openmode mode = std::ios_base::trunc, bool immediateFlush = true, bool createDirs = false);
  FileAppender(const helpers::Properties &properties, std::ios_base::openmode mode = std::ios_base::trunc);
};
class RollingFileAppender : public FileAppender {
public:
  RollingFileAppender(const tstring &filename, long maxFileSize = 10 * 1024 * 1024, int maxBackupIndex = 1, bool immediateFlush = true, bool createDirs = false);
  RollingFileAppender(const helpers::Properties &properties);
};
enum DailyRollingFileSchedule { MONTHLY, WEEKLY, DAILY };
class DailyRollingFileAppender : public FileAppender {
public:
  DailyRollingFileAppender(const tstring &filename, DailyRollingFileSchedule schedule = DAILY, bool immediateFlush = true, int maxBackupIndex = 10);
};
class TimeBasedRollingFileAppender : public FileAppenderBase {
public:
  TimeBasedRollingFileAppender(const tstring &filename = "", const tstring &filenamePattern = "%d.log", int maxHistory = 10);
};
} // namespace log4cplus
