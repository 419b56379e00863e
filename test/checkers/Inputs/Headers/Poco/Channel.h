// Mock of Poco 1.11 logging, reduced to what the tests use.
#pragma once
#include <string>
namespace Poco {
class RefCountedObject { public: void duplicate() const {} void release() const {} protected: virtual ~RefCountedObject() = default; };
class Configurable { public: virtual void setProperty(const std::string &name, const std::string &value) = 0; virtual ~Configurable() = default; };
class Channel : public Configurable, public RefCountedObject {
public:
  static const std::string PROP_ROTATION;
  static const std::string PROP_PURGECOUNT;
 public: virtual void open() {} virtual void close() {} void setProperty(const std::string &, const std::string &) override {} };
template <class C> class AutoPtr { public: AutoPtr(C *p = nullptr) : p(p) {} template <class O> AutoPtr(const AutoPtr<O> &o) : p(o.get()) {} C *operator->() const { return p; } C *get() const { return p; } private: C *p; };
class Logger { public: static Logger &root(); static Logger &get(const std::string &); void setChannel(Channel *) {} void information(const std::string &) {} };
} // namespace Poco
