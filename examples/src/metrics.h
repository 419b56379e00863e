#pragma once
#include <string>

namespace metrics {

/// Sets up the metrics logger; call once at start-up.
void init(const std::string &directory);
/// Records one counter sample.
void count(const std::string &name, long value);

} // namespace metrics
