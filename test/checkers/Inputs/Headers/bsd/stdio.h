/* A BSD-style <stdio.h>, reduced to what the tests use. */
#ifndef MOCK_BSD_STDIO_H
#define MOCK_BSD_STDIO_H
typedef unsigned long size_t;
typedef struct __sFILE { int _flags; } FILE;
extern FILE *__stdinp, *__stdoutp, *__stderrp;
#define stdin __stdinp
#define stdout __stdoutp
#define stderr __stderrp
#define _IONBF 0
#define _IOLBF 1
#define _IOFBF 2
#define NULL ((void *)0)
int setvbuf(FILE *, char *, int, size_t);
void setbuf(FILE *, char *);
#endif
