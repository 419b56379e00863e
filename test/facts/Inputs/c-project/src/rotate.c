#include "rotate.h"

#include <stdio.h>

void shift_backups(const char *path, int keep) {
  char from[512], to[512];
  for (int i = keep - 1; i >= 1; --i) {
    snprintf(from, sizeof from, "%s.%d", path, i);
    snprintf(to, sizeof to, "%s.%d", path, i + 1);
    rename(from, to);
  }
}

/* A wrapper of the wrapper. */
void rotate_now(const char *path) { shift_backups(path, 5); }
