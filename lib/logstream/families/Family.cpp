//===--- Family.cpp - What a logging library family tells the checks ------===//

#include "logstream/families/Family.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/Parents.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::logstream::families {

CheckHost::~CheckHost() = default;
Family::~Family() = default;

std::vector<llvm::StringRef> Family::names() const {
  std::vector<llvm::StringRef> Names;
  for (const LibrarySink &S : fileSinks())
    Names.insert(Names.end(), S.Classes.begin(), S.Classes.end());
  std::vector<llvm::StringRef> Other = otherNames();
  for (llvm::ArrayRef<llvm::StringRef> Table :
       {fileFactories(), rotatingClasses(),
        llvm::ArrayRef<llvm::StringRef>(Other)})
    Names.insert(Names.end(), Table.begin(), Table.end());
  for (const PathApi &Api : pathApis())
    Names.push_back(Api.Name);
  return Names;
}

std::string Family::consoleTypeFor(const LibrarySink &Api,
                                   const CXXRecordDecl *) const {
  return Api.ConsoleType.str();
}

std::optional<std::string> Family::consoleArgs(const CXXRecordDecl *,
                                               llvm::ArrayRef<const Expr *>,
                                               ASTContext &) const {
  return std::nullopt;
}

std::string Family::displayName(const CXXRecordDecl *Sink) const {
  return apiName(Sink);
}

bool initializesBase(const CXXConstructExpr &E, ASTContext &Ctx) {
  auto Parents = utils::parentsOf(E, Ctx);
  if (Parents.size() != 1)
    return false;
  if (const auto *Init = Parents[0].get<CXXCtorInitializer>())
    return Init->isBaseInitializer();
  // Some LLVM versions parent initializer expressions to the constructor.
  if (const auto *Ctor = Parents[0].get<CXXConstructorDecl>())
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit() == &E)
        return Init->isBaseInitializer();
  return false;
}

bool initializesNewObject(const CXXConstructExpr &E, ASTContext &Ctx) {
  auto Parents = utils::parentsOf(E, Ctx);
  return llvm::any_of(Parents, [](const DynTypedNode &P) {
    return P.get<CXXNewExpr>() != nullptr;
  });
}

std::string withoutInlineNamespaces(std::string Name) {
  // libstdc++'s std::filesystem::__cxx11.
  size_t Inline = Name.find("::__cxx11");
  if (Inline != std::string::npos)
    Name.erase(Inline, 9);
  // Boost.Log's versioned namespaces (boost::log::v2_mt_posix::sinks).
  size_t V = Name.find("::v2");
  if (V != std::string::npos) {
    size_t End = Name.find("::", V + 2);
    if (End != std::string::npos)
      Name.erase(V, End - V);
  }
  return Name;
}

std::string apiName(const NamedDecl *D) {
  return withoutInlineNamespaces(D->getQualifiedNameAsString());
}

bool isClassNamed(const CXXRecordDecl *RD, llvm::StringRef Qualified) {
  if (!RD->getIdentifier())
    return false;
  std::string Name = "::" + RD->getQualifiedNameAsString();
  if (Name == Qualified)
    return true;
  // Compare without inline or versioned namespaces.
  llvm::StringRef Last = Qualified.rsplit("::").second;
  if (RD->getName() != Last)
    return false;
  llvm::StringRef Top = Qualified.drop_front(2).split("::").first;
  return llvm::StringRef(Name).starts_with(("::" + Top + "::").str());
}

DynTypedNode valueParent(const Expr *E, ASTContext &Ctx, const Expr *&Child) {
  DynTypedNode Node = DynTypedNode::create(*E);
  Child = E;
  while (true) {
    auto Parents = utils::parentsOf(Node, Ctx);
    if (Parents.empty())
      return {};
    // An element of a braced list has two parents, the syntactic and the
    // semantic form of the list; the semantic path carries conversions.
    DynTypedNode Parent = Parents[0];
    if (Parents.size() > 1) {
      for (const DynTypedNode &Candidate : Parents)
        if (!Candidate.get<InitListExpr>()) {
          Parent = Candidate;
          break;
        }
    }
    const Expr *P = Parent.get<Expr>();
    if (isa_and_nonnull<ParenExpr, MaterializeTemporaryExpr,
                        CXXBindTemporaryExpr, ExprWithCleanups>(P)) {
      Node = Parent;
      Child = P;
      continue;
    }
    return Parent;
  }
}

std::vector<llvm::StringRef>
concat(std::initializer_list<llvm::ArrayRef<llvm::StringRef>> Tables) {
  std::vector<llvm::StringRef> Names;
  for (llvm::ArrayRef<llvm::StringRef> Table : Tables)
    Names.insert(Names.end(), Table.begin(), Table.end());
  return Names;
}

std::vector<llvm::StringRef> makeFunctions(bool WithAllocators) {
  std::vector<llvm::StringRef> Names = {
      "::std::make_shared", "::std::make_unique", "::boost::make_shared"};
  if (WithAllocators)
    Names.insert(Names.end(),
                 {"::std::allocate_shared", "::boost::allocate_shared"});
  return Names;
}

std::optional<FixItHint> removalOf(const Expr *E, ASTContext &Ctx) {
  if (const Expr *S = utils::asDiscardedStatement(E, Ctx))
    return utils::removeStatement(S, Ctx);
  return std::nullopt;
}

} // namespace clang::tidy::logstream::families
