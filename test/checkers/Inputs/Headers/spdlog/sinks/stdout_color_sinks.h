#pragma once
#include <spdlog/sinks/stdout_sinks.h>
namespace spdlog {
namespace sinks {
template <typename ConsoleMutex> class ansicolor_stdout_sink : public sink {};
using stdout_color_sink_mt = ansicolor_stdout_sink<details::console_mutex>;
} // namespace sinks
template <typename Factory = spdlog::synchronous_factory>
std::shared_ptr<logger> stdout_color_mt(const std::string &logger_name) { return Factory::template create<sinks::stdout_color_sink_mt>(logger_name); }
} // namespace spdlog
