// The heuristics of logstream-log-file-management can be tuned.
// RUN: %check_logstream_tidy -check-suffix=DEFAULT %s logstream-log-file-management %t
// RUN: %check_logstream_tidy -check-suffix=TUNED %s logstream-log-file-management %t \
// RUN:   -config="{CheckOptions: { \
// RUN:     logstream-log-file-management.ExtraManagementFunctions: '::ops::rotate_logs;::ops::Janitor::purge', \
// RUN:     logstream-log-file-management.ReopenSignals: 'SIGUSR1', \
// RUN:     logstream-log-file-management.LogPathPattern: '\.trace$', \
// RUN:     logstream-log-file-management.LogNamePattern: ''}}"

#include <csignal>
#include <cstdio>
#include <string>

namespace ops {
void rotate_logs(int keep);
struct Janitor { static void purge(const char *dir); };
} // namespace ops

static volatile std::sig_atomic_t reopen_logs = 0;
void on_signal(int) { reopen_logs = 1; }

void f(const std::string &log_path) {
  ops::rotate_logs(3);
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:3: warning: 'ops::rotate_logs' manages log files; leave rotation and retention to the execution environment
  ops::Janitor::purge("/var/log/app");
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:3: warning: 'ops::Janitor::purge' manages log files
  std::signal(SIGHUP, on_signal);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'signal' installs a handler that reopens log files on SIGHUP
  std::signal(SIGUSR1, on_signal);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'signal' installs a handler that reopens log files on SIGUSR1
  std::rename("app.log", "app.log.1");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'rename' rotates log file 'app.log'
  std::rename("events.trace", "events.trace.1");
  // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:3: warning: 'rename' rotates log file 'events.trace'
  std::remove((log_path + ".5").c_str());
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'remove' deletes a log file
}
