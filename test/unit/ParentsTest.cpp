//===--- ParentsTest.cpp - utils::UserParentMaps --------------------------===//

#include "utils/Parents.h"
#include "utils/Compat.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace {

using namespace clang;
using clang::tidy::logstream::utils::parentsOf;
using clang::tidy::logstream::utils::UserParentMaps;

// What real code holds: namespaces (reopened), extern "C", classes with
// inline and out-of-line members, templates and their instantiations,
// lambdas, local classes, a struct declared with its variable, macros
// around statements, braced lists (two parents: syntactic and semantic
// forms), a global initializer.
const char *const Code = R"cpp(
  #define LOG_CALL(f, x) do { f(x); } while (0)
  extern "C" { int open(const char *, int); int puts(const char *); }
  namespace app {
  struct Config { const char *path; int level; };
  struct { int fd; } g_log = {2};
  template <typename T> T twice(T v) { return v + v; }
  class Sink {
  public:
    explicit Sink(const Config &c) : fd_(open(c.path, c.level)) {}
    int write(const char *m);
    template <typename F> void each(F f) { for (int i = 0; i < 2; ++i) f(i); }
  private:
    int fd_;
  };
  }
  namespace app {
  int Sink::write(const char *m) {
    struct Local { static int len(const char *s) { int n = 0; while (s[n]) ++n; return n; } };
    int n = Local::len(m);
    LOG_CALL(puts, m);
    each([&](int i) { n += twice(i); });
    Config copies[2] = {{"a.log", 1}, {"b.log", 2}};
    return n + copies[1].level;
  }
  }
  int total = app::twice(21);
)cpp";

/// Every declaration and statement of the unit, instantiations and
/// implicit code included.
class Collect : public RecursiveASTVisitor<Collect> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitDecl(Decl *D) {
    if (!isa<TranslationUnitDecl>(D))
      Nodes.push_back(DynTypedNode::create(*D));
    return true;
  }
  bool VisitStmt(Stmt *S) {
    Nodes.push_back(DynTypedNode::create(*S));
    return true;
  }
  std::vector<DynTypedNode> Nodes;
};

std::vector<const void *> keys(const DynTypedNodeList &L) {
  std::vector<const void *> K;
  for (const DynTypedNode &N : L)
    K.push_back(N.getMemoizationData());
  std::sort(K.begin(), K.end());
  return K;
}

// The maps of one declaration at a time answer as the context's map of the
// whole scope does, for every node.
TEST(UserParentMaps, AnswerAsTheContextsMap) {
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
  ASTContext &Ctx = AST->getASTContext();
  std::vector<Decl *> Scope(Ctx.getTranslationUnitDecl()->decls_begin(),
                            Ctx.getTranslationUnitDecl()->decls_end());
  Ctx.setTraversalScope(Scope);
  Collect C;
  C.TraverseAST(Ctx);
  ASSERT_GT(C.Nodes.size(), 200u);
  // The context's answers first (the maps narrow the scope while they
  // build, which drops the context's map).
  std::vector<std::vector<const void *>> Expected;
  for (const DynTypedNode &N : C.Nodes)
    Expected.push_back(keys(Ctx.getParents(N)));
  UserParentMaps Maps(Ctx, Scope);
  for (size_t I = 0; I < C.Nodes.size(); ++I) {
    EXPECT_EQ(keys(parentsOf(C.Nodes[I], Ctx)), Expected[I])
        << C.Nodes[I].getNodeKind().asStringRef().str() << " at "
        << C.Nodes[I].getSourceRange().getBegin().printToString(
               Ctx.getSourceManager());
    // (A braced list's syntactic form is in neither map.)
    if (Expected[I].empty() && !C.Nodes[I].get<InitListExpr>())
      ADD_FAILURE() << "no parent: "
                    << C.Nodes[I].getNodeKind().asStringRef().str();
  }
}

// Outside a run the context answers.
TEST(UserParentMaps, OnlyWhileLive) {
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs("int f() { return 1; }", {});
  ASTContext &Ctx = AST->getASTContext();
  FunctionDecl *F = nullptr;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (auto *FD = dyn_cast<FunctionDecl>(D); FD && FD->getName() == "f")
      F = FD;
  ASSERT_TRUE(F);
  Ctx.setTraversalScope({F});
  DynTypedNode Body = DynTypedNode::create(*F->getBody());
  {
    UserParentMaps Maps(Ctx, {F});
    ASSERT_EQ(parentsOf(Body, Ctx).size(), 1u);
    EXPECT_EQ(parentsOf(Body, Ctx)[0].get<FunctionDecl>(), F);
    // The top of a declaration's map: its lexical context.
    EXPECT_TRUE(
        parentsOf(DynTypedNode::create(*F), Ctx)[0].get<TranslationUnitDecl>());
  }
  ASSERT_EQ(parentsOf(Body, Ctx).size(), 1u);
  EXPECT_EQ(parentsOf(Body, Ctx)[0].get<FunctionDecl>(), F);
}

} // namespace
