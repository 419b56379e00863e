#pragma once
#include <log4cxx/logger.h>
namespace log4cxx {
class ConsoleAppender : public WriterAppender {
public:
  ConsoleAppender();
  ConsoleAppender(const LayoutPtr &layout);
  ConsoleAppender(const LayoutPtr &layout, const LogString &target);
};
} // namespace log4cxx
