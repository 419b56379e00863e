// RUN: %check_logstream_tidy %s logstream-event-injection %t \
// RUN:   -config="{CheckOptions: {logstream-event-injection.Functions: '::flagged'}}"

void flagged();
void other();

void f() {
  flagged();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'flagged' [logstream-event-injection]
  other();
}
