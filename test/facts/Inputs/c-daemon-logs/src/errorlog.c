#include "errorlog.h"
#include "fdio.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

/* The error log's descriptor: whatever file the configuration names. */
static int open_fdlog(const char *fn) {
  return fdio_open(fn, 1, O_APPEND | O_WRONLY | O_CREAT, 0640);
}

struct errorlog *errorlog_open(const char *fn) {
  struct errorlog *el = malloc(sizeof *el);
  if (!el)
    return NULL;
  el->fn = fn;
  el->fd = open_fdlog(fn);
  return el;
}

void errorlog_cycle(struct errorlog *el) {
  int fd = open_fdlog(el->fn);
  if (fd < 0)
    return;
  close(el->fd);
  el->fd = fd;
}

/* Named for the log, but reads it (the status page shows its tail). */
int errorlog_tail(const char *fn) {
  int fd = fdio_open(fn, 1, O_RDONLY, 0);
  return fd;
}

/* Written, but no log: the mail spool. */
int spool_open(const char *fn) {
  return fdio_open(fn, 0, O_WRONLY | O_CREAT | O_EXCL, 0600);
}
