#pragma once
#include <log4cplus/logger.h>
namespace log4cplus {
class ConsoleAppender : public Appender {
public:
  ConsoleAppender(bool logToStdErr = false, bool immediateFlush = false);
  ConsoleAppender(const helpers::Properties &properties);
};
} // namespace log4cplus
