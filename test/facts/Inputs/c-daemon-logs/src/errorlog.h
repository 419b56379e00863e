#ifndef ERRORLOG_H
#define ERRORLOG_H

struct errorlog {
  const char *fn;
  int fd;
};

struct errorlog *errorlog_open(const char *fn);
void errorlog_cycle(struct errorlog *el);
int errorlog_tail(const char *fn);
int spool_open(const char *fn);

#endif
