#pragma once
#include <Poco/Channel.h>
namespace Poco {
class SimpleFileChannel : public Channel { public: SimpleFileChannel(); SimpleFileChannel(const std::string &path); void setProperty(const std::string &, const std::string &) override; };
} // namespace Poco
