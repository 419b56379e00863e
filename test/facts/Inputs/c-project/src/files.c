#include "files.h"

#include <fcntl.h>
#include <stdio.h>

FILE *app_fopen(const char *path, const char *mode) {
  FILE *fp = fopen(path, mode);
  if (!fp)
    perror(path);
  return fp;
}

int create_file_safely(const char *path, int append) {
  int flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
  return open(path, flags, 0600);
}
