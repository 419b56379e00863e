#include "logsetup.h"

struct log_settings {
  const char *log_target;
  int syslog_enabled;
  int debug;
};

/* Before daemonizing: only syslog is opened this early. */
void early_logging(const struct log_settings *s) {
  if (s->syslog_enabled) {
    log_setup(s->log_target, s->syslog_enabled);
  }
  if (s->syslog_enabled && !s->debug)
    log_setup(s->log_target, s->syslog_enabled);
  log_setup(s->log_target, 1);
}

/* After dropping privileges: the file, unless syslog was chosen. */
void late_logging(const struct log_settings *s) {
  if (!s->syslog_enabled)
    log_setup(s->log_target, s->syslog_enabled);
}

/* On reload. */
void reload_logging(const struct log_settings *s) {
  log_setup(s->log_target, 0);
}
