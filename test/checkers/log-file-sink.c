// RUN: %check_logstream_tidy -std=c99,c11 %s logstream-log-file-sink %t -- -- -D_GNU_SOURCE

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#define LOG_DIR "/var/log/orders/"
#define LOG_PATH LOG_DIR "orders.log"

static const char *const kLogFile = "service.log";

void write_only(void) {
  FILE *log = fopen("app.log", "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'fopen' writes log events to file 'app.log'; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  FILE *log = stdout;{{$}}
  if (!log)
    return;
  fprintf(log, "started pid=%d\n", 42);
  fputs("ready\n", log);
  fflush(log);
  fclose(log);
  // CHECK-FIXES: {{^}}  fflush(log);{{$}}
  // CHECK-FIXES-NOT: fclose(log);
  // CHECK-FIXES: {{^}}void paths_through_macros_and_constants
}

void paths_through_macros_and_constants(const char *dir) {
  FILE *a = fopen(LOG_PATH, "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file '/var/log/orders/orders.log'
  FILE *b = fopen(kLogFile, "a+");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file 'service.log'
  FILE *c = fopen("logs/trace.txt", "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file 'logs/trace.txt'
  FILE *d = fopen("app.log.1", "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file 'app.log.1'
  // Used for more than writing: no fix-it.
  long size = ftell(a) + ftell(b) + ftell(c) + ftell(d);
  (void)size;
  (void)dir;
}

struct server {
  FILE *log_fp;
  FILE *access_log;
};

void log_named_receivers(struct server *s, const char *path) {
  s->log_fp = fopen(path, "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'fopen' writes log events to a file; write them to stdout as an event stream
  s->access_log = fopen(path, "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'fopen' writes log events to a file
  FILE *errorLog;
  errorLog = fopen(path, "w");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'fopen' writes log events to a file
  fclose(errorLog);
}

void redirections(void) {
  freopen("/tmp/service.out", "w", stdout);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'freopen' redirects stdout into file '/tmp/service.out'; leave stdout as the event stream and let the environment route it [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}void redirections(void) {{{$}}
  // CHECK-FIXES-NOT: freopen("/tmp/service.out"
  // CHECK-FIXES: {{^}}  if (!freopen(LOG_PATH, "a", stderr)){{$}}
  if (!freopen(LOG_PATH, "a", stderr))
    return;
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: 'freopen' redirects stderr into file '/var/log/orders/orders.log'

  int fd = open("daemon.log", O_WRONLY | O_CREAT | O_APPEND, 0644);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'open' writes log events to file 'daemon.log'
  dup2(fd, STDOUT_FILENO);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'dup2' redirects stdout into file 'daemon.log'; leave stdout as the event stream
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: the file is opened here
  dup2(fd, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'dup2' redirects stderr into file 'daemon.log'
  // CHECK-MESSAGES: :[[@LINE-7]]:12: note: the file is opened here
  int out = creat("/srv/out.txt", 0644);
  dup3(out, 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'dup3' redirects stdout into file '/srv/out.txt'
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: the file is opened here
  int at = openat(AT_FDCWD, "logs/x", O_WRONLY | O_CREAT, 0600);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'openat' writes log events to file 'logs/x'
  int cr = creat("audit.log", 0600);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'creat' writes log events to file 'audit.log'
  close(at);
  close(cr);
}

// Must stay quiet.
void negatives(const char *path, int pipefd[2]) {
  FILE *config = fopen("config.ini", "r");
  FILE *data = fopen("orders.csv", "w");
  FILE *reader = fopen("app.log", "r");
  FILE *login = fopen(path, "w");
  FILE *catalog = fopen(path, "a");
  FILE *dialog = fopen(path, "w");
  FILE *backlog = fopen(path, "w");
  FILE *out = fopen("/dev/stdout", "w");
  FILE *blog = fopen("blog/post.html", "w");
  FILE *login_page = fopen("login.html", "w");
  freopen(NULL, "wb", stdout);
  freopen("/dev/stderr", "w", stderr);
  freopen("input.txt", "r", stdin);
  int ro = open("app.log", O_RDONLY);
  int devnull = open("/dev/null", O_RDWR);
  dup2(devnull, STDOUT_FILENO);
  dup2(pipefd[1], STDOUT_FILENO);
  dup2(ro, 0);
  // NOLINTNEXTLINE(logstream-log-file-sink)
  FILE *suppressed = fopen("debug.log", "w");
  (void)config, (void)data, (void)reader, (void)login, (void)catalog;
  (void)dialog, (void)backlog, (void)out, (void)blog, (void)login_page;
  (void)suppressed;
}
