//===--- Secrets.cpp - Which values written into a log record are secrets -===//

#include "Secrets.h"
#include "RecordValues.h"
#include "utils/LogFiles.h"
#include "utils/NameMatchers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream::analysis {

namespace {

constexpr unsigned MaxDepth = 4;

std::string calleeName(const FunctionDecl *F) {
  return F && F->getIdentifier() ? F->getName().str() : std::string();
}

/// Member functions that give the object's text unchanged.
bool isTextAccessor(llvm::StringRef Name) {
  static constexpr llvm::StringRef Names[] = {
      "c_str",       "data",      "str",   "toStdString", "toUtf8", "toLatin1",
      "toLocal8Bit", "constData", "value", "get",         "view"};
  return llvm::is_contained(Names, Name);
}

/// Free functions whose result is their first argument's text.
bool isPassThrough(llvm::StringRef Name) {
  static constexpr llvm::StringRef Names[] = {
      "move",       "forward",       "strdup",        "strndup",
      "g_strdup",   "as_const",      "fromStdString", "fromUtf8",
      "fromLatin1", "fromLocal8Bit", "ref",           "cref"};
  return llvm::is_contained(Names, Name);
}

/// The text of a string literal argument, through conversions.
std::optional<llvm::StringRef> literalText(const Expr *E) {
  E = stripValue(E);
  if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() >= 1)
    E = stripValue(C->getArg(0));
  if (const auto *SL = dyn_cast<StringLiteral>(E);
      SL && SL->getCharByteWidth() == 1)
    return SL->getString();
  return std::nullopt;
}

std::optional<uint64_t> intValue(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt().getZExtValue();
}

} // namespace

bool isTextType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType() || T->isArrayType()) {
    QualType E = T->isPointerType()
                     ? T->getPointeeType()
                     : QualType(T->getArrayElementTypeNoTypeQual(), 0);
    return E->isAnyCharacterType() ||
           (E->isSpecificBuiltinType(BuiltinType::UChar) && T->isPointerType());
  }
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  std::string N = RD->getName().lower();
  return StringRef(N).contains("string") || N == "qbytearray";
}

bool SecretFinder::isSecretName(llvm::StringRef Identifier) const {
  std::string N = utils::normalizeIdentifier(Identifier);
  if (N.empty() || V.NonSecretName.matches(N))
    return false;
  return V.CredentialName.matches(N) || V.KeyMaterialName.matches(N);
}

bool SecretFinder::isPasswordName(llvm::StringRef Identifier) const {
  std::string N = utils::normalizeIdentifier(Identifier);
  static const utils::CompiledPattern &Password =
      utils::compiled("(^|_)(password|passwd|passphrase|pwd|pass|pw)(_|$)");
  static const utils::CompiledPattern &Digest =
      utils::compiled("(^|_)(hash|hashed|digest|fingerprint)(_|$)");
  return Password.match(N) && !Digest.match(N);
}

bool SecretFinder::isRedaction(const FunctionDecl *F) const {
  if (!F || !F->getIdentifier())
    return false;
  std::string Q = F->getQualifiedNameAsString();
  return llvm::is_contained(V.RedactionFunctions, F->getName()) ||
         llvm::is_contained(V.RedactionFunctions, Q) ||
         llvm::is_contained(V.RedactionFunctions, "::" + Q);
}

std::optional<Secret> SecretFinder::find(const Expr *Value) const {
  return walk(Value, 0, /*Whole=*/true);
}

std::optional<Secret> SecretFinder::walk(const Expr *E, unsigned Depth,
                                         bool Whole) const {
  if (!E || Depth > MaxDepth)
    return std::nullopt;
  E = stripValue(E);
  if (isa<StringLiteral>(E) || isa<IntegerLiteral>(E) ||
      isa<CharacterLiteral>(E) || isa<UnaryExprOrTypeTraitExpr>(E) ||
      isa<CXXBoolLiteralExpr>(E) || isa<CXXNullPtrLiteralExpr>(E))
    return std::nullopt;
  // Booleans, lengths, counts: whatever they are computed from, they are not
  // the secret.
  if (!E->isTypeDependent() && !isTextType(E->getType()) &&
      !E->getType()->isDependentType() && !E->getType()->isRecordType())
    return std::nullopt;
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    if (auto S = walk(CO->getTrueExpr(), Depth + 1, false))
      return S;
    return walk(CO->getFalseExpr(), Depth + 1, false);
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAdditiveOp())
      return walk(BO->getLHS(), Depth + 1, false);
    if (BO->isCommaOp())
      return walk(BO->getRHS(), Depth + 1, Whole);
    return std::nullopt;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      return walk(UO->getSubExpr(), Depth + 1, Whole);
    return std::nullopt;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return walk(AS->getBase(), Depth + 1, false);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return walkDecl(DRE, DRE->getDecl(), Depth, Whole);
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return walkDecl(ME, ME->getMemberDecl(), Depth, Whole);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // std::string concatenation.
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2) {
      if (auto S = walk(Op->getArg(0), Depth + 1, false))
        return S;
      return walk(Op->getArg(1), Depth + 1, false);
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return walkCall(Call, Depth, Whole);
  if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
    // std::string(pw), std::string_view(pw); not std::string(pw, n) cut
    // short to an allowed prefix.
    if (C->getNumArgs() == 0)
      return std::nullopt;
    if (C->getNumArgs() >= 2)
      if (auto N = intValue(C->getArg(1), Ctx);
          N && *N <= V.AllowedPrefixLength)
        if (auto S = walk(C->getArg(0), Depth + 1, Whole);
            S && S->PrefixAllowed)
          return std::nullopt;
    return walk(C->getArg(0), Depth + 1, Whole);
  }
  return std::nullopt;
}

std::optional<Secret> SecretFinder::walkDecl(const Expr *Ref,
                                             const ValueDecl *D, unsigned Depth,
                                             bool Whole) const {
  if (!D || !D->getIdentifier())
    return std::nullopt;
  llvm::StringRef Name = D->getName();
  QualType T = D->getType();
  if (isa<FunctionDecl>(D))
    return std::nullopt;
  if (!isTextType(T) && !T->isArrayType())
    return std::nullopt;
  if (isa<EnumConstantDecl>(D))
    return std::nullopt;
  const auto *Field = dyn_cast<FieldDecl>(D);
  const RecordDecl *Owner = Field ? Field->getParent() : nullptr;
  // A PAM conversation reply: `resp[i].resp`.
  if (Field && Name == "resp" && Owner && Owner->getIdentifier() &&
      Owner->getName() == "pam_response")
    return Secret{Ref, "resp", "a PAM conversation reply", Whole, false};
  // The shadow password hash: `sp->sp_pwdp`.
  if (Field && Name == "sp_pwdp")
    return Secret{Ref, "sp_pwdp", "a password hash", Whole, true};
  if (isSecretName(Name))
    return Secret{Ref, Name.str(), "named like a credential", Whole,
                  !isPasswordName(Name)};
  // `Session::token`, `struct credentials { char *key; }`: a bare name that
  // is a credential in a credential-named struct.
  if (Owner && Owner->getIdentifier() && (Name == "token" || Name == "key") &&
      V.CredentialRecord.matches(utils::normalizeIdentifier(Owner->getName())))
    return Secret{Ref, (Owner->getName() + "::" + Name).str(),
                  "a credential member", Whole, true};
  // A local variable holds what it was initialized with or assigned.
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD || !VD->isLocalVarDecl())
    return std::nullopt;
  if (const Expr *Init = VD->getInit())
    if (auto S = walk(Init, Depth + 1, Whole)) {
      S->Why = "initialized from " + S->Name + ", " + S->Why;
      S->At = Ref;
      S->Name = Name.str();
      return S;
    }
  // `hash = crypt(pw, salt);` `pass = getpass("Password: ");`
  const auto *Fn = dyn_cast<FunctionDecl>(VD->getDeclContext());
  if (!Fn || !Fn->getBody())
    return std::nullopt;
  auto Source = callExpr(utils::calleeNamed(
      {"::crypt", "::crypt_r", "::getpass", "::readpassphrase"}));
  auto Assigned =
      match(findAll(binaryOperator(
                isAssignmentOperator(),
                hasLHS(ignoringParenImpCasts(declRefExpr(to(equalsNode(VD))))),
                hasRHS(ignoringParenCasts(Source.bind("src"))))),
            *Fn->getBody(), Ctx);
  if (Assigned.empty())
    return std::nullopt;
  const auto *Src = Assigned.front().getNodeAs<CallExpr>("src");
  std::string From = calleeName(Src->getDirectCallee());
  return Secret{Ref, From + "()", "assigned from " + From + "()", Whole,
                llvm::StringRef(From).starts_with("crypt")};
}

std::optional<Secret> SecretFinder::walkCall(const CallExpr *Call,
                                             unsigned Depth, bool Whole) const {
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || isRedaction(F))
    return std::nullopt;
  std::string Name = calleeName(F);
  if (Name == "crypt" || Name == "crypt_r")
    return Secret{Call, Name + "()", "a password hash", Whole, true};
  if (Name == "getpass" || Name == "readpassphrase" || Name == "getpass_r")
    return Secret{Call, Name + "()", "a password read from the terminal", Whole,
                  false};
  // A header, an environment variable or a configuration value looked up by
  // a name that says it is a credential: getenv("DB_PASSWORD"),
  // req.header("Authorization"), cfg["api_key"].
  for (const Expr *A : Call->arguments()) {
    std::optional<llvm::StringRef> Key = literalText(A);
    if (!Key)
      continue;
    if (llvm::any_of(V.SecretHeaders, [&](llvm::StringRef H) {
          return Key->equals_insensitive(H);
        }))
      return Secret{Call, ("'" + *Key + "' header").str(),
                    "a credential header", Whole, true};
    if (Key->equals_insensitive("PWD") || Key->equals_insensitive("OLDPWD"))
      continue;
    if (isTextType(Call->getType()) && isSecretName(*Key))
      return Secret{Call, ("'" + *Key + "'").str(),
                    "looked up by a credential name", Whole,
                    !isPasswordName(*Key)};
  }
  // Member functions that return the object's text: pw.c_str(), and the
  // prefix of a hash or token (`fp.substr(0, 8)`).
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (Name == "substr" && Call->getNumArgs() == 2) {
      auto From = intValue(Call->getArg(0), Ctx);
      auto N = intValue(Call->getArg(1), Ctx);
      auto S = walk(Obj, Depth + 1, Whole);
      if (S && S->PrefixAllowed && From && *From == 0 && N &&
          *N <= V.AllowedPrefixLength)
        return std::nullopt;
      return S;
    }
    if (isTextAccessor(Name))
      return walk(Obj, Depth + 1, Whole);
  }
  if (isPassThrough(Name) && Call->getNumArgs() >= 1)
    return walk(Call->getArg(0), Depth + 1, Whole);
  // A call named like a credential that returns text: get_password(),
  // cfg.apiKey(), user->password_hash().
  if (isTextType(Call->getType()) && isSecretName(Name))
    return Secret{Call, Name + "()", "named like a credential", Whole,
                  !isPasswordName(Name)};
  return std::nullopt;
}

} // namespace clang::tidy::logstream::analysis
