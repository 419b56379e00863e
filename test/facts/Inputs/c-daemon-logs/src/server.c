#include "errorlog.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got_hup;
static volatile sig_atomic_t restart_requested;
static volatile sig_atomic_t stop_requested;

/* One handler for every signal; SIGHUP asks the main loop to cycle the
 * error log, SIGUSR1 for a graceful restart. */
static void on_signal(int sig) {
  switch (sig) {
  case SIGTERM:
  case SIGINT:
    stop_requested = 1;
    break;
  case SIGUSR1:
    restart_requested = 1;
    break;
  case SIGHUP:
    got_hup = 1;
    break;
  default:
    break;
  }
}

static void install_signals(void) {
  struct sigaction act;
  memset(&act, 0, sizeof act);
  act.sa_handler = on_signal;
  sigaction(SIGTERM, &act, NULL);
  sigaction(SIGINT, &act, NULL);
  sigaction(SIGHUP, &act, NULL);
  sigaction(SIGUSR1, &act, NULL);
}

static void restart_workers(void) {}

void server_loop(struct errorlog *errh) {
  install_signals();
  while (!stop_requested) {
    if (got_hup) {
      got_hup = 0;
      errorlog_cycle(errh);
    }
    if (restart_requested) {
      restart_requested = 0;
      restart_workers();
    }
    pause();
  }
}
