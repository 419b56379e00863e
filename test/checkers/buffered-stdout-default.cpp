// A C++ service writing its events with std::cout, std::wcout and
// std::printf, through a member function, a template and a macro.
// RUN: %check_logstream_tidy -std=c++11,c++17,c++20 %s logstream-buffered-stdout %t
// RUN: %check_logstream_tidy -std=c++98 -check-suffixes=CXX98 %s logstream-buffered-stdout %t
// RUN: %check_logstream_tidy -std=c++17 -check-suffixes=NONE %s logstream-buffered-stdout %t \
// RUN:   -config="{CheckOptions: {logstream-buffered-stdout.BufferMode: none}}"

#include <cstdio>
#include <iostream>
#include <string>

#define EVENT(name) std::cout << "{\"event\":\"" << name << "\"}\n"

class EventLog {
public:
  explicit EventLog(const std::string &service) : service_(service) {}

  void write(const std::string &event, int value) const {
    std::cout << "{\"service\":\"" << service_ << "\",\"event\":\"" << event
              << "\",\"value\":" << value << "}\n";
    // CHECK-MESSAGES-DAG: :[[@LINE-2]]:5: note: event written to stdout here by 'std::cout' and not flushed
  }

  template <typename T> void field(const char *name, const T &value) const {
    std::cout << "{\"" << name << "\":" << value << '}' << '\n';
    // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: note: event written to stdout here by 'std::cout' and not flushed
  }

private:
  std::string service_;
};

static void wide(const wchar_t *event) {
  std::wcout << L"{\"event\":\"" << event << L"\"}\n";
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:3: note: event written to stdout here by 'std::wcout' and not flushed
}

int main(int argc, char *argv[], char *envp[]) {
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: warning: 'main' writes events to stdout without making it line-buffered first; when stdout is a pipe they wait in a full buffer and are lost if the process is killed [logstream-buffered-stdout]
  // CHECK-MESSAGES-CXX98: :[[@LINE-2]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:5: warning: 'main' writes events to stdout without making it line-buffered first
  // CHECK-FIXES: {{^}}  std::setvbuf(stdout, nullptr, _IOLBF, 0);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  EventLog log("orders");{{$}}
  // CHECK-FIXES-CXX98: {{^}}  std::setvbuf(stdout, NULL, _IOLBF, 0);{{$}}
  // CHECK-FIXES-NONE: {{^}}  std::setvbuf(stdout, nullptr, _IONBF, 0);{{$}}
  EventLog log("orders");
  log.write("sys_startup", argc);
  log.field("env", envp[0] != 0);
  wide(L"wide_started");
  EVENT(argv[0]);
  std::printf("{\"event\":\"sys_ready\"}\n");
  std::cout.write("{}\n", 3);
  std::cout.put('\n');
  std::cerr << "diagnostics go to stderr\n";
  std::clog << "and to clog\n";
  return 0;
}
