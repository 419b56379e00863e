// Mock of Boost.Log 1.74 (file and console setup), reduced to the shapes the
// tests use: keyword arguments are tagged_argument<keywords::tag::NAME, T>.
#pragma once
#include <boost/log/keywords.hpp>
#include <boost/shared_ptr.hpp>
namespace boost { namespace log { inline namespace v2_mt_posix {
namespace sinks {
class text_file_backend { public: template <typename... A> explicit text_file_backend(A const &...) {} };
class text_multifile_backend { public: text_multifile_backend() {} };
template <typename Backend> class synchronous_sink { public: synchronous_sink() {} explicit synchronous_sink(boost::shared_ptr<Backend>) {} };
} // namespace sinks
template <typename... A>
boost::shared_ptr<sinks::synchronous_sink<sinks::text_file_backend>> add_file_log(A const &...) { return {}; }
}}} // namespace boost::log
