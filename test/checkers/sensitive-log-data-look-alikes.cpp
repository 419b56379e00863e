// What logstream-sensitive-log-data leaves alone: names that only look like
// a credential (passenger, tokenizer, bypass, a lexer's tokens, struct
// passwd's public fields), facts about a secret (its length, whether it is
// set or changed), literals that name a secret, redacted values, an allowed
// prefix of a hash, a program printing the value it was asked for, records
// that are not log records (a config file, a buffer). Option variants at the
// end.
// RUN: %check_logstream_tidy -std=c++17 %s logstream-sensitive-log-data %t -- -- -I%srcroot/include
// RUN: %check_logstream_tidy -check-suffix=OPTS -std=c++17 %s logstream-sensitive-log-data %t \
// RUN:   -config="{CheckOptions: {logstream-sensitive-log-data.RedactionFunctions: 'app::mask_all', logstream-sensitive-log-data.AllowedPrefixLength: 0, logstream-sensitive-log-data.ReportBareOutput: true}}" \
// RUN:   -- -- -I%srcroot/include

#include <cstdio>
#include <cstring>
#include <iostream>
#include <pwd.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace app {

struct Passenger {
  std::string name;
  std::string seat;
};

enum class TokenKind { Identifier, Number, String };

struct Token {
  TokenKind kind;
  std::string text;
  int line;
};

class Tokenizer {
public:
  const Token &token() const { return current_; }
  std::string token_text() const { return current_.text; }

private:
  Token current_;
};

struct Lexer {
  std::vector<Token> tokens;
  std::size_t token_count = 0;
  std::string token;
};

struct PasswordPolicy {
  std::size_t password_min_length = 12;
  std::string password_rules = "letters and digits";
  bool password_changed = false;
};

std::string redact(const std::string &secret);
std::string mask_all(const std::string &secret);

void board(const Passenger &passenger, bool bypass) {
  std::printf("boarding %s seat %s bypass=%d\n", passenger.name.c_str(),
              passenger.seat.c_str(), bypass);
}

void lex(Tokenizer &tokenizer, const Lexer &lexer) {
  std::cerr << "unexpected token '" << tokenizer.token().text << "' at line "
            << tokenizer.token().line << "\n";
  std::cerr << "token " << tokenizer.token_text() << " of "
            << lexer.token_count << "\n";
  std::cerr << "lexer token " << lexer.token << " (" << lexer.tokens.size()
            << " tokens)\n";
}

void users(uid_t uid) {
  struct passwd *pw = getpwuid(uid);
  std::printf("user %s uid %d home %s shell %s\n", pw->pw_name,
              static_cast<int>(pw->pw_uid), pw->pw_dir, pw->pw_shell);
  struct passwd *pwd = getpwnam("root");
  std::printf("root's gecos %s\n", pwd->pw_gecos);
}

void login(const std::string &user, const std::string &password,
           const PasswordPolicy &policy) {
  std::printf("password incorrect for %s\n", user.c_str());
  std::printf("password of %zu characters (minimum %zu): %s\n",
              password.size(), policy.password_min_length,
              policy.password_rules.c_str());
  std::printf("password %s for %s\n", password.empty() ? "missing" : "given",
              user.c_str());
  std::printf("length %zu, changed %d\n", std::strlen(password.c_str()),
              policy.password_changed);
  std::cout << "login " << user << " password ok: " << (password == "x")
            << "\n";
  std::cout << "redacted " << redact(password) << "\n";
  std::cout << "masked " << mask_all(password) << "\n";
  // CHECK-MESSAGES-OPTS-NOT: :[[@LINE-1]]:{{.*}} warning:
}

void fingerprint(const std::string &auth_token_hash, const char *api_key_digest) {
  // A prefix of a hash or token may be logged (AllowedPrefixLength, 8).
  std::printf("token %.8s...\n", auth_token_hash.c_str());
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:34: warning: log record includes the secret 'auth_token_hash'
  std::cout << "key " << std::string(api_key_digest).substr(0, 8) << "\n";
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:38: warning: log record includes the secret 'api_key_digest'
}

void not_a_log(FILE *config, char *buf, std::size_t n,
               const std::string &password) {
  std::fprintf(config, "password=%s\n", password.c_str());
  std::snprintf(buf, n, "password=%s", password.c_str());
}

// A password generator printing what it generated: output, not a log
// record (ReportBareOutput reports it).
void generate(const std::string &new_password) {
  std::printf("%s\n", new_password.c_str());
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:23: warning: log record includes the secret 'new_password'
  // CHECK-FIXES-OPTS: {{^}}  std::printf("%s\n", "<redacted>");{{$}}
  std::cout << new_password << std::endl;
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:16: warning: log record includes the secret 'new_password'
  // CHECK-FIXES-OPTS: {{^}}  std::cout << "<redacted>" << std::endl;{{$}}
}

void working_directory() {
  char pwd[4096];
  if (getcwd(pwd, sizeof pwd))
    std::printf("cwd %s\n", std::getenv("PWD"));
}

} // namespace app
