// RUN: %check_logstream_tidy -std=c++17,c++20 %s logstream-log-file-management %t

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <vector>
#include <algorithm>
#include <unistd.h>

namespace fs = std::filesystem;

static const std::string kLogDir = "/var/log/orders";
static std::ofstream audit_log;
static std::string log_path;

void open_log() {
  audit_log.open(kLogDir + "/audit.log", std::ios::app);
}

// Rotation: the usual shifting loop.
void rotate(int keep) {
  for (int i = keep - 1; i > 0; --i) {
    std::string from = log_path + "." + std::to_string(i);
    std::string to = log_path + "." + std::to_string(i + 1);
    std::rename(from.c_str(), to.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'rename' rotates a log file; leave rotation and retention to the execution environment [logstream-log-file-management]
  }
  fs::rename("orders.log", "orders.log.1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::rename' rotates log file 'orders.log'; leave rotation and retention to the execution environment [logstream-log-file-management]
  std::rename("orders.log", ("orders.log." + std::to_string(keep)).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rename' rotates log file 'orders.log'
  std::rename("tmp/out.txt", "app.log.old");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rename' rotates log file 'app.log.old'
}

// Retention: deleting old logs, directly or by scanning the log directory.
void retention(const std::string &dir) {
  fs::remove(dir + "/orders.log.5");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::remove' deletes log file '.../orders.log.5'
  std::remove("/var/log/orders/old.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'remove' deletes log file '/var/log/orders/old.log'
  unlink("debug.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'unlink' deletes log file 'debug.log'
  fs::remove_all(kLogDir);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::remove_all' deletes log file '/var/log/orders'
  for (const auto &entry : fs::directory_iterator(kLogDir)) {
    if (entry.path().extension() == ".gz")
      fs::remove(entry.path());
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::filesystem::remove' deletes files found in log directory '/var/log/orders'
  }
  for (auto &e : fs::recursive_directory_iterator(dir + "/logs"))
    fs::remove(e);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::filesystem::remove' deletes files found in log directory '.../logs'
}

// Truncation.
void truncation(int log_fd) {
  truncate("orders.log", 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'truncate' truncates log file 'orders.log'
  ftruncate(log_fd, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ftruncate' truncates a log file
  std::ofstream reset(kLogDir + "/audit.log", std::ios::out | std::ios::trunc);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ofstream' truncates log file '/var/log/orders/audit.log'
  audit_log.open(log_path, std::ios::trunc);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::ofstream::open' truncates a log file
}

// Size-triggered rotation.
void sizeChecks(FILE *log_fp) {
  if (fs::file_size(log_path) > 10 * 1024 * 1024)
    rotate(5);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'std::filesystem::file_size' checks the size of a log file; leave rotation and retention to the execution environment
  if (audit_log.tellp() >= 1 << 20)
    rotate(5);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'tellp' checks the size of a log file
  if (ftell(log_fp) > 4096)
    rotate(3);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'ftell' checks the size of a log file
  struct stat st;
  if (stat("/var/log/orders/orders.log", &st) == 0 && st.st_size > 1000000)
    rotate(2);
  // CHECK-MESSAGES: :[[@LINE-2]]:55: warning: 'stat' checks the size of log file '/var/log/orders/orders.log'
}

// Log directories and permissions.
void directories(const std::string &root) {
  fs::create_directories(root + "/logs");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::create_directories' creates log directory '.../logs'
  mkdir("/var/log/orders", 0750);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mkdir' creates log directory '/var/log/orders'
  chmod("orders.log", 0640);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'chmod' changes the permissions of log file 'orders.log'
  chown("/var/log/orders/orders.log", 1000, 1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'chown' changes the owner of log file '/var/log/orders/orders.log'
}

// Reopen on signal: directly, through a helper, or through a flag.
static volatile std::sig_atomic_t reopen_logs_requested = 0;
void on_hup(int) { reopen_logs_requested = 1; }
void reopen_audit_log() { audit_log.close(); open_log(); }
void on_usr1(int) { reopen_audit_log(); }
void on_usr2(int) { std::freopen("/var/log/orders/stdout.log", "a", stdout); }

void signals() {
  std::signal(SIGHUP, on_hup);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'signal' installs a handler that reopens log files on SIGHUP; leave rotation and retention to the execution environment
  signal(SIGUSR1, &on_usr1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'signal' installs a handler that reopens log files on SIGUSR1
  struct sigaction sa {};
  sa.sa_handler = on_usr2;
  sigaction(SIGUSR2, &sa, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sigaction' installs a handler that reopens log files on SIGUSR2
}

// Must stay quiet.
static volatile std::sig_atomic_t reload_config = 0;
void on_reload(int) { reload_config = 1; }
void on_term(int) { std::_Exit(0); }
void negatives(const std::string &dir, std::vector<int> &values) {
  std::rename("config.tmp", "config.json");
  std::remove("/tmp/upload.tmp");
  unlink("/run/orders.pid");
  mkdir("data", 0755);
  fs::create_directories(dir + "/cache");
  if (fs::file_size("orders.db") > 100)
    return;
  for (const auto &entry : fs::directory_iterator(dir + "/uploads"))
    fs::remove(entry.path());
  std::ofstream report("report.csv", std::ios::trunc);
  std::ofstream appended("orders.log", std::ios::app);
  values.erase(std::remove(values.begin(), values.end(), 0), values.end());
  std::signal(SIGHUP, on_reload);
  std::signal(SIGTERM, on_term);
  chmod("dialog.txt", 0644);
  std::rename("catalog.json", "catalog.json.bak");
  struct stat st;
  if (stat("orders.db", &st) == 0 && st.st_size > 10)
    return;
}

// The deletion in a lambda of the function that opened the log directory
// (a cleanup written as a callback, as C++ code does with readdir).
#include <dirent.h>
void purge_with_callback() {
  DIR *dir = opendir(kLogDir.c_str());
  if (!dir)
    return;
  auto remove_entry = [](const dirent *entry) {
    unlink(entry->d_name);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'unlink' deletes files found in log directory
  };
  while (const dirent *entry = readdir(dir))
    remove_entry(entry);
  closedir(dir);
}

// The directory as a configuration struct's field, the struct passed in: its
// default is the value a program that does not override it purges.
struct RetentionSettings {
  std::string dir = "/var/log/orders/archive";
  int keep_days = 14;
};
struct CacheSettings {
  std::string dir = "/var/cache/orders";
};
void purge_configured(const RetentionSettings &settings) {
  DIR *d = opendir(settings.dir.c_str());
  if (!d)
    return;
  while (const dirent *entry = readdir(d)) {
    std::string path = settings.dir + "/" + entry->d_name;
    unlink(path.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'unlink' deletes log file '/var/log/orders/archive/...'
  }
  closedir(d);
}
void purge_cache(const CacheSettings &settings) {
  DIR *d = opendir(settings.dir.c_str());
  while (const dirent *entry = readdir(d))
    unlink((settings.dir + "/" + entry->d_name).c_str());
  closedir(d);
}
