#ifndef FILES_H
#define FILES_H
#include <stdio.h>

FILE *app_fopen(const char *path, const char *mode);
int create_file_safely(const char *path, int append);

#endif
