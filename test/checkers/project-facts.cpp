// logstream-project-facts writes one JSON summary per translation unit and
// reports nothing. The summary of a unit written the way real code is: a
// config struct, a static helper called through a wrapper, a rotation helper
// building its own name, syslog wrappers with and without a facility, a
// credential check, and functions that must not appear (no effect on files,
// logs or security; templates).
// RUN: rm -rf %t && mkdir -p %t/facts
// RUN: %logstream_tidy --checks='-*,logstream-project-facts' %s \
// RUN:   --config="{CheckOptions: [{key: logstream-project-facts.OutputDirectory, value: '%t/facts'}]}" \
// RUN:   -- -std=c++17 2>&1 | FileCheck %s --check-prefix=QUIET --allow-empty --implicit-check-not="{{warning|error|note}}:"
// RUN: %python -m json.tool --sort-keys %t/facts/*.json | sed 's|%s|<src>|g' > %t/facts.txt
// RUN: FileCheck %s < %t/facts.txt
// Neither the pure helper nor the template is summarized.
// RUN: FileCheck %s --check-prefix=ONLY --implicit-check-not=count_lines \
// RUN:   --implicit-check-not=open_any < %t/facts.txt
// ONLY: "format": "logstream-unit-facts"
//
// Without OutputDirectory it writes nothing.
// RUN: rm -rf %t/none && mkdir -p %t/none && cd %t/none
// RUN: %logstream_tidy --checks='-*,logstream-project-facts' --config='{}' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=QUIET --allow-empty --implicit-check-not="{{warning|error|note}}:"
// RUN: not ls %t/none/*.json
// QUIET-NOT: {{.}}

#include <cstdio>
#include <cstring>
#include <string>
#include <syslog.h>

struct Config {
  std::string log_dir;
};

static FILE *open_for_append(const char *path) { return fopen(path, "a"); }

FILE *open_log(const Config &cfg) {
  std::string p = cfg.log_dir + "/app.log";
  return open_for_append(p.c_str());
}

void rotate_file(const char *path) {
  char old[256];
  snprintf(old, sizeof old, "%s.1", path);
  rename(path, old);
}

void log_msg(int prio, const char *msg) { syslog(prio, "%s", msg); }

void audit_log(const char *msg) { syslog(LOG_AUTHPRIV | LOG_NOTICE, "%s", msg); }

bool password_matches(const char *user, const char *password) {
  const char *stored = user; // a lookup in real code
  return strcmp(password, stored) == 0;
}

int count_lines(const char *text) {
  int n = 0;
  for (; *text; ++text)
    n += *text == '\n';
  return n;
}

template <typename T> FILE *open_any(T path) { return fopen(path, "w"); }

// CHECK:      "format": "logstream-unit-facts",
// CHECK:      "functions": {
// The static helper is keyed by its file.
// CHECK:        "<src>!open_for_append/1": {
// CHECK:          "opens": [
// CHECK:              "api": "fopen",
// CHECK-NEXT:         "line": [[@LINE-37]],
// CHECK-NEXT:         "path": [
// CHECK-NEXT:           0
// CHECK-NEXT:         ],
// CHECK-NEXT:         "returns": true
// CHECK:        "audit_log/1": {
// CHECK:          "logging": {
// CHECK-NEXT:       "api": "syslog",
// CHECK-NEXT:       "dest": "syslog",
// CHECK-NEXT:       "facility": 80,
// CHECK:          "security_record": {
// CHECK-NEXT:       "line": [[@LINE-33]],
// CHECK-NEXT:       "what": "syslog"
// CHECK:        "log_msg/2": {
// CHECK:          "logging": {
// CHECK:            "facility_param": 0,
// CHECK:            "message_param": 1
// CHECK-NOT:      "security_record"
// CHECK:        "open_log/1": {
// CHECK:          "calls": [
// CHECK:              "callee": "<src>!open_for_append/1",
// CHECK:              "returned": {
// CHECK-NEXT:           "kind": "direct"
// CHECK:              "uncond": true
// CHECK:        "password_matches/2": {
// CHECK:          "security_op": {
// CHECK:        "rotate_file/1": {
// CHECK:          "manages": [
// CHECK:              "api": "rename",
// CHECK:              "op": "rotate",
// CHECK-NEXT:         "path": [
// CHECK-NEXT:           0
// CHECK:      "handles": [],
// CHECK:      "tu": "<src>",
