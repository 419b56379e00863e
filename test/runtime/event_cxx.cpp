// logstream/event.h from C++, as the test matrix compiles it (strict and GNU
// modes, C++17/20, -Wall -Wextra -Werror): every kind of field value, the
// envelope keys, and the C interface from C++. header_matrix.py checks stdout.
#include <logstream/event.h>

#include <cstdint>
#include <string>

enum class outcome : std::uint8_t { denied = 3 };

int main() {
  std::string user = "mallory\"}\n{\"event\":\"forged\"";
  char grade = 'B';
  bool ok = logstream::security_event(
      "authn_login_fail",
      {{"user", user},
       {"grade", grade},
       {"outcome", outcome::denied},
       {"attempts", 3},
       {"i8", static_cast<std::int8_t>(-5)},
       {"ratio", 0.25},
       {"locked", true},
       {"none", nullptr},
       {"category", "NONE"}},
      logstream::level::error, "bad password");
  ok = logstream::event("order_placed", {{"order", 42u}}) && ok;
  const char *fields[] = {"event", "forged"};
  ok = logstream_event("sys_startup", fields, 1) == 0 && ok;
  return ok ? 0 : 1;
}
