#pragma once
#include <string>

namespace audit {

/// Opens the audit log; call once at start-up.
bool open(const std::string &directory);
/// Appends one audit line.
void record(const std::string &event, const std::string &subject);
/// Rotates the audit log when it grows past the limit.
void rotate_if_needed();

} // namespace audit
