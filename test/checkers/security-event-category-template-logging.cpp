// A C++ service logs through its own variadic templates over a format
// string (declared in a header, as fmt-style wrappers are): calls of them
// are records when they are named like logging (LoggingFunctionPattern), so
// a tagged one is the outcome's SECURITY record and an untagged one is
// tagged by the fix-it. A string builder of the same shape is no record.
// RUN: %check_logstream_tidy -std=c++17 %s logstream-security-event-category %t -- -- -I%S/Inputs/cpp-service
// RUN: %check_logstream_tidy -check-suffixes=OFF -std=c++17 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.LoggingFunctionPattern: ''}}" -- -- -I%S/Inputs/cpp-service

#include "service_log.h"

#include <functional>
#include <sys/types.h>
#include <unistd.h>

struct RunAs {
  uid_t uid;
  gid_t gid;
  std::string name;
};

bool dropTo(const RunAs &as) {
  if (setgid(as.gid) != 0) {
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:7: warning: security-critical 'setgid'
    svc::log_warn("SECURITY cannot switch to group {}", as.gid);
    return false;
  }
  if (setuid(as.uid) != 0) {
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:7: warning: security-critical 'setuid'
    svc::logger().error("SECURITY cannot switch to user {}", as.name);
    return false;
  }
  svc::log_info("SECURITY now running as {}", as.name);
  return true;
}

bool enterJail(const char *dir) {
  if (chroot(dir) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'chroot' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:7: warning: security-critical 'chroot'
    svc::log_warn("chroot to {} failed", dir);
    // CHECK-FIXES: svc::log_warn("SECURITY chroot to {} failed", dir);
    return false;
  }
  svc::log_info("jailed in {}", dir);
  // CHECK-FIXES: svc::log_info("SECURITY jailed in {}", dir);
  return true;
}

std::string becomeNobody(uid_t nobody) {
  if (setuid(nobody) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'setuid' (privilege_permissions_changed): the failure path returns at line {{[0-9]+}} without a SECURITY log record
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:7: warning: security-critical 'setuid'
    return svc::str_format("cannot become {}", nobody);
  return svc::str_format("running as {}", nobody);
}

// The same records in a lambda, with the message chosen by `?:`, and in a
// `switch` case whose condition has an `&&`: quiet.
struct DropConfig {
  uid_t uid;
  bool verbose;
};

std::function<bool()> makeDrop(const DropConfig &cfg) {
  return [cfg] {
    if (setuid(cfg.uid) != 0) {
      // CHECK-MESSAGES-OFF: :[[@LINE-1]]:9: warning: security-critical 'setuid'
      svc::log_warn(cfg.verbose ? "SECURITY cannot drop to {} (verbose)"
                                : "SECURITY cannot drop to {}",
                    cfg.uid);
      return false;
    }
    svc::logger().error("SECURITY dropped to {}", cfg.uid);
    return true;
  };
}

bool dropFor(int mode, uid_t uid) {
  switch (mode) {
  case 1:
    if (setuid(uid) != 0 && mode > 0) {
      // CHECK-MESSAGES-OFF: :[[@LINE-1]]:9: warning: security-critical 'setuid'
      svc::log_warn("SECURITY drop failed");
      return false;
    }
    svc::log_info("SECURITY dropped");
    return true;
  default:
    return false;
  }
}
