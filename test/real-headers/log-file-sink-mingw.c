// The Windows C runtime's spellings of the stdio and POSIX opens, on
// Debian's real MinGW-w64 headers (g++-mingw-w64-x86-64), compiled as for
// Windows with clang's --target=x86_64-w64-mingw32.
// REQUIRES: mingw-headers
// RUN: %check_logstream_tidy %s logstream-log-file-sink %t -- -- --target=x86_64-w64-mingw32 -std=c11

#include <fcntl.h>
#include <io.h>
#include <share.h>
#include <stdio.h>
#include <sys/stat.h>
#include <wchar.h>

void open_logs(void) {
  FILE *a = _wfopen(L"C:/ProgramData/app/logs/app.log", L"a");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: '_wfopen' writes log events to file 'C:/ProgramData/app/logs/app.log'; write them to stdout as an event stream [logstream-log-file-sink]
  FILE *b = _fsopen("service.log", "a", _SH_DENYNO);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: '_fsopen' writes log events to file 'service.log'
  int c = _open("trace.log", _O_WRONLY | _O_APPEND | _O_CREAT, _S_IWRITE);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: '_open' writes log events to file 'trace.log'
  int d = _wopen(L"audit.log", _O_WRONLY | _O_CREAT, _S_IWRITE);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: '_wopen' writes log events to file 'audit.log'
  (void)a, (void)b, (void)c, (void)d;
}

void redirect(void) {
  _wfreopen(L"C:/logs/out.txt", L"w", stdout);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_wfreopen' redirects stdout into file 'C:/logs/out.txt'
  // CHECK-FIXES: {{^}}void redirect(void) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}  //{{$}}
}

// A log written with fprintf on a local FILE *: the open becomes stdout.
void append_line(const char *line) {
  FILE *log = _fsopen("C:/ProgramData/app/logs/events.log", "a", _SH_DENYWR);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: '_fsopen' writes log events to file 'C:/ProgramData/app/logs/events.log'
  // CHECK-FIXES: {{^}}  FILE *log = stdout;{{$}}
  if (!log)
    return;
  fprintf(log, "%s\n", line);
  fclose(log);
}

// Reading is not writing; the console is not a file.
void read_config(void) {
  FILE *cfg = _wfopen(L"C:/ProgramData/app/logs/settings.log", L"r");
  int fd = _open("old.log", _O_RDONLY);
  FILE *con = _wfopen(L"CONOUT$", L"w");
  (void)cfg, (void)fd, (void)con;
}
