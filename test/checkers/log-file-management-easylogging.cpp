// easylogging++ rolls its log file over by size when MaxLogFileSize is set:
// rotation belongs to the execution environment.
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-management %t -- -- -isystem %S/Inputs/Headers

#include <easylogging++.h>

void configure(el::Configurations &conf) {
  conf.setGlobally(el::ConfigurationType::MaxLogFileSize, "2097152");
  el::Loggers::reconfigureAllLoggers(el::ConfigurationType::MaxLogFileSize, "1048576"); // 1 MiB
  conf.set(el::Level::Global, el::ConfigurationType::Format, "%msg");
}
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'el::ConfigurationType::MaxLogFileSize' configures log rotation (rolls the file over by size); leave rotation and retention to the execution environment [logstream-log-file-management]
// CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'el::ConfigurationType::MaxLogFileSize' configures log rotation
// CHECK-FIXES: {{^}}void configure(el::Configurations &conf) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  conf.set(el::Level::Global, el::ConfigurationType::Format, "%msg");{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
