//===--- FamiliesTest.cpp - the list of library families ------------------===//

#include "logstream/families/Families.h"
#include "utils/Compat.h"
#include "logstream/analysis/LogRecords.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "gtest/gtest.h"
#include <map>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;
namespace lf = clang::tidy::logstream::families;
namespace la = clang::tidy::logstream::analysis;

namespace {

TEST(Families, EveryFamilyHasItsOwnName) {
  std::set<std::string> Names;
  for (const auto &F : lf::families()) {
    EXPECT_FALSE(F->name().empty());
    EXPECT_TRUE(Names.insert(F->name().str()).second) << F->name().str();
  }
  EXPECT_EQ(lf::makeFamilies().size(), lf::families().size());
  // stdio, POSIX, iostreams, filesystem, spdlog, glog, Boost.Log, log4cxx,
  // log4cplus, Poco, easylogging++, Qt.
  EXPECT_EQ(Names.size(), 12u);
}

TEST(Families, EveryNameBelongsToOneFamily) {
  std::map<std::string, std::string> Owner;
  for (const auto &F : lf::families()) {
    std::vector<llvm::StringRef> Names = F->names();
    std::set<std::string> Own(Names.begin(), Names.end());
    for (llvm::StringRef Name : Own) {
      EXPECT_TRUE(Name.starts_with("::")) << Name.str();
      auto [It, New] = Owner.emplace(Name.str(), F->name().str());
      EXPECT_TRUE(New) << Name.str() << " is " << It->second << "'s and "
                       << F->name().str() << "'s";
    }
  }
  // Every table is somebody's.
  for (const std::vector<llvm::StringRef> &Table :
       {lf::allFileSinkClasses(), lf::allFileFactories(),
        lf::allRotatingClasses(), lf::allPathApis()})
    for (llvm::StringRef Name : Table)
      EXPECT_TRUE(Owner.count(Name.str())) << Name.str();
}

TEST(Families, DeleteCallsComeFromThePathTables) {
  std::vector<llvm::StringRef> Deletes = lf::allPathApis(lf::Operation::Delete);
  std::set<std::string> Got(Deletes.begin(), Deletes.end());
  std::set<std::string> Expected = {"::remove",
                                    "::std::remove",
                                    "::unlink",
                                    "::unlinkat",
                                    "::std::filesystem::remove",
                                    "::std::filesystem::remove_all",
                                    "::boost::filesystem::remove",
                                    "::boost::filesystem::remove_all"};
  EXPECT_EQ(Got, Expected);
}

/// `::a::b::C` declared as `namespace a { namespace b { class C {}; } }`.
std::string declare(llvm::StringRef Qualified, llvm::StringRef Body = "") {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Qualified.drop_front(2).split(Parts, "::");
  std::string Code;
  for (llvm::StringRef NS : llvm::ArrayRef<llvm::StringRef>(Parts).drop_back())
    Code += ("namespace " + NS + " { ").str();
  Code += ("class " + Parts.back() + " {" + Body + "}; ").str();
  for (size_t I = 1; I < Parts.size(); ++I)
    Code += "} ";
  return Code + "\n";
}

const CXXRecordDecl *classNamed(ASTContext &Ctx, llvm::StringRef Qualified) {
  auto M =
      match(cxxRecordDecl(hasName(Qualified), isDefinition()).bind("c"), Ctx);
  return M.empty() ? nullptr : M[0].getNodeAs<CXXRecordDecl>("c");
}

TEST(Families, EveryFileSinkClassIsFoundInItsFamily) {
  std::string Code;
  for (llvm::StringRef Name : lf::allFileSinkClasses())
    Code += declare(Name);
  // A project's own sink derived from a library's.
  Code += "class AuditSink : public ::Poco::FileChannel {};\n";
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"}, "input.cpp");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  for (const auto &F : lf::families())
    for (const lf::LibrarySink &Sink : F->fileSinks())
      for (llvm::StringRef Name : Sink.Classes) {
        const CXXRecordDecl *RD = classNamed(Ctx, Name);
        ASSERT_TRUE(RD) << Name.str();
        lf::SinkLookup L = lf::findFileSink(RD);
        EXPECT_EQ(L.Owner, F.get()) << Name.str();
        EXPECT_EQ(L.Sink, &Sink) << Name.str();
      }
  lf::SinkLookup Derived = lf::findFileSink(classNamed(Ctx, "::AuditSink"));
  ASSERT_TRUE(Derived.Owner);
  EXPECT_EQ(Derived.Owner->name(), "Poco");
  EXPECT_EQ(lf::sinkDisplayName(classNamed(Ctx, "::AuditSink")), "AuditSink");
}

TEST(Families, VersionedNamespacesDoNotCount) {
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      "namespace boost { namespace log { inline namespace v2_mt_posix {"
      "  namespace sinks { class text_file_backend {}; } } } }\n"
      "namespace mine { class text_file_backend {}; }\n",
      {"-std=c++17"}, "input.cpp");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  auto M = match(cxxRecordDecl(hasName("text_file_backend"), isDefinition(),
                               hasAncestor(namespaceDecl(hasName("boost"))))
                     .bind("c"),
                 Ctx);
  ASSERT_EQ(M.size(), 1u);
  const auto *RD = M[0].getNodeAs<CXXRecordDecl>("c");
  lf::SinkLookup L = lf::findFileSink(RD);
  ASSERT_TRUE(L.Owner);
  EXPECT_EQ(L.Owner->name(), "Boost.Log");
  EXPECT_EQ(lf::sinkDisplayName(RD), "boost::log::sinks::text_file_backend");
  // The same class name in another namespace is no sink.
  EXPECT_FALSE(
      lf::findFileSink(classNamed(Ctx, "::mine::text_file_backend")).Owner);
}

TEST(Families, PathCallsAreFoundThroughInlineNamespaces) {
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      "namespace std { namespace filesystem { inline namespace __cxx11 {"
      "  bool remove(const char *); } } }\n"
      "int renameat(int, const char *, int, const char *);\n"
      "int fchmod(int, unsigned);\n",
      {"-std=c++17"}, "input.cpp");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  auto Fn = [&](llvm::StringRef Name) {
    auto M = match(functionDecl(hasName(Name)).bind("f"), Ctx);
    return M.empty() ? nullptr : M[0].getNodeAs<FunctionDecl>("f");
  };
  const lf::PathApi *Remove = lf::findPathApi(Fn("::std::filesystem::remove"));
  ASSERT_TRUE(Remove);
  EXPECT_EQ(Remove->Op, lf::Operation::Delete);
  EXPECT_EQ(lf::apiName(Fn("::std::filesystem::remove")),
            "std::filesystem::remove");
  const lf::PathApi *RenameAt = lf::findPathApi(Fn("::renameat"));
  ASSERT_TRUE(RenameAt);
  EXPECT_EQ(RenameAt->Op, lf::Operation::Rotate);
  EXPECT_EQ(RenameAt->PathArgs, (std::vector<unsigned>{1, 3}));
  const lf::PathApi *Fchmod = lf::findPathApi(Fn("::fchmod"));
  ASSERT_TRUE(Fchmod);
  EXPECT_TRUE(Fchmod->Descriptor);
}

TEST(Families, LoggingMacrosOfEveryFamily) {
  for (const char *Whole :
       {"SPDLOG_INFO", "LOG4CXX_WARN", "LOG4CPLUS_ERROR", "poco_information",
        "BOOST_LOG_TRIVIAL", "BOOST_LOG_SEV", "ELPP_INFO", "CLOG"}) {
    EXPECT_TRUE(la::isLibraryLoggingMacro(Whole, false)) << Whole;
    EXPECT_TRUE(la::isLibraryLoggingMacro(Whole, true)) << Whole;
  }
  // glog's stream macros count only where stream records are judged whole.
  for (const char *Stream : {"LOG", "VLOG", "PLOG_IF", "LOG_EVERY_N"}) {
    EXPECT_FALSE(la::isLibraryLoggingMacro(Stream, false)) << Stream;
    EXPECT_TRUE(la::isLibraryLoggingMacro(Stream, true)) << Stream;
  }
  // Look-alikes; and Qt's records are judged by their category instead.
  for (const char *Other : {"CLOGX", "LOGGER", "LOG_INFO", "MY_SPDLOG_INFO",
                            "qDebug", "qCWarning", "printf"})
    EXPECT_FALSE(la::isLibraryLoggingMacro(Other, true)) << Other;
}

TEST(Families, InlineNamespacesAreDroppedFromNames) {
  EXPECT_EQ(lf::withoutInlineNamespaces("std::filesystem::__cxx11::remove"),
            "std::filesystem::remove");
  EXPECT_EQ(lf::withoutInlineNamespaces(
                "boost::log::v2_mt_posix::sinks::text_file_backend"),
            "boost::log::sinks::text_file_backend");
  EXPECT_EQ(lf::withoutInlineNamespaces("spdlog::sinks::basic_file_sink"),
            "spdlog::sinks::basic_file_sink");
}

} // namespace
