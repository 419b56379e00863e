#pragma once
#include <Poco/Channel.h>
namespace Poco {
class FileChannel : public Channel { public: FileChannel(); FileChannel(const std::string &path); void setProperty(const std::string &, const std::string &) override; const std::string &path() const; };
} // namespace Poco
