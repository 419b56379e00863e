/* The C interface of logstream/event.h, as C code uses it. */
#include <logstream/event.h>

int main(int argc, char **argv) {
  const char *fields[] = {"user", argc > 1 ? argv[1] : "alice", "reason", "bad \"password\""};
  if (logstream_security_event("authn_login_fail", fields, 2) != 0)
    return 1;
  return logstream_event("sys_startup", NULL, 0) != 0;
}
