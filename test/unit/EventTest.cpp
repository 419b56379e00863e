//===--- EventTest.cpp - the logstream/event.h runtime API ---------------===//
//
// Every line is parsed with a real JSON parser (llvm::json).
//
//===----------------------------------------------------------------------===//

#include "logstream/event.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Regex.h"
#include "gtest/gtest.h"
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

TEST(Event, SecurityEventHasTheStandardFields) {
  logstream::options O;
  O.lvl = logstream::level::warning;
  O.category = "SECURITY";
  O.description = "bad password";
  std::string Line = logstream::format_event(
      "authn_login_fail", {{"user", "alice"}, {"attempts", 3}, {"locked", false}},
      O);
  llvm::json::Object E = parseLine(Line);
  EXPECT_EQ(E.getString("event"), "authn_login_fail");
  EXPECT_EQ(E.getString("category"), "SECURITY");
  EXPECT_EQ(E.getString("level"), "WARN");
  EXPECT_EQ(E.getString("description"), "bad password");
  EXPECT_EQ(E.getString("user"), "alice");
  EXPECT_EQ(E.getInteger("attempts"), 3);
  EXPECT_EQ(E.getBoolean("locked"), false);
  EXPECT_EQ(E.getInteger("pid"), static_cast<int64_t>(getpid()));
  llvm::Regex Rfc3339("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$");
  ASSERT_TRUE(E.getString("time"));
  EXPECT_TRUE(Rfc3339.match(*E.getString("time"))) << E.getString("time")->str();
}

TEST(Event, PlainEventsHaveNoCategory) {
  llvm::json::Object E =
      parseLine(logstream::format_event("order_placed", {{"order", 42}}, {}));
  EXPECT_EQ(E.getString("level"), "INFO");
  EXPECT_FALSE(E.get("category"));
  EXPECT_FALSE(E.get("description"));
  EXPECT_EQ(E.getInteger("order"), 42);
}

TEST(Event, EscapesQuotesBackslashesAndControlCharacters) {
  std::string Nasty = "a\"b\\c\nd\re\tf\x01g\x1fh\x7fi/";
  llvm::json::Object E =
      parseLine(logstream::format_event("x", {{"v", Nasty}, {Nasty, "key"}}, {}));
  EXPECT_EQ(E.getString("v"), Nasty);
  EXPECT_EQ(E.getString(Nasty), "key");
}

TEST(Event, AttackerValuesCannotForgeAnEvent) {
  std::string Forged = "mallory\"}\n{\"event\":\"authn_login_success\",\"user\":\"admin";
  std::string Line = logstream::format_event("authn_login_fail",
                                             {{"user", Forged}}, {});
  llvm::json::Object E = parseLine(Line);
  EXPECT_EQ(E.getString("event"), "authn_login_fail");
  EXPECT_EQ(E.getString("user"), Forged);
}

TEST(Event, InvalidUtf8BecomesReplacementCharacters) {
  for (std::string Bad : {std::string("\xff\xfe"), std::string("\xc0\xaf"),
                          std::string("\xed\xa0\x80"), std::string("ab\xe2\x82"),
                          std::string("\xf4\x90\x80\x80")}) {
    llvm::json::Object E = parseLine(logstream::format_event("x", {{"v", Bad}}, {}));
    ASSERT_TRUE(E.getString("v")) << "not valid JSON for input of size " << Bad.size();
    EXPECT_NE(E.getString("v")->find("\xef\xbf\xbd"), llvm::StringRef::npos);
  }
  // Valid multi-byte UTF-8 passes through unchanged.
  std::string Good = "Gr\xc3\xbc\xc3\x9f \xe2\x82\xac \xf0\x9f\x94\x92";
  EXPECT_EQ(parseLine(logstream::format_event("x", {{"v", Good}}, {})).getString("v"),
            Good);
}

TEST(Event, NumbersAndNonFiniteValues) {
  llvm::json::Object E = parseLine(logstream::format_event(
      "x", {{"i", -7}, {"u", 18446744073709551615ull}, {"d", 0.5},
            {"nan", 0.0 / 0.0}, {"inf", 1.0 / 0.0}},
      {}));
  EXPECT_EQ(E.getInteger("i"), -7);
  EXPECT_EQ(E.getNumber("d"), 0.5);
  EXPECT_TRUE(E.get("nan") && E.get("nan")->getAsNull());
  EXPECT_TRUE(E.get("inf") && E.get("inf")->getAsNull());
}

TEST(Event, LongValuesGrowTheBuffer) {
  std::string Long(100000, 'x');
  EXPECT_EQ(parseLine(logstream::format_event("x", {{"v", Long}}, {})).getString("v"),
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
        std::string Payload(static_cast<size_t>((I * 37 + T * 101) % 6000), 'a' + T);
        logstream::write_line(
            logstream::format_event("tick", {{"thread", T}, {"i", I}, {"p", Payload}},
                                    {}),
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
    auto T = E.getInteger("thread");
    auto I = E.getInteger("i");
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
  ASSERT_EQ(logstream_event_fd(Fds[1], "WARN", "SECURITY", "authz_fail", "denied",
                               Fields, 2),
            0);
  close(Fds[1]);
  char Buf[4096];
  ssize_t N = read(Fds[0], Buf, sizeof Buf);
  close(Fds[0]);
  ASSERT_GT(N, 0);
  llvm::json::Object E = parseLine(std::string(Buf, static_cast<size_t>(N)));
  EXPECT_EQ(E.getString("category"), "SECURITY");
  EXPECT_EQ(E.getString("event"), "authz_fail");
  EXPECT_EQ(E.getString("user"), "bob\n");
  EXPECT_EQ(E.getString("source_ip"), "192.0.2.7");
}

} // namespace
