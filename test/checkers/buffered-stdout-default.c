// A C service that prints its events to stdout and never changes stdout's
// buffering: on a pipe every event waits in a full buffer.
// RUN: %check_logstream_tidy -std=c99,c11,c17 %s logstream-buffered-stdout %t
// RUN: %check_logstream_tidy -check-suffixes=NONE %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.BufferMode: none}}"
// RUN: %check_logstream_tidy -check-suffixes=OFF %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.CheckDefaultBuffering: false}}"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EVENT(name, fmt, ...) printf("{\"event\":\"" name "\"," fmt "}\n", __VA_ARGS__)
#define EVENT_LINE(json) puts(json)

struct order {
  const char *id;
  int quantity;
};

static const struct order orders[] = {{"a-1", 2}, {"a-2", 0}};

static void emit_raw(const char *json) {
  fputs(json, stdout);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'fputs' and not flushed
  // CHECK-MESSAGES-NONE-DAG: :[[@LINE-2]]:3: note: event written to stdout here by 'fputs'
  fputc('\n', stdout);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'fputc' and not flushed
}

static void emit_binary(const char *json) {
  fwrite(json, 1, strlen(json), stdout);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'fwrite' and not flushed
  putchar('\n');
}

static void emitf(const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  vprintf(fmt, args);
  va_end(args);
}

/* Diagnostics go to stderr, which is unbuffered: not counted. */
static void warn(const char *what) { fprintf(stderr, "warning: %s\n", what); }

static int handle(const struct order *o) {
  if (o->quantity <= 0) {
    warn("empty order");
    return -1;
  }
  EVENT("order_received", "\"id\":\"%s\",\"quantity\":%d", o->id, o->quantity);
  EVENT_LINE("{\"event\":\"order_stored\"}");
  fprintf(stdout, "{\"event\":\"order_done\",\"id\":\"%s\"}\n", o->id);
  return 0;
}

int main(int argc, char **argv) {
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first; when stdout is a pipe they wait in a full buffer and are lost if the process is killed [logstream-buffered-stdout]
  // CHECK-MESSAGES-NONE-DAG: :[[@LINE-2]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  int i;
  // CHECK-FIXES: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  int i;{{$}}
  // CHECK-FIXES-NONE: {{^}}  setvbuf(stdout, NULL, _IONBF, 0);{{$}}
  // CHECK-FIXES-NONE-NEXT: {{^}}  int i;{{$}}
  emit_raw("{\"event\":\"sys_startup\"}");
  emit_binary("{\"event\":\"config_loaded\"}");
  emitf("{\"event\":\"args\",\"count\":%d}\n", argc);
  for (i = 0; i < 2; ++i)
    handle(&orders[i]);
  (void)argv;
  return 0;
}
