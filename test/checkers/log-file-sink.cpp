// RUN: %check_logstream_tidy -std=c++17,c++20 %s logstream-log-file-sink %t

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

const std::string kLogDir = "/var/log/orders";
constexpr const char *kAccessLog = "access.log";

void localStream() {
  std::ofstream log("server.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ofstream' writes log events to file 'server.log'; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  std::ostream &log = std::cout;{{$}}
  log << "started" << std::endl;
  log.write("x\n", 2).flush();
  if (!log)
    return;
}

void literalPaths() {
  std::wofstream wide("events.log", std::ios::app);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'std::wofstream' writes log events to file 'events.log'
  // CHECK-FIXES: {{^}}  std::wostream &wide = std::wcout;{{$}}
  wide << L"x";
}

void concatenatedPaths(const std::string &dir) {
  std::ofstream a(kLogDir + "/orders.txt");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ofstream' writes log events to file '/var/log/orders/orders.txt'
  std::ofstream b(dir + "/" + kAccessLog);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ofstream' writes log events to file '.../access.log'
  fs::path p = fs::path(dir) / "logs" / "trace.txt";
  std::ofstream c(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ofstream' writes log events to file '.../logs/trace.txt'
  std::fstream d(dir + "/app.log", std::ios::out | std::ios::app);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::fstream' writes log events to file '.../app.log'
  std::string path = dir + "/debug.log";
  FILE *f = std::fopen(path.c_str(), "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file '.../debug.log'
  // Passed on as an ofstream: no fix-it.
  a.close();
  b.close();
  c.close();
  d.close();
  std::fclose(f);
}

class Service {
public:
  explicit Service(const std::string &path) : m_log(path) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'std::ofstream' writes log events to a file; write them to stdout as an event stream
  void reopen(const std::string &path) {
    m_log.open(path, std::ios::app);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::ofstream::open' writes log events to a file
    errorLog.open("errors.txt");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::ofstream::open' writes log events to a file
    buffer.open("/var/log/svc/out", std::ios::out);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::filebuf::open' writes log events to file '/var/log/svc/out'
  }
  void redirect() {
    std::cout.rdbuf(&buffer);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::cout' is redirected into a file buffer; leave stdout as the event stream and let the environment route it [logstream-log-file-sink]
    std::clog.rdbuf(m_log.rdbuf());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::clog' is redirected into a file buffer; leave stderr as the event stream
  }

private:
  std::ofstream m_log;
  std::ofstream errorLog;
  std::filebuf buffer;
};

#define OPEN_LOG(name) std::ofstream name("macro.log")
void inMacro() {
  OPEN_LOG(traceLog);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::ofstream' writes log events to file 'macro.log'
  traceLog << 1;
}

template <typename Stream> void templated(const char *name) {
  Stream s(std::string(name) + ".log");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::ofstream' writes log events to file '....log'
  s << 1;
}
template void templated<std::ofstream>(const char *);

void heapStreams(const std::string &dir) {
  auto a = std::make_unique<std::ofstream>(dir + "/heap.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::ofstream' writes log events to file '.../heap.log'
  auto *b = new std::ofstream("new.log", std::ios::app);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ofstream' writes log events to file 'new.log'
  auto logFile = std::make_shared<std::fstream>(dir, std::ios::out);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'std::fstream' writes log events to a file
  auto report = std::make_unique<std::ofstream>("report.csv");
  delete b;
}

// Must stay quiet.
void negatives(const std::string &dir, std::ostream &sink) {
  std::ofstream report("report.csv");
  std::ofstream config(dir + "/config.json");
  std::ifstream in("app.log");
  std::fstream reader("app.log", std::ios::in);
  std::ofstream login(dir + "/users.db");
  std::ofstream catalog(dir);
  std::ofstream dialog("dialog.txt");
  std::ofstream out("/dev/stdout");
  std::ofstream blogPost("blog/post.html");
  std::ofstream logo("logo.png");
  std::ofstream logarithm("table.txt");
  std::stringstream captured;
  std::cout.rdbuf(captured.rdbuf());
  std::cout.rdbuf(sink.rdbuf());
  std::ofstream moved(std::move(report));
}

// A service configured by a struct of options: the file is its field's
// default, read through the member the service keeps.
struct ServiceOptions {
  std::string output = "/var/log/orders/orders.log";
  std::string report = "/srv/orders/report.csv";
};
class OrderService {
public:
  explicit OrderService(const ServiceOptions &o) : opts_(o) {}
  void start() {
    out_.open(opts_.output, std::ios::app);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::ofstream::open' writes log events to file '/var/log/orders/orders.log'
    csv_.open(opts_.report);
    if (FILE *f = std::fopen(opts_.output.c_str(), "a"))
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'fopen' writes log events to file '/var/log/orders/orders.log'
      std::fclose(f);
  }

private:
  ServiceOptions opts_;
  std::ofstream out_, csv_;
};
