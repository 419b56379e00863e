// A small service's configuration and logging layer, shared by the
// sensitive-log-data-project.cpp and event-injection-project.cpp tests:
// config structs, a printf-like logging function behind macros, a logger
// class template with a stream interface.
#pragma once
#include <cstdarg>
#include <cstdio>
#include <sstream>
#include <string>

namespace svc {

struct TlsConfig {
  std::string cert_path;
  std::string private_key_path;
  std::string private_key_passphrase;
};

struct Config {
  std::string listen_address;
  std::string admin_user;
  std::string admin_password;
  std::string admin_password_hash;
  unsigned admin_password_min_length = 12;
  TlsConfig tls;
};

struct ClientRequest {
  std::string user;
  std::string remote_addr;
  std::string user_agent;
  std::string authorization;
};

enum class Level { Debug, Info, Warning, Error };

void vlog(Level level, const char *fmt, std::va_list args);
inline void log_write(Level level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
inline void log_write(Level level, const char *fmt, ...) {
  std::va_list args;
  va_start(args, fmt);
  vlog(level, fmt, args);
  va_end(args);
}

#define SVC_INFO(...) ::svc::log_write(::svc::Level::Info, __VA_ARGS__)
#define SVC_WARN(...) ::svc::log_write(::svc::Level::Warning, __VA_ARGS__)

/// A line-oriented logger with a category, written to stderr.
template <typename Sink> class Channel {
public:
  explicit Channel(std::string category) : category_(std::move(category)) {}
  template <typename T> Channel &operator<<(const T &value) {
    line_ << value;
    return *this;
  }
  ~Channel() { Sink::write(category_, line_.str()); }

private:
  std::string category_;
  std::ostringstream line_;
};

struct StderrSink {
  static void write(const std::string &category, const std::string &line) {
    std::fprintf(stderr, "%s %s\n", category.c_str(), line.c_str());
  }
};

using Log = Channel<StderrSink>;

} // namespace svc
