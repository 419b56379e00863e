#pragma once
#include <log4cxx/logger.h>
namespace log4cxx {
class FileAppender : public WriterAppender {
public:
  FileAppender();
  FileAppender(const LayoutPtr &layout, const LogString &filename, bool append, bool bufferedIO, int bufferSize);
  FileAppender(const LayoutPtr &layout, const LogString &filename, bool append);
  FileAppender(const LayoutPtr &layout, const LogString &filename);
  void setFile(const LogString &file);
};
typedef std::shared_ptr<FileAppender> FileAppenderPtr;
} // namespace log4cxx
