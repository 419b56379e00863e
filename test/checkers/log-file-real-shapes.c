// How C servers really keep and manage their log files: paths in config
// structs and globals, a log path returned by a function, handles kept in
// log-named fields, rotation names built with snprintf, a purge of the log
// directory by full path, and the flag-and-main-loop reopen on a signal.
// Sink and management agree on what a log path is.
// RUN: %check_logstream_tidy -check-suffix=SINK %s logstream-log-file-sink %t -- -- -D_GNU_SOURCE
// RUN: %check_logstream_tidy -check-suffix=MGMT %s logstream-log-file-management %t -- -- -D_GNU_SOURCE

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct server_config {
  const char *logfile;
  const char *log_path;
  const char *pidfile;
  int log_fd;
};
struct server_config server;
static FILE *g_errlog;

const char *default_log_path(void);

void open_logs(struct server_config *cfg) {
  g_errlog = fopen(server.logfile, "a");
  // CHECK-MESSAGES-SINK: :[[@LINE-1]]:14: warning: 'fopen' writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  int fd = open(cfg->log_path, O_WRONLY | O_APPEND | O_CREAT, 0644);
  // CHECK-MESSAGES-SINK: :[[@LINE-1]]:12: warning: 'open' writes log events to a file
  cfg->log_fd = fd;
  FILE *f = fopen(default_log_path(), "a");
  // CHECK-MESSAGES-SINK: :[[@LINE-1]]:13: warning: 'fopen' writes log events to a file
  setvbuf(f, NULL, _IOLBF, 0);
  int out = open("/var/lib/app/out", O_WRONLY | O_CREAT, 0600);
  // CHECK-MESSAGES-SINK: :[[@LINE-1]]:13: warning: 'open' writes log events to a file
  int access_log_fd = out;
  (void)access_log_fd;
}

void open_named(const char *dir, const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s.log", dir, name);
  FILE *f = fopen(path, "a");
  // CHECK-MESSAGES-SINK: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file '.../....log'
  setvbuf(f, NULL, _IOLBF, 0);
}

// Not logs: a PID file under logs/, a report, a configuration read.
void not_logs(void) {
  FILE *pid = fopen("logs/app.pid", "w");
  FILE *report = fopen("report.csv", "w");
  FILE *conf = fopen("/etc/app.conf", "r");
  char lock[256];
  snprintf(lock, sizeof lock, "%s/app.lock", server.log_path);
  int lfd = open(lock, O_WRONLY | O_CREAT, 0600);
  (void)pid, (void)report, (void)conf, (void)lfd;
}

void shift_backups(const char *log_path, int keep) {
  char from[512], to[512];
  for (int i = keep - 1; i > 0; --i) {
    snprintf(from, sizeof from, "%s.%d", log_path, i);
    snprintf(to, sizeof to, "%s.%d", log_path, i + 1);
    rename(from, to);
    // CHECK-MESSAGES-MGMT: :[[@LINE-1]]:5: warning: 'rename' rotates a log file; leave rotation and retention to the execution environment [logstream-log-file-management]
  }
}

// catalog.db backups are not log rotation.
void backup_catalog(const char *db_path) {
  char bak[512];
  snprintf(bak, sizeof bak, "%s.1", db_path);
  rename(db_path, bak);
}

void purge_logs(const char *log_dir) {
  DIR *d = opendir(log_dir);
  struct dirent *e;
  char full[1024];
  while ((e = readdir(d)) != NULL) {
    snprintf(full, sizeof full, "%s/%s", log_dir, e->d_name);
    unlink(full);
    // CHECK-MESSAGES-MGMT: :[[@LINE-1]]:5: warning: 'unlink' deletes a log file
  }
  closedir(d);
}

static volatile sig_atomic_t reopen_requested;
static void on_usr1(int sig) {
  (void)sig;
  reopen_requested = 1;
}
static void on_term(int sig) {
  (void)sig;
  write(2, "terminating\n", 12);
  _exit(0);
}
void install_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  // CHECK-MESSAGES-MGMT: :[[@LINE-1]]:3: warning: 'sigaction' installs a handler that reopens log files on SIGUSR1
  sa.sa_handler = on_term;
  sigaction(SIGHUP, &sa, NULL);
}
void main_loop(void) {
  if (reopen_requested) {
    reopen_requested = 0;
    fclose(g_errlog);
    g_errlog = fopen(server.logfile, "a");
    // CHECK-MESSAGES-SINK: :[[@LINE-1]]:16: warning: 'fopen' writes log events to a file
  }
}

// Login accounting (last(1), lastlog(8)) is not an event log: records of a
// fixed size at a per-user offset, in /var/log by tradition (NonLogFilePattern).
#include <paths.h>
#include <sys/types.h>
struct lastlog_entry {
  long when;
  char line[32];
  char host[256];
};
void record_lastlog(uid_t uid, const struct lastlog_entry *rec) {
  int fd = open("/var/log/lastlog", O_RDWR | O_CREAT, 0644);
  if (fd < 0)
    return;
  lseek(fd, (off_t)uid * (off_t)sizeof *rec, SEEK_SET);
  write(fd, rec, sizeof *rec);
  close(fd);
}
void record_wtmp(const void *entry, size_t size) {
  FILE *wtmp = fopen(_PATH_WTMP, "a");
  if (wtmp) {
    fwrite(entry, size, 1, wtmp);
    fclose(wtmp);
  }
}
void clear_failures(void) {
  truncate("/var/log/faillog", 0);
  unlink("/var/log/btmp");
}
