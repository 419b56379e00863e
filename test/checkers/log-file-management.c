// RUN: %check_logstream_tidy -std=c11 %s logstream-log-file-management %t -- -- -D_GNU_SOURCE
// RUN: %check_logstream_tidy -check-suffix=SINK -std=c11 %s logstream-log-file-management %t -- -- -D_GNU_SOURCE -DWITH_SINK

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOG_DIR "/var/log/orders"
#define LOG_FILE LOG_DIR "/orders.log"

static FILE *log_fp;

#ifdef WITH_SINK
void open_log(void) { log_fp = fopen(LOG_FILE, "a"); }
#endif

void rotate(void) {
  rename(LOG_FILE, LOG_FILE ".1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rename' rotates log file '/var/log/orders/orders.log'; leave rotation and retention to the execution environment [logstream-log-file-management]
  // CHECK-NOTES-SINK: :[[@LINE-2]]:3: warning: 'rename' rotates log file '/var/log/orders/orders.log'
  // CHECK-NOTES-SINK: :17:32: note: the log file is written here
}

void purge(void) {
  DIR *dir = opendir(LOG_DIR);
  struct dirent *entry;
  char path[512];
  while ((entry = readdir(dir)) != NULL) {
    snprintf(path, sizeof path, "%s/%s", LOG_DIR, entry->d_name);
    unlink(entry->d_name);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'unlink' deletes files found in log directory '/var/log/orders'
    // CHECK-NOTES-SINK: :[[@LINE-2]]:5: warning: 'unlink' deletes files found in log directory
    // CHECK-NOTES-SINK: :17:32: note: the log file is written here
  }
  closedir(dir);
}

void check_size(void) {
  struct stat st;
  if (fstat(fileno(log_fp), &st) == 0 && st.st_size > 1048576L)
    rotate();
  // CHECK-MESSAGES: :[[@LINE-2]]:42: warning: 'fstat' checks the size of a log file
  // CHECK-NOTES-SINK: :[[@LINE-3]]:42: warning: 'fstat' checks the size of a log file
  // CHECK-NOTES-SINK: :17:32: note: the log file is written here
}

static void on_hup(int sig) {
  (void)sig;
  log_fp = freopen(LOG_FILE, "a", log_fp);
}

void install(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_hup;
  sigaction(SIGHUP, &sa, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sigaction' installs a handler that reopens log files on SIGHUP
  // CHECK-NOTES-SINK: :[[@LINE-2]]:3: warning: 'sigaction' installs a handler that reopens log files on SIGHUP
  // CHECK-NOTES-SINK: :52:12: note: the handler reopens the log here
  // CHECK-NOTES-SINK: :17:32: note: the log file is written here
  mkdir(LOG_DIR, 0750);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mkdir' creates log directory '/var/log/orders'
  // CHECK-NOTES-SINK: :[[@LINE-2]]:3: warning: 'mkdir' creates log directory
  // CHECK-NOTES-SINK: :17:32: note: the log file is written here
}

/* Must stay quiet. */
static volatile sig_atomic_t reload;
static void on_reload(int sig) { (void)sig; reload = 1; }
void negatives(void) {
  rename("orders.db.tmp", "orders.db");
  unlink("/run/orders.pid");
  mkdir("/var/lib/orders", 0750);
  signal(SIGHUP, on_reload);
  DIR *spool = opendir("/var/spool/orders");
  struct dirent *e;
  while ((e = readdir(spool)) != NULL)
    unlink(e->d_name);
  closedir(spool);
}

/* The directory in a configuration struct, filled with designated
 * initializers (a local copy of the defaults). */
struct retention {
  const char *dir;
  int keep;
};
void purge_configured(void) {
  struct retention r = {.keep = 7, .dir = LOG_DIR};
  DIR *d = opendir(r.dir);
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    unlink(e->d_name);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'unlink' deletes files found in log directory '/var/log/orders'
    // CHECK-NOTES-SINK: :[[@LINE-2]]:5: warning: 'unlink' deletes files found in log directory
    // CHECK-NOTES-SINK: :17:32: note: the log file is written here
  closedir(d);
}
void purge_spool_configured(void) {
  struct retention r = {"/var/spool/orders", 7};
  DIR *d = opendir(r.dir);
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    unlink(e->d_name);
  closedir(d);
}

/* The broker idiom: the SIGHUP handler sets a flag, the main loop closes the
 * log and initializes it again through the project's log functions, which
 * live in another file. */
struct broker_config {
  const char *log_dest;
  int port;
};
void log__init(struct broker_config *cfg);
void log__close(struct broker_config *cfg);
void config__read(struct broker_config *cfg);
void persist__restore(void);
static volatile sig_atomic_t flag_reload;
static volatile sig_atomic_t flag_restore;
static volatile sig_atomic_t broker_run = 1;
static void handle_sighup(int sig) {
  (void)sig;
  flag_reload = 1;
}
static void handle_sigusr2(int sig) {
  (void)sig;
  flag_restore = 1;
}
static void handle_sigterm(int sig) {
  (void)sig;
  broker_run = 0;
}
int broker_main(struct broker_config *cfg) {
  signal(SIGHUP, handle_sighup);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'signal' installs a handler that reopens log files on SIGHUP
  // CHECK-NOTES-SINK: :[[@LINE-2]]:3: warning: 'signal' installs a handler that reopens log files on SIGHUP
  signal(SIGUSR2, handle_sigusr2);
  signal(SIGTERM, handle_sigterm);
  log__init(cfg);
  while (broker_run) {
    if (flag_reload) {
      config__read(cfg);
      log__close(cfg);
      log__init(cfg);
      // CHECK-NOTES-SINK: :[[@LINE-1]]:7: note: the handler reopens the log here
      // CHECK-NOTES-SINK: :17:32: note: the log file is written here
      flag_reload = 0;
    }
    if (flag_restore) {
      persist__restore();
      flag_restore = 0;
    }
  }
  return 0;
}
