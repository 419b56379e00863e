// The same service in C++, writing its events with std::cout.
#include <iostream>
#include <unistd.h>

namespace {
void emit(const char *event, int n) {
  std::cout << "{\"event\":\"" << event << "\",\"n\":" << n << "}\n";
}
} // namespace

int main() {
  emit("sys_startup", 0);
  for (int i = 1; i <= 4; ++i)
    emit("order_received", i);
  // The test waits for this line, then kills. (Not std::cerr: it is tied to
  // std::cout, and writing to it would flush std::cout first.)
  if (write(STDERR_FILENO, "ready\n", 6) != 6)
    return 1;
  for (;;)
    pause();
}
