//===--- SecurityEventCategoryCheck.cpp - logstream-security-event-category
//===//

#include "SecurityEventCategoryCheck.h"
#include "logstream/analysis/ProjectFacts.h"
#include "logstream/analysis/SecurityVocabulary.h"
#include "logstream/families/Qt.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "utils/UserCodeMatchers.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"
#include <functional>
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

namespace {

constexpr StringRef DefaultOperations = analysis::DefaultSecurityOperations;
constexpr StringRef PermissionOperations =
    "chmod=privilege_permissions_changed;fchmod=privilege_permissions_changed;"
    "chown=privilege_permissions_changed;fchown=privilege_permissions_changed;"
    "lchown=privilege_permissions_changed";
// Bare `token` is every lexer's variable: only compound token names count.
constexpr StringRef DefaultCredentialPattern =
    analysis::DefaultCredentialPattern;
// A credential being chosen, not checked: `new_password`, `confirm_password`,
// `password2` (password-strength and retype checks decide no authentication).
constexpr StringRef DefaultChosenCredentialPattern =
    "(^|_)(new|confirm|confirmed|confirmation|retype|retyped|again|repeat|"
    "repeated|common|weak)(_|$)|^(pass|passwd|password|pw|pwd)_[0-9]$";
constexpr StringRef DefaultDecisionPattern =
    "(^|_)(authenticate|authorize|authorise|permit)(_|$)|"
    "^(check|verify|validate)_(user_)?(password|passwd|pass|pwd|credentials?|"
    "creds|acl|permissions?|access|token|auth_token|api_key|apikey|signature|"
    "login|auth|user_pass)$|"
    "^(is_authori[sz]ed|is_authenticated|is_authed|has_permission|has_access|"
    "is_allowed|is_in_authed_list)$|"
    "^(password|passwd|pwd|credentials?|secret|api_key|token)_(matches|match|"
    "equal|equals|eq|ok|okay|valid|is_valid)$|"
    "(^|_|basic|digest)auth_(check|ok|okay|user_?okay|verify|valid|validate)$";
// Functions named like a decision that handle configuration or commands.
constexpr StringRef DefaultNonDecisionPattern =
    "^(handle|parse|set|get|config|cfg|cmd|on|load|read|print|show|dump|"
    "usage|help)_";
// Comparisons that are constant-time by name: credential comparisons
// whatever their operands are called.
constexpr StringRef DefaultConstantTimePattern =
    "^(CRYPTO_memcmp|timingsafe_bcmp|timingsafe_memcmp|consttime_memequal)$|"
    "const_?time|constant_?time|^time_?independent_";

// A password hash's scheme tag (`$1$`, `$2y$10$`, `$argon2id$v=19$`,
// `{SSHA}`): a comparison with one tests which algorithm made the hash.
constexpr StringRef DefaultHashSchemePattern =
    "^\\$[0-9A-Za-z+._=,-]+(\\$[0-9A-Za-z+._=,-]+)*\\$$|"
    "^\\{[0-9A-Za-z._-]+\\}$";
// Operands that name who is asking, not what proves it: a constant-time
// comparison of these finds a user's entry.
constexpr StringRef DefaultIdentityNamePattern =
    "(^|_)(user|users|username|usernames|user_name|userhash|user_hash|"
    "login_name|uid|account|realm)(_|$)";
// Operands that hold a message's integrity value, not a credential: a
// constant-time comparison of these verifies a packet (a MAC, an AEAD tag, a
// checksum) or rejects a degenerate key (all zeros).
constexpr StringRef DefaultIntegrityNamePattern =
    "(^|_)(mac|macs|hmac|tag|tags|auth_tag|icv|checksum|crc|crc32|zero|zeros|"
    "zeroes)(_|$)";

/// The functions a predicate of the check holds for: a call filter of
/// utils::UserCodeMatchers, asked once per callee declaration.
class FunctionWhere : public internal::MatcherInterface<Decl> {
public:
  explicit FunctionWhere(std::function<bool(const FunctionDecl &)> Pred)
      : Pred(std::move(Pred)) {}

  bool matches(const Decl &Node, internal::ASTMatchFinder *,
               internal::BoundNodesTreeBuilder *) const override {
    const auto *F = dyn_cast<FunctionDecl>(&Node);
    return F && Pred(*F);
  }

private:
  std::function<bool(const FunctionDecl &)> Pred;
};

/// A function whose unqualified name matches an option's pattern.
AST_MATCHER_P(FunctionDecl, nameMatches, utils::Pattern, P) {
  return Node.getIdentifier() && P.matches(Node.getName());
}

/// Whether the decision \p Call is tested: in the condition of an if or of a
/// loop (a prompt that asks again until the password checks out), or stored
/// for a later test, as the initializer of a local variable or the right
/// side of an assignment (through parentheses and implicit casts). Not a
/// decision taken here: a value handed on (returned, passed, counted in a
/// `?:`), or a switch over it (a name-matched function says nothing about
/// what its cases mean).
bool isTestedDecision(const CallExpr *Call, ASTContext &Ctx) {
  DynTypedNode Below;
  DynTypedNode Above = utils::climbThrough(
      DynTypedNode::create(*Call), Ctx,
      [](const DynTypedNode &N) {
        return N.get<ParenExpr>() || N.get<ImplicitCastExpr>();
      },
      &Below);
  if (const auto *VD = Above.get<VarDecl>()) {
    std::optional<DynTypedNode> Holder =
        utils::singleParent(DynTypedNode::create(*VD), Ctx);
    return VD->getInit() && VD->getInit()->IgnoreParenImpCasts() == Call &&
           Holder && Holder->get<DeclStmt>();
  }
  if (const auto *BO = Above.get<BinaryOperator>();
      BO && BO->isAssignmentOp() && BO->getRHS()->IgnoreParenImpCasts() == Call)
    return true;
  // Anywhere in a condition: `if (!user_ok(u) || !check_acl(u, p))`,
  // `while (!check_password(pw))`, `for (; n < 3 && !verify(t); ++n)`.
  Above = utils::climbThrough(
      DynTypedNode::create(*Call), Ctx,
      [](const DynTypedNode &N) { return N.get<Expr>() != nullptr; }, &Below);
  const Expr *Cond = nullptr;
  if (const auto *If = Above.get<IfStmt>())
    Cond = If->getCond();
  else if (const auto *While = Above.get<WhileStmt>())
    Cond = While->getCond();
  else if (const auto *Do = Above.get<DoStmt>())
    Cond = Do->getCond();
  else if (const auto *For = Above.get<ForStmt>())
    Cond = For->getCond();
  return Cond && Cond == Below.get<Expr>();
}

std::string qualify(StringRef Name) {
  return Name.starts_with("::") ? Name.str() : ("::" + Name).str();
}

bool nameMatches(const utils::Pattern &P, const NamedDecl *D) {
  return D && D->getIdentifier() &&
         P.matches(utils::normalizeIdentifier(D->getName()));
}

} // namespace

SecurityEventCategoryCheck::SecurityEventCategoryCheck(
    StringRef Name, ClangTidyContext *Context)
    : LogstreamCheck(Name, Context, Includes::Inserted),
      CheckPermissionChanges(readBool("CheckPermissionChanges", false)),
      CredentialName(
          readRegex("CredentialNamePattern", DefaultCredentialPattern)),
      ChosenCredential(
          readRegex("ChosenCredentialPattern", DefaultChosenCredentialPattern)),
      SecurityDecision(
          readRegex("SecurityDecisionPattern", DefaultDecisionPattern)),
      NonDecision(readRegex("NonDecisionPattern", DefaultNonDecisionPattern)),
      ConstantTimeCompare(
          readRegex("ConstantTimeComparePattern", DefaultConstantTimePattern)),
      TestFile(readRegex("TestFilePattern", utils::DefaultTestFilePattern)),
      HashScheme(readRegex("HashSchemePattern", DefaultHashSchemePattern)),
      IdentityName(
          readRegex("IdentityNamePattern", DefaultIdentityNamePattern)),
      IntegrityName(
          readRegex("IntegrityNamePattern", DefaultIntegrityNamePattern)),
      HandOverEnumStatus(readBool("HandOverEnumStatus", true)),
      ComparisonWrappers(readBool("ComparisonWrappers", true)),
      Records(*this, Options, Name),
      RequireAllOutcomes(readBool("RequireAllOutcomes", true)),
      InsertSecurityEvents(readBool("InsertSecurityEvents", false)),
      SecurityTagFormat(
          std::string(Options.get("SecurityTagFormat", "SECURITY "))) {
  std::string List =
      std::string(Options.get("SecurityOperations", DefaultOperations));
  if (CheckPermissionChanges)
    List +=
        ";" + PermissionOperations.str() + ";" + qt::PermissionOperations.str();
  for (StringRef Entry : tidy::utils::options::parseStringList(List)) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    auto [Fn, Rest] = Entry.split('=');
    auto [Event, Conv] = Rest.split(':');
    Fn = Fn.trim();
    Event = Event.trim();
    if (Fn.empty() || Event.empty() ||
        (!Conv.empty() && Conv != "true" && Conv != "zero")) {
      configurationDiag("invalid entry '%0' in option '%1.SecurityOperations'; "
                        "expected 'function=event' or 'function=event:true'",
                        DiagnosticIDs::Error)
          << Entry << Name;
      continue;
    }
    Operation Op{Event.str(), Conv == "true" ? Convention::TrueIsSuccess
                                             : Convention::ZeroIsSuccess};
    Operations.push_back({qualify(Fn), Op});
    OperationByName[qualify(Fn)] = Op;
  }
  addProjectFacts(Context);
}

void SecurityEventCategoryCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  LogstreamCheck::storeOptions(Opts);
  Options.store(Opts, "SecurityOperations",
                Options.get("SecurityOperations", DefaultOperations));
  storeBool(Opts, "CheckPermissionChanges", CheckPermissionChanges);
  Options.store(Opts, "CredentialNamePattern", CredentialName.source());
  Options.store(Opts, "ChosenCredentialPattern", ChosenCredential.source());
  Options.store(Opts, "SecurityDecisionPattern", SecurityDecision.source());
  Options.store(Opts, "NonDecisionPattern", NonDecision.source());
  Options.store(Opts, "ConstantTimeComparePattern",
                ConstantTimeCompare.source());
  Options.store(Opts, "TestFilePattern", TestFile.source());
  Options.store(Opts, "HashSchemePattern", HashScheme.source());
  Options.store(Opts, "IdentityNamePattern", IdentityName.source());
  Options.store(Opts, "IntegrityNamePattern", IntegrityName.source());
  storeBool(Opts, "HandOverEnumStatus", HandOverEnumStatus);
  storeBool(Opts, "ComparisonWrappers", ComparisonWrappers);
  Records.store(Options, Opts);
  storeBool(Opts, "RequireAllOutcomes", RequireAllOutcomes);
  storeBool(Opts, "InsertSecurityEvents", InsertSecurityEvents);
  Options.store(Opts, "SecurityTagFormat", SecurityTagFormat);
}

void SecurityEventCategoryCheck::registerPreprocessor(Preprocessor &) {
  // Operations are analyzed once the whole unit has been seen: a wrapper's
  // callers may come after it.
  atEndOfTranslationUnit([this] {
    if (Context)
      analyzeSites(*Context);
  });
}

void SecurityEventCategoryCheck::forgetTranslationUnit() {
  Sites.clear();
  Categorized.clear();
  Decisions.clear();
  CryptLocals.clear();
  Context = nullptr;
}

void SecurityEventCategoryCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  std::vector<StringRef> Names;
  for (const auto &[Name, Op] : Operations)
    Names.push_back(Name);
  // What the check looks for inside a function: matched where the
  // traversal finds it, not by a walk of every function's body per matcher;
  // check() climbs to the function (or lambda) of each one it keeps.
  utils::UserCodeMatchers Grouped(Finder, this);
  if (!Names.empty())
    Grouped.addCallMatcher(
        Names, callExpr(callee(functionDecl().bind("opfn"))).bind("op"), this);
  // Credential comparisons (the C functions, in `::` or `std::`, and the
  // project's thin wrappers of them, here or by the project facts in another
  // file), and comparisons constant-time by name (a pattern). Every filter
  // is asked once per function called, not once per call.
  std::vector<std::string> CompareNames;
  for (StringRef N : utils::comparisonFunctions()) {
    CompareNames.push_back(("::" + N).str());
    CompareNames.push_back(("::std::" + N).str());
  }
  auto Comparison = namedDecl(
      anyOf(utils::hasAnyNameFast(std::vector<StringRef>(CompareNames.begin(),
                                                         CompareNames.end())),
            DeclarationMatcher(new FunctionWhere([this](const FunctionDecl &F) {
              return !wrappedComparison(F).empty();
            }))));
  Grouped.addCallMatcher(
      ConstantTimeCompare.empty()
          ? DeclarationMatcher(Comparison)
          : DeclarationMatcher(anyOf(
                Comparison, functionDecl(nameMatches(ConstantTimeCompare)))),
      callExpr(argumentCountAtLeast(2)).bind("cmp"), this);
  if (getLangOpts().CPlusPlus)
    Grouped.addMatcher(
        cxxOperatorCallExpr(hasAnyOverloadedOperatorName("==", "!="),
                            argumentCountIs(2))
            .bind("cmp-op"),
        this);
  // Decisions by name in conditions, or stored and tested later
  // (`const bool allowed = check_acl(...)`): the calls are matched by name
  // and check() asks where each one stands, rather than a matcher trying
  // every condition, initializer and assignment of the unit.
  if (!SecurityDecision.empty())
    Grouped.addCallMatcher(
        // Named like a decision (the SecurityDecisionPattern, not the
        // NonDecisionPattern, no operation).
        DeclarationMatcher(new FunctionWhere(
            [this](const FunctionDecl &F) { return isDecision(F); })),
        callExpr(callee(functionDecl().bind("decfn"))).bind("decision"), this);
  // `openlog(..., LOG_AUTHPRIV)`: every syslog record of the program that
  // names no facility of its own is in the auth facility.
  Finder->addMatcher(
      callExpr(utils::calleeNamed({"::openlog"}), argumentCountIs(3))
          .bind("openlog"),
      this);
}

void SecurityEventCategoryCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  const auto &N = Result.Nodes;
  if (const auto *Open = N.getNodeAs<CallExpr>("openlog")) {
    Expr::EvalResult R;
    if (Open->getArg(2)->EvaluateAsInt(R, *Result.Context) &&
        analysis::isAuthFacility(R.Val.getInt().getExtValue()))
      Records.setAuthFacilityByDefault(true);
    return;
  }
  // The function (or lambda) an operation is written in, asked once the
  // operation is kept (it climbs the parents); null in test code.
  auto FunctionOf = [&](const Expr *E) -> const FunctionDecl * {
    const FunctionDecl *Fn =
        utils::enclosingFunction(E, *Result.Context, utils::Lambdas::Operator);
    if (!Fn || !Fn->isThisDeclarationADefinition() ||
        isTestCode(Fn, *Result.SourceManager))
      return nullptr;
    return Fn;
  };
  if (const auto *Call = N.getNodeAs<CallExpr>("op")) {
    const auto *OpFn = N.getNodeAs<FunctionDecl>("opfn");
    auto It = OperationByName.find("::" + OpFn->getQualifiedNameAsString());
    if (It == OperationByName.end() || isForeignFactOperation(OpFn))
      return;
    const FunctionDecl *Fn = FunctionOf(Call);
    if (!Fn)
      return;
    Sites.push_back({Fn, Call, OpFn->getName().str(), It->second});
    return;
  }
  if (const auto *Cmp = N.getNodeAs<CallExpr>("cmp")) {
    const FunctionDecl *Callee = Cmp->getDirectCallee();
    if (!Callee)
      return;
    // A wrapper named like a decision (`check_password(a, b)` returning
    // `strcmp(a, b) == 0`) is reported as that decision, under its name.
    if (!SecurityDecision.empty() && isDecision(*Callee))
      return;
    bool ConstantTime = Callee->getIdentifier() &&
                        ConstantTimeCompare.matches(Callee->getName());
    if (!ConstantTime &&
        !isCredentialComparison(Cmp->getArg(0), Cmp->getArg(1)))
      return;
    if (ConstantTime && verifiesNoCredential(Cmp))
      return;
    const FunctionDecl *Fn = FunctionOf(Cmp);
    if (!Fn)
      return;
    // `*_eq`/`*_equal(s)` say true on a match; memcmp-likes say 0, and so
    // do their thin wrappers unless they return `== 0`.
    bool SaysEqual = false;
    if (ConstantTime)
      SaysEqual = StringRef(utils::normalizeIdentifier(Callee->getName()))
                      .contains("eq");
    else
      wrappedComparison(*Callee, &SaysEqual);
    Convention Conv =
        SaysEqual ? Convention::TrueIsSuccess : Convention::ZeroIsSuccess;
    Sites.push_back({Fn,
                     Cmp,
                     Callee->getName().str() + " of a credential",
                     {"authn_login", Conv}});
    return;
  }
  if (const auto *Op = N.getNodeAs<CXXOperatorCallExpr>("cmp-op")) {
    const auto *RD = Op->getArg(0)->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->getIdentifier() ||
        (RD->getName() != "basic_string" &&
         RD->getName() != "basic_string_view"))
      return;
    if (!isCredentialComparison(Op->getArg(0), Op->getArg(1)))
      return;
    const FunctionDecl *Fn = FunctionOf(Op);
    if (!Fn)
      return;
    bool Equal = Op->getOperator() == OO_EqualEqual;
    // C++20 rewrites `a != b` as `!(a == b)`: name what the user wrote.
    StringRef Written = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Op->getOperatorLoc()),
        *Result.SourceManager, getLangOpts());
    Sites.push_back({Fn,
                     Op,
                     (Written == "!=" || !Equal ? "!=" : "==") +
                         std::string(" on a credential"),
                     {"authn_login", Convention::TrueIsSuccess}});
    if (!Equal)
      Sites.back().Op.Success = Convention::ZeroIsSuccess;
    return;
  }
  if (const auto *Call = N.getNodeAs<CallExpr>("decision")) {
    const auto *F = N.getNodeAs<FunctionDecl>("decfn");
    if (!isTestedDecision(Call, *Result.Context))
      return;
    const FunctionDecl *Fn = FunctionOf(Call);
    if (!Fn)
      return;
    std::string Words = utils::normalizeIdentifier(F->getName());
    bool Authz = StringRef(Words).contains("authoriz") ||
                 StringRef(Words).contains("permi") ||
                 StringRef(Words).contains("acl");
    Sites.push_back(
        {Fn,
         Call,
         F->getName().str(),
         {Authz ? "authz" : "authn_login", Convention::TrueIsSuccess}});
  }
}

bool SecurityEventCategoryCheck::isDecision(const FunctionDecl &F) const {
  // Asked at every call of the user's code: once per function.
  auto [It, New] = Decisions.try_emplace(F.getCanonicalDecl(), false);
  if (New)
    It->second = nameMatches(SecurityDecision, &F) &&
                 !nameMatches(NonDecision, &F) &&
                 !OperationByName.count("::" + F.getQualifiedNameAsString());
  return It->second;
}

StringRef
SecurityEventCategoryCheck::wrappedComparison(const FunctionDecl &F,
                                              bool *ReturnsEqual) const {
  if (!ComparisonWrappers)
    return "";
  if (StringRef Inner = utils::comparedBy(&F, ReturnsEqual); !Inner.empty())
    return Inner;
  if (const analysis::FunctionFacts *FF = Facts ? Facts->lookup(&F) : nullptr)
    if (FF->Compares) {
      if (ReturnsEqual)
        *ReturnsEqual = FF->ComparesEqual;
      return *FF->Compares;
    }
  return "";
}

bool SecurityEventCategoryCheck::isTestCode(const FunctionDecl *Fn,
                                            const SourceManager &SM) const {
  if (utils::isInTestFile(TestFile, Fn->getLocation(), SM))
    return true;
  // gtest's TEST/TEST_F bodies, Catch2's TEST_CASE functions.
  if (!Fn->getIdentifier())
    return false;
  StringRef Name = Fn->getName();
  if (Name.starts_with("____C_A_T_C_H____T_E_S_T"))
    return true;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Fn))
    if (Name == "TestBody")
      for (const CXXBaseSpecifier &B : M->getParent()->bases())
        if (const CXXRecordDecl *RD = B.getType()->getAsCXXRecordDecl())
          if (RD->getQualifiedNameAsString().rfind("testing::", 0) == 0)
            return true;
  return false;
}

/// A literal that names no secret: empty, punctuation only, or a placeholder
/// word (`"-"`, `"none"`, `"prompt"`): a keyword test, not a credential check.
static bool isKeywordLiteral(const Expr *E) {
  const StringLiteral *SL = utils::asStringLiteral(E);
  if (!SL || SL->getCharByteWidth() != 1)
    return false;
  StringRef S = SL->getString();
  if (llvm::none_of(S, [](char C) { return llvm::isAlnum(C); }))
    return true;
  static constexpr StringRef Placeholders[] = {
      "none",    "null",   "nil", "true", "false", "yes",   "no", "on", "off",
      "default", "prompt", "ask", "env",  "file",  "stdin", "x",  "*"};
  return llvm::any_of(Placeholders,
                      [&](StringRef P) { return S.equals_insensitive(P); });
}

/// A call of crypt(3) or crypt_r (in any namespace, as hasAnyName has it)
/// on a password that is not a literal: `crypt("test", "$2a$08$...")`
/// compared with a known hash asks which algorithms the C library has.
static bool isCryptCall(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() &&
         (Callee->getName() == "crypt" || Callee->getName() == "crypt_r") &&
         !(Call->getNumArgs() >= 1 && utils::asStringLiteral(Call->getArg(0)));
}

bool SecurityEventCategoryCheck::isCryptResult(const Expr *E) const {
  E = E->IgnoreParenCasts();
  if (isCryptCall(E))
    return true;
  // `hash = crypt(pass, salt);` earlier, C89 style, or its initializer, in
  // the function that declares the local.
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  const auto *Fn =
      VD && VD->isLocalVarDecl()
          ? dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod())
          : nullptr;
  if (!Fn || !Fn->getBody())
    return false;
  if (VD->getInit() && isCryptCall(VD->getInit()))
    return true;
  auto [It, Inserted] = CryptLocals.try_emplace(Fn);
  llvm::SmallPtrSet<const VarDecl *, 2> &Assigned = It->second;
  if (Inserted) {
    utils::anyStatement(Fn->getBody(), [&](const Stmt *S) {
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->isAssignmentOp() && isCryptCall(BO->getRHS()))
        if (const auto *L =
                dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
          if (const auto *Local = dyn_cast<VarDecl>(L->getDecl()))
            Assigned.insert(Local);
      return false;
    });
  }
  return Assigned.contains(VD);
}

/// Whether \p E is a string literal that \p P matches.
static bool isLiteralMatching(const Expr *E, const utils::Pattern &P) {
  const StringLiteral *SL = utils::asStringLiteral(E);
  return SL && SL->getCharByteWidth() == 1 && !P.empty() &&
         P.matches(SL->getString());
}

/// Whether \p VD is an array whose initializer is all zeros (`unsigned
/// char zeroes[32] = {0};`): what it is compared with is no secret.
static bool isZeroArray(const VarDecl *VD) {
  if (!VD || !VD->getType()->isArrayType())
    return false;
  const auto *Init =
      dyn_cast_or_null<InitListExpr>(VD->getInit() ? VD->getInit() : nullptr);
  if (!Init)
    return false;
  return llvm::all_of(Init->inits(), [&](const Expr *E) {
    Expr::EvalResult R;
    return E && !E->isValueDependent() &&
           E->EvaluateAsInt(R, VD->getASTContext()) && R.Val.getInt() == 0;
  });
}

bool SecurityEventCategoryCheck::verifiesNoCredential(
    const CallExpr *Cmp) const {
  // The operands' own names (not what they were computed from: an entry's
  // user field found by scanning a line that also holds the password).
  bool Identity = false, Integrity = false;
  for (const Expr *A : Cmp->arguments()) {
    const Expr *E = A->IgnoreParenCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_AddrOf)
      E = U->getSubExpr()->IgnoreParenCasts();
    const NamedDecl *D = utils::referencedDecl(E);
    if (!D || !D->getIdentifier())
      continue;
    std::string Name = utils::normalizeIdentifier(D->getName());
    if (CredentialName.matches(Name))
      return false;
    Identity |= !IdentityName.empty() && IdentityName.matches(Name);
    Integrity |= !IntegrityName.empty() && (IntegrityName.matches(Name) ||
                                            isZeroArray(dyn_cast<VarDecl>(D)));
  }
  return Identity || Integrity;
}

bool SecurityEventCategoryCheck::isCredentialComparison(const Expr *A,
                                                        const Expr *B) const {
  // `strncmp(hash, "$1$", 3)`: which algorithm made the hash, even of a
  // crypt(3) result.
  if (isLiteralMatching(A, HashScheme) || isLiteralMatching(B, HashScheme))
    return false;
  if (isCryptResult(A) || isCryptResult(B))
    return true;
  bool NamedA = utils::mentionsMatchingName(A, CredentialName);
  bool NamedB = utils::mentionsMatchingName(B, CredentialName);
  if (!NamedA && !NamedB)
    return false;
  // A keyword or an empty-passphrase test; a password being chosen
  // (strength and retype checks) is not being verified.
  if (isKeywordLiteral(A) || isKeywordLiteral(B))
    return false;
  return !utils::mentionsMatchingName(A, ChosenCredential) &&
         !utils::mentionsMatchingName(B, ChosenCredential);
}

bool SecurityEventCategoryCheck::isRegainProbe(const Site &S) {
  const auto *Call = dyn_cast<CallExpr>(S.Call);
  if (!Call || S.Op.Event != "privilege_permissions_changed" ||
      Call->getNumArgs() == 0)
    return false;
  for (const Expr *A : Call->arguments()) {
    const Expr *E = A->IgnoreParenImpCasts();
    if (const auto *IL = dyn_cast<IntegerLiteral>(E); IL && IL->getValue() == 0)
      return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (DRE->getDecl()->getIdentifier()) {
        static const utils::CompiledPattern &Saved =
            utils::compiled("(^|_)(old|orig|original|saved|prev|previous|"
                            "root|real)(_|$)");
        if (Saved.match(utils::normalizeIdentifier(DRE->getDecl()->getName())))
          return true;
      }
  }
  return false;
}

namespace {

/// The innermost lambda of \p Root whose body holds \p Target, if any.
bool findInnermostLambda(const Stmt *Root, const Stmt *Target,
                         const LambdaExpr *&Inner) {
  if (Root == Target)
    return true;
  for (const Stmt *Child : Root->children())
    if (Child && findInnermostLambda(Child, Target, Inner)) {
      if (!Inner)
        Inner = dyn_cast<LambdaExpr>(Root);
      return true;
    }
  return false;
}

int rank(analysis::Outcome O) {
  return O == analysis::Outcome::Failure   ? 0
         : O == analysis::Outcome::Unknown ? 1
                                           : 2;
}

StringRef pathName(analysis::Outcome O) {
  return O == analysis::Outcome::Failure   ? "the failure path"
         : O == analysis::Outcome::Success ? "the success path"
                                           : "a path";
}

} // namespace

SecurityEventCategoryCheck::Site
SecurityEventCategoryCheck::inCallable(Site S) {
  // The function the operation runs in: a lambda's call operator when it is
  // written inside one.
  const LambdaExpr *Lambda = nullptr;
  if (const Stmt *Body = S.Function->getBody();
      Body && findInnermostLambda(Body, S.Call, Lambda) && Lambda)
    S.Function = Lambda->getCallOperator();
  return S;
}

/// The enumerator \p E names, through parentheses and conversions.
static const EnumConstantDecl *enumeratorOf(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE ? dyn_cast<EnumConstantDecl>(DRE->getDecl()) : nullptr;
}

/// Whether \p E holds \p Op: \p Op itself, or a local variable initialized
/// or assigned from an expression that contains it (`int ok = cmp(...) &&
/// rule(...)`, `rc = cmp(...) ? 0 : -1`).
static bool holdsOutcome(const Expr *E, const Expr *Op, const Stmt *Body) {
  auto Contains = [](const Stmt *Root, const Stmt *Target) {
    return utils::anyStatement(Root,
                               [&](const Stmt *S) { return S == Target; });
  };
  if (Contains(E, Op))
    return true;
  llvm::SmallPtrSet<const VarDecl *, 4> Holders;
  utils::anyStatement(Body, [&](const Stmt *S) {
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D);
            VD && VD->getInit() && Contains(VD->getInit(), Op))
          Holders.insert(VD);
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->isAssignmentOp() && Contains(BO->getRHS(), Op))
      if (const auto *L =
              dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        if (const auto *VD = dyn_cast<VarDecl>(L->getDecl()))
          Holders.insert(VD);
    return false;
  });
  return utils::anyStatement(E, [&](const Stmt *S) {
    const auto *DRE = dyn_cast<DeclRefExpr>(S);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return VD && Holders.count(VD);
  });
}

/// Whether \p Fn calls, after \p Op, a function of the project declared
/// printf-like (`__attribute__((format(printf, ...)))`): its own logging
/// function, known as such or not, writes a record of the outcome.
static bool logsAfter(const FunctionDecl *Fn, const Expr *Op,
                      const SourceManager &SM) {
  return utils::anyStatement(Fn->getBody(), [&](const Stmt *S) {
    const auto *C = dyn_cast<CallExpr>(S);
    const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
    return F && F->hasAttr<FormatAttr>() &&
           !SM.isInSystemHeader(SM.getExpansionLoc(F->getLocation())) &&
           SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Op->getBeginLoc()),
                                        SM.getExpansionLoc(C->getBeginLoc()));
  });
}

bool SecurityEventCategoryCheck::handsOverStatus(
    const Site &S, const analysis::ResultValue &Result,
    const std::vector<analysis::PathEnd> &Unrecorded) const {
  if (!S.Function->getReturnType().getCanonicalType()->isEnumeralType() ||
      logsAfter(S.Function, Result.Operation,
                S.Function->getASTContext().getSourceManager()))
    return false;
  // Each unrecorded path returns an enumerator, or a choice of two made on
  // the outcome, and writes no record: the status is the report.
  llvm::SmallPtrSet<const EnumConstantDecl *, 4> OnSuccess, OnFailure;
  bool Translated = false;
  for (const analysis::PathEnd &P : Unrecorded) {
    const auto *Ret = dyn_cast_or_null<ReturnStmt>(P.Exit);
    if (!Ret || !Ret->getRetValue() || P.FirstLog)
      return false;
    const Expr *V = Ret->getRetValue()->IgnoreParenImpCasts();
    if (const auto *Choice = dyn_cast<ConditionalOperator>(V)) {
      const EnumConstantDecl *A = enumeratorOf(Choice->getTrueExpr());
      const EnumConstantDecl *B = enumeratorOf(Choice->getFalseExpr());
      if (!A || !B || A == B ||
          !holdsOutcome(Choice->getCond(), Result.Operation,
                        S.Function->getBody()))
        return false;
      Translated = true;
      continue;
    }
    const EnumConstantDecl *E = enumeratorOf(V);
    if (!E)
      return false;
    if (P.Label == analysis::Outcome::Success)
      OnSuccess.insert(E);
    else if (P.Label == analysis::Outcome::Failure)
      OnFailure.insert(E);
  }
  if (Translated)
    return true;
  // Distinct statuses for the two outcomes: the caller can tell them apart.
  return !OnSuccess.empty() && !OnFailure.empty() &&
         llvm::none_of(OnFailure, [&](const EnumConstantDecl *E) {
           return OnSuccess.count(E) != 0;
         });
}

void SecurityEventCategoryCheck::analyze(
    const Site &S, ASTContext &Ctx,
    const llvm::SmallPtrSetImpl<const Stmt *> &HandOver) {
  const FunctionDecl *Fn = S.Function;
  const Stmt *Body = Fn->getBody();
  if (!Body)
    return;
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd();
  BO.AddCXXDefaultInitExprInCtors = false;
  std::unique_ptr<CFG> G =
      CFG::buildCFG(Fn, const_cast<Stmt *>(Body), &Ctx, BO);
  if (!G)
    return;
  analysis::ResultValue Result{S.Call, analysis::resultVariable(*G, S.Call),
                               S.Op.Success};
  auto IsSecurity = [&](const Stmt *St) {
    return Records.isSecurityRecord(St, Ctx);
  };
  auto IsLog = [&](const Stmt *St) { return Records.isLogRecord(St, Ctx); };
  analysis::OutcomePathFinder Finder(*G, Body, Result, Ctx, IsSecurity, IsLog,
                                     HandOver);
  analysis::OutcomePathFinder::Paths P = Finder.find();
  if (P.Unrecorded.empty() || (!RequireAllOutcomes && P.AnyRecorded))
    return;
  // A result that no branch tests is read (for display, for forwarding), not
  // decided on.
  if (!P.Tested)
    return;
  // `if (setuid(0) != -1) fatal(...)`: a probe that privileges cannot be
  // regained expects failure; its success ends the process.
  if (P.SuccessExits && isRegainProbe(S))
    return;
  // `return ok ? STATUS_OK : STATUS_DENIED;`: the caller decides and records.
  if (HandOverEnumStatus && handsOverStatus(S, Result, P.Unrecorded))
    return;
  report(S, Result, P.Unrecorded, Ctx);
}

void SecurityEventCategoryCheck::report(
    const Site &S, const analysis::ResultValue &Result,
    const std::vector<analysis::PathEnd> &Unrecorded, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // One path per outcome, the earliest; the failure path leads.
  std::vector<const analysis::PathEnd *> ByOutcome;
  for (const analysis::PathEnd &P : Unrecorded) {
    auto It = llvm::find_if(ByOutcome, [&](const analysis::PathEnd *Q) {
      return Q->Label == P.Label;
    });
    if (It == ByOutcome.end())
      ByOutcome.push_back(&P);
    else if (SM.isBeforeInTranslationUnit(P.Loc, (*It)->Loc))
      *It = &P;
  }
  llvm::sort(ByOutcome,
             [](const analysis::PathEnd *A, const analysis::PathEnd *B) {
               return rank(A->Label) < rank(B->Label);
             });
  const analysis::PathEnd &Worst = *ByOutcome.front();
  SourceLocation OpLoc = SM.getExpansionLoc(S.Call->getBeginLoc());
  bool Failure = Worst.Label != analysis::Outcome::Success;
  {
    auto D = diag(OpLoc, "security-critical '%0' (%1): %2 %3 at line %4 "
                         "without a SECURITY log record")
             << S.Api << eventName(S.Op, Failure) << pathName(Worst.Label)
             << Worst.Verb
             << SM.getExpansionLineNumber(SM.getExpansionLoc(Worst.Loc));
    // Every unrecorded path is fixed in the same run, so that a second run
    // finds nothing left to do; when one recorded outcome is enough, the
    // reported path is.
    if (RequireAllOutcomes)
      for (const analysis::PathEnd &P : Unrecorded)
        addPathFix(D, S, Result, P, Ctx);
    else
      addPathFix(D, S, Result, Worst, Ctx);
  }
  noteProjectFacts(S.Call, OpLoc);
  diag(SM.getExpansionLoc(Worst.Loc),
       "this path %0 here without a SECURITY log record", DiagnosticIDs::Note)
      << Worst.Verb;
  for (const analysis::PathEnd *P : llvm::drop_begin(ByOutcome))
    diag(SM.getExpansionLoc(P->Loc),
         "%0 also %1 here without a SECURITY log record", DiagnosticIDs::Note)
        << pathName(P->Label) << P->Verb;
  if (!Worst.FirstLog)
    diag(OpLoc, "record the outcome in the SECURITY category, e.g. '%0'",
         DiagnosticIDs::Note)
        << suggestedStatement(S, Failure);
}

std::vector<SecurityEventCategoryCheck::Site>
SecurityEventCategoryCheck::callersOf(const Site &S, ASTContext &Ctx) const {
  std::vector<Site> Callers;
  auto Matches = match(
      functionDecl(
          isDefinition(),
          hasBody(forEachDescendant(
              callExpr(
                  callee(functionDecl(
                             hasName(S.Function->getQualifiedNameAsString()))
                             .bind("cf")))
                  .bind("c"))))
          .bind("f"),
      Ctx);
  for (const auto &M : Matches) {
    const auto *Callee = M.getNodeAs<FunctionDecl>("cf");
    if (Callee->getCanonicalDecl() != S.Function->getCanonicalDecl())
      continue;
    // A wrapper returning bool says true on success.
    Operation Op = S.Op;
    if (S.Function->getReturnType()->isBooleanType())
      Op.Success = Convention::TrueIsSuccess;
    Callers.push_back({M.getNodeAs<FunctionDecl>("f"),
                       M.getNodeAs<CallExpr>("c"), S.Function->getName().str(),
                       Op});
  }
  return Callers;
}

static bool returnsValueOf(const FunctionDecl *Fn, const Expr *Call,
                           ASTContext &Ctx) {
  // The expression the call is part of, up to its statement: a return, or
  // not. A braced list forks the parents: there the body is searched.
  DynTypedNode Above = utils::climbThrough(
      DynTypedNode::create(*Call), Ctx,
      [](const DynTypedNode &N) { return N.get<Expr>() != nullptr; });
  if (!Above.getNodeKind().isNone())
    return Above.get<ReturnStmt>() != nullptr;
  return !match(findAll(returnStmt(hasDescendant(expr(equalsNode(Call))))),
                *Fn->getBody(), Ctx)
              .empty() ||
         !match(findAll(returnStmt(hasReturnValue(
                    ignoringParenImpCasts(expr(equalsNode(Call)))))),
                *Fn->getBody(), Ctx)
              .empty();
}

/// A value known at compile time: a literal, an enumerator, a constant.
static bool isConstantValue(const Expr *E, const ASTContext &Ctx) {
  return !E->isValueDependent() && E->isEvaluatable(Ctx);
}

/// Whether \p E is the value of \p Local as a caller gets it back: as it
/// is, negated, compared with a constant, or mapped to two constants by `?:`
/// (`return rc ? HANDLER_GO_ON : HANDLER_ERROR;`).
static bool carriesValueOf(const Expr *E, const VarDecl *Local,
                           const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl() == Local;
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->getOpcode() == UO_LNot &&
           carriesValueOf(U->getSubExpr(), Local, Ctx);
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isComparisonOp())
    return (carriesValueOf(B->getLHS(), Local, Ctx) &&
            isConstantValue(B->getRHS(), Ctx)) ||
           (carriesValueOf(B->getRHS(), Local, Ctx) &&
            isConstantValue(B->getLHS(), Ctx));
  if (const auto *C = dyn_cast<ConditionalOperator>(E))
    return carriesValueOf(C->getCond(), Local, Ctx) &&
           isConstantValue(C->getTrueExpr(), Ctx) &&
           isConstantValue(C->getFalseExpr(), Ctx);
  return false;
}

/// The local variable the value of \p Call is stored in, as it is or
/// tested (`int rc = op(...)`, `ok = strcmp(a, b) == 0`), or null.
static const VarDecl *storedIn(const Expr *Call, ASTContext &Ctx) {
  DynTypedNode Below;
  DynTypedNode Above = utils::climbThrough(
      DynTypedNode::create(*Call), Ctx,
      [&](const DynTypedNode &N) {
        if (N.get<ParenExpr>() || N.get<ImplicitCastExpr>() ||
            N.get<ExprWithCleanups>())
          return true;
        if (const auto *U = N.get<UnaryOperator>())
          return U->getOpcode() == UO_LNot;
        const auto *B = N.get<BinaryOperator>();
        return B && B->isComparisonOp() &&
               (isConstantValue(B->getLHS(), Ctx) ||
                isConstantValue(B->getRHS(), Ctx));
      },
      &Below);
  const Expr *Value = Below.get<Expr>();
  if (const auto *VD = Above.get<VarDecl>())
    return VD->isLocalVarDecl() && VD->getInit() == Value ? VD : nullptr;
  const auto *Assign = Above.get<BinaryOperator>();
  if (!Assign || Assign->getOpcode() != BO_Assign || Assign->getRHS() != Value)
    return nullptr;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return VD && VD->isLocalVarDecl() ? VD : nullptr;
}

bool SecurityEventCategoryCheck::handsOn(const FunctionDecl *Fn,
                                         const Expr *Call,
                                         ASTContext &Ctx) const {
  if (returnsValueOf(Fn, Call, Ctx))
    return true;
  // `rc = memeq(...); ... return rc ? OK : DENIED;`: the caller decides,
  // unless this function writes a record itself (then it decided, as
  // HandOverEnumStatus has it).
  const VarDecl *Local = storedIn(Call, Ctx);
  if (!Local || Fn->getReturnType()->isVoidType() ||
      logsAfter(Fn, Call, Ctx.getSourceManager()))
    return false;
  bool Returned = false;
  bool Logs = utils::anyStatement(Fn->getBody(), [&](const Stmt *S) {
    if (const auto *R = dyn_cast<ReturnStmt>(S);
        R && R->getRetValue() && carriesValueOf(R->getRetValue(), Local, Ctx))
      Returned = true;
    return isa<CallExpr, CXXConstructExpr>(S) && Records.isLogRecord(S, Ctx);
  });
  if (Logs)
    return false;
  return Returned;
}

std::vector<SecurityEventCategoryCheck::Site>
SecurityEventCategoryCheck::throughWrappers(std::vector<Site> Work,
                                            ASTContext &Ctx) const {
  // Wrappers: a function that returns the operation's result directly, or
  // that is itself listed as an operation, is not checked inside; its callers
  // are checked as if they called the operation.
  std::vector<Site> ToAnalyze;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Expanded;
  std::set<const Expr *> Done;
  for (unsigned Round = 0; Round < 3 && !Work.empty(); ++Round) {
    std::vector<Site> Next;
    for (const Site &Written : Work) {
      if (!Done.insert(Written.Call).second)
        continue;
      Site S = inCallable(Written);
      bool Listed =
          OperationByName.count("::" + S.Function->getQualifiedNameAsString());
      if (!Listed && !handsOn(S.Function, S.Call, Ctx)) {
        ToAnalyze.push_back(S);
        continue;
      }
      if (Listed || !Expanded.insert(S.Function).second)
        continue;
      std::vector<Site> Callers = callersOf(S, Ctx);
      Next.insert(Next.end(), Callers.begin(), Callers.end());
    }
    Work = std::move(Next);
  }
  return ToAnalyze;
}

void SecurityEventCategoryCheck::analyzeSites(ASTContext &Ctx) {
  std::vector<Site> ToAnalyze = throughWrappers(std::move(Sites), Ctx);
  // A path that reaches the next security-critical operation is that
  // operation's to report: one missing record, one warning.
  llvm::SmallPtrSet<const Stmt *, 16> Operations;
  for (const Site &S : ToAnalyze)
    Operations.insert(S.Call);
  for (const Site &S : ToAnalyze)
    analyze(S, Ctx, Operations);
}

} // namespace clang::tidy::logstream
