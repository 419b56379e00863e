// logstream-log-file-sink against Debian's real easylogging++ 9.97 header.
// REQUIRES: easylogging
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-sink %t

#include <easylogging++.h>

void configure() {
  el::Configurations conf;
  conf.setToDefault();
  conf.set(el::Level::Global, el::ConfigurationType::ToFile, "true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: easylogging++ 'ConfigurationType::ToFile' set to "true" writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-FIXES: {{^}}  conf.set(el::Level::Global, el::ConfigurationType::ToFile, "false");{{$}}
  conf.setGlobally(el::ConfigurationType::Filename, "/var/log/orders/%datetime.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: easylogging++ 'ConfigurationType::Filename' names a log file
  el::Loggers::reconfigureAllLoggers(el::ConfigurationType::ToFile, "true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: easylogging++ 'ConfigurationType::ToFile' set to "true"
  // CHECK-FIXES: {{^}}  el::Loggers::reconfigureAllLoggers(el::ConfigurationType::ToFile, "false");{{$}}
  conf.parseFromText("*GLOBAL:\n  FORMAT = %msg\n  TO_FILE = true\n");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: easylogging++ configuration enables 'TO_FILE'
  // CHECK-FIXES: {{^}}  conf.parseFromText("*GLOBAL:\n  FORMAT = %msg\n  TO_FILE = false\n");{{$}}

  // Must stay quiet.
  conf.set(el::Level::Global, el::ConfigurationType::ToStandardOutput, "true");
  el::Loggers::reconfigureAllLoggers(conf);
}
