//===--- EventTest.cpp - the logstream/event.h runtime API ---------------===//
//
// Every line is parsed with a real JSON parser (llvm::json).
//
//===----------------------------------------------------------------------===//

#include "logstream/event.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Regex.h"
#include "gtest/gtest.h"
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <limits>
#include <optional>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

llvm::json::Object parseLine(const std::string &Line) {
  EXPECT_FALSE(Line.empty());
  EXPECT_EQ(Line.back(), '\n');
  EXPECT_EQ(Line.find('\n'), Line.size() - 1) << "exactly one line";
  llvm::Expected<llvm::json::Value> V =
      llvm::json::parse(llvm::StringRef(Line).drop_back());
  if (!V) {
    ADD_FAILURE() << llvm::toString(V.takeError()) << " in " << Line;
    return {};
  }
  EXPECT_NE(V->getAsObject(), nullptr);
  return V->getAsObject() ? *V->getAsObject() : llvm::json::Object();
}

// llvm::json's getters return llvm::Optional before LLVM 16 and
// std::optional after; these give std::optional on every supported major.
std::optional<std::string> getStr(const llvm::json::Object &E,
                                  llvm::StringRef K) {
  if (auto V = E.getString(K))
    return V->str();
  return std::nullopt;
}
std::optional<int64_t> getInt(const llvm::json::Object &E, llvm::StringRef K) {
  if (auto V = E.getInteger(K))
    return *V; // NOLINT(bugprone-optional-value-conversion): llvm::Optional <16
  return std::nullopt;
}
std::optional<double> getNum(const llvm::json::Object &E, llvm::StringRef K) {
  if (auto V = E.getNumber(K))
    return *V; // NOLINT(bugprone-optional-value-conversion): llvm::Optional <16
  return std::nullopt;
}
std::optional<bool> getBool(const llvm::json::Object &E, llvm::StringRef K) {
  if (auto V = E.getBoolean(K))
    return *V; // NOLINT(bugprone-optional-value-conversion): llvm::Optional <16
  return std::nullopt;
}

/// Reads \p Fd to end of file.
std::string readAll(int Fd) {
  std::string Received;
  char Buf[65536];
  ssize_t N;
  while ((N = read(Fd, Buf, sizeof Buf)) > 0)
    Received.append(Buf, static_cast<size_t>(N));
  return Received;
}

/// Parses every line of \p Stream (which must end with a newline).
std::vector<llvm::json::Object> parseLines(llvm::StringRef Stream) {
  std::vector<llvm::json::Object> Events;
  EXPECT_TRUE(Stream.empty() || Stream.back() == '\n') << "a partial last line";
  while (!Stream.empty()) {
    auto [Line, Tail] = Stream.split('\n');
    Stream = Tail;
    Events.push_back(parseLine(Line.str() + "\n"));
  }
  return Events;
}

TEST(Event, SecurityEventHasTheStandardFields) {
  logstream::options O;
  O.lvl = logstream::level::warning;
  O.category = "SECURITY";
  O.description = "bad password";
  std::string Line = logstream::format_event(
      "authn_login_fail",
      {{"user", "alice"}, {"attempts", 3}, {"locked", false}}, O);
  llvm::json::Object E = parseLine(Line);
  EXPECT_EQ(getStr(E, "event"), "authn_login_fail");
  EXPECT_EQ(getStr(E, "category"), "SECURITY");
  EXPECT_EQ(getStr(E, "level"), "WARN");
  EXPECT_EQ(getStr(E, "description"), "bad password");
  EXPECT_EQ(getStr(E, "user"), "alice");
  EXPECT_EQ(getInt(E, "attempts"), 3);
  EXPECT_EQ(getBool(E, "locked"), false);
  EXPECT_EQ(getInt(E, "pid"), static_cast<int64_t>(getpid()));
  llvm::Regex Rfc3339(
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$");
  ASSERT_TRUE(getStr(E, "time"));
  EXPECT_TRUE(Rfc3339.match(*getStr(E, "time"))) << *getStr(E, "time");
}

TEST(Event, PlainEventsHaveNoCategory) {
  llvm::json::Object E =
      parseLine(logstream::format_event("order_placed", {{"order", 42}}, {}));
  EXPECT_EQ(getStr(E, "level"), "INFO");
  EXPECT_FALSE(E.get("category"));
  EXPECT_FALSE(E.get("description"));
  EXPECT_EQ(getInt(E, "order"), 42);
}

TEST(Event, EscapesQuotesBackslashesAndControlCharacters) {
  std::string Nasty = "a\"b\\c\nd\re\tf\x01g\x1fh\x7fi/";
  llvm::json::Object E = parseLine(
      logstream::format_event("x", {{"v", Nasty}, {Nasty, "key"}}, {}));
  EXPECT_EQ(getStr(E, "v"), Nasty);
  EXPECT_EQ(getStr(E, Nasty), "key");
}

TEST(Event, AttackerValuesCannotForgeAnEvent) {
  std::string Forged =
      "mallory\"}\n{\"event\":\"authn_login_success\",\"user\":\"admin";
  std::string Line =
      logstream::format_event("authn_login_fail", {{"user", Forged}}, {});
  llvm::json::Object E = parseLine(Line);
  EXPECT_EQ(getStr(E, "event"), "authn_login_fail");
  EXPECT_EQ(getStr(E, "user"), Forged);
}

TEST(Event, InvalidUtf8BecomesReplacementCharacters) {
  for (std::string Bad :
       {std::string("\xff\xfe"), std::string("\xc0\xaf"),
        std::string("\xed\xa0\x80"), std::string("ab\xe2\x82"),
        std::string("\xf4\x90\x80\x80")}) {
    llvm::json::Object E =
        parseLine(logstream::format_event("x", {{"v", Bad}}, {}));
    ASSERT_TRUE(getStr(E, "v"))
        << "not valid JSON for input of size " << Bad.size();
    EXPECT_NE(getStr(E, "v")->find("\xef\xbf\xbd"), llvm::StringRef::npos);
  }
  // Valid multi-byte UTF-8 passes through unchanged.
  std::string Good = "Gr\xc3\xbc\xc3\x9f \xe2\x82\xac \xf0\x9f\x94\x92";
  EXPECT_EQ(
      getStr(parseLine(logstream::format_event("x", {{"v", Good}}, {})), "v"),
      Good);
}

TEST(Event, NumbersAndNonFiniteValues) {
  llvm::json::Object E = parseLine(logstream::format_event(
      "x",
      {{"i", -7},
       {"u", 18446744073709551615ull},
       {"d", 0.5},
       {"nan", std::numeric_limits<double>::quiet_NaN()},
       {"inf", std::numeric_limits<double>::infinity()}},
      {}));
  EXPECT_EQ(getInt(E, "i"), -7);
  EXPECT_EQ(getNum(E, "d"), 0.5);
  EXPECT_TRUE(E.get("nan") && E.get("nan")->getAsNull());
  EXPECT_TRUE(E.get("inf") && E.get("inf")->getAsNull());
}

TEST(Event, LongValuesGrowTheBuffer) {
  std::string Long(100000, 'x');
  EXPECT_EQ(
      getStr(parseLine(logstream::format_event("x", {{"v", Long}}, {})), "v"),
      Long);
}

TEST(Event, ConcurrentWritersNeverInterleaveLines) {
  int Fds[2];
  ASSERT_EQ(pipe(Fds), 0);
  constexpr int Threads = 8, PerThread = 400;
  std::string Received;
  std::thread Reader([&] {
    char Buf[65536];
    ssize_t N;
    while ((N = read(Fds[0], Buf, sizeof Buf)) > 0)
      Received.append(Buf, static_cast<size_t>(N));
  });
  std::vector<std::thread> Writers;
  for (int T = 0; T < Threads; ++T)
    Writers.emplace_back([T, Fd = Fds[1]] {
      for (int I = 0; I < PerThread; ++I) {
        // Lines of varying length, some longer than PIPE_BUF.
        std::string Payload(static_cast<size_t>((I * 37 + T * 101) % 6000),
                            'a' + T);
        logstream::write_line(
            logstream::format_event(
                "tick", {{"thread", T}, {"i", I}, {"p", Payload}}, {}),
            Fd);
      }
    });
  for (std::thread &W : Writers)
    W.join();
  close(Fds[1]);
  Reader.join();
  close(Fds[0]);

  llvm::StringRef Rest(Received);
  int Lines = 0;
  std::vector<int> Next(Threads, 0);
  while (!Rest.empty()) {
    auto [Line, Tail] = Rest.split('\n');
    Rest = Tail;
    llvm::json::Object E = parseLine(Line.str() + "\n");
    auto T = getInt(E, "thread");
    auto I = getInt(E, "i");
    ASSERT_TRUE(T && I);
    // Each thread's events arrive whole and in order.
    EXPECT_EQ(*I, Next[*T]++);
    ++Lines;
  }
  EXPECT_EQ(Lines, Threads * PerThread);
}

TEST(Event, CInterfaceWritesOneLine) {
  int Fds[2];
  ASSERT_EQ(pipe(Fds), 0);
  const char *Fields[] = {"user", "bob\n", "source_ip", "192.0.2.7"};
  ASSERT_EQ(logstream_event_fd(Fds[1], "WARN", "SECURITY", "authz_fail",
                               "denied", Fields, 2),
            0);
  close(Fds[1]);
  char Buf[4096];
  ssize_t N = read(Fds[0], Buf, sizeof Buf);
  close(Fds[0]);
  ASSERT_GT(N, 0);
  llvm::json::Object E = parseLine(std::string(Buf, static_cast<size_t>(N)));
  EXPECT_EQ(getStr(E, "category"), "SECURITY");
  EXPECT_EQ(getStr(E, "event"), "authz_fail");
  EXPECT_EQ(getStr(E, "user"), "bob\n");
  EXPECT_EQ(getStr(E, "source_ip"), "192.0.2.7");
}

// Item 10: the C interface serializes writers with the same process-wide lock
// as the C++ interface, so lines far over PIPE_BUF (200 KB) arrive whole even
// when threads of both interfaces share one pipe.
TEST(Event, CInterfaceLinesStayWholeUnderThreads) {
  int Fds[2];
  ASSERT_EQ(pipe(Fds), 0);
  constexpr int Threads = 8, PerThread = 25;
  std::string Received;
  std::thread Reader([&] { Received = readAll(Fds[0]); });
  std::vector<std::thread> Writers;
  for (int T = 0; T < Threads; ++T)
    Writers.emplace_back([T, Fd = Fds[1]] {
      for (int I = 0; I < PerThread; ++I) {
        std::string Payload(
            static_cast<size_t>(1 + (I * 7919 + T * 104729) % 200000),
            static_cast<char>('a' + T));
        std::string Thread = std::to_string(T), Index = std::to_string(I);
        if (T % 4 == 3) { // one thread in four through the C++ interface
          logstream::write_line(
              logstream::format_event(
                  "tick", {{"thread", Thread}, {"i", Index}, {"p", Payload}},
                  {}),
              Fd);
          continue;
        }
        const char *Fields[] = {"thread", Thread.c_str(), "i", Index.c_str(),
                                "p",      Payload.c_str()};
        EXPECT_EQ(logstream_event_fd(Fd, "INFO", NULL, "tick", NULL, Fields, 3),
                  0);
      }
    });
  for (std::thread &W : Writers)
    W.join();
  close(Fds[1]);
  Reader.join();
  close(Fds[0]);

  std::vector<int> Next(Threads, 0);
  std::vector<llvm::json::Object> Events = parseLines(Received);
  for (llvm::json::Object &E : Events) {
    auto T = getStr(E, "thread");
    auto I = getStr(E, "i");
    ASSERT_TRUE(T && I);
    int Thread = std::stoi(*T);
    EXPECT_EQ(std::stoi(*I), Next[static_cast<size_t>(Thread)]++);
  }
  EXPECT_EQ(Events.size(), static_cast<size_t>(Threads * PerThread));
}

// Item 11: a non-blocking stdout that fills up (EAGAIN) must not be left with
// a partial line for the next event to be glued to: the writer waits until
// the pipe drains and finishes the line.
TEST(Event, NonBlockingPipeNeverLeavesAPartialLine) {
  int Fds[2];
  ASSERT_EQ(pipe(Fds), 0);
  ASSERT_EQ(fcntl(Fds[1], F_SETFL, fcntl(Fds[1], F_GETFL) | O_NONBLOCK), 0);
  int Capacity = fcntl(Fds[1], F_GETPIPE_SZ);
  ASSERT_GT(Capacity, 0);
  std::string Big(static_cast<size_t>(Capacity) * 3, 'x');
  int FirstRc = -2, SecondRc = -2;
  std::thread Writer([&] {
    const char *Fields[] = {"p", Big.c_str()};
    FirstRc = logstream_event_fd(Fds[1], "INFO", NULL, "big", NULL, Fields, 1);
    SecondRc =
        logstream::write_line(logstream::format_event("small", {}, {}), Fds[1])
            ? 0
            : -1;
    close(Fds[1]);
  });
  // Read only once the pipe is full, so that the first write is partial.
  int Queued = 0;
  while (ioctl(Fds[0], FIONREAD, &Queued) == 0 && Queued < Capacity)
    std::this_thread::yield();
  std::string Received = readAll(Fds[0]);
  Writer.join();
  close(Fds[0]);
  EXPECT_EQ(FirstRc, 0);
  EXPECT_EQ(SecondRc, 0);
  std::vector<llvm::json::Object> Events = parseLines(Received);
  ASSERT_EQ(Events.size(), 2u);
  EXPECT_EQ(getStr(Events[0], "p"), Big);
  EXPECT_EQ(getStr(Events[1], "event"), "small");
}

// Item 12: out of memory, the C++ interface writes nothing and returns false
// (errno ENOMEM) instead of a truncated record. Run in a child process whose
// address space is capped just above what it already uses.
TEST(Event, OutOfMemoryWritesNothingAndReturnsFalse) {
  int Fds[2];
  ASSERT_EQ(pipe(Fds), 0);
  // 16 MiB of control characters escape to 96 MiB of JSON.
  std::string Big(16u << 20, '\x01');
  fflush(nullptr);
  pid_t Child = fork();
  ASSERT_GE(Child, 0);
  if (Child == 0) {
    close(Fds[0]);
    dup2(Fds[1], STDOUT_FILENO);
    long Pages = 0;
    FILE *Statm = fopen("/proc/self/statm", "r");
    // The kernel's decimal page count; a failed conversion is checked (!= 1).
    // NOLINTNEXTLINE(bugprone-unchecked-string-to-number-conversion)
    if (!Statm || fscanf(Statm, "%ld", &Pages) != 1)
      _exit(10);
    fclose(Statm);
    rlimit Limit;
    Limit.rlim_cur = Limit.rlim_max =
        static_cast<rlim_t>(Pages) *
            static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) +
        (32u << 20);
    if (setrlimit(RLIMIT_AS, &Limit) != 0)
      _exit(11);
    errno = 0;
    if (logstream::event("too_big", {{"v", Big}}))
      _exit(1);
    if (errno != ENOMEM)
      _exit(2);
    const char *Fields[] = {"v", Big.c_str()};
    if (logstream_event_fd(STDOUT_FILENO, "INFO", NULL, "too_big", NULL, Fields,
                           1) != -1)
      _exit(3);
    _exit(0);
  }
  close(Fds[1]);
  std::string Written = readAll(Fds[0]);
  close(Fds[0]);
  int Status = 0;
  ASSERT_EQ(waitpid(Child, &Status, 0), Child);
  ASSERT_TRUE(WIFEXITED(Status))
      << "the child died of signal " << WTERMSIG(Status);
  EXPECT_EQ(WEXITSTATUS(Status), 0);
  EXPECT_EQ(Written, "") << "nothing, not a truncated record";
}

// Item 12: user fields cannot override the envelope (time, level, category,
// event, description, pid); they are kept under a "fields." prefix.
TEST(Event, ReservedKeysCannotBeOverridden) {
  logstream::options O;
  O.lvl = logstream::level::error;
  O.category = "SECURITY";
  std::string Line =
      logstream::format_event("authn_login_fail",
                              {{"category", "NONE"},
                               {"event", "authn_login_success"},
                               {"level", "DEBUG"},
                               {"time", "1970-01-01T00:00:00.000Z"},
                               {"pid", 1},
                               {"description", "fine"},
                               {"user", "mallory"}},
                              O);
  for (const char *Key :
       {"time", "level", "category", "event", "description", "pid"})
    EXPECT_EQ(llvm::StringRef(Line).count("\"" + std::string(Key) + "\":"),
              std::string(Key) == "description" ? 0u : 1u)
        << Key << " in " << Line;
  llvm::json::Object E = parseLine(Line);
  EXPECT_EQ(getStr(E, "category"), "SECURITY");
  EXPECT_EQ(getStr(E, "event"), "authn_login_fail");
  EXPECT_EQ(getStr(E, "level"), "ERROR");
  EXPECT_EQ(getInt(E, "pid"), static_cast<int64_t>(getpid()));
  EXPECT_EQ(getStr(E, "fields.category"), "NONE");
  EXPECT_EQ(getStr(E, "fields.event"), "authn_login_success");
  EXPECT_EQ(getStr(E, "fields.description"), "fine");
  EXPECT_EQ(getStr(E, "user"), "mallory");

  // A plain event cannot put itself in the SECURITY category either, and the
  // C interface follows the same rule.
  int Fds[2];
  ASSERT_EQ(pipe(Fds), 0);
  const char *Fields[] = {"category", "SECURITY", "event", "forged"};
  ASSERT_EQ(
      logstream_event_fd(Fds[1], "INFO", NULL, "order_placed", NULL, Fields, 2),
      0);
  close(Fds[1]);
  std::string CLine = readAll(Fds[0]);
  close(Fds[0]);
  llvm::json::Object C = parseLine(CLine);
  EXPECT_FALSE(C.get("category"));
  EXPECT_EQ(getStr(C, "event"), "order_placed");
  EXPECT_EQ(getStr(C, "fields.category"), "SECURITY");
  EXPECT_EQ(getStr(C, "fields.event"), "forged");
}

enum class Color : unsigned char { red = 1, blue = 200 };
enum Plain { first = -3 };

// Item 12: a char is a one-character string (it printed as `true`), enums are
// their numbers, signed/unsigned char (int8_t, uint8_t) are numbers.
TEST(Event, CharactersEnumsAndSmallIntegers) {
  char Grade = 'B';
  llvm::json::Object E =
      parseLine(logstream::format_event("x",
                                        {{"grade", Grade},
                                         {"quote", '"'},
                                         {"color", Color::blue},
                                         {"plain", first},
                                         {"i8", static_cast<int8_t>(-5)},
                                         {"u8", static_cast<uint8_t>(250)},
                                         {"none", nullptr}},
                                        {}));
  EXPECT_EQ(getStr(E, "grade"), "B");
  EXPECT_EQ(getStr(E, "quote"), "\"");
  EXPECT_EQ(getInt(E, "color"), 200);
  EXPECT_EQ(getInt(E, "plain"), -3);
  EXPECT_EQ(getInt(E, "i8"), -5);
  EXPECT_EQ(getInt(E, "u8"), 250);
  EXPECT_TRUE(E.get("none") && E.get("none")->getAsNull());
}

// The civil date is computed by the header (gmtime_r needs feature macros in
// strict C): it must agree with the C library's gmtime_r on leap days,
// century years and month ends.
TEST(Event, TimeAgreesWithGmtime) {
  for (long long Seconds :
       {0ll, 68169599ll, 951782400ll, 951868799ll, 978307199ll, 1709164800ll,
        1764236067ll, 2147483647ll, 4107542400ll, 4102444799ll,
        253402300799ll}) {
    char Ours[24];
    logstream_format_time(Ours, Seconds, 123);
    time_t T = static_cast<time_t>(Seconds);
    tm Tm;
    ASSERT_NE(gmtime_r(&T, &Tm), nullptr);
    char Expected[32];
    strftime(Expected, sizeof Expected, "%Y-%m-%dT%H:%M:%S.123Z", &Tm);
    EXPECT_EQ(std::string(Ours, sizeof Ours), Expected) << Seconds;
  }
}

// SIGPIPE (docs/runtime.md): the header leaves the signal's disposition to
// the program. When the program ignores it, an event to a closed pipe returns
// false with errno EPIPE.
TEST(Event, ClosedPipeWithSigpipeIgnoredReturnsEpipe) {
  int Fds[2];
  ASSERT_EQ(pipe(Fds), 0);
  close(Fds[0]);
  struct sigaction Ignore = {}, Old = {};
  Ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(sigaction(SIGPIPE, &Ignore, &Old), 0);
  errno = 0;
  bool Written =
      logstream::write_line(logstream::format_event("x", {}, {}), Fds[1]);
  int Err = errno;
  const char *Fields[] = {"k", "v"};
  int CRc = logstream_event_fd(Fds[1], "INFO", NULL, "x", NULL, Fields, 1);
  int CErr = errno;
  sigaction(SIGPIPE, &Old, nullptr);
  close(Fds[1]);
  EXPECT_FALSE(Written);
  EXPECT_EQ(Err, EPIPE);
  EXPECT_EQ(CRc, -1);
  EXPECT_EQ(CErr, EPIPE);
}

} // namespace
