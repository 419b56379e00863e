#include "settings.h"

const char *setting_xferlog_file = "/var/spool/app/transfers";
const char *setting_errorlog_path = "/srv/app/errors";
const char *setting_catalog_file = "/srv/app/catalog";
const char *setting_backlog_file = "/srv/app/pending";
int setting_xferlog_enable = 1;
