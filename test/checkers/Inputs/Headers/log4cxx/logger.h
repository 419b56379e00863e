// Mock of log4cxx 1.0, reduced to what the tests use.
#pragma once
#include <memory>
#include <string>
namespace log4cxx {
typedef std::string LogString;
namespace helpers { class Object { public: virtual ~Object() = default; }; class Pool {}; }
namespace spi { class OptionHandler : public virtual helpers::Object { public: virtual void activateOptions(helpers::Pool &) {} virtual void setOption(const LogString &, const LogString &) {} }; }
class Layout : public virtual spi::OptionHandler {};
typedef std::shared_ptr<Layout> LayoutPtr;
class PatternLayout : public Layout { public: explicit PatternLayout(const LogString &) {} };
class Appender : public virtual spi::OptionHandler { public: virtual void setName(const LogString &) {} };
typedef std::shared_ptr<Appender> AppenderPtr;
class AppenderSkeleton : public virtual Appender { public: void setThreshold(int) {} };
class WriterAppender : public AppenderSkeleton { public: void setImmediateFlush(bool) {} };
class Logger { public: void addAppender(const AppenderPtr) {} static std::shared_ptr<Logger> getRootLogger(); static std::shared_ptr<Logger> getLogger(const std::string &); };
typedef std::shared_ptr<Logger> LoggerPtr;
} // namespace log4cxx
