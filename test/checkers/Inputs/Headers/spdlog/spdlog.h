// Mock of spdlog 1.10, reduced to what the tests use (same names and shapes).
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>
namespace spdlog {
namespace details { struct null_mutex { void lock() {} void unlock() {} }; struct console_mutex {}; struct console_nullmutex {}; }
using filename_t = std::string;
struct file_event_handlers {};
namespace sinks {
class sink {
public:
  virtual ~sink() = default;
  void set_level(int) {}
  void set_pattern(const std::string &) {}
  virtual void flush() {}
};
template <typename Mutex> class base_sink : public sink {};
} // namespace sinks
using sink_ptr = std::shared_ptr<sinks::sink>;
class logger {
public:
  logger(std::string name, sink_ptr s) {}
  logger(std::string name, std::initializer_list<sink_ptr> s) {}
  template <typename... A> void info(const char *, A &&...) {}
  template <typename... A> void warn(const char *, A &&...) {}
  template <typename... A> void error(const char *, A &&...) {}
  void flush_on(int) {}
};
struct synchronous_factory {
  template <typename Sink, typename... Args>
  static std::shared_ptr<logger> create(std::string name, Args &&...args) {
    return std::make_shared<logger>(name, std::make_shared<Sink>(std::forward<Args>(args)...));
  }
};
struct async_factory : synchronous_factory {};
std::shared_ptr<logger> get(const std::string &name);
template <typename Sink, typename... SinkArgs>
std::shared_ptr<logger> create(std::string logger_name, SinkArgs &&...sink_args) {
  return synchronous_factory::create<Sink>(std::move(logger_name), std::forward<SinkArgs>(sink_args)...);
}
void set_default_logger(std::shared_ptr<logger>);
template <typename... A> void info(const char *, A &&...) {}
template <typename... A> void warn(const char *, A &&...) {}
template <typename... A> void error(const char *, A &&...) {}
} // namespace spdlog
