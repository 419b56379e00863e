// logstream-log-file-management on Debian's real Boost.Log 1.74 headers
// (clang 19 only, see log-file-sink-boost-log.cpp).
// REQUIRES: boost-log, llvm-19
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-management %t -- -- -Wno-enum-constexpr-conversion

#include <boost/log/sinks/sync_frontend.hpp>
#include <boost/log/sinks/text_file_backend.hpp>
#include <boost/log/utility/setup/file.hpp>
#include <boost/make_shared.hpp>

namespace logging = boost::log;
namespace keywords = boost::log::keywords;
namespace sinks = boost::log::sinks;

void init() {
  logging::add_file_log(keywords::file_name = "orders_%N.log",
                        keywords::rotation_size = 10 * 1024 * 1024,
                        keywords::time_based_rotation = sinks::file::rotation_at_time_point(0, 0, 0),
                        keywords::max_size = 100 * 1024 * 1024);
  // CHECK-MESSAGES: :[[@LINE-3]]:25: warning: 'boost::log::keywords::rotation_size' configures log rotation; leave rotation and retention to the execution environment [logstream-log-file-management]
  // CHECK-MESSAGES: :[[@LINE-3]]:25: warning: 'boost::log::keywords::time_based_rotation' configures log rotation
  // CHECK-MESSAGES: :[[@LINE-3]]:25: warning: 'boost::log::keywords::max_size' configures log retention
  auto backend = boost::make_shared<sinks::text_file_backend>(keywords::file_name = "x_%5N.log");
  backend->set_file_collector(sinks::file::make_collector(keywords::target = "logs"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::log::sinks::text_file_backend::set_file_collector' configures log retention
  // CHECK-MESSAGES: :[[@LINE-2]]:31: warning: 'boost::log::sinks::file::make_collector' configures log retention (keeps and deletes rotated files)
  backend->rotate_file();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::log::sinks::text_file_backend::rotate_file' configures log rotation
}
