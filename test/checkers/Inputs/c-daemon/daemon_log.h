#ifndef DAEMON_LOG_H
#define DAEMON_LOG_H

/* The daemon's logging API, defined in another file of the project
   (log.c), which this translation unit never sees. */
#ifdef __GNUC__
#define DAEMON_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DAEMON_PRINTF(f, a)
#endif

void daemon_log(int priority, const char *fmt, ...) DAEMON_PRINTF(2, 3);
void daemon_fatal(const char *fmt, ...) DAEMON_PRINTF(1, 2)
    __attribute__((noreturn));
/* Declared without a format attribute. */
void logmsg(int level, const char *fmt, ...);

/* String helpers: printf-like, not logging. */
char *str_printf(const char *fmt, ...) DAEMON_PRINTF(1, 2);
int buf_appendf(char *buf, unsigned long size, const char *fmt, ...)
    DAEMON_PRINTF(3, 4);
/* Named like logging, but writes into the caller's buffer. */
int format_error(char *dst, unsigned long size, const char *fmt, ...)
    DAEMON_PRINTF(3, 4);

#define AUTH_NOTICE(...) daemon_log(LOG_AUTHPRIV | LOG_NOTICE, __VA_ARGS__)

#endif
