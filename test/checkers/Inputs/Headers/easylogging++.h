// Mock of easylogging++ 9.97, reduced to what the tests use.
#pragma once
#include <string>
namespace el {
enum class Level : unsigned { Global = 1, Debug = 2, Info = 128 };
enum class ConfigurationType : unsigned { Enabled = 1, ToFile = 2, ToStandardOutput = 4, Format = 8, Filename = 16, MaxLogFileSize = 128 };
class Configurations {
public:
  Configurations() {}
  void set(Level level, ConfigurationType configurationType, const std::string &value) {}
  void setGlobally(ConfigurationType configurationType, const std::string &value) {}
  bool parseFromText(const std::string &configurationsString, Configurations *base = nullptr) { return true; }
  void setToDefault() {}
};
class Loggers {
public:
  static void reconfigureAllLoggers(const Configurations &) {}
  static void reconfigureAllLoggers(ConfigurationType configurationType, const std::string &value) {}
  static void reconfigureAllLoggers(Level level, ConfigurationType configurationType, const std::string &value) {}
};
} // namespace el
#define INITIALIZE_EASYLOGGINGPP
