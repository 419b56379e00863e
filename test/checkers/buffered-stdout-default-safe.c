// Programs whose events reach a piped stdout at once, and look-alikes. Each
// RUN line builds one of the alternative programs below (-D); a suffix
// without CHECK lines means: no diagnostic and no change.
// RUN: %check_logstream_tidy -check-suffixes=LINEBUF %s logstream-buffered-stdout %t -- -- -DLINEBUF
// RUN: %check_logstream_tidy -check-suffixes=UNBUF %s logstream-buffered-stdout %t -- -- -DUNBUF
// RUN: %check_logstream_tidy -check-suffixes=SETBUF %s logstream-buffered-stdout %t -- -- -DSETBUF
// RUN: %check_logstream_tidy -check-suffixes=SETLINEBUF %s logstream-buffered-stdout %t -- -- -DSETLINEBUF
// RUN: %check_logstream_tidy -check-suffixes=SETBUFFER %s logstream-buffered-stdout %t -- -- -DSETBUFFER
// RUN: %check_logstream_tidy -check-suffixes=INIT %s logstream-buffered-stdout %t -- -- -DINIT
// RUN: %check_logstream_tidy -check-suffixes=FLUSHED %s logstream-buffered-stdout %t -- -- -DFLUSHED
// RUN: %check_logstream_tidy -check-suffixes=FLUSHALL %s logstream-buffered-stdout %t -- -- -DFLUSHALL
// RUN: %check_logstream_tidy -check-suffixes=STDERR %s logstream-buffered-stdout %t -- -- -DSTDERR
// RUN: %check_logstream_tidy -check-suffixes=NOMAIN %s logstream-buffered-stdout %t -- -- -DNOMAIN
// RUN: %check_logstream_tidy -check-suffixes=OTHERFILE %s logstream-buffered-stdout %t -- -- -DOTHERFILE
// Project flush wrappers, named in FlushFunctions:
// RUN: %check_logstream_tidy -check-suffixes=FLUSHFN %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.FlushFunctions: 'events_flush'}}" -- -- -DFLUSHFN
// RUN: %check_logstream_tidy -check-suffixes=FLUSHFN-UNNAMED %s logstream-buffered-stdout %t -- -- -DFLUSHFN
// Made line-buffered only after main's first write (C allows setvbuf only
// before any other operation on the stream):
// RUN: %check_logstream_tidy -check-suffixes=LATE %s logstream-buffered-stdout %t -- -- -DLATE
// Flushed after the loop only: the events of one pass are still flushed
// together, which is accepted.
// RUN: %check_logstream_tidy -check-suffixes=BATCH %s logstream-buffered-stdout %t -- -- -DBATCH
// main(void) and main with envp, flushed after one write but not another:
// RUN: %check_logstream_tidy -check-suffixes=PARTIAL %s logstream-buffered-stdout %t -- -- -DPARTIAL
// Made fully buffered explicitly: that call is reported, not main as well.
// RUN: %check_logstream_tidy -check-suffixes=EXPLICIT %s logstream-buffered-stdout %t -- -- -DEXPLICIT
// A command-line tool whose stdout carries only its usage, help and version
// text (written once, then the tool exits, which flushes stdout), in
// functions named so (UsageFunctionPattern); with the pattern empty they
// count as events; events written elsewhere still count.
// RUN: %check_logstream_tidy -check-suffixes=USAGE %s logstream-buffered-stdout %t -- -- -DUSAGE
// RUN: %check_logstream_tidy -check-suffixes=USAGE-UNNAMED %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.UsageFunctionPattern: ''}}" -- -- -DUSAGE
// RUN: %check_logstream_tidy -check-suffixes=USAGE-EVENTS %s logstream-buffered-stdout %t -- -- -DUSAGE -DUSAGE_EVENTS
// A daemon's command-line modes that print and end the process at once
// (`exit(0)`, `return 0;` from main: ending flushes stdout): not events; the
// events of its main loop still are (MODES-EVENTS).
// RUN: %check_logstream_tidy -check-suffixes=MODES %s logstream-buffered-stdout %t -- -- -DMODES
// RUN: %check_logstream_tidy -check-suffixes=MODES-EVENTS %s logstream-buffered-stdout %t -- -- -DMODES -DMODES_EVENTS
// With IgnoreWritesBeforeExit off, the modes' writes count:
// RUN: %check_logstream_tidy -check-suffixes=MODES-OFF %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.IgnoreWritesBeforeExit: false}}" -- -- -DMODES
// C89 (gnu89 for the // comments): no statement before main's declarations.
// RUN: %check_logstream_tidy -std=gnu89 -check-suffixes=C89 %s logstream-buffered-stdout %t -- -- -DPARTIAL

#include <stdio.h>

#if defined(LINEBUF) || defined(UNBUF) || defined(SETBUF) ||                  \
    defined(SETLINEBUF) || defined(SETBUFFER)
int main(int argc, char **argv) {
#if defined(LINEBUF)
  setvbuf(stdout, NULL, _IOLBF, 0);
#elif defined(UNBUF)
  if (setvbuf(stdout, 0, _IONBF, 0) != 0)
    return 1;
#elif defined(SETBUF)
  setbuf(stdout, NULL);
#elif defined(SETBUFFER)
  setbuffer(stdout, NULL, 0);
#else
  setlinebuf(stdout);
#endif
  printf("{\"event\":\"sys_startup\",\"args\":%d}\n", argc);
  puts(argv[0]);
  return 0;
}
#endif

#ifdef INIT
static void init_events(void) { setvbuf(stdout, NULL, _IOLBF, 0); }

static void emit(const char *event) { printf("{\"event\":\"%s\"}\n", event); }

int main(void) {
  init_events();
  emit("sys_startup");
  emit("sys_shutdown");
  return 0;
}
#endif

#ifdef FLUSHED
#define EVENT(name)                                                            \
  do {                                                                         \
    printf("{\"event\":\"%s\"}\n", name);                                      \
    fflush(stdout);                                                            \
  } while (0)

static void emit(const char *event) {
  fputs(event, stdout);
  fputc('\n', stdout);
  if (fflush(stdout) != 0)
    perror("fflush");
}

int main(int argc, char *argv[]) {
  int i;
  EVENT("sys_startup");
  for (i = 1; i < argc; ++i)
    emit(argv[i]);
  puts("{\"event\":\"sys_shutdown\"}");
  fflush(stdout);
  return 0;
}
#endif

#ifdef FLUSHALL
/* fflush(NULL) flushes every output stream. */
int main(void) {
  printf("{\"event\":\"sys_startup\"}\n");
  fflush(NULL);
  return 0;
}
#endif

#ifdef STDERR
/* stderr is unbuffered by default. */
#define LOG(msg) fprintf(stderr, "%s\n", msg)
int main(void) {
  LOG("starting");
  fputs("{\"event\":\"sys_startup\"}\n", stderr);
  fprintf(stderr, "{\"event\":\"sys_shutdown\"}\n");
  return 0;
}
#endif

#ifdef NOMAIN
/* A library: whoever links it decides stdout's buffering. */
void report(const char *event) { printf("{\"event\":\"%s\"}\n", event); }
#endif

#ifdef OTHERFILE
/* Writes only to a FILE * that is not stdout. */
int main(void) {
  FILE *report = fopen("report.json", "w");
  if (!report)
    return 1;
  fprintf(report, "{}\n");
  fclose(report);
  return 0;
}
#endif

#ifdef FLUSHFN
void events_flush(void);
static void emit(const char *event) {
  printf("{\"event\":\"%s\"}\n", event);
  events_flush();
}
int main(void) { /* FLUSHFN */
  // CHECK-MESSAGES-FLUSHFN-UNNAMED: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-FLUSHFN-UNNAMED: {{^}}int main(void) { /* FLUSHFN */{{$}}
  // CHECK-FIXES-FLUSHFN-UNNAMED: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-FLUSHFN-UNNAMED-NEXT: {{^}}  emit("sys_startup");{{$}}
  emit("sys_startup");
  return 0;
}
#endif

#ifdef LATE
void wait_for_workers(void);
int main(void) { /* LATE */
  // CHECK-NOTES-LATE: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-LATE: {{^}}int main(void) { /* LATE */{{$}}
  // CHECK-FIXES-LATE: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-LATE-NEXT: {{^}}  puts("{\"event\":\"sys_startup\"}");{{$}}
  puts("{\"event\":\"sys_startup\"}");
  // CHECK-NOTES-LATE: :[[@LINE-1]]:3: note: event written to stdout here by 'puts' and not flushed
  setvbuf(stdout, NULL, _IOLBF, 0);
  puts("{\"event\":\"sys_shutdown\"}");
  // CHECK-NOTES-LATE: :[[@LINE-1]]:3: note: event written to stdout here by 'puts' and not flushed
  wait_for_workers();
  return 0;
}
#endif

#ifdef BATCH
int main(int argc, char **argv) {
  int i;
  for (i = 0; i < argc; ++i)
    printf("{\"event\":\"arg\",\"value\":\"%s\"}\n", argv[i]);
  fflush(stdout);
  return 0;
}
#endif

#ifdef PARTIAL
static void started(void) {
  puts("{\"event\":\"sys_startup\"}");
  fflush(stdout);
}

int main(int argc, char **argv, char **envp) {
  // CHECK-NOTES-PARTIAL: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-NOTES-C89: :[[@LINE-2]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES-PARTIAL: {{^}}int main(int argc, char **argv, char **envp) {{[{]}}{{$}}
  // CHECK-FIXES-PARTIAL: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-PARTIAL-NEXT: {{^}}  const char *first = envp[0];{{$}}
  const char *first = envp[0];
  started();
  if (first)
    printf("{\"event\":\"env\",\"first\":\"%s\",\"args\":%d}\n", first, argc);
  // CHECK-NOTES-PARTIAL: :[[@LINE-1]]:5: note: event written to stdout here by 'printf' and not flushed
  // CHECK-NOTES-C89: :[[@LINE-2]]:5: note: event written to stdout here by 'printf' and not flushed
  (void)argv;
  return 0;
}
#endif

#ifdef EXPLICIT
static char buffer[BUFSIZ];
int main(void) { /* EXPLICIT */
  setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  // CHECK-MESSAGES-EXPLICIT: :[[@LINE-1]]:3: warning: 'setvbuf' makes stdout fully buffered; events written to it can sit in the buffer and be lost when the process dies [logstream-buffered-stdout]
  // CHECK-FIXES-EXPLICIT: {{^}}int main(void) { /* EXPLICIT */{{$}}
  // CHECK-FIXES-EXPLICIT-NEXT: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-EXPLICIT-NEXT: {{^}}  //{{$}}
  puts("{\"event\":\"sys_startup\"}");
  return 0;
}
#endif

#ifdef USAGE
#include <string.h>

#define TOOL_NAME "orders-cli"
struct cli_config {
  const char *host;
  int port;
  int verbose;
};

static void print_version(void) {
  printf("%s version %d.%d\n", TOOL_NAME, 1, 4);
  // CHECK-MESSAGES-USAGE-UNNAMED-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'printf' and not flushed
}

static void printUsage(const char *argv0) {
  printf("Usage: %s [-h host] [-p port] [-v]\n", argv0);
  // CHECK-MESSAGES-USAGE-UNNAMED-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'printf' and not flushed
  puts("  -h host   the server to connect to");
  // CHECK-MESSAGES-USAGE-UNNAMED-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'puts' and not flushed
}

#define SHOW_HELP(argv0) printUsage(argv0)
int run_session(struct cli_config *cfg);

static int parse_args(struct cli_config *cfg, int argc, char **argv) {
  int i;
  for (i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "--help")) {
      SHOW_HELP(argv[0]);
      return 1;
    }
    if (!strcmp(argv[i], "--version")) {
      print_version();
      return 1;
    }
    if (!strcmp(argv[i], "-v"))
      cfg->verbose = 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  // CHECK-MESSAGES-USAGE-UNNAMED-DAG: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-MESSAGES-USAGE-EVENTS-DAG: :[[@LINE-2]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  struct cli_config cfg = {"localhost", 1883, 0};
  // CHECK-FIXES-USAGE-UNNAMED: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-USAGE-EVENTS: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  if (parse_args(&cfg, argc, argv))
    return 0;
#ifdef USAGE_EVENTS
  printf("{\"event\":\"connected\",\"host\":\"%s\",\"port\":%d}\n", cfg.host, cfg.port);
  // CHECK-MESSAGES-USAGE-EVENTS-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'printf' and not flushed
#endif
  fprintf(stderr, "connecting to %s:%d\n", cfg.host, cfg.port);
  return run_session(&cfg);
}
#endif

#ifdef MODES
#include <stdlib.h>
#include <string.h>
struct server_config {
  const char *config_file;
  int test_config;
  int max_conns;
};
int config_read(struct server_config *cfg);
int server_poll(struct server_config *cfg);

int main(int argc, char **argv) {
  // CHECK-MESSAGES-MODES-EVENTS-DAG: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-MESSAGES-MODES-OFF-DAG: :[[@LINE-2]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  struct server_config cfg = {"/etc/server.conf", 0, 64};
  // CHECK-FIXES-MODES-EVENTS: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-MODES-OFF: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  int i;
  for (i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "-V")) {
      printf("server 1.4.77\n");
      // CHECK-MESSAGES-MODES-OFF-DAG: :[[@LINE-1]]:7: note: event written to stdout here by 'printf' and not flushed
      exit(0);
    }
    if (!strcmp(argv[i], "-t"))
      cfg.test_config = 1;
  }
  if (config_read(&cfg) != 0)
    return 1;
  if (cfg.test_config) {
    printf("Syntax OK\n");
    // CHECK-MESSAGES-MODES-OFF-DAG: :[[@LINE-1]]:5: note: event written to stdout here by 'printf' and not flushed
    printf("%d connections at most\n", cfg.max_conns);
    // CHECK-MESSAGES-MODES-OFF-DAG: :[[@LINE-1]]:5: note: event written to stdout here by 'printf' and not flushed
    return 0;
  }
  while (server_poll(&cfg) == 0) {
#ifdef MODES_EVENTS
    printf("{\"event\":\"poll\",\"max\":%d}\n", cfg.max_conns);
    // CHECK-MESSAGES-MODES-EVENTS-DAG: :[[@LINE-1]]:5: note: event written to stdout here by 'printf' and not flushed
#endif
  }
  return 0;
}
#endif
