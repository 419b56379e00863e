/* A small service: prints its events to stdout, then waits for work. The
   kill-proof test runs it with stdout on a pipe and kills it with SIGKILL. */
#include <stdio.h>
#include <unistd.h>

static void emit(const char *event, int n) {
  printf("{\"event\":\"%s\",\"n\":%d}\n", event, n);
}

int main(void) {
  int i;
  emit("sys_startup", 0);
  for (i = 1; i <= 4; ++i)
    emit("order_received", i);
  /* stderr is unbuffered: the test waits for this line, then kills. */
  fputs("ready\n", stderr);
  for (;;)
    pause();
}
