// The Windows C runtime's spellings of the stdio and POSIX opens, wide paths
// included. (Declared here: the test runs on any host.)
// RUN: %check_logstream_tidy %s logstream-log-file-sink %t -- -- -std=c11

#include <stddef.h>
#include <stdio.h>

FILE *_wfopen(const wchar_t *path, const wchar_t *mode);
FILE *_wfreopen(const wchar_t *path, const wchar_t *mode, FILE *stream);
FILE *_fsopen(const char *path, const char *mode, int shflag);
int _open(const char *path, int oflag, ...);
int _wopen(const wchar_t *path, int oflag, ...);
#define _SH_DENYNO 0x40
#define _O_WRONLY 0x0001
#define _O_APPEND 0x0008
#define _O_CREAT 0x0100
#define _O_RDONLY 0x0000

void open_logs(const wchar_t *dir) {
  FILE *a = _wfopen(L"C:/ProgramData/app/logs/app.log", L"a");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: '_wfopen' writes log events to file 'C:/ProgramData/app/logs/app.log'; write them to stdout as an event stream [logstream-log-file-sink]
  FILE *b = _fsopen("service.log", "a", _SH_DENYNO);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: '_fsopen' writes log events to file 'service.log'
  int c = _open("trace.log", _O_WRONLY | _O_APPEND | _O_CREAT, 0644);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: '_open' writes log events to file 'trace.log'
  int d = _wopen(L"audit.log", _O_WRONLY | _O_CREAT);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: '_wopen' writes log events to file 'audit.log'
  _wfreopen(L"C:/logs/out.txt", L"w", stdout);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_wfreopen' redirects stdout into file 'C:/logs/out.txt'
  // CHECK-FIXES-NOT: _wfreopen(L"C:/logs/out.txt"
  (void)a, (void)b, (void)c, (void)d, (void)dir;
}

// Reading is not writing.
void read_config(void) {
  FILE *cfg = _wfopen(L"C:/ProgramData/app/logs/settings.log", L"r");
  int fd = _open("old.log", _O_RDONLY);
  (void)cfg, (void)fd;
}
