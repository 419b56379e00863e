#ifndef LOG_H
#define LOG_H

void log_open(const char *dir);
void log_msg(int priority, const char *fmt, ...);
void log_file(const char *fmt, ...);

#endif
