#pragma once
#include <boost/log/keywords.hpp>
#include <boost/shared_ptr.hpp>
#include <ostream>
namespace boost { namespace log { inline namespace v2_mt_posix {
namespace sinks { class text_ostream_backend {}; template <typename B> class synchronous_sink; }
template <typename CharT, typename... A>
boost::shared_ptr<sinks::synchronous_sink<sinks::text_ostream_backend>> add_console_log(std::basic_ostream<CharT> &strm, A const &...) { return {}; }
}}} // namespace boost::log
