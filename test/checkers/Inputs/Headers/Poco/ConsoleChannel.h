#pragma once
#include <Poco/Channel.h>
#include <ostream>
namespace Poco {
class ConsoleChannel : public Channel { public: ConsoleChannel(); ConsoleChannel(std::ostream &str); };
} // namespace Poco
