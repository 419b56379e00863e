/*===--- logstream/event.h - one JSON event per line on stdout -----------===*
 *
 * The event stream that logstream-tidy's fix-its point to. Header-only, no
 * dependencies beyond POSIX; C++17 and C99.
 *
 *   logstream::event("order_placed", {{"order", 42}, {"customer", name}});
 *   logstream::security_event("authn_login_fail", {{"user", user}});
 *
 * writes, with one write(2) per event (retried on EINTR and partial writes):
 *
 *   {"time":"2026-11-27T06:54:27.123Z","level":"WARN","category":"SECURITY",
 *    "event":"authn_login_fail","pid":4242,"user":"alice"}
 *
 * Every string is JSON-escaped (quotes, backslashes, control characters,
 * invalid UTF-8 replaced by U+FFFD), so an attacker-controlled value can
 * neither break the line nor forge another event. Events are written whole:
 * lines up to PIPE_BUF bytes (4096 on Linux) are atomic even when several
 * processes share the pipe; in C++ a process-wide mutex also serializes
 * longer lines between threads.
 *
 * From C:
 *   const char *fields[] = {"user", user};
 *   logstream_security_event("authn_login_fail", fields, 1);
 *
 *===----------------------------------------------------------------------===*/

#ifndef LOGSTREAM_EVENT_H
#define LOGSTREAM_EVENT_H

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef __cplusplus
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#endif

/*===--- The C core: building and writing one line -----------------------===*/

/* A growable byte buffer on the stack first, on the heap when it must grow. */
typedef struct logstream_buffer {
  char *data;
  size_t size;
  size_t capacity;
  int heap;
  int failed;
  char inline_storage[1024];
} logstream_buffer;

#include <stdlib.h>

static inline void logstream_buffer_init(logstream_buffer *b) {
  b->data = b->inline_storage;
  b->size = 0;
  b->capacity = sizeof b->inline_storage;
  b->heap = 0;
  b->failed = 0;
}

static inline void logstream_buffer_free(logstream_buffer *b) {
  if (b->heap)
    free(b->data);
}

static inline void logstream_append(logstream_buffer *b, const char *s,
                                    size_t n) {
  if (b->failed)
    return;
  if (b->size + n > b->capacity) {
    size_t cap = b->capacity * 2;
    while (cap < b->size + n)
      cap *= 2;
    char *p = (char *)malloc(cap);
    if (!p) {
      b->failed = 1;
      return;
    }
    memcpy(p, b->data, b->size);
    if (b->heap)
      free(b->data);
    b->data = p;
    b->capacity = cap;
    b->heap = 1;
  }
  memcpy(b->data + b->size, s, n);
  b->size += n;
}

static inline void logstream_append_str(logstream_buffer *b, const char *s) {
  logstream_append(b, s, strlen(s));
}

/* Appends s (n bytes) as a JSON string, quotes included. */
static inline void logstream_append_json_string(logstream_buffer *b,
                                                const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  logstream_append(b, "\"", 1);
  while (i < n) {
    unsigned char c = p[i];
    if (c == '"' || c == '\\') {
      char esc[2] = {'\\', (char)c};
      logstream_append(b, esc, 2);
      ++i;
    } else if (c < 0x20 || c == 0x7f) {
      char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      if (c == '\n')
        logstream_append(b, "\\n", 2);
      else if (c == '\r')
        logstream_append(b, "\\r", 2);
      else if (c == '\t')
        logstream_append(b, "\\t", 2);
      else
        logstream_append(b, esc, 6);
      ++i;
    } else if (c < 0x80) {
      logstream_append(b, (const char *)p + i, 1);
      ++i;
    } else {
      /* Validate one UTF-8 sequence; replace anything invalid by U+FFFD. */
      size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
      int ok = len != 0 && c < 0xf5 && c != 0xc0 && c != 0xc1 && i + len <= n;
      for (size_t k = 1; ok && k < len; ++k)
        ok = (p[i + k] & 0xc0) == 0x80;
      if (ok && len == 3) {
        /* overlong (E0 80..9F) and surrogates (ED A0..BF) */
        if ((c == 0xe0 && p[i + 1] < 0xa0) || (c == 0xed && p[i + 1] >= 0xa0))
          ok = 0;
      }
      if (ok && len == 4) {
        if ((c == 0xf0 && p[i + 1] < 0x90) || (c == 0xf4 && p[i + 1] >= 0x90))
          ok = 0;
      }
      if (ok) {
        logstream_append(b, (const char *)p + i, len);
        i += len;
      } else {
        logstream_append(b, "\\ufffd", 6);
        ++i;
      }
    }
  }
  logstream_append(b, "\"", 1);
}

static inline void logstream_append_key(logstream_buffer *b, const char *key) {
  logstream_append(b, ",", 1);
  logstream_append_json_string(b, key, strlen(key));
  logstream_append(b, ":", 1);
}

/* RFC 3339 UTC with milliseconds: 2026-11-27T06:54:27.123Z */
static inline void logstream_append_time(logstream_buffer *b) {
  struct timespec ts;
  struct tm tm;
  char out[40];
  clock_gettime(CLOCK_REALTIME, &ts);
  gmtime_r(&ts.tv_sec, &tm);
  snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
           tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
           tm.tm_min, tm.tm_sec, (int)(ts.tv_nsec / 1000000));
  logstream_append(b, "\"", 1);
  logstream_append_str(b, out);
  logstream_append(b, "\"", 1);
}

/* The fixed head of every event, up to and excluding the caller's fields. */
static inline void logstream_begin_event(logstream_buffer *b, const char *level,
                                         const char *category,
                                         const char *name,
                                         const char *description) {
  char pid[32];
  logstream_append_str(b, "{\"time\":");
  logstream_append_time(b);
  logstream_append_key(b, "level");
  logstream_append_json_string(b, level, strlen(level));
  if (category && *category) {
    logstream_append_key(b, "category");
    logstream_append_json_string(b, category, strlen(category));
  }
  logstream_append_key(b, "event");
  logstream_append_json_string(b, name, strlen(name));
  if (description && *description) {
    logstream_append_key(b, "description");
    logstream_append_json_string(b, description, strlen(description));
  }
  snprintf(pid, sizeof pid, "%ld", (long)getpid());
  logstream_append_key(b, "pid");
  logstream_append_str(b, pid);
}

/* Writes the whole buffer to fd with write(2): retries EINTR and partial
 * writes. Returns 0 on success, -1 with errno set otherwise. */
static inline int logstream_write_all(int fd, const char *data, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    data += w;
    n -= (size_t)w;
  }
  return 0;
}

/* C interface: fields are key/value string pairs, `count` pairs long. */
static inline int logstream_event_fd(int fd, const char *level,
                                     const char *category, const char *name,
                                     const char *description,
                                     const char *const *fields, size_t count) {
  logstream_buffer b;
  int rc;
  size_t i;
  logstream_buffer_init(&b);
  logstream_begin_event(&b, level, category, name, description);
  for (i = 0; i < count; ++i) {
    const char *value = fields[2 * i + 1] ? fields[2 * i + 1] : "";
    logstream_append_key(&b, fields[2 * i] ? fields[2 * i] : "");
    logstream_append_json_string(&b, value, strlen(value));
  }
  logstream_append(&b, "}\n", 2);
  rc = b.failed ? -1 : logstream_write_all(fd, b.data, b.size);
  logstream_buffer_free(&b);
  return rc;
}

static inline int logstream_security_event(const char *name,
                                           const char *const *fields,
                                           size_t count) {
  return logstream_event_fd(STDOUT_FILENO, "WARN", "SECURITY", name, NULL,
                            fields, count);
}

static inline int logstream_event(const char *name, const char *const *fields,
                                  size_t count) {
  return logstream_event_fd(STDOUT_FILENO, "INFO", NULL, name, NULL, fields,
                            count);
}

/*===--- The C++ interface -----------------------------------------------===*/

#ifdef __cplusplus
namespace logstream {

enum class level { debug, info, warning, error, critical };

inline const char *level_name(level l) {
  switch (l) {
  case level::debug:
    return "DEBUG";
  case level::info:
    return "INFO";
  case level::warning:
    return "WARN";
  case level::error:
    return "ERROR";
  case level::critical:
    return "CRITICAL";
  }
  return "INFO";
}

/// A field value, rendered to JSON once: strings (escaped), integers,
/// floating point, booleans.
class value {
public:
  value(std::string_view s) { set_string(s); }
  value(const char *s) { set_string(s ? std::string_view(s) : std::string_view()); }
  value(const std::string &s) { set_string(s); }
  value(bool b) : json_(b ? "true" : "false") {}
  template <typename T,
            typename = std::enable_if_t<std::is_arithmetic_v<T> &&
                                        !std::is_same_v<T, bool> &&
                                        !std::is_same_v<T, char>>>
  value(T n) {
    if constexpr (std::is_floating_point_v<T>) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", static_cast<double>(n));
      // JSON has no NaN or infinity.
      json_ = (n == n && n - n == 0) ? buf : "null";
    } else {
      json_ = std::to_string(n);
    }
  }
  const std::string &json() const { return json_; }

private:
  void set_string(std::string_view s) {
    logstream_buffer b;
    logstream_buffer_init(&b);
    logstream_append_json_string(&b, s.data(), s.size());
    json_.assign(b.data, b.size);
    logstream_buffer_free(&b);
  }
  std::string json_;
};

struct field {
  std::string_view key;
  value val;
};

/// What an event says beyond its name and fields.
struct options {
  level lvl = level::info;
  std::string_view category;
  std::string_view description;
};

/// The JSON line (newline included) for an event, without writing it.
inline std::string format_event(std::string_view name,
                                std::initializer_list<field> fields,
                                const options &opts) {
  std::string name_s(name), category(opts.category),
      description(opts.description);
  logstream_buffer b;
  logstream_buffer_init(&b);
  logstream_begin_event(&b, level_name(opts.lvl), category.c_str(),
                        name_s.c_str(), description.c_str());
  for (const field &f : fields) {
    logstream_append(&b, ",", 1);
    logstream_append_json_string(&b, f.key.data(), f.key.size());
    logstream_append(&b, ":", 1);
    logstream_append(&b, f.val.json().data(), f.val.json().size());
  }
  logstream_append(&b, "}\n", 2);
  std::string line(b.data, b.size);
  logstream_buffer_free(&b);
  return line;
}

namespace detail {
inline std::mutex &write_mutex() {
  static std::mutex m;
  return m;
}
} // namespace detail

/// Writes an already formatted line to \p fd (stdout by default) with one
/// write(2), serialized with other threads of this process. Returns false
/// (errno set) when the write failed.
inline bool write_line(const std::string &line, int fd = STDOUT_FILENO) {
  std::lock_guard<std::mutex> lock(detail::write_mutex());
  return logstream_write_all(fd, line.data(), line.size()) == 0;
}

/// One event on stdout.
inline bool event(std::string_view name, std::initializer_list<field> fields = {},
                  const options &opts = {}) {
  return write_line(format_event(name, fields, opts));
}

/// One event in the SECURITY category on stdout. \p name is an OWASP Logging
/// Vocabulary name (authn_login_fail, authz_fail, ...).
inline bool security_event(std::string_view name,
                           std::initializer_list<field> fields = {},
                           level lvl = level::warning,
                           std::string_view description = {}) {
  options opts;
  opts.lvl = lvl;
  opts.category = "SECURITY";
  opts.description = description;
  return write_line(format_event(name, fields, opts));
}

} // namespace logstream
#endif /* __cplusplus */

#endif /* LOGSTREAM_EVENT_H */
