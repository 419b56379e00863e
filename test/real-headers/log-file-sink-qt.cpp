// logstream-log-file-sink on Debian's real Qt 5 headers (qtbase5-dev): QFile
// opens, the streams over them, message handlers; every fix-it compiled
// against the real headers.
// REQUIRES: qt5
// RUN: %check_logstream_tidy -std=c++17 %s logstream-log-file-sink %t -- -- %qt5_flags

#include <QtCore/QCoreApplication>
#include <QtCore/QDataStream>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QLockFile>
#include <QtCore/QSaveFile>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryFile>
#include <QtCore/QTextStream>
#include <QtCore/QtGlobal>
#include <cstdio>

// A logger class the Qt way: the path comes from a config struct, the file is
// a member, the stream is set over it in another statement.
struct LogConfig {
  QString logDir;
  QString catalogPath;
};

class FileLogger {
public:
  explicit FileLogger(const LogConfig &cfg);
  void start();

private:
  QFile m_logFile;
  QTextStream m_stream;
};

FileLogger::FileLogger(const LogConfig &cfg)
    : m_logFile(QDir(cfg.logDir).filePath(QStringLiteral("app.log"))) {}

void FileLogger::start() {
  m_logFile.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFile::open' writes log events to file '.../app.log'; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: log events are written to the file through this stream
  // CHECK-FIXES: {{^}}  m_logFile.open(stdout, QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);{{$}}
  m_stream.setDevice(&m_logFile);
}

// Paths built with QStandardPaths and concatenation, QStringLiteral,
// QString("..."), a `new QFile`, a mode held in a local.
void locals(const QString &errorPath) {
  QFile f(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
          "/logs/service.log");
  if (!f.open(QIODevice::Append))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QFile::open' writes log events to file '.../logs/service.log'
    // CHECK-MESSAGES: :[[@LINE+3]]:15: note: log events are written to the file through this stream
    // CHECK-FIXES: {{^}}  if (!f.open(stdout, QIODevice::Append)){{$}}
    return;
  QTextStream out(&f);
  out << "started";

  QFile trace(QStringLiteral("trace.log"));
  const QIODevice::OpenMode mode = QIODevice::WriteOnly | QIODevice::Truncate;
  trace.open(mode);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFile::open' writes log events to file 'trace.log'
  // CHECK-FIXES: {{^}}  trace.open(stdout, mode);{{$}}

  QFile *audit = new QFile(QString("audit.log"));
  audit->open(QIODevice::WriteOnly);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFile::open' writes log events to file 'audit.log'
  // CHECK-MESSAGES: :[[@LINE+2]]:15: note: log events are written to the file through this stream
  // CHECK-FIXES: {{^}}  audit->open(stdout, QIODevice::WriteOnly);{{$}}
  QDataStream records(audit);
  records << 42;

  // No path in sight: the variable's name says log.
  QFile errorLog;
  errorLog.setFileName(errorPath);
  errorLog.open(QIODevice::WriteOnly);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QFile::open' writes log events to a file
  // CHECK-FIXES: {{^}}  errorLog.open(stdout, QIODevice::WriteOnly);{{$}}
}

// A handler that appends every message to a file: reported at the install,
// with a note at the write; replaced by one that writes to stdout.
static void fileHandler(QtMsgType type, const QMessageLogContext &ctx,
                        const QString &msg) {
  static QFile logFile;
  if (logFile.fileName().isEmpty())
    logFile.setFileName("app.log");
  QTextStream ts(&logFile);
  ts << qFormatLogMessage(type, ctx, msg) << "\n";
}

// A handler that drops debug messages: reported, not replaced.
static void filteringHandler(QtMsgType type, const QMessageLogContext &,
                             const QString &msg) {
  if (type == QtDebugMsg)
    return;
  FILE *f = fopen("/var/log/app/filtered.txt", "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' writes log events to file '/var/log/app/filtered.txt'
  // CHECK-FIXES: {{^}}  FILE *f = stdout;{{$}}
  fprintf(f, "%s\n", qPrintable(msg));
  fclose(f);
  // CHECK-FIXES-NOT: fclose(f);
}

int main(int argc, char **argv) {
  qInstallMessageHandler(fileHandler);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'qInstallMessageHandler' installs a message handler that writes log events to a file; write them to stdout as an event stream [logstream-log-file-sink]
  // CHECK-MESSAGES: :{{[0-9]+}}:15: note: the handler writes to a file here ('QTextStream over a QFile')
  // CHECK-FIXES: {{^}}  qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &msg) { fprintf(stdout, "%s\n", qPrintable(msg)); fflush(stdout); });{{$}}
  qInstallMessageHandler(filteringHandler);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'qInstallMessageHandler' installs a message handler that writes log events to a file
  // CHECK-MESSAGES: :{{[0-9]+}}:13: note: the handler writes to a file here ('fopen')
  // CHECK-FIXES: {{^}}  qInstallMessageHandler(filteringHandler);{{$}}
  QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &msg) {
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'qInstallMessageHandler' installs a message handler that writes log events to a file
    // CHECK-MESSAGES: :[[@LINE+2]]:5: note: the handler writes to a file here ('QFile::open')
    QFile f("debug.log");
    f.open(QIODevice::Append);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'QFile::open' writes log events to file 'debug.log'
    // CHECK-FIXES: {{^}}    f.open(stdout, QIODevice::Append);{{$}}
    f.write(msg.toUtf8());
  });
  // The handler's result is kept (chained handlers): no fix-it.
  (void)previous;
  QCoreApplication app(argc, argv);
  return app.exec();
}

// Negatives: a log viewer reads its file; QSettings; a catalog written as
// JSON; QSaveFile, QLockFile, QTemporaryFile; the stdout QFile; a handler
// that writes to stderr.
QString readLog(const LogConfig &cfg) {
  QFile viewer(cfg.logDir + "/app.log");
  viewer.open(QIODevice::ReadOnly | QIODevice::Text);
  QTextStream in(&viewer);
  QString all;
  while (!in.atEnd())
    all = all + in.readLine();
  return all;
}

QIODevice::OpenMode modeFromConfig();

void negatives(const LogConfig &cfg, const QByteArray &json) {
  QSettings settings(QDir(cfg.logDir).filePath("settings.ini"), QSettings::IniFormat);
  settings.setValue("level", "info");
  QFile catalog(cfg.catalogPath + "/catalog.json");
  catalog.open(QIODevice::WriteOnly);
  catalog.write(json);
  QFile logCatalog(QDir(cfg.logDir).filePath("catalog.json"));
  logCatalog.open(QIODevice::WriteOnly | QIODevice::Truncate);
  QSaveFile state("state.log");
  state.open(QIODevice::WriteOnly);
  QLockFile lock(cfg.logDir + "/app.lock");
  lock.lock();
  QTemporaryFile scratch("scratch.log");
  scratch.open();
  QFile console;
  console.open(stdout, QIODevice::WriteOnly);
  QFile unknownMode("x.log");
  unknownMode.open(modeFromConfig());
}

static void stderrHandler(QtMsgType, const QMessageLogContext &,
                          const QString &msg) {
  fprintf(stderr, "%s\n", qPrintable(msg));
}

void installStderr() { qInstallMessageHandler(stderrHandler); }
