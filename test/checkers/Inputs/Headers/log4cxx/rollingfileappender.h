#pragma once
#include <log4cxx/fileappender.h>
namespace log4cxx {
namespace rolling { class RollingFileAppender : public FileAppender { public: RollingFileAppender(); void setMaxFileSize(long) {} void setMaxBackupIndex(int) {} }; }
class RollingFileAppender : public rolling::RollingFileAppender {
public:
  RollingFileAppender();
  RollingFileAppender(const LayoutPtr &layout, const LogString &filename, bool append);
  RollingFileAppender(const LayoutPtr &layout, const LogString &filename);
};
} // namespace log4cxx
