// What logstream-event-injection leaves alone: the runtime API (it escapes),
// escaped values, integers, trusted parameters (event names, levels, a
// wrapper's message), records outside the SECURITY category that format a
// parameter, syslog (its daemon frames and escapes messages), messages with
// one final newline, usage and help text on stdout, a multi-line string that
// is not a log record. Option variants: EscapingFunctions, CheckMultiLine.
// RUN: %check_logstream_tidy -std=c++17 %s logstream-event-injection %t -- -- -I%srcroot/include
// RUN: %check_logstream_tidy -check-suffix=OPTS -std=c++17 %s logstream-event-injection %t \
// RUN:   -config="{CheckOptions: {logstream-event-injection.EscapingFunctions: 'app::clean', logstream-event-injection.CheckMultiLine: false, logstream-event-injection.TrustedParameterPattern: ''}}" \
// RUN:   -- -- -I%srcroot/include

#include <cstdio>
#include <iostream>
#include <logstream/event.h>
#include <string>
#include <syslog.h>

namespace app {

std::string escape(const std::string &text);
std::string clean(const std::string &text);
std::string trim(const std::string &text);

void recorded(const std::string &user, const char *ip) {
  logstream::security_event("authn_login_fail", {{"user", user}, {"ip", ip}});
  logstream_security_event("authn_login_fail",
                           (const char *[]){"user", user.c_str()}, 1);
}

void escaped(const std::string &user, int uid, long attempts) {
  std::printf("SECURITY authn_login_fail user=%s uid=%d attempts=%ld\n",
              escape(user).c_str(), uid, attempts);
  // `clean` escapes only when listed (OPTS).
  std::cout << "SECURITY authn_login_fail user=" << clean(trim(user)) << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: SECURITY record formats parameter 'user' without escaping
}

// A SECURITY helper: its event and level parameters come from the code.
void security_line(const char *event, const char *level, const char *msg) {
  std::printf("SECURITY %s level=%s %s\n", event, level, msg);
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:44: warning: SECURITY record formats parameter 'event' without escaping
}

// Text functions carry line breaks through; escaping ones (by name or
// listed) do not.
void transformed(const std::string &user) {
  std::cout << "SECURITY authn_login_fail user=" << trim(user) << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: SECURITY record formats parameter 'user' without escaping
  // CHECK-MESSAGES-OPTS: :[[@LINE-2]]:58: warning: SECURITY record formats parameter 'user' without escaping
}

void not_security(const std::string &order, const char *customer) {
  std::printf("order %s placed by %s\n", order.c_str(), customer);
  std::cout << "[INFO] order " << order << " placed\n";
}

void via_syslog(const char *user) {
  syslog(LOG_AUTHPRIV | LOG_NOTICE, "SECURITY authn_login_fail user=%s", user);
  syslog(LOG_ERR, "line one\nline two");
}

void usage(const char *argv0) {
  std::printf("usage: %s [options]\n  -h  help\n  -v  verbose\n", argv0);
  std::cout << "Options:\n  --port N\n";
}

std::string banner() { return "line one\nline two\n"; }

void final_newline(const std::string &id) {
  std::fprintf(stderr, "ERROR: job %s failed\n", id.c_str());
  std::cerr << "WARN: retrying " << id << std::endl;
  std::fprintf(stderr, "[ERROR] two\nlines\n");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: log record message has a line break before its end
}

// Command-line tools set an error message off with blank lines before or
// after it, through the tool's own error macro too: the event is still one
// line.
#define CLI_ERR(...) std::fprintf(stderr, __VA_ARGS__)
struct cli_config {
  const char *topic = nullptr;
  int qos = 0;
};

int check_options(const cli_config &cfg) {
  if (!cfg.topic) {
    std::fprintf(stderr, "Error: Malformed UTF-8 in %s argument.\n\n", "--topic");
    CLI_ERR("ERROR: --topic argument given but no topic specified.\n\n");
    return 1;
  }
  if (cfg.qos > 2) {
    CLI_ERR("\nWARN: qos %d out of range, using 2\r\n", cfg.qos);
    return 1;
  }
  return 0;
}

} // namespace app
