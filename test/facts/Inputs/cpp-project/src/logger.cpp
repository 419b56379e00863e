#include "logger.h"

Logger &Logger::instance() {
  static Logger logger;
  return logger;
}

void Logger::open(const std::string &path) { out_.open(path, std::ios::app); }

void Logger::write(const std::string &message) { out_ << message << '\n'; }
