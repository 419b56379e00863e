// One handler for every signal, switching on the signal number: what it
// does for each installed signal is that signal's case (or `default:`), so
// only the signals whose case asks for the log to be reopened are reported.
// The main loop reopens through the program's own log-named function
// (`errorlog_cycle`, declared here and defined elsewhere).
// RUN: %check_logstream_tidy -std=c11 %s logstream-log-file-management %t -- -- -D_GNU_SOURCE

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

struct errorlog;
void errorlog_cycle(struct errorlog *el);
void restart_workers(void);

static volatile sig_atomic_t got_hup;
static volatile sig_atomic_t want_restart;
static volatile sig_atomic_t want_stop;
static volatile sig_atomic_t reopen_logs;

static void on_signal(int sig) {
  int saved = sig;
  switch (sig) {
  case SIGTERM:
  case SIGINT:
    want_stop = 1;
    break;
  case SIGUSR1:
    want_restart = 1;
    break;
  case SIGHUP:
    got_hup = 1;
    break;
  default:
    break;
  }
  (void)saved;
}

/* A second handler: SIGUSR2 falls into `default:`, which sets a log-named
 * flag; SIGWINCH has its own case. */
static void on_user_signal(int signo) {
  switch (signo) {
  case SIGWINCH:
    break;
  default:
    reopen_logs = 1;
  }
}

static void install(void) {
  struct sigaction act;
  memset(&act, 0, sizeof act);
  act.sa_handler = on_signal;
  sigaction(SIGTERM, &act, NULL);
  sigaction(SIGHUP, &act, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sigaction' installs a handler that reopens log files on SIGHUP; leave rotation and retention to the execution environment [logstream-log-file-management]
  sigaction(SIGUSR1, &act, NULL);
  signal(SIGUSR2, on_user_signal);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'signal' installs a handler that reopens log files on SIGUSR2; leave rotation and retention to the execution environment [logstream-log-file-management]
  signal(SIGWINCH, on_user_signal);
}

void server_loop(struct errorlog *errh) {
  install();
  while (!want_stop) {
    if (got_hup) {
      got_hup = 0;
      errorlog_cycle(errh);
    }
    if (want_restart) {
      want_restart = 0;
      restart_workers();
    }
    pause();
  }
}
