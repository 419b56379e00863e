// logstream-log-file-management on Debian's real Qt 5 headers (qtbase5-dev).
// REQUIRES: qt5
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-management %t -- -- %qt5_flags

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryFile>

class LogRotator {
public:
  void rotate();
  void cleanUp();

private:
  QString m_logDir;
  QString m_logPath;
  QFile m_logFile;
};

void LogRotator::rotate() {
  QFileInfo info(m_logPath);
  if (info.size() > 10 * 1024 * 1024) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'QFileInfo::size' checks the size of a log file; leave rotation and retention to the execution environment [logstream-log-file-management]
    QFile::remove(m_logPath + ".5");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'QFile::remove' deletes a log file
    QFile::rename(m_logPath, m_logPath + ".1");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'QFile::rename' rotates a log file
  }
  if (m_logFile.size() >= 1000)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'QFile::size' checks the size of a log file
    m_logFile.resize(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'QFile::resize' truncates a log file
  m_logFile.rename(m_logPath + ".old");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFile::rename' rotates a log file
}

void LogRotator::cleanUp() {
  QDir dir(m_logDir);
  dir.mkpath(".");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QDir::mkpath' creates a log directory
  dir.remove("old.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QDir::remove' deletes log file 'old.log'
  QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
       "/logs")
      .removeRecursively();
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'QDir::removeRecursively' deletes files found in log directory '.../logs'
  QFile::setPermissions(m_logPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFile::setPermissions' changes the permissions of a log file
  QDir().mkpath(QCoreApplication::applicationDirPath() + "/logs");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QDir::mkpath' creates log directory '.../logs'
}

void truncateOnStart() {
  QFile f(QStringLiteral("/var/log/app/app.log"));
  f.open(QIODevice::WriteOnly | QIODevice::Truncate);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFile::open' truncates log file '/var/log/app/app.log'
}

// Negatives: files that are not logs, in log folders or elsewhere; scratch
// files; appending (no truncation); QSettings; the size of a download.
void negatives(const QString &downloadPath) {
  QDir logs("logs");
  logs.remove("app.pid");
  QFile settings("settings.ini");
  settings.remove();
  QFile::remove("catalog.json");
  QSettings s("app.ini", QSettings::IniFormat);
  QTemporaryFile tmp("rotate.log");
  tmp.remove();
  QFile append("app.log");
  append.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Truncate);
  QFileInfo download(downloadPath);
  if (download.size() > 1024)
    QFile::remove(downloadPath);
}
