#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace orders {

struct Order {
  std::uint64_t id = 0;
  std::string customer;
  std::string item;
  unsigned quantity = 0;
};

class OrderBook {
public:
  std::uint64_t place(const std::string &customer, const std::string &item,
                      unsigned quantity);
  bool cancel(std::uint64_t id);
  std::size_t size() const { return Orders.size(); }

private:
  std::map<std::uint64_t, Order> Orders;
  std::uint64_t NextId = 1;
};

} // namespace orders
