// RUN: %check_logstream_tidy -std=c++11,c++17,c++20 %s logstream-buffered-stdout %t
// RUN: %check_logstream_tidy -check-suffixes=NONE %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.BufferMode: none}}"
// RUN: %check_logstream_tidy -check-suffixes=CUSTOM %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.IgnoredStreamBuffers: '::std::basic_streambuf;::std::basic_filebuf'}}"

#include <cstdio>
#include <iostream>
#include <sstream>
#include <streambuf>

static char Buffer[8192];

void fullyBuffered() {
  setvbuf(stdout, Buffer, _IOFBF, sizeof Buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setvbuf' makes stdout fully buffered; events written to it can sit in the buffer and be lost when the process dies [logstream-buffered-stdout]
  // CHECK-FIXES: {{^}}  setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:3: warning: 'setvbuf' makes stdout fully buffered
  // CHECK-FIXES-NONE: {{^}}  setvbuf(stdout, nullptr, _IONBF, 0);{{$}}
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-5]]:3: warning: 'setvbuf' makes stdout
  // CHECK-FIXES-CUSTOM: {{^}}  setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}

  std::setvbuf(stderr, nullptr, _IOFBF, 1 << 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setvbuf' makes stderr fully buffered
  // CHECK-FIXES: {{^}}  std::setvbuf(stderr, nullptr, _IOLBF, 0);{{$}}
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:3: warning: 'setvbuf' makes stderr
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-4]]:3: warning: 'setvbuf' makes stderr

  if (::setvbuf((stdout), Buffer, 0, sizeof(Buffer)) != 0)
    return;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'setvbuf' makes stdout fully buffered
  // CHECK-FIXES: {{^}}  if (::setvbuf((stdout), nullptr, _IOLBF, 0) != 0){{$}}
  // CHECK-MESSAGES-NONE: :[[@LINE-4]]:7: warning: 'setvbuf' makes stdout
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-5]]:7: warning: 'setvbuf' makes stdout
}

void setbufFamily() {
  setbuf(stdout, Buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setbuf' makes stdout fully buffered
  // CHECK-FIXES: {{^}}  setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:3: warning: 'setbuf' makes stdout
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-4]]:3: warning: 'setbuf' makes stdout

  std::setbuf(stderr, Buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setbuf' makes stderr fully buffered
  // CHECK-FIXES: {{^}}  std::setvbuf(stderr, nullptr, _IOLBF, 0);{{$}}
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:3: warning: 'setbuf' makes stderr
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-4]]:3: warning: 'setbuf' makes stderr

  setbuffer(stdout, Buffer, sizeof Buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setbuffer' makes stdout fully buffered
  // CHECK-FIXES: {{^}}  setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:3: warning: 'setbuffer' makes stdout
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-4]]:3: warning: 'setbuffer' makes stdout
}

// Macros: the warning points at the use; the fix-it is made only where the
// arguments are written at the use site.
#define OUT stdout
#define BUFFER_STDOUT() setvbuf(stdout, Buffer, _IOFBF, sizeof Buffer)
#define BUFFER(stream, size) setvbuf(stream, Buffer, _IOFBF, size)

void macros() {
  setvbuf(OUT, Buffer, _IOFBF, 4096);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setvbuf' makes stdout fully buffered
  // CHECK-FIXES: {{^}}  setvbuf(OUT, nullptr, _IOLBF, 0);{{$}}
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:3: warning: 'setvbuf' makes stdout
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-4]]:3: warning: 'setvbuf' makes stdout

  BUFFER_STDOUT();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setvbuf' makes stdout fully buffered
  // CHECK-FIXES: {{^}}  BUFFER_STDOUT();{{$}}
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:3: warning: 'setvbuf' makes stdout
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-4]]:3: warning: 'setvbuf' makes stdout

  BUFFER(stderr, 4096);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setvbuf' makes stderr fully buffered
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: 'setvbuf' makes stderr
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:3: warning: 'setvbuf' makes stderr
}

// Templates: reported once, at the template.
template <int Mode> void bufferWith() {
  setvbuf(stdout, Buffer, Mode, sizeof Buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setvbuf' makes stdout fully buffered
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: 'setvbuf' makes stdout
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:3: warning: 'setvbuf' makes stdout
}
template void bufferWith<_IOFBF>();
template void bufferWith<_IOLBF>();

// A non-dependent call in a class template's constructor: no fix-it either.
template <typename Event> struct EventSink {
  EventSink() {
    setvbuf(stdout, Buffer, _IOFBF, sizeof Buffer);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'setvbuf' makes stdout fully buffered
    // CHECK-MESSAGES-NONE: :[[@LINE-2]]:5: warning: 'setvbuf' makes stdout
    // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:5: warning: 'setvbuf' makes stdout
    // CHECK-FIXES: {{^}}    setvbuf(stdout, Buffer, _IOFBF, sizeof Buffer);{{$}}
    // CHECK-FIXES-NONE: {{^}}    setvbuf(stdout, Buffer, _IOFBF, sizeof Buffer);{{$}}
  }
};
EventSink<int> IntEvents;

// C++ streams.
class EventBuf : public std::streambuf {};
EventBuf Custom;

void cxxStreams() {
  std::cout.rdbuf()->pubsetbuf(Buffer, sizeof Buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pubsetbuf' installs a buffer on the stream buffer of 'std::cout'; events can sit in it instead of reaching the event stream [logstream-buffered-stdout]
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: 'pubsetbuf' installs a buffer on the stream buffer of 'std::cout'
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:3: warning: 'pubsetbuf' installs a buffer on the stream buffer of 'std::cout'

  std::clog.rdbuf(&Custom);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::clog' is given a stream buffer of type 'EventBuf'; its buffering decides when events reach stderr [logstream-buffered-stdout]
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: 'std::clog' is given a stream buffer of type 'EventBuf'
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:3: warning: 'std::clog' is given a stream buffer of type 'EventBuf'

  std::stringstream Captured;
  std::streambuf *Saved = std::cout.rdbuf(Captured.rdbuf());
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:27: warning: 'std::cout' is given a stream buffer of type 'std::basic_stringbuf'; its buffering decides when events reach stdout
  std::cout.rdbuf(Saved);
  std::cerr.rdbuf(std::cout.rdbuf());
}

// Must stay quiet.
void negatives(FILE *Report, int Mode) {
  setvbuf(Report, Buffer, _IOFBF, sizeof Buffer);
  setvbuf(stdout, nullptr, _IOLBF, 0);
  setvbuf(stdout, NULL, _IONBF, 0);
  setvbuf(stdout, Buffer, _IOLBF, sizeof Buffer);
  setvbuf(stdout, Buffer, Mode, sizeof Buffer);
  setbuf(stdout, NULL);
  setbuf(stdout, nullptr);
  setbuf(Report, Buffer);
  setbuffer(stdout, nullptr, 0);
  setlinebuf(stdout);
  std::cout.rdbuf()->pubsetbuf(nullptr, 0);
  std::cout.rdbuf(nullptr);
  std::ostringstream Other;
  Other.rdbuf()->pubsetbuf(Buffer, sizeof Buffer);
  // NOLINTNEXTLINE(logstream-buffered-stdout)
  setvbuf(stdout, Buffer, _IOFBF, sizeof Buffer);
}
