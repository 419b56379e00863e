// How C++ services keep their log files: a member path built in the
// constructor and opened later, a config struct's field, a function that
// returns the log path; rotation and deletion of the member path. Not logs:
// a PID file under logs/, a report under the log directory.
// RUN: %check_logstream_tidy -check-suffix=SINK -std=c++17 %s logstream-log-file-sink %t
// RUN: %check_logstream_tidy -check-suffix=MGMT -std=c++17 %s logstream-log-file-management %t

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

struct LogConfig {
  std::string log_path;
  fs::path log_dir;
};

class Journal {
public:
  Journal(const fs::path &dir, const std::string &base)
      : m_logPath(dir / (base + ".log")) {}
  void open() { m_out.open(m_logPath, std::ios::app); }
  // CHECK-MESSAGES-SINK: :[[@LINE-1]]:17: warning: 'std::ofstream::open' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  void rotate() { fs::rename(m_logPath, m_logPath.string() + ".1"); }
  // CHECK-MESSAGES-MGMT: :[[@LINE-1]]:19: warning: 'std::filesystem::rename' rotates a log file; leave rotation and retention to the execution environment [logstream-log-file-management]
  void purge() { fs::remove(m_logPath); }
  // CHECK-MESSAGES-MGMT: :[[@LINE-1]]:18: warning: 'std::filesystem::remove' deletes a log file

private:
  fs::path m_logPath;
  std::ofstream m_out;
};

void writeTo(const LogConfig &cfg) {
  std::ofstream out(cfg.log_path, std::ios::app);
  // CHECK-MESSAGES-SINK: :[[@LINE-1]]:17: warning: 'std::ofstream' writes log events to a file
  // CHECK-FIXES-SINK: {{^}}  std::ostream &out = std::cout;{{$}}
  out << "started\n";
}

std::string default_log_path();
void writeDefault() {
  std::ofstream out(default_log_path());
  // CHECK-MESSAGES-SINK: :[[@LINE-1]]:17: warning: 'std::ofstream' writes log events to a file
  // (No fix-it: the path is a temporary, the declaration is not rewritten.)
  // CHECK-FIXES-SINK: {{^}}  std::ofstream out(default_log_path());{{$}}
  out << "ready\n";
}

void notLogs(const LogConfig &cfg) {
  std::ofstream pid("logs/app.pid");
  pid << 42;
  std::ofstream report(cfg.log_dir / "report.csv");
  report << "a,b\n";
}
