#pragma once
// The service's logging API: variadic templates over a format string,
// defined in service_log.cpp (not part of this translation unit's view of
// the bodies that matter here).
#include <string>
#include <string_view>
#include <utility>

namespace svc {
template <typename... Args>
void log_warn(std::string_view fmt, Args &&...args);
template <typename... Args>
void log_info(const char *fmt, Args &&...args);

class Logger {
public:
  template <typename... Args> void error(const char *fmt, Args &&...args);
};
Logger &logger();

// A string builder with the same shape: not logging.
template <typename... Args> std::string str_format(const char *fmt, Args &&...args);
} // namespace svc
