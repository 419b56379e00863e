#include "logsetup.h"

#include <stdio.h>
#include <syslog.h>

static FILE *log_out;

void log_setup(const char *filename, int use_syslog) {
  if (log_out && log_out != stderr)
    fclose(log_out);
  log_out = NULL;
  if (use_syslog) {
    openlog("server", LOG_NDELAY, LOG_DAEMON);
    return;
  }
  if (!filename || !filename[0]) {
    log_out = stderr;
    return;
  }
  FILE *f = fopen(filename, "a");
  if (!f)
    return;
  setvbuf(f, NULL, _IOLBF, 0);
  log_out = f;
}
