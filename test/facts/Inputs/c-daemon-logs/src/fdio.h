#ifndef FDIO_H
#define FDIO_H
#include <stddef.h>
#include <sys/types.h>

/* open(2) with close-on-exec, for every file the server touches. */
int fdio_open(const char *path, int follow_links, int flags, mode_t mode);
/* Reads a whole file (certificates, included configuration). */
int fdio_load(const char *path, char *buf, size_t len);

#endif
