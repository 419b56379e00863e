// logstream-security-event-category on Debian's real Qt 5 headers
// (qtbase5-dev): Q_LOGGING_CATEGORY categories and qC* records.
// REQUIRES: qt5
// RUN: %check_logstream_tidy -std=c++17 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: { \
// RUN:     logstream-security-event-category.SecurityOperations: 'authenticate=authn_login:true', \
// RUN:     logstream-security-event-category.CheckPermissionChanges: true}}" \
// RUN:   -- -- %qt5_flags

#include <QtCore/QDebug>
#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>

Q_LOGGING_CATEGORY(lcSecurity, "app.security")
Q_LOGGING_CATEGORY(lcAudit, "app.auth.security")
Q_LOGGING_CATEGORY(lcNet, "app.net")
static QLoggingCategory lcSecurityEvents("app.events");

bool authenticate(const QString &user, const QString &password);

// Recorded: the category's variable, its name, a QLoggingCategory object,
// the tag in the message of any Qt record.
bool byVariable(const QString &user, const QString &pw) {
  if (!authenticate(user, pw)) {
    qCWarning(lcSecurity) << "login failed for" << user;
    return false;
  }
  qCInfo(lcSecurity) << "login ok" << user;
  return true;
}

bool byName(const QString &user, const QString &pw) {
  if (!authenticate(user, pw)) {
    qCWarning(lcAudit, "login failed for %s", qPrintable(user));
    return false;
  }
  qCInfo(lcAudit) << "login ok";
  return true;
}

bool byObject(const QString &user, const QString &pw) {
  if (!authenticate(user, pw)) {
    qCWarning(lcSecurityEvents) << "login failed";
    return false;
  }
  qWarning() << "SECURITY login ok";
  return true;
}

bool byTag(const QString &user, const QString &pw) {
  if (!authenticate(user, pw)) {
    qCCritical(lcNet) << "SECURITY login failed";
    return false;
  }
  qInfo("SECURITY login ok");
  return true;
}

// Not recorded: another category, a plain qWarning without the tag.
bool otherCategory(const QString &user, const QString &pw) {
  if (!authenticate(user, pw)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'authenticate' (authn_login_fail): the failure path returns at line [[@LINE+3]] without a SECURITY log record [logstream-security-event-category]
    qCWarning(lcNet) << "login failed for" << user;
    // CHECK-FIXES: {{^}}    qCWarning(lcNet) << "SECURITY login failed for" << user;{{$}}
    return false;
  }
  qCInfo(lcNet, "login ok for %s", qPrintable(user));
  // CHECK-FIXES: {{^}}  qCInfo(lcNet, "SECURITY login ok for %s", qPrintable(user));{{$}}
  return true;
}

bool plainQt(const QString &user, const QString &pw) {
  if (!authenticate(user, pw)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'authenticate' (authn_login_fail): the failure path returns at line [[@LINE+3]] without a SECURITY log record
    qWarning("login failed");
    // CHECK-FIXES: {{^}}    qWarning("SECURITY login failed");{{$}}
    return false;
  }
  qDebug() << "login ok";
  // CHECK-FIXES: {{^}}  qDebug() << "SECURITY login ok";{{$}}
  return true;
}

// QFile::setPermissions (CheckPermissionChanges), static and member forms.
bool restrictLog(QFile &file, const QString &path) {
  if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: security-critical 'setPermissions' (privilege_permissions_changed): the failure path returns at line [[@LINE+3]] without a SECURITY log record
    qCWarning(lcNet) << "chmod failed";
    // CHECK-FIXES: {{^}}    qCWarning(lcNet) << "SECURITY chmod failed";{{$}}
    return false;
  }
  if (!file.setPermissions(QFileDevice::ReadOwner)) {
    qCWarning(lcSecurity) << "chmod failed" << path;
    return false;
  }
  qCInfo(lcSecurity) << "permissions changed" << path;
  return true;
}
