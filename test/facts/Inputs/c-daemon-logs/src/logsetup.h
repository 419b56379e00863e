#ifndef LOGSETUP_H
#define LOGSETUP_H

/* Where the events go: syslog when asked, else the file the configuration
 * names, else stderr. */
void log_setup(const char *filename, int use_syslog);

#endif
