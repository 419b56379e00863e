#pragma once
#include <spdlog/spdlog.h>
namespace spdlog {
namespace sinks {
template <typename ConsoleMutex> class stdout_sink : public sink { public: stdout_sink() {} };
using stdout_sink_mt = stdout_sink<details::console_mutex>;
using stdout_sink_st = stdout_sink<details::console_nullmutex>;
} // namespace sinks
template <typename Factory = spdlog::synchronous_factory>
std::shared_ptr<logger> stdout_logger_mt(const std::string &logger_name) { return Factory::template create<sinks::stdout_sink_mt>(logger_name); }
template <typename Factory = spdlog::synchronous_factory>
std::shared_ptr<logger> stdout_logger_st(const std::string &logger_name) { return Factory::template create<sinks::stdout_sink_st>(logger_name); }
} // namespace spdlog
