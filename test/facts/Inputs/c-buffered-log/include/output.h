#ifndef OUTPUT_H
#define OUTPUT_H

/* The daemon's one output path: a line to syslog, or to stderr when run in
   the foreground. Declared without a format attribute, as many projects do. */
void emit_line(int priority, const char *fmt, ...);
/* Events of the login code, always in the auth facility. */
void note_auth(const char *fmt, ...);
/* Builds a message for a reply, never logged. */
char *format_reply(const char *fmt, ...);

extern int output_foreground;
int output_has_sha512(void);

#endif
