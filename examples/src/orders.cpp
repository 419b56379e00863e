#include "orders.h"
#include "audit_log.h"
#include <cstdio>

namespace orders {

std::uint64_t OrderBook::place(const std::string &customer,
                               const std::string &item, unsigned quantity) {
  Order O{NextId++, customer, item, quantity};
  Orders.emplace(O.id, O);
  std::printf("order placed id=%llu customer=%s item=%s qty=%u\n",
              static_cast<unsigned long long>(O.id), customer.c_str(),
              item.c_str(), quantity);
  audit::record("order_placed", customer);
  return O.id;
}

bool OrderBook::cancel(std::uint64_t id) {
  auto It = Orders.find(id);
  if (It == Orders.end())
    return false;
  audit::record("order_cancelled", It->second.customer);
  Orders.erase(It);
  return true;
}

} // namespace orders
