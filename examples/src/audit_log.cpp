#include "audit_log.h"
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

namespace audit {

namespace {
std::ofstream audit_log;
std::string log_path;
constexpr std::uintmax_t kMaxLogBytes = 10 * 1024 * 1024;
constexpr int kKeepFiles = 5;
} // namespace

bool open(const std::string &directory) {
  std::filesystem::create_directories(directory + "/logs");
  log_path = directory + "/logs/audit.log";
  audit_log.open(log_path, std::ios::app);
  return audit_log.is_open();
}

void record(const std::string &event, const std::string &subject) {
  std::time_t now = std::time(nullptr);
  audit_log << now << ' ' << event << ' ' << subject << '\n';
  rotate_if_needed();
}

void rotate_if_needed() {
  if (std::filesystem::file_size(log_path) < kMaxLogBytes)
    return;
  audit_log.close();
  for (int i = kKeepFiles - 1; i > 0; --i) {
    std::string from = log_path + "." + std::to_string(i);
    std::string to = log_path + "." + std::to_string(i + 1);
    std::rename(from.c_str(), to.c_str());
  }
  std::rename(log_path.c_str(), (log_path + ".1").c_str());
  audit_log.open(log_path, std::ios::app);
}

} // namespace audit
