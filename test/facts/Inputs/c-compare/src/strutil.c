/* The project's string helpers: thin wrappers of the C comparisons. */
#include <string.h>

int str_cmp(const char *a, const char *b) { return strcmp(a, b); }

int str_same(const char *a, const char *b) { return strcmp(a, b) == 0; }
