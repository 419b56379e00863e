#include "audit_log.h"
#include "auth.h"
#include "metrics.h"
#include "orders.h"
#include <cstdio>
#include <iostream>
#include <string>

namespace {
char stdout_buffer[1 << 16];
}

int main(int argc, char **argv) {
  // "Faster output": batch stdout writes in a 64 KiB buffer.
  setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);

  std::string data_dir = argc > 1 ? argv[1] : "/var/lib/orders";
  bool daemon = argc > 2 && std::string(argv[2]) == "--daemon";
  if (daemon) {
    // Nobody reads the terminal of a daemon: keep its output in a file.
    freopen("/var/log/orders/stdout.log", "a", stdout);
  }
  metrics::init(data_dir);
  if (!audit::open(data_dir)) {
    std::cerr << "cannot open the audit log under " << data_dir << '\n';
    return 1;
  }

  if (!auth::login("alice", "correct horse")) {
    auth::lock_account("alice", 1);
    return 1;
  }

  orders::OrderBook book;
  auto id = book.place("alice", "keyboard", 1);
  book.place("alice", "mouse", 2);
  book.cancel(id);
  metrics::count("orders_open", static_cast<long>(book.size()));
  std::printf("open orders: %zu\n", book.size());
  return 0;
}
