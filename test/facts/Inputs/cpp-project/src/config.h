#pragma once
#include <string>

struct Config {
  std::string log_dir;
  std::string data_dir;
  int keep = 5;
};
