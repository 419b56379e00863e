#include <stdio.h>

/* Same name as the helper in log.c, which opens a log for writing. */
static FILE *open_target(const char *name) { return fopen(name, "r"); }

int count_report_lines(void) {
  FILE *in = open_target("/var/log/app");
  int n = 0;
  if (!in)
    return -1;
  while (fgetc(in) != EOF)
    ++n;
  fclose(in);
  return n;
}
