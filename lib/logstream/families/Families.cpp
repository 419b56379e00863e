//===--- Families.cpp - The one list of library families ------------------===//
//
// To add a family: write families/<Family>.{h,cpp} (see Family.h and
// docs/architecture.md), then add its factory to the list below.
//
//===----------------------------------------------------------------------===//

#include "logstream/families/Families.h"
#include "logstream/families/BoostLog.h"
#include "logstream/families/Easylogging.h"
#include "logstream/families/Filesystem.h"
#include "logstream/families/Glog.h"
#include "logstream/families/Iostreams.h"
#include "logstream/families/Log4.h"
#include "logstream/families/Poco.h"
#include "logstream/families/Posix.h"
#include "logstream/families/Qt.h"
#include "logstream/families/Spdlog.h"
#include "logstream/families/Stdio.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::logstream::families {

FamilyList makeFamilies() {
  using Factory = std::unique_ptr<Family> (*)();
  static constexpr Factory List[] = {
      makeStdio,     makePosix, makeIostreams,   makeFilesystem,
      makeSpdlog,    makeGlog,  makeBoostLog,    makeLog4cxx,
      makeLog4cplus, makePoco,  makeEasylogging, makeQt,
  };
  FamilyList Families;
  for (Factory Make : List)
    Families.push_back(Make());
  return Families;
}

const FamilyList &families() {
  static const FamilyList Shared = makeFamilies();
  return Shared;
}

SinkLookup findFileSink(const CXXRecordDecl *Sink) {
  if (!Sink)
    return {};
  llvm::SmallVector<const CXXRecordDecl *, 8> Work = {Sink};
  while (!Work.empty()) {
    const CXXRecordDecl *RD = Work.pop_back_val();
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
    for (const std::unique_ptr<Family> &F : families())
      for (const LibrarySink &Api : F->fileSinks())
        for (llvm::StringRef C : Api.Classes)
          if (isClassNamed(RD, C))
            return {F.get(), &Api};
    const CXXRecordDecl *Def = RD->getDefinition();
    if (!Def)
      continue;
    for (const CXXBaseSpecifier &B : Def->bases())
      if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
        Work.push_back(BR);
  }
  return {};
}

std::string sinkDisplayName(const CXXRecordDecl *Sink) {
  SinkLookup L = findFileSink(Sink);
  return L.Owner ? L.Owner->displayName(Sink)
                 : Sink->getQualifiedNameAsString();
}

const PathApi *findPathApi(const FunctionDecl *FD) {
  std::string Name = "::" + FD->getQualifiedNameAsString();
  // Inline namespaces (std::filesystem::__cxx11) do not count.
  for (const std::unique_ptr<Family> &F : families())
    for (const PathApi &Api : F->pathApis()) {
      if (Name == Api.Name)
        return &Api;
      llvm::StringRef Last = Api.Name.rsplit("::").second;
      llvm::StringRef Scope = Api.Name.rsplit("::").first;
      if (FD->getName() == Last &&
          llvm::StringRef(Name).starts_with(Scope.str() + "::"))
        return &Api;
    }
  return nullptr;
}

std::vector<llvm::StringRef> allFileSinkClasses() {
  std::vector<llvm::StringRef> Names;
  for (const std::unique_ptr<Family> &F : families())
    for (const LibrarySink &S : F->fileSinks())
      Names.insert(Names.end(), S.Classes.begin(), S.Classes.end());
  return Names;
}

template <typename Table>
static std::vector<llvm::StringRef> collect(Table Of) {
  std::vector<llvm::StringRef> Names;
  for (const std::unique_ptr<Family> &F : families()) {
    auto Rows = Of(*F);
    Names.insert(Names.end(), Rows.begin(), Rows.end());
  }
  return Names;
}

std::vector<llvm::StringRef> allFileFactories() {
  return collect([](const Family &F) { return F.fileFactories(); });
}

std::vector<llvm::StringRef> allRotatingClasses() {
  return collect([](const Family &F) { return F.rotatingClasses(); });
}

std::vector<llvm::StringRef> allPathApis(std::optional<Operation> Only) {
  std::vector<llvm::StringRef> Names;
  for (const std::unique_ptr<Family> &F : families())
    for (const PathApi &Api : F->pathApis())
      if (!Only || Api.Op == *Only)
        Names.push_back(Api.Name);
  return Names;
}

} // namespace clang::tidy::logstream::families
