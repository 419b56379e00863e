// The C++ shapes of a project's own logging helpers defined in the file:
// a free function taking the message as a std::string, a class's static
// member taking a std::string_view. Their calls are records
// (LocalLoggingWrappers): a SECURITY one by its tag, an uncategorized one
// categorized by the fix-it.
// RUN: %check_logstream_tidy -std=c++17 %s logstream-security-event-category %t

#include <iostream>
#include <string>
#include <string_view>
#include <unistd.h>

static void audit_line(const std::string &msg) { std::clog << msg << '\n'; }

namespace app {
struct Log {
  static void line(std::string_view m) { std::cerr << m << std::endl; }
};
} // namespace app

int drop_to(uid_t uid) {
  if (setuid(uid) != 0) {
    audit_line("SECURITY setuid failed");
    return -1;
  }
  app::Log::line("SECURITY dropped privileges");
  return 0;
}

int drop_quietly(uid_t uid) {
  if (setuid(uid) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record [logstream-security-event-category]
    app::Log::line("setuid failed");
    // CHECK-FIXES: {{^}}    app::Log::line("SECURITY setuid failed");{{$}}
    return -1;
  }
  return 0;
}
