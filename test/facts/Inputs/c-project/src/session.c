#include "files.h"
#include "settings.h"

struct session {
  int xferlog_fd;
  int errorlog_fd;
  int catalog_fd;
  int backlog_fd;
};

void session_open_files(struct session *s) {
  /* A transfer log and an error log, named as one word each. */
  if (setting_xferlog_enable)
    s->xferlog_fd = create_file_safely(setting_xferlog_file, 1);
  s->errorlog_fd = create_file_safely(setting_errorlog_path, 1);
  /* A catalog and a queue of pending work: data files, not logs. */
  s->catalog_fd = create_file_safely(setting_catalog_file, 0);
  s->backlog_fd = create_file_safely(setting_backlog_file, 1);
}
