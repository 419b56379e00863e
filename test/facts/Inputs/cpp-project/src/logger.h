#pragma once
#include <fstream>
#include <string>

class Logger {
public:
  static Logger &instance();
  void open(const std::string &path);
  void write(const std::string &message);

private:
  std::ofstream out_;
};

#define APP_LOG(msg) Logger::instance().write(msg)
