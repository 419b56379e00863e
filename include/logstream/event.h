/*===--- logstream/event.h - one JSON event per line on stdout -----------===*
 *
 * The event stream that logstream-tidy's fix-its point to. Header-only, no
 * dependencies beyond POSIX; C99 or later, C++17 or later, strict (-std=c99)
 * or GNU modes, no feature macro needed.
 *
 *   logstream::event("order_placed", {{"order", 42}, {"customer", name}});
 *   logstream::security_event("authn_login_fail", {{"user", user}});
 *
 * writes, with one write(2) per event (retried on EINTR, partial writes and
 * EAGAIN), under one process-wide lock shared by the C and C++ interfaces:
 *
 *   {"time":"2026-11-27T06:54:27.123Z","level":"WARN","category":"SECURITY",
 *    "event":"authn_login_fail","pid":4242,"user":"alice"}
 *
 * Every string is JSON-escaped (quotes, backslashes, control characters,
 * invalid UTF-8 replaced by U+FFFD), so an attacker-controlled value can
 * neither break the line nor forge another event; a user field named like an
 * envelope key (time, level, category, event, description, pid) is written as
 * "fields.<key>" and cannot override it. See docs/runtime.md for what is
 * guaranteed for lines longer than PIPE_BUF, non-blocking stdout, SIGPIPE and
 * out-of-memory.
 *
 * From C:
 *   const char *fields[] = {"user", user};
 *   logstream_security_event("authn_login_fail", fields, 1);
 *
 *===----------------------------------------------------------------------===*/

#ifndef LOGSTREAM_EVENT_H
#define LOGSTREAM_EVENT_H

/* Only declarations that glibc and musl make in every mode (strict -std=c99
 * included, with no _POSIX_C_SOURCE): write, getpid, gettimeofday, poll and
 * the pthread mutex. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#ifdef __cplusplus
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#endif

/* C: internal linkage in every translation unit. C++: ordinary inline
 * functions, so that the C++ interface's inline functions refer to one
 * entity in every translation unit. */
#ifdef __cplusplus
#define LOGSTREAM_FN inline
#else
#define LOGSTREAM_FN static inline
#endif

/*===--- The process-wide write lock -------------------------------------===*/

/* One mutex for the whole program, C and C++ translation units alike: a weak
 * definition that the linker merges (and the dynamic linker interposes across
 * shared objects that export it). Without weak symbols every translation unit
 * has its own lock. */
#ifdef __cplusplus
extern "C" {
#endif
#if defined(__GNUC__) || defined(__clang__)
extern pthread_mutex_t logstream_write_mutex;
/* NOLINTNEXTLINE(misc-definitions-in-headers): weak, merged by the linker */
__attribute__((weak)) pthread_mutex_t logstream_write_mutex =
    PTHREAD_MUTEX_INITIALIZER;
#else
static pthread_mutex_t logstream_write_mutex = PTHREAD_MUTEX_INITIALIZER;
#endif
#ifdef __cplusplus
}
#endif

/*===--- The C core: building and writing one line -----------------------===*/

/* A growable byte buffer on the stack first, on the heap when it must grow.
 * `failed` is set, and the buffer stops growing, when memory runs out. */
typedef struct logstream_buffer {
  char *data;
  size_t size;
  size_t capacity;
  int heap;
  int failed;
  char inline_storage[1024];
} logstream_buffer;

LOGSTREAM_FN void logstream_buffer_init(logstream_buffer *b) {
  b->data = b->inline_storage;
  b->size = 0;
  b->capacity = sizeof b->inline_storage;
  b->heap = 0;
  b->failed = 0;
}

LOGSTREAM_FN void logstream_buffer_free(logstream_buffer *b) {
  if (b->heap)
    free(b->data);
}

LOGSTREAM_FN void logstream_append(logstream_buffer *b, const char *s,
                                   size_t n) {
  if (b->failed)
    return;
  if (n > b->capacity - b->size) {
    size_t cap = b->capacity;
    char *p;
    while (cap - b->size < n) {
      if (cap > (size_t)-1 / 2) {
        b->failed = 1;
        return;
      }
      cap *= 2;
    }
    p = (char *)malloc(cap);
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

LOGSTREAM_FN void logstream_append_str(logstream_buffer *b, const char *s) {
  logstream_append(b, s, strlen(s));
}

/* Appends s (n bytes) JSON-escaped, without quotes. */
LOGSTREAM_FN void logstream_append_escaped(logstream_buffer *b, const char *s,
                                           size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c == '"' || c == '\\') {
      char esc[2];
      esc[0] = '\\';
      esc[1] = (char)c;
      logstream_append(b, esc, 2);
      ++i;
    } else if (c < 0x20 || c == 0x7f) {
      char esc[6];
      esc[0] = '\\';
      esc[1] = 'u';
      esc[2] = '0';
      esc[3] = '0';
      esc[4] = hex[c >> 4];
      esc[5] = hex[c & 15];
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
      size_t k;
      int ok = len != 0 && c < 0xf5 && c != 0xc0 && c != 0xc1 && len <= n - i;
      for (k = 1; ok && k < len; ++k)
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
}

/* Appends s (n bytes) as a JSON string, quotes included. */
LOGSTREAM_FN void logstream_append_json_string(logstream_buffer *b,
                                               const char *s, size_t n) {
  logstream_append(b, "\"", 1);
  logstream_append_escaped(b, s, n);
  logstream_append(b, "\"", 1);
}

/* Nonzero when key (n bytes) is one of the envelope's own keys. */
LOGSTREAM_FN int logstream_is_reserved_key(const char *key, size_t n) {
  static const char *const reserved[] = {"time",  "level",       "category",
                                         "event", "description", "pid"};
  size_t i;
  for (i = 0; i < sizeof reserved / sizeof reserved[0]; ++i)
    if (strlen(reserved[i]) == n && memcmp(reserved[i], key, n) == 0)
      return 1;
  return 0;
}

/* Appends `,"key":` for a caller's field; envelope keys become
 * "fields.<key>" so that they cannot override the envelope. */
LOGSTREAM_FN void logstream_append_field_key(logstream_buffer *b,
                                             const char *key, size_t n) {
  logstream_append(b, ",\"", 2);
  if (logstream_is_reserved_key(key, n))
    logstream_append(b, "fields.", 7);
  logstream_append_escaped(b, key, n);
  logstream_append(b, "\":", 2);
}

/* Writes v as exactly `width` decimal digits (zero-padded) at out. */
LOGSTREAM_FN void logstream_put_digits(char *out, unsigned long v, int width) {
  while (width-- > 0) {
    out[width] = (char)('0' + v % 10);
    v /= 10;
  }
}

/* Appends the decimal form of v. */
LOGSTREAM_FN void logstream_append_long(logstream_buffer *b, long v) {
  char out[24];
  size_t i = sizeof out;
  unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
  do {
    out[--i] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0)
    out[--i] = '-';
  logstream_append(b, out + i, sizeof out - i);
}

/* Fills out[24] with RFC 3339 UTC time, milliseconds: 2026-11-27T06:54:27.123Z
 * (civil date computed here: gmtime_r needs POSIX feature macros in strict C
 * modes). */
LOGSTREAM_FN void logstream_format_time(char out[24], long long seconds,
                                        long millis) {
  static const int month_days[] = {31, 28, 31, 30, 31, 30,
                                   31, 31, 30, 31, 30, 31};
  long long days = (seconds < 0 ? 0 : seconds) / 86400;
  long secs = (long)((seconds < 0 ? 0 : seconds) % 86400);
  long year = 1970;
  int month = 0;
  for (;;) {
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (days < 365 + leap)
      break;
    days -= 365 + leap;
    ++year;
  }
  for (;; ++month) {
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int length = month_days[month] + (month == 1 ? leap : 0);
    if (days < length)
      break;
    days -= length;
  }
  logstream_put_digits(out, (unsigned long)(year > 9999 ? 9999 : year), 4);
  out[4] = '-';
  logstream_put_digits(out + 5, (unsigned long)month + 1, 2);
  out[7] = '-';
  logstream_put_digits(out + 8, (unsigned long)days + 1, 2);
  out[10] = 'T';
  logstream_put_digits(out + 11, (unsigned long)secs / 3600, 2);
  out[13] = ':';
  logstream_put_digits(out + 14, (unsigned long)secs / 60 % 60, 2);
  out[16] = ':';
  logstream_put_digits(out + 17, (unsigned long)secs % 60, 2);
  out[19] = '.';
  logstream_put_digits(out + 20, (unsigned long)millis, 3);
  out[23] = 'Z';
}

LOGSTREAM_FN void logstream_append_time(logstream_buffer *b) {
  struct timeval tv;
  char out[24];
  if (gettimeofday(&tv, NULL) != 0) {
    tv.tv_sec = 0;
    tv.tv_usec = 0;
  }
  logstream_format_time(out, (long long)tv.tv_sec, (long)(tv.tv_usec / 1000));
  logstream_append(b, "\"", 1);
  logstream_append(b, out, sizeof out);
  logstream_append(b, "\"", 1);
}

/* The fixed head of every event, up to and excluding the caller's fields. */
LOGSTREAM_FN void
logstream_begin_event_n(logstream_buffer *b, const char *level,
                        const char *category, size_t category_len,
                        const char *name, size_t name_len,
                        const char *description, size_t description_len) {
  logstream_append_str(b, "{\"time\":");
  logstream_append_time(b);
  logstream_append_str(b, ",\"level\":");
  logstream_append_json_string(b, level, strlen(level));
  if (category_len) {
    logstream_append_str(b, ",\"category\":");
    logstream_append_json_string(b, category, category_len);
  }
  logstream_append_str(b, ",\"event\":");
  logstream_append_json_string(b, name, name_len);
  if (description_len) {
    logstream_append_str(b, ",\"description\":");
    logstream_append_json_string(b, description, description_len);
  }
  logstream_append_str(b, ",\"pid\":");
  logstream_append_long(b, (long)getpid());
}

LOGSTREAM_FN void logstream_begin_event(logstream_buffer *b, const char *level,
                                        const char *category, const char *name,
                                        const char *description) {
  logstream_begin_event_n(
      b, level, category ? category : "", category ? strlen(category) : 0,
      name ? name : "", name ? strlen(name) : 0, description ? description : "",
      description ? strlen(description) : 0);
}

/* Waits until fd can take more bytes (non-blocking descriptors). Returns 0,
 * or -1 with errno set. */
LOGSTREAM_FN int logstream_wait_writable(int fd) {
  struct pollfd p;
  p.fd = fd;
  p.events = POLLOUT;
  p.revents = 0;
  while (poll(&p, 1, -1) < 0)
    if (errno != EINTR)
      return -1;
  return 0;
}

/* Writes the whole buffer to fd with write(2): retries EINTR and partial
 * writes, and waits out EAGAIN (a non-blocking descriptor that is full) so
 * that a line is never left half-written. If a line cannot be finished (the
 * reader went away, the disk is full), a newline ends the partial line so
 * that the next event starts on a line of its own. Returns 0 on success, -1
 * with errno set otherwise. */
LOGSTREAM_FN int logstream_write_all(int fd, const char *data, size_t n) {
  size_t written = 0;
  while (written < n) {
    ssize_t w = write(fd, data + written, n - written);
    if (w > 0) {
      written += (size_t)w;
      continue;
    }
    if (w < 0 && errno == EINTR)
      continue;
    if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) &&
        logstream_wait_writable(fd) == 0)
      continue;
    if (w == 0)
      errno = EIO;
    if (written > 0 && data[n - 1] == '\n') {
      int saved = errno;
      ssize_t ignored = write(fd, "\n", 1);
      (void)ignored;
      errno = saved;
    }
    return -1;
  }
  return 0;
}

/* Writes one finished line under the process-wide lock. */
LOGSTREAM_FN int logstream_write_line_locked(int fd, const char *data,
                                             size_t n) {
  int rc, saved;
  pthread_mutex_lock(&logstream_write_mutex);
  rc = logstream_write_all(fd, data, n);
  saved = errno;
  pthread_mutex_unlock(&logstream_write_mutex);
  errno = saved;
  return rc;
}

/* C interface: fields are key/value string pairs, `count` pairs long (a NULL
 * key or value is written as ""). Returns 0, or -1 with errno set (ENOMEM:
 * nothing was written). */
LOGSTREAM_FN int logstream_event_fd(int fd, const char *level,
                                    const char *category, const char *name,
                                    const char *description,
                                    const char *const *fields, size_t count) {
  logstream_buffer b;
  int rc;
  size_t i;
  logstream_buffer_init(&b);
  logstream_begin_event(&b, level ? level : "INFO", category, name,
                        description);
  for (i = 0; fields && i < count; ++i) {
    const char *key = fields[2 * i] ? fields[2 * i] : "";
    const char *value = fields[2 * i + 1] ? fields[2 * i + 1] : "";
    logstream_append_field_key(&b, key, strlen(key));
    logstream_append_json_string(&b, value, strlen(value));
  }
  logstream_append(&b, "}\n", 2);
  if (b.failed) {
    errno = ENOMEM;
    rc = -1;
  } else {
    rc = logstream_write_line_locked(fd, b.data, b.size);
  }
  logstream_buffer_free(&b);
  return rc;
}

LOGSTREAM_FN int logstream_security_event(const char *name,
                                          const char *const *fields,
                                          size_t count) {
  return logstream_event_fd(STDOUT_FILENO, "WARN", "SECURITY", name, NULL,
                            fields, count);
}

LOGSTREAM_FN int logstream_event(const char *name, const char *const *fields,
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

/// A field value, rendered to JSON once: strings (escaped), a `char` (a
/// one-character string), integers (also `signed char`/`unsigned char`, i.e.
/// int8_t/uint8_t), enumerations (their number), floating point (non-finite
/// values become null), booleans, nullptr (null). Pointers other than C
/// strings do not compile (they would otherwise convert to `true`).
class value {
public:
  value(std::string_view s) { set_string(s); }
  value(const char *s) {
    set_string(s ? std::string_view(s) : std::string_view());
  }
  value(const std::string &s) { set_string(s); }
  value(char c) { set_string(std::string_view(&c, 1)); }
  value(bool b) : json_(b ? "true" : "false") {}
  value(std::nullptr_t) : json_("null") {}
  template <typename T, typename = std::enable_if_t<std::is_arithmetic_v<T> &&
                                                    !std::is_same_v<T, bool> &&
                                                    !std::is_same_v<T, char>>>
  value(T n) {
    if constexpr (std::is_floating_point_v<T>) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", static_cast<double>(n));
      // JSON has no NaN or infinity.
      json_ = std::isfinite(n) ? buf : "null";
    } else if constexpr (std::is_signed_v<T>) {
      json_ = std::to_string(static_cast<long long>(n));
    } else {
      json_ = std::to_string(static_cast<unsigned long long>(n));
    }
  }
  template <typename E, typename = std::enable_if_t<std::is_enum_v<E>>,
            typename = void>
  value(E e) {
    using U = std::underlying_type_t<E>;
    if constexpr (std::is_signed_v<U>)
      json_ = std::to_string(static_cast<long long>(e));
    else
      json_ = std::to_string(static_cast<unsigned long long>(e));
  }
  template <typename P, typename = std::enable_if_t<
                            !std::is_same_v<std::remove_cv_t<P>, char>>>
  value(P *) = delete;

  const std::string &json() const { return json_; }
  /// False when the value could not be rendered (out of memory).
  bool ok() const { return ok_; }

private:
  void set_string(std::string_view s) {
    logstream_buffer b;
    logstream_buffer_init(&b);
    logstream_append_json_string(&b, s.data(), s.size());
    if (b.failed)
      ok_ = false;
    else
      json_.assign(b.data, b.size);
    logstream_buffer_free(&b);
  }
  std::string json_;
  bool ok_ = true;
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

namespace detail {
/// Builds the line into \p b; false when memory ran out (nothing usable).
inline bool build_event(logstream_buffer &b, std::string_view name,
                        std::initializer_list<field> fields,
                        const options &opts) {
  logstream_begin_event_n(&b, level_name(opts.lvl), opts.category.data(),
                          opts.category.size(), name.data(), name.size(),
                          opts.description.data(), opts.description.size());
  for (const field &f : fields) {
    if (!f.val.ok())
      return false;
    logstream_append_field_key(&b, f.key.data(), f.key.size());
    logstream_append(&b, f.val.json().data(), f.val.json().size());
  }
  logstream_append(&b, "}\n", 2);
  return !b.failed;
}

/// Builds and writes one event to \p fd.
inline bool write_event(int fd, std::string_view name,
                        std::initializer_list<field> fields,
                        const options &opts) {
  logstream_buffer b;
  logstream_buffer_init(&b);
  bool ok = build_event(b, name, fields, opts);
  int rc = ok ? logstream_write_line_locked(fd, b.data, b.size) : -1;
  int saved = errno;
  logstream_buffer_free(&b);
  errno = ok ? saved : ENOMEM;
  return rc == 0;
}
} // namespace detail

/// The JSON line (newline included) for an event, without writing it. Out of
/// memory, it throws std::bad_alloc (returns "" when exceptions are off).
inline std::string format_event(std::string_view name,
                                std::initializer_list<field> fields,
                                const options &opts) {
  logstream_buffer b;
  logstream_buffer_init(&b);
  std::string line;
  bool ok = detail::build_event(b, name, fields, opts);
  if (ok)
    line.assign(b.data, b.size);
  logstream_buffer_free(&b);
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  if (!ok)
    throw std::bad_alloc();
#endif
  return line;
}

/// Writes an already formatted line to \p fd (stdout by default) with one
/// write(2), under the process-wide lock. Returns false (errno set) when the
/// write failed.
inline bool write_line(const std::string &line, int fd = STDOUT_FILENO) {
  return logstream_write_line_locked(fd, line.data(), line.size()) == 0;
}

/// One event on stdout. Returns false (errno set) when it was not written:
/// ENOMEM (nothing was written), EPIPE, ...
inline bool event(std::string_view name,
                  std::initializer_list<field> fields = {},
                  const options &opts = {}) {
  return detail::write_event(STDOUT_FILENO, name, fields, opts);
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
  return detail::write_event(STDOUT_FILENO, name, fields, opts);
}

} // namespace logstream
#endif /* __cplusplus */

#endif /* LOGSTREAM_EVENT_H */
