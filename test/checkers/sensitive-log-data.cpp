// Secrets in log records, C++: stdio and iostreams to stdout/stderr, the
// runtime API's fields, spdlog (mock headers), the project's own logging
// functions, members of config structs, accessors, locals holding a secret,
// a logging macro; fix-its redact the value to "<redacted>".
// RUN: %check_logstream_tidy -std=c++17 %s logstream-sensitive-log-data %t \
// RUN:   -config="{CheckOptions: {logstream-sensitive-log-data.LoggingFunctions: 'app::log_line;app::Logger::write', logstream-sensitive-log-data.LoggingMacros: 'APP_LOG'}}" \
// RUN:   -- -- -I%srcroot/include -isystem %S/Inputs/Headers

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <logstream/event.h>
#include <map>
#include <spdlog/spdlog.h>
#include <string>

extern "C" char *crypt(const char *key, const char *salt);

namespace app {

struct DatabaseConfig {
  std::string host;
  std::string user;
  std::string password;
  std::string password_file;
  int password_min_length = 8;
};

struct OAuthSession {
  std::string token;
  std::string refresh_token;
  std::string user;
};

class Credentials {
public:
  const std::string &apiKey() const { return api_key_; }
  std::size_t apiKeyLength() const { return api_key_.size(); }
  bool hasApiKey() const { return !api_key_.empty(); }

private:
  std::string api_key_;
};

void log_line(int level, const std::string &text);

class Logger {
public:
  void write(const std::string &text);
};

#define APP_LOG(level, ...) std::fprintf(stderr, __VA_ARGS__)

void connect(const DatabaseConfig &cfg) {
  std::printf("connecting to %s as %s with %s\n", cfg.host.c_str(),
              cfg.user.c_str(), cfg.password.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: log record includes the secret 'password' (named like a credential) [logstream-sensitive-log-data]
  // CHECK-FIXES: {{^}}              cfg.user.c_str(), "<redacted>");{{$}}
  std::cerr << "db password: " << cfg.password << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: log record includes the secret 'password' (named like a credential)
  // CHECK-FIXES: {{^}}  std::cerr << "db password: " << "<redacted>" << '\n';{{$}}
}

void refresh(const OAuthSession &session, Logger &logger) {
  // A bare `token` is a credential in a session or OAuth struct.
  std::clog << "refreshing session of " << session.user << " token "
            << session.token << std::endl;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: log record includes the secret 'OAuthSession::token' (a credential member)
  // CHECK-FIXES: {{^}}            << "<redacted>" << std::endl;{{$}}
  logger.write("refresh token " + session.refresh_token);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: log record includes the secret 'refresh_token' (named like a credential)
}

void announce(const Credentials &creds) {
  spdlog::info("using api key {}", creds.apiKey());
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: log record includes the secret 'apiKey()' (named like a credential)
  // CHECK-FIXES: {{^}}  spdlog::info("using api key {}", "<redacted>");{{$}}
  log_line(2, "api key: " + creds.apiKey());
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: log record includes the secret 'apiKey()'
}

bool check_login(const std::string &user, const std::string &password,
                 const std::string &password_hash) {
  // A local that holds the secret is the secret.
  const char *hashed = crypt(password.c_str(), password_hash.c_str());
  std::fprintf(stderr, "comparing %s with %s\n", hashed, password_hash.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: log record includes the secret 'hashed' (initialized from crypt(), a password hash)
  // CHECK-MESSAGES: :[[@LINE-2]]:58: warning: log record includes the secret 'password_hash' (named like a credential)
  // CHECK-FIXES: {{^}}  std::fprintf(stderr, "comparing %s with %s\n", "<redacted>", "<redacted>");{{$}}
  logstream::security_event("authn_login_fail",
                            {{"user", user}, {"password", password}});
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: log record includes the secret 'password' (named like a credential)
  // CHECK-FIXES: {{^}}                            {{[{][{]}}"user", user}, {"password", "<redacted>"}});{{$}}
  APP_LOG(3, "login of %s with '%s' failed\n", user.c_str(), password.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: log record includes the secret 'password' (named like a credential)
  // CHECK-FIXES: {{^}}  APP_LOG(3, "login of %s with '%s' failed\n", user.c_str(), "<redacted>");{{$}}
  return false;
}

void environment() {
  std::printf("token from env: %s\n", std::getenv("GITHUB_TOKEN"));
  std::printf("api key from env: %s\n", std::getenv("API_KEY"));
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: log record includes the secret ''API_KEY'' (looked up by a credential name)
  // CHECK-FIXES: {{^}}  std::printf("api key from env: %s\n", "<redacted>");{{$}}
}

void request(const std::map<std::string, std::string> &headers) {
  std::cout << "request auth " << headers.at("Authorization") << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: log record includes the secret ''Authorization' header' (a credential header)
  // CHECK-FIXES: {{^}}  std::cout << "request auth " << "<redacted>" << "\n";{{$}}
  std::cout << "request ua " << headers.at("User-Agent") << "\n";
}

// Not a single expression: reported, no fix-it.
void partial(const DatabaseConfig &cfg, bool verbose) {
  std::cout << "secret in " + (verbose ? cfg.password : std::string("***"))
            << "\n";
  // CHECK-MESSAGES: :[[@LINE-2]]:42: warning: log record includes the secret 'password'
}

} // namespace app
