#pragma once
namespace boost { namespace parameter { namespace aux {
template <typename Tag, typename T> struct tagged_argument { T const &value; };
}}
namespace log { inline namespace v2_mt_posix { namespace keywords {
namespace tag { struct file_name; struct rotation_size; struct format; struct filter; struct auto_flush; struct open_mode; struct target; struct max_files; }
template <typename Tag> struct keyword {
  template <typename T> parameter::aux::tagged_argument<Tag, T> operator=(T const &v) const { return {v}; }
};
static const keyword<tag::file_name> file_name = {};
static const keyword<tag::rotation_size> rotation_size = {};
static const keyword<tag::format> format = {};
static const keyword<tag::filter> filter = {};
static const keyword<tag::auto_flush> auto_flush = {};
static const keyword<tag::open_mode> open_mode = {};
static const keyword<tag::target> target = {};
static const keyword<tag::max_files> max_files = {};
}}}} // namespace boost::log::keywords
