// RUN: %check_logstream_tidy %s logstream-sensitive-log-data %t \
// RUN:   -config="{CheckOptions: {logstream-sensitive-log-data.Functions: '::flagged'}}"

void flagged();
void other();

void f() {
  flagged();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'flagged' [logstream-sensitive-log-data]
  other();
}
