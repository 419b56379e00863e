#include "log.h"
#include "files.h"

#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

static FILE *g_out;

/* Same name as the helper in report.c, which only reads. */
static FILE *open_target(const char *dir) {
  char path[256];
  snprintf(path, sizeof path, "%s/server.log", dir);
  return app_fopen(path, "a");
}

void log_open(const char *dir) { g_out = open_target(dir); }

void log_msg(int priority, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsyslog(priority, fmt, ap);
  va_end(ap);
}

void log_file(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(g_out, fmt, ap);
  va_end(ap);
}

void log_local_check(void) { open_target("/srv/app"); }

/* g_out is written by log_file(): whatever the path, this opens the log. */
void log_reopen(const char *path) { g_out = fopen(path, "a"); }
