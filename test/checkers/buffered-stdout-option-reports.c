// A daemon whose only stdout writes answer a command-line option (`-V`
// prints the build report, `--features` the compiled-in features) right
// before the program exits, which flushes stdout: a report, not events
// (IgnoreWritesBeforeExit). The report functions are named for what they
// print, not for usage or version, and call helpers of their own.
// RUN: %check_logstream_tidy -check-suffixes=GETOPT %s logstream-buffered-stdout %t -- -- -DGETOPT
// RUN: %check_logstream_tidy -check-suffixes=ARGV %s logstream-buffered-stdout %t -- -- -DARGV
// Reported: with the option off; when the report is also printed on the way
// on (a `break` after it); when the program leaves with _exit, which does
// not flush; when the call is the program's work at the end of main; when
// the report function is also called from the event path.
// RUN: %check_logstream_tidy -check-suffixes=OFF %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.IgnoreWritesBeforeExit: false}}" -- -- -DGETOPT
// RUN: %check_logstream_tidy -check-suffixes=GOESON %s logstream-buffered-stdout %t -- -- -DGOESON
// RUN: %check_logstream_tidy -check-suffixes=UNDERSCORE %s logstream-buffered-stdout %t -- -- -DUNDERSCORE
// RUN: %check_logstream_tidy -check-suffixes=TAIL %s logstream-buffered-stdout %t -- -- -DTAIL
// RUN: %check_logstream_tidy -check-suffixes=ALSO %s logstream-buffered-stdout %t -- -- -DALSO

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct daemon_config {
  const char *config_file;
  int foreground;
  int verbosity;
};

static const char *const compiled_modules[] = {"cache", "validator", "stats"};

static void list_modules(void) {
  size_t i;
  printf("Modules:");
  // CHECK-MESSAGES-OFF-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'printf' and not flushed
  // CHECK-MESSAGES-ALSO-DAG: :[[@LINE-2]]:3: note: event written to stdout here by 'printf' and not flushed
  for (i = 0; i < sizeof compiled_modules / sizeof *compiled_modules; ++i)
    printf(" %s", compiled_modules[i]);
  printf("\n");
}

static void print_build_report(void) {
  printf("daemon 2.1 built with TLS\n");
  list_modules();
}

#define SHOW_FEATURES() print_build_report()

static int serve(const struct daemon_config *cfg) {
  int n;
  for (n = 0; n < cfg->verbosity; ++n) {
    fprintf(stderr, "worker %d up\n", n);
#ifdef ALSO
    print_build_report();
#endif
  }
  return 0;
}

#ifdef TAIL
static int run_queries(const char *name) {
  printf("%s has address 192.0.2.1\n", name);
  // CHECK-MESSAGES-TAIL-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'printf' and not flushed
  return 0;
}
#endif

int main(int argc, char **argv) {
  // CHECK-MESSAGES-OFF-DAG: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-MESSAGES-GOESON-DAG: :[[@LINE-2]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-MESSAGES-UNDERSCORE-DAG: :[[@LINE-3]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-MESSAGES-TAIL-DAG: :[[@LINE-4]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-MESSAGES-ALSO-DAG: :[[@LINE-5]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  struct daemon_config cfg = {"/etc/daemon.conf", 0, 1};
  // CHECK-FIXES-OFF: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-OFF-NEXT: {{^}}  struct daemon_config cfg = {"/etc/daemon.conf", 0, 1};{{$}}
  // CHECK-FIXES-GOESON: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-UNDERSCORE: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-TAIL: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-ALSO: {{^}}  setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  int c;
#if defined(ARGV)
  if (argc > 1 && strcmp(argv[1], "--features") == 0) {
    SHOW_FEATURES();
    exit(0);
  }
#else
  while ((c = getopt(argc, argv, "c:dvV")) != -1) {
    switch (c) {
    case 'c':
      cfg.config_file = optarg;
      break;
    case 'd':
      cfg.foreground = 1;
      break;
    case 'v':
      cfg.verbosity++;
      break;
    case 'V':
      print_build_report();
#if defined(GOESON)
      break;
#elif defined(UNDERSCORE)
      _exit(0);
#else
      return 0;
#endif
    default:
      fprintf(stderr, "usage: daemon [-c file] [-d] [-v] [-V]\n");
      return 1;
    }
  }
#endif
#ifdef TAIL
  run_queries(cfg.config_file);
  return 0;
#else
  (void)c;
  return serve(&cfg);
#endif
}
