// logstream-log-file-management on Debian's real Poco 1.11 headers.
// REQUIRES: poco
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-management %t

#include <Poco/AutoPtr.h>
#include <Poco/FileChannel.h>

void configure() {
  Poco::AutoPtr<Poco::FileChannel> channel(new Poco::FileChannel("orders.log"));
  channel->setProperty("rotation", "10 M");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Poco::Channel::setProperty("rotation")' configures log rotation; leave rotation and retention to the execution environment [logstream-log-file-management]
  channel->setProperty("archive", "timestamp");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Poco::Channel::setProperty("archive")' configures log retention
  channel->setProperty(Poco::FileChannel::PROP_PURGECOUNT, "5");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Poco::Channel::setProperty("purgeCount")' configures log retention
  channel->setProperty("compress", "true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Poco::Channel::setProperty("compress")' configures log retention
  // CHECK-FIXES-NOT: setProperty("rotation"
  // CHECK-FIXES-NOT: setProperty("archive"
  // CHECK-FIXES-NOT: PROP_PURGECOUNT
  // CHECK-FIXES-NOT: setProperty("compress"
  channel->setProperty("times", "local");
  // CHECK-FIXES: {{^}}  channel->setProperty("times", "local");{{$}}
}
