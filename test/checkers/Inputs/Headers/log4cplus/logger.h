// Mock of log4cplus 2.0, reduced to what the tests use.
#pragma once
#include <string>
namespace log4cplus {
typedef std::string tstring;
namespace helpers {
class SharedObject { public: virtual ~SharedObject() = default; };
template <class T> class SharedObjectPtr { public: SharedObjectPtr(T *p = nullptr) : p(p) {} T *operator->() const { return p; } T *p; };
class Properties {};
} // namespace helpers
class Layout {};
class Appender : public virtual helpers::SharedObject { public: void setName(const tstring &) {} void setLayout(Layout *) {} };
typedef helpers::SharedObjectPtr<Appender> SharedAppenderPtr;
class Logger { public: static Logger getRoot(); static Logger getInstance(const tstring &); void addAppender(SharedAppenderPtr) {} };
} // namespace log4cplus
