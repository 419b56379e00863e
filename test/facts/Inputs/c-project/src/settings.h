#ifndef SETTINGS_H
#define SETTINGS_H

/* Settings read from the configuration file (settings.c holds the
   defaults), one global per key, as daemons configured by a flat file do. */
extern const char *setting_xferlog_file;
extern const char *setting_errorlog_path;
extern const char *setting_catalog_file;
extern const char *setting_backlog_file;
extern int setting_xferlog_enable;

#endif
