#include "metrics.h"
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

namespace metrics {

namespace {
std::shared_ptr<spdlog::logger> metrics_logger;
}

void init(const std::string &directory) {
  // 5 MiB per file, keep 3 files.
  metrics_logger = spdlog::rotating_logger_mt("metrics", directory + "/metrics.log",
                                              5 * 1024 * 1024, 3);
  metrics_logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %v");
}

void count(const std::string &name, long value) {
  if (metrics_logger)
    metrics_logger->info("{}={}", name, value);
}

} // namespace metrics
