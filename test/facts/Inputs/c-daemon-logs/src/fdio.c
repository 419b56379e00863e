#include "fdio.h"

#include <fcntl.h>
#include <unistd.h>

int fdio_open(const char *path, int follow_links, int flags, mode_t mode) {
  if (!follow_links)
    flags |= O_NOFOLLOW;
  return open(path, flags | O_CLOEXEC | O_NOCTTY, mode);
}

int fdio_load(const char *path, char *buf, size_t len) {
  int fd = fdio_open(path, 1, O_RDONLY, 0);
  if (fd < 0)
    return -1;
  ssize_t n = read(fd, buf, len);
  close(fd);
  return (int)n;
}
