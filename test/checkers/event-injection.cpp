// Forgeable and multi-line events, C++: SECURITY records (by tag, by a
// security logger, by the project's security logging function) that format
// untrusted text (parameters, members of a request, argv, getenv, a request
// header, a buffer filled by recv) without escaping; the fix-it rewrites a
// printf-style record into logstream::security_event(...). Multi-line
// messages and stack traces streamed to std::cout.
// RUN: %check_logstream_tidy -std=c++17 %s logstream-event-injection %t \
// RUN:   -config="{CheckOptions: {logstream-event-injection.SecurityLoggingFunctions: 'app::audit', logstream-event-injection.LoggingFunctions: 'app::audit'}}" \
// RUN:   -- -- -I%srcroot/include -isystem %S/Inputs/Headers

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
// CHECK-FIXES: {{^}}#include <logstream/event.h>{{$}}
#include <spdlog/spdlog.h>
#include <string>
#include <sys/socket.h>

namespace app {

struct LoginRequest {
  std::string user;
  std::string source_ip;
  int attempts;
};

struct HttpRequest {
  std::map<std::string, std::string> headers;
  std::string header(const std::string &name) const;
};

void audit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void login_failed(const char *user, const char *ip) {
  std::printf("SECURITY authn_login_fail user=%s ip=%s\n", user, ip);
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: SECURITY record formats parameter 'user' without escaping: a line break in it forges a second event [logstream-event-injection]
  // CHECK-FIXES: {{^}}  logstream::security_event("authn_login_fail", {{[{][{]}}"user", user}, {"ip", ip}});{{$}}
}

void login_failed_count(const char *user, int attempts) {
  std::fprintf(stderr, "SECURITY: authn_login_fail_max user='%s' attempts=%d (account locked)\n",
               user, attempts);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: SECURITY record formats parameter 'user' without escaping
  // CHECK-FIXES: {{^}}  logstream::security_event("authn_login_fail_max", {{[{][{]}}"user", user}, {"attempts", attempts}}, logstream::level::warning, "account locked");{{$}}
}

void denied(const LoginRequest &req, const std::string &resource) {
  std::cout << "SECURITY authz_fail user=" << req.user << " resource="
            << resource << std::endl;
  // CHECK-MESSAGES: :[[@LINE-2]]:47: warning: SECURITY record formats 'user' of parameter 'req' without escaping
}

void through_security_logger(const std::string &user) {
  auto security = spdlog::get("security");
  security->warn("authn_login_fail user={}", user);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: SECURITY record formats parameter 'user' without escaping
}

void through_helper(const HttpRequest &request) {
  audit("authz_fail agent=%s", request.header("User-Agent").c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: SECURITY record formats a request value ('header()') without escaping
  // CHECK-FIXES: {{^}}  logstream::security_event("authz_fail", {{[{][{]}}"agent", request.header("User-Agent").c_str()}});{{$}}
  audit("authz_fail token_env=%s", std::getenv("ROLE"));
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: SECURITY record formats 'getenv()' without escaping
  // CHECK-FIXES: {{^}}  logstream::security_event("authz_fail", {{[{][{]}}"token_env", std::getenv("ROLE")}});{{$}}
}

void from_network(int fd) {
  char name[64];
  recv(fd, name, sizeof name - 1, 0);
  std::printf("SECURITY input_validation_fail name=%s\n", name);
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: SECURITY record formats a buffer filled by 'recv()' without escaping
  // CHECK-FIXES: {{^}}  logstream::security_event("input_validation_fail", {{[{][{]}}"name", name}});{{$}}
}

// No event name in the record: reported, with a note instead of a fix-it.
void unnamed(const char *user) {
  std::printf("SECURITY login failed for %s\n", user);
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: SECURITY record formats parameter 'user' without escaping
}

// Multi-line records: the message has a line break before its end.
void multi_line(const std::string &order, int items) {
  std::cout << "[INFO] order " << order << "\n  items: " << items << std::endl;
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: log record message has a line break before its end: a line-oriented stream splits it into several events
  spdlog::info("order {} placed\nitems: {}", order, items);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: log record message has a line break before its end
  std::fprintf(stderr, "ERROR: payment declined\n\nretry with another card\n");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: log record message has a line break before its end
}

// The record is rewritten only where it is a statement of its own (the
// body of a loop, a block), not where its value is used.
int each_failure(const char *user, int attempts) {
  for (int i = 0; i < attempts; ++i)
    std::printf("SECURITY authn_login_fail user=%s\n", user);
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: SECURITY record formats parameter 'user' without escaping
  // CHECK-FIXES: {{^}}    logstream::security_event("authn_login_fail", {{[{][{]}}"user", user}});{{$}}
  int written = std::printf("SECURITY authn_login_fail user=%s\n", user);
  // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: SECURITY record formats parameter 'user' without escaping
  // CHECK-FIXES: {{^}}  int written = std::printf("SECURITY authn_login_fail user=%s\n", user);{{$}}
  if (written < 0)
    return std::printf("SECURITY authz_fail user=%s\n", user);
  // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: SECURITY record formats parameter 'user' without escaping
  // CHECK-FIXES: {{^}}    return std::printf("SECURITY authz_fail user=%s\n", user);{{$}}
  return written;
}

} // namespace app

int main(int argc, char **argv) {
  if (argc > 1)
    std::printf("SECURITY authn_login_fail user=%s\n", argv[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: SECURITY record formats argv without escaping
  // CHECK-FIXES: {{^}}    logstream::security_event("authn_login_fail", {{[{][{]}}"user", argv[1]}});{{$}}
  return 0;
}
