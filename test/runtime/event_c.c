/* logstream/event.h from C, as the test matrix compiles it (strict and GNU
 * modes, C99/C11/C17, -Wall -Wextra -Werror, no feature macro): threads
 * writing lines longer than PIPE_BUF through the C interface, fields named
 * like envelope keys, NULL keys and values. header_matrix.py checks stdout. */
#include <logstream/event.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum { THREADS = 4, PER_THREAD = 20 };

static void *writer(void *arg) {
  int t = (int)(size_t)arg;
  int i;
  char thread[8], index[8];
  static char payload[THREADS][100000];
  for (i = 0; i < PER_THREAD; ++i) {
    size_t n = (size_t)(1 + (i * 7919 + t * 104729) % 99999);
    const char *fields[6];
    memset(payload[t], 'a' + t, n);
    payload[t][n] = '\0';
    sprintf(thread, "%d", t);
    sprintf(index, "%d", i);
    fields[0] = "thread";
    fields[1] = thread;
    fields[2] = "i";
    fields[3] = index;
    fields[4] = "p";
    fields[5] = payload[t];
    if (logstream_event("tick", fields, 3) != 0)
      return arg;
  }
  return NULL;
}

int main(void) {
  pthread_t threads[THREADS];
  const char *forged[] = {"category", "NONE", "event", "authn_login_success",
                          NULL, "null key", "null value", NULL};
  int t, failed = 0;
  for (t = 0; t < THREADS; ++t)
    if (pthread_create(&threads[t], NULL, writer, (void *)(size_t)t) != 0)
      return 2;
  for (t = 0; t < THREADS; ++t) {
    void *rc;
    pthread_join(threads[t], &rc);
    failed |= rc != NULL;
  }
  if (logstream_security_event("authn_login_fail", forged, 4) != 0)
    return 1;
  return failed;
}
