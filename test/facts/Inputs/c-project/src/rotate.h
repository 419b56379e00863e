#ifndef ROTATE_H
#define ROTATE_H
void shift_backups(const char *path, int keep);
void rotate_now(const char *path);
#endif
