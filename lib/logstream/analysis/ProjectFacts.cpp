//===--- ProjectFacts.cpp - Merged facts about the project's own wrappers -===//

#include "logstream/analysis/ProjectFacts.h"
#include "utils/Compat.h"
#include "utils/Expressions.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

namespace clang::tidy::logstream::analysis {

namespace json = llvm::json;

std::string fileDigest(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "";
  return llvm::utohexstr(compat::hash64((*Buffer)->getBuffer()),
                         /*LowerCase=*/true, /*Width=*/16);
}

std::string definitionFile(const Decl *D) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
  llvm::StringRef Name = compat::fileIDName(SM, SM.getFileID(Loc));
  if (Name.empty())
    return "";
  llvm::SmallString<256> Path(Name);
  (void)llvm::sys::fs::make_absolute(Path); // kept relative on failure
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

std::string functionKey(const FunctionDecl *FD) {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def)
    Def = FD;
  std::string Key;
  if (!Def->isExternallyVisible())
    Key = definitionFile(Def) + "!";
  Key += Def->getQualifiedNameAsString();
  Key += "/" + std::to_string(Def->getNumParams());
  return Key;
}

std::string handleKey(const NamedDecl *D) {
  std::string Key;
  if (const auto *VD = dyn_cast<VarDecl>(D))
    if (!VD->isExternallyVisible())
      Key = definitionFile(VD) + "!";
  return Key + D->getQualifiedNameAsString();
}

bool isAuthFacility(int64_t Priority) {
  int64_t Facility = Priority & 0x03f8;
  return Facility == (4 << 3) || Facility == (10 << 3);
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

namespace {

bool readChain(const json::Object *O, Chain &Out) {
  const json::Array *A = O ? O->getArray("chain") : nullptr;
  if (!A)
    return false;
  for (const json::Value &V : *A) {
    const json::Object *S = V.getAsObject();
    if (!S || !S->getString("text") || !S->getString("at"))
      return false;
    Out.push_back({S->getString("text")->str(), S->getString("at")->str()});
  }
  return true;
}

std::optional<unsigned> readIndex(const json::Object &O, llvm::StringRef Key) {
  if (std::optional<int64_t> I = compat::toStd(O.getInteger(Key)))
    if (*I >= 0 && *I < 256)
      return static_cast<unsigned>(*I);
  return std::nullopt;
}

bool readPath(const json::Array *A, PathTemplate &Out) {
  if (!A)
    return false;
  for (const json::Value &V : *A) {
    if (std::optional<llvm::StringRef> S = compat::toStd(V.getAsString()))
      Out.push_back({PathPart::Literal, S->str(), 0});
    else if (std::optional<int64_t> I = compat::toStd(V.getAsInteger()))
      Out.push_back({PathPart::Param, "", static_cast<unsigned>(*I)});
    else if (V.getAsNull())
      Out.push_back({PathPart::Unknown, "", 0});
    else
      return false;
  }
  return true;
}

bool readEffects(const json::Object &F, llvm::StringRef Key,
                 std::vector<PathEffect> &Out) {
  const json::Array *A = F.getArray(Key);
  if (!A)
    return true; // absent: none
  for (const json::Value &V : *A) {
    const json::Object *E = V.getAsObject();
    PathEffect P;
    if (!E || !readPath(E->getArray("path"), P.Path) || !readChain(E, P.Why) ||
        !E->getString("api"))
      return false;
    P.Api = E->getString("api")->str();
    if (auto Op = E->getString("op"))
      P.Operation = Op->str();
    P.ModeParam = readIndex(*E, "mode_param");
    P.FlagsParam = readIndex(*E, "flags_param");
    P.UnlessParam = readIndex(*E, "unless_param");
    P.ReturnsHandle = compat::toStd(E->getBoolean("returns")).value_or(false);
    if (auto Local = E->getString("local_path"))
      P.LocalPath = Local->str();
    Out.push_back(std::move(P));
  }
  return true;
}

bool readFunction(llvm::StringRef Key, const json::Object &F,
                  FunctionFacts &Out) {
  Out.Key = Key.str();
  if (!F.getString("name") || !F.getString("file") || !F.getString("digest"))
    return false;
  Out.Name = F.getString("name")->str();
  Out.File = F.getString("file")->str();
  Out.Digest = F.getString("digest")->str();
  if (!readEffects(F, "opens", Out.Opens) ||
      !readEffects(F, "manages", Out.Manages))
    return false;
  if (const json::Object *L = F.getObject("logging")) {
    LoggingFact Log;
    if (!L->getString("dest") || !readChain(L, Log.Why))
      return false;
    Log.Destination = L->getString("dest")->str();
    Log.Facility = compat::toStd(L->getInteger("facility"));
    Log.FacilityParam = readIndex(*L, "facility_param");
    Out.Logging = std::move(Log);
  }
  if (std::optional<llvm::StringRef> C = compat::toStd(F.getString("compares")))
    Out.Compares = C->str();
  Out.ComparesEqual =
      compat::toStd(F.getBoolean("compares_equal")).value_or(false);
  if (const json::Object *R = F.getObject("security_record")) {
    Chain Why;
    if (!readChain(R, Why))
      return false;
    Out.SecurityRecord = std::move(Why);
  }
  if (const json::Object *S = F.getObject("security_op")) {
    SecurityOperationFact Op;
    if (!S->getString("event") || !readChain(S, Op.Why))
      return false;
    Op.Event = S->getString("event")->str();
    Op.TrueIsSuccess =
        compat::toStd(S->getBoolean("true_is_success")).value_or(true);
    Out.SecurityOperation = std::move(Op);
  }
  return true;
}

} // namespace

std::shared_ptr<const ProjectFacts> ProjectFacts::parse(llvm::StringRef Text,
                                                        std::string &Error) {
  llvm::Expected<json::Value> Doc = json::parse(Text);
  if (!Doc) {
    Error = "not valid JSON (truncated?): " + llvm::toString(Doc.takeError());
    return nullptr;
  }
  const json::Object *Root = Doc->getAsObject();
  if (!Root || compat::toStd(Root->getString("format")) !=
                   std::optional<llvm::StringRef>(FactsFormat)) {
    Error = "not a logstream facts file (no \"format\": \"logstream-facts\")";
    return nullptr;
  }
  std::optional<int64_t> Version = compat::toStd(Root->getInteger("version"));
  if (Version != FactsVersion) {
    Error = "facts file version " + std::to_string(Version.value_or(0)) +
            " is not supported (this logstream-tidy reads version " +
            std::to_string(FactsVersion) +
            "); regenerate it with "
            "'logstream-ci facts'";
    return nullptr;
  }
  auto Facts = std::make_shared<ProjectFacts>();
  const json::Object *Functions = Root->getObject("functions");
  if (!Functions) {
    Error = "no \"functions\" object";
    return nullptr;
  }
  for (const auto &[Key, Value] : *Functions) {
    const json::Object *F = Value.getAsObject();
    FunctionFacts Parsed;
    if (!F || !readFunction(Key, *F, Parsed)) {
      Error = "malformed entry for '" + Key.str() + "'";
      return nullptr;
    }
    Facts->Functions[Key] = std::move(Parsed);
  }
  if (const json::Object *Handles = Root->getObject("log_handles"))
    for (const auto &[Key, Value] : *Handles) {
      Chain Why;
      if (!readChain(Value.getAsObject(), Why)) {
        Error = "malformed log handle '" + Key.str() + "'";
        return nullptr;
      }
      Facts->LogHandles[Key] = std::move(Why);
    }
  Facts->OpenlogFacility = compat::toStd(Root->getInteger("openlog_facility"));
  return Facts;
}

/// Resolves a relative facts path against the current directory, then the
/// directories above the file being checked (where a project's .clang-tidy
/// usually sits).
static std::string resolveFactsPath(llvm::StringRef Name,
                                    llvm::StringRef MainFile) {
  if (llvm::sys::path::is_absolute(Name) || llvm::sys::fs::exists(Name))
    return Name.str();
  llvm::SmallString<256> Dir(MainFile);
  (void)llvm::sys::fs::make_absolute(Dir); // kept relative on failure
  while (llvm::sys::path::has_parent_path(Dir)) {
    llvm::sys::path::remove_filename(Dir);
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, Name);
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
    if (Dir == llvm::sys::path::root_path(Dir))
      break;
  }
  return Name.str();
}

std::shared_ptr<const ProjectFacts>
ProjectFacts::get(ClangTidyContext &Context, const ClangTidyCheck &Check) {
  std::string Name;
  if (std::optional<std::string> Env =
          compat::toStd(llvm::sys::Process::GetEnv(FactsFileEnv))) {
    Name = *Env;
  } else {
    const auto &Opts = Context.getOptions().CheckOptions;
    auto It = Opts.find(FactsFileOption);
    if (It != Opts.end())
      Name = It->second.Value;
  }
  if (Name.empty())
    return nullptr;
  std::string Path = resolveFactsPath(Name, Context.getCurrentFile());

  // One read per process; one error message per process.
  static std::map<std::string, std::shared_ptr<const ProjectFacts>> Loaded;
  static llvm::StringSet<> Failed;
  if (auto It = Loaded.find(Path); It != Loaded.end())
    return It->second;
  std::string Error;
  std::shared_ptr<const ProjectFacts> Facts;
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    Error = "cannot read it: " + Buffer.getError().message();
  else
    Facts = parse((*Buffer)->getBuffer(), Error);
  if (!Facts) {
    if (Failed.insert(Path).second)
      Check.configurationDiag("invalid project facts file '%0' (option '%1'): "
                              "%2",
                              DiagnosticIDs::Error)
          << Path << FactsFileOption << Error;
    return nullptr;
  }
  std::const_pointer_cast<ProjectFacts>(Facts)->Source = Path;
  Loaded[Path] = Facts;
  return Facts;
}

//===----------------------------------------------------------------------===//
// Lookup
//===----------------------------------------------------------------------===//

bool ProjectFacts::fresh(const FunctionFacts &F) const {
  static llvm::StringMap<std::string> Digests;
  static llvm::StringSet<> Warned;
  auto It = Digests.find(F.File);
  if (It == Digests.end())
    It = Digests.insert({F.File, fileDigest(F.File)}).first;
  if (It->second == F.Digest)
    return true;
  if (Warned.insert(F.Key).second)
    llvm::errs() << "logstream-tidy: note: ignoring stale project facts for '"
                 << F.Name << "': " << F.File
                 << (It->second.empty()
                         ? " no longer exists"
                         : " changed since " + Source + " was written")
                 << "; run 'logstream-ci facts' again\n";
  return false;
}

const FunctionFacts *ProjectFacts::lookup(const FunctionDecl *FD) const {
  if (!FD || Functions.empty())
    return nullptr;
  auto It = Functions.find(functionKey(FD));
  if (It == Functions.end() || !fresh(It->second))
    return nullptr;
  return &It->second;
}

std::vector<std::string> ProjectFacts::namesWithOpens() const {
  std::vector<std::string> Names;
  for (const auto &E : Functions)
    if (!E.second.Opens.empty())
      Names.push_back("::" + E.second.Name);
  llvm::sort(Names);
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  return Names;
}

std::vector<std::string> ProjectFacts::namesWithLogging() const {
  std::vector<std::string> Names;
  for (const auto &E : Functions)
    if (E.second.Logging || E.second.SecurityRecord)
      Names.push_back("::" + E.second.Name);
  llvm::sort(Names);
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  return Names;
}

std::vector<std::string> ProjectFacts::namesWithManages() const {
  std::vector<std::string> Names;
  for (const auto &E : Functions)
    if (!E.second.Manages.empty())
      Names.push_back("::" + E.second.Name);
  llvm::sort(Names);
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  return Names;
}

std::vector<const FunctionFacts *> ProjectFacts::securityOperations() const {
  std::vector<const FunctionFacts *> Ops;
  for (const auto &E : Functions)
    if (E.second.SecurityOperation)
      Ops.push_back(&E.second);
  llvm::sort(Ops, [](const FunctionFacts *A, const FunctionFacts *B) {
    return A->Key < B->Key;
  });
  return Ops;
}

const Chain *ProjectFacts::logHandle(const NamedDecl *D) const {
  if (!D || LogHandles.empty() || !D->getIdentifier())
    return nullptr;
  auto It = LogHandles.find(handleKey(D));
  return It == LogHandles.end() ? nullptr : &It->second;
}

bool ProjectFacts::isLoggingCall(const CallExpr *Call) const {
  const FunctionFacts *F = lookup(Call->getDirectCallee());
  return F && (F->Logging || F->SecurityRecord);
}

bool ProjectFacts::isSecurityRecordCall(const CallExpr *Call,
                                        ASTContext &Ctx) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return false;
  auto Priority = [&](unsigned Index) -> std::optional<int64_t> {
    Expr::EvalResult R;
    if (Index < Call->getNumArgs() &&
        Call->getArg(Index)->EvaluateAsInt(R, Ctx))
      return R.Val.getInt().getExtValue();
    return std::nullopt;
  };
  // syslog(LOG_ERR, ...) in a program whose openlog names LOG_AUTHPRIV.
  if ((Callee->getName() == "syslog" || Callee->getName() == "vsyslog") &&
      Callee->getDeclContext()->getRedeclContext()->isTranslationUnit()) {
    std::optional<int64_t> P = Priority(0);
    return P && (*P & 0x03f8) == 0 && OpenlogFacility &&
           isAuthFacility(*OpenlogFacility);
  }
  const FunctionFacts *F = lookup(Callee);
  if (!F)
    return false;
  if (F->SecurityRecord)
    return true;
  if (!F->Logging || F->Logging->Destination != "syslog")
    return false;
  std::optional<int64_t> P = F->Logging->Facility;
  if (F->Logging->FacilityParam)
    P = Priority(*F->Logging->FacilityParam);
  if (!P)
    return false;
  if ((*P & 0x03f8) == 0)
    return OpenlogFacility && isAuthFacility(*OpenlogFacility);
  return isAuthFacility(*P);
}

std::string ProjectFacts::instantiate(const PathEffect &Effect,
                                      llvm::ArrayRef<const Expr *> Args,
                                      ASTContext &Ctx,
                                      const Expr **WholeArg) const {
  std::string Path;
  *WholeArg = nullptr;
  if (Effect.Path.size() == 1 && Effect.Path[0].K == PathPart::Param &&
      Effect.Path[0].Index < Args.size())
    *WholeArg = Args[Effect.Path[0].Index];
  for (const PathPart &P : Effect.Path) {
    switch (P.K) {
    case PathPart::Literal:
      Path += P.Text;
      break;
    case PathPart::Unknown:
      Path += utils::UnknownPathPart;
      break;
    case PathPart::Param:
      if (P.Index < Args.size())
        if (std::optional<std::string> V =
                utils::resolvePathValue(Args[P.Index], Ctx)) {
          Path += *V;
          break;
        }
      Path += utils::UnknownPathPart;
      break;
    }
  }
  return Path;
}

void matchSummarizedCalls(ast_matchers::MatchFinder *Finder,
                          ast_matchers::MatchFinder::MatchCallback *Callback,
                          const std::vector<std::string> &Names) {
  using namespace ast_matchers;
  if (Names.empty())
    return;
  std::vector<llvm::StringRef> Refs(Names.begin(), Names.end());
  Finder->addMatcher(callExpr(utils::calleeNamed(Refs)).bind(SummarizedCallId),
                     Callback);
  Finder->addMatcher(cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                                          utils::hasAnyNameFast(Refs))))
                         .bind(SummarizedCallId),
                     Callback);
}

const FunctionDecl *
summarizedCallee(const Expr *Call, llvm::SmallVectorImpl<const Expr *> &Args) {
  const FunctionDecl *FD = nullptr;
  if (const auto *C = dyn_cast<CallExpr>(Call)) {
    FD = C->getDirectCallee();
    unsigned First =
        isa<CXXOperatorCallExpr>(C) && isa_and_nonnull<CXXMethodDecl>(FD) ? 1
                                                                          : 0;
    for (unsigned I = First; I < C->getNumArgs(); ++I)
      Args.push_back(C->getArg(I));
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(Call)) {
    FD = CE->getConstructor();
    for (const Expr *A : CE->arguments())
      Args.push_back(A);
  }
  return FD;
}

const FunctionFacts *
ProjectFacts::calleeFacts(const Expr *Call,
                          llvm::SmallVectorImpl<const Expr *> &Args) const {
  return lookup(summarizedCallee(Call, Args));
}

ProjectFacts::Verdict
ProjectFacts::judge(const Expr *Call, const PathEffect &Effect,
                    llvm::ArrayRef<const Expr *> Args, ASTContext &Ctx,
                    const utils::LogFileClassifier &Classifier,
                    bool Opens) const {
  const Expr *Whole = nullptr;
  Verdict V{Judgement::NotLog, "", &Effect.Why};
  std::string Alone = instantiate(Effect, {}, Ctx, &Whole);
  if (Classifier.isLogPath(Alone)) {
    // Written where the callee opens it directly and readable there: the
    // open is reported there. Through a further helper: at that call, from
    // the facts of the function that makes it (below).
    if (Effect.Why.size() > 1 ||
        (Effect.LocalPath && Classifier.isLogPath(*Effect.LocalPath))) {
      V.Kind = Judgement::ReportedInside;
      return V;
    }
  }
  std::string Path = instantiate(Effect, Args, Ctx, &Whole);
  if (Classifier.isAllowedPath(Path))
    return V;
  if (Classifier.isLogPath(Path)) {
    V.Kind = Judgement::Log;
    V.Shown = Path;
    return V;
  }
  if (Whole && Classifier.isLogPathExpr(Whole, Ctx, &V.Shown)) {
    V.Kind = Judgement::Log;
    return V;
  }
  // The function making this call builds the path in ways the checks do not
  // read (snprintf): its own facts say what this call opens.
  const FunctionDecl *Enclosing = utils::enclosingFunction(Call, Ctx);
  const FunctionFacts *Own = Enclosing ? lookup(Enclosing) : nullptr;
  if (!Own)
    return V;
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Line =
      ":" + std::to_string(SM.getExpansionLineNumber(Call->getBeginLoc()));
  for (const PathEffect &E : Opens ? Own->Opens : Own->Manages) {
    if (E.Why.size() < 2 ||
        !llvm::StringRef(E.Why.front().At).ends_with(Line) ||
        !llvm::StringRef(Own->File).ends_with(
            llvm::StringRef(E.Why.front().At).drop_back(Line.size())))
      continue;
    std::string Built = instantiate(E, {}, Ctx, &Whole);
    if (Classifier.isLogPath(Built))
      return {Judgement::Log, Built, &E.Why};
  }
  return V;
}

void ProjectFacts::note(
    const Chain &Why, SourceLocation Loc,
    llvm::function_ref<void(SourceLocation, llvm::StringRef)> Note) {
  for (const ChainStep &S : Why)
    Note(Loc, S.Text + " (" + S.At + ")");
}

} // namespace clang::tidy::logstream::analysis
