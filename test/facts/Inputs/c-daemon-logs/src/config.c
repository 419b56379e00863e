#include "errorlog.h"
#include "fdio.h"

struct option_value {
  const char *key;
  const char *value;
};

struct server_config {
  struct option_value *values;
  int count;
  struct errorlog *errh;
  char cert[4096];
};

/* The configured file names come from a generic key/value table: nothing
 * here says which is a log; errorlog_open says it. */
int config_open_logs(struct server_config *cfg) {
  for (int i = 0; i < cfg->count; ++i) {
    const char *fn = cfg->values[i].value;
    if (!fn)
      continue;
    cfg->errh = errorlog_open(fn);
    if (!cfg->errh)
      return -1;
  }
  return fdio_load("/etc/server/cert.pem", cfg->cert, sizeof cfg->cert);
}
