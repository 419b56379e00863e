// Your own logging functions and macros (LoggingFunctions, LoggingMacros):
// tagged records through them count; untagged ones are categorized.
// RUN: %check_logstream_tidy %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: { \
// RUN:     logstream-security-event-category.LoggingFunctions: '::obs::emit', \
// RUN:     logstream-security-event-category.LoggingMacros: 'OBS_LOG'}}"

extern "C" int setuid(unsigned uid);
namespace obs {
void emit(const char *level, const char *message);
void write_raw(const char *message);
}
#define OBS_LOG(msg) obs::write_raw(msg)

void dropTagged(unsigned uid) {
  if (setuid(uid) != 0) {
    obs::emit("warn", "SECURITY privilege drop failed");
    return;
  }
  OBS_LOG("SECURITY privilege_permissions_changed");
}

void dropUntagged(unsigned uid) {
  if (setuid(uid) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record
    obs::emit("warn", "privilege drop failed");
    // CHECK-FIXES: {{^}}    obs::emit("warn", "SECURITY privilege drop failed");{{$}}
    return;
  }
  OBS_LOG("SECURITY privilege_permissions_changed");
}
