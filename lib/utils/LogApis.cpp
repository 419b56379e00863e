//===--- LogApis.cpp - The logging libraries' file sinks ------------------===//

#include "utils/Compat.h"
#include "utils/LogApis.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::logstream::utils {

static const std::vector<SinkApi> &sinkApis() {
  static const std::vector<SinkApi> Apis = {
      {SinkFamily::Spdlog,
       {"::spdlog::sinks::basic_file_sink", "::spdlog::sinks::rotating_file_sink",
        "::spdlog::sinks::daily_file_sink", "::spdlog::sinks::hourly_file_sink"},
       "spdlog::sinks::stdout_sink_mt",
       {"<spdlog/sinks/stdout_sinks.h>"},
       {"sink"},
       /*AllowAutoVariable=*/true},
      {SinkFamily::BoostLog,
       {"::boost::log::sinks::text_file_backend",
        "::boost::log::sinks::text_multifile_backend"},
       "",
       {},
       {},
       false},
      {SinkFamily::Log4cxx,
       {"::log4cxx::FileAppender", "::log4cxx::RollingFileAppender",
        "::log4cxx::DailyRollingFileAppender",
        "::log4cxx::rolling::RollingFileAppender"},
       "log4cxx::ConsoleAppender",
       {"<log4cxx/consoleappender.h>"},
       {"Appender", "AppenderSkeleton", "WriterAppender", "OptionHandler",
        "Object"},
       true},
      {SinkFamily::Log4cplus,
       {"::log4cplus::FileAppenderBase", "::log4cplus::FileAppender",
        "::log4cplus::RollingFileAppender",
        "::log4cplus::DailyRollingFileAppender",
        "::log4cplus::TimeBasedRollingFileAppender"},
       "log4cplus::ConsoleAppender",
       {"<log4cplus/consoleappender.h>"},
       {"Appender", "SharedObject"},
       true},
      {SinkFamily::Poco,
       {"::Poco::FileChannel", "::Poco::SimpleFileChannel"},
       "Poco::ConsoleChannel",
       {"<Poco/ConsoleChannel.h>", "<iostream>"},
       {"Channel", "Configurable", "RefCountedObject"},
       false},
  };
  return Apis;
}

std::vector<llvm::StringRef> allSinkClassNames() {
  std::vector<llvm::StringRef> Names;
  for (const SinkApi &Api : sinkApis())
    Names.insert(Names.end(), Api.Classes.begin(), Api.Classes.end());
  return Names;
}

static bool isNamed(const CXXRecordDecl *RD, llvm::StringRef Qualified) {
  std::string Name = "::" + RD->getQualifiedNameAsString();
  if (Name == Qualified)
    return true;
  // Boost.Log and others use (inline or versioned) namespaces such as
  // boost::log::v2_mt_posix::sinks; compare without them.
  llvm::StringRef Last = Qualified.rsplit("::").second;
  if (RD->getName() != Last)
    return false;
  llvm::StringRef Top = Qualified.drop_front(2).split("::").first;
  return llvm::StringRef(Name).starts_with(("::" + Top + "::").str());
}

const SinkApi *findSinkApi(const CXXRecordDecl *Sink) {
  if (!Sink)
    return nullptr;
  llvm::SmallVector<const CXXRecordDecl *, 8> Work = {Sink};
  while (!Work.empty()) {
    const CXXRecordDecl *RD = Work.pop_back_val();
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
    for (const SinkApi &Api : sinkApis())
      for (llvm::StringRef C : Api.Classes)
        if (RD->getIdentifier() && isNamed(RD, C))
          return &Api;
    const CXXRecordDecl *Def = RD->getDefinition();
    if (!Def)
      continue;
    for (const CXXBaseSpecifier &B : Def->bases())
      if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
        Work.push_back(BR);
  }
  return nullptr;
}

static bool isSingleThreadedSpdlogSink(const CXXRecordDecl *Sink) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Sink);
  if (!Spec || Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  const CXXRecordDecl *Mutex =
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return Mutex && Mutex->getName() == "null_mutex";
}

std::string SinkApi::consoleTypeFor(const CXXRecordDecl *Sink) const {
  if (Family == SinkFamily::Spdlog)
    return isSingleThreadedSpdlogSink(Sink) ? "spdlog::sinks::stdout_sink_st"
                                            : "spdlog::sinks::stdout_sink_mt";
  return ConsoleType.str();
}

std::string SinkApi::displayName(const CXXRecordDecl *Sink) const {
  std::string Name = Sink->getQualifiedNameAsString();
  if (Family == SinkFamily::Spdlog && isa<ClassTemplateSpecializationDecl>(Sink))
    Name += isSingleThreadedSpdlogSink(Sink) ? "_st" : "_mt";
  // Drop versioned inline namespaces (boost::log::v2_mt_posix::sinks).
  size_t V = Name.find("::v2");
  if (V != std::string::npos) {
    size_t End = Name.find("::", V + 2);
    if (End != std::string::npos)
      Name.erase(V, End - V);
  }
  return Name;
}

std::string SinkApi::consoleArgs(const CXXRecordDecl *Sink,
                                 llvm::ArrayRef<const Expr *> Args,
                                 ASTContext &Ctx) const {
  switch (Family) {
  case SinkFamily::Spdlog:
    return "";
  case SinkFamily::Poco:
    return "std::cout";
  case SinkFamily::Log4cplus:
    // A properties-configured appender may name its file elsewhere.
    for (const Expr *A : Args)
      if (const auto *RD = A->getType()->getAsCXXRecordDecl())
        if (RD->getName() == "Properties")
          return NoFix.str();
    return "false, true"; // stdout, immediate flush
  case SinkFamily::Log4cxx: {
    if (Args.empty())
      return "";
    // FileAppender(layout, filename, ...) -> ConsoleAppender(layout)
    std::string Type = Args[0]->getType().getAsString();
    if (Type.find("Layout") == std::string::npos)
      return NoFix.str();
    CharSourceRange R = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Args[0]->getSourceRange()),
        Ctx.getSourceManager(), Ctx.getLangOpts());
    if (R.isInvalid())
      return NoFix.str();
    return Lexer::getSourceText(R, Ctx.getSourceManager(), Ctx.getLangOpts())
        .str();
  }
  case SinkFamily::BoostLog:
    return NoFix.str();
  }
  return NoFix.str();
}

std::vector<llvm::StringRef> spdlogFileFactories() {
  return {"::spdlog::basic_logger_mt",        "::spdlog::basic_logger_st",
          "::spdlog::rotating_logger_mt",     "::spdlog::rotating_logger_st",
          "::spdlog::daily_logger_mt",        "::spdlog::daily_logger_st",
          "::spdlog::daily_logger_format_mt", "::spdlog::daily_logger_format_st",
          "::spdlog::hourly_logger_mt",       "::spdlog::hourly_logger_st"};
}

} // namespace clang::tidy::logstream::utils
