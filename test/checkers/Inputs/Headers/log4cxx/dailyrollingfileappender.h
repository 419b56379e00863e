#pragma once
#include <log4cxx/rollingfileappender.h>
namespace log4cxx {
class DailyRollingFileAppender : public rolling::RollingFileAppender {
public:
  DailyRollingFileAppender();
  DailyRollingFileAppender(const LayoutPtr &layout, const LogString &filename, const LogString &datePattern);
};
} // namespace log4cxx
