//===--- SensitiveLogDataCheck.cpp - logstream-sensitive-log-data ---------===//

#include "SensitiveLogDataCheck.h"
#include "logstream/analysis/ProjectFacts.h"
#include "logstream/analysis/SecurityVocabulary.h"
#include "utils/Expressions.h"
#include "utils/FixIts.h"
#include "utils/NameMatchers.h"
#include "utils/Parents.h"
#include "utils/StandardStreams.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {

namespace {

constexpr StringRef KeyOutputId = "key-output";
constexpr StringRef Redacted = "\"<redacted>\"";

/// The stream a private key is written to: stdout/stderr, or a BIO opened
/// on them (`BIO_new_fp(stderr, BIO_NOCLOSE)`).
std::optional<utils::StdStream> keyDestination(const Expr *Arg,
                                               ASTContext &Ctx) {
  if (auto S = utils::classifyStdFile(Arg, Ctx))
    return S;
  const Expr *E = analysis::stripValue(Arg);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && VD->getInit())
      E = analysis::stripValue(VD->getInit());
  if (const auto *C = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *F = C->getDirectCallee();
        F && F->getIdentifier() && F->getName() == "BIO_new_fp" &&
        C->getNumArgs() >= 1)
      return utils::classifyStdFile(C->getArg(0), Ctx);
  return std::nullopt;
}

bool hasWords(StringRef Text) {
  return llvm::any_of(Text, [](char C) { return llvm::isAlpha(C); });
}

} // namespace

analysis::SecretVocabulary SensitiveLogDataCheck::readVocabulary() {
  analysis::SecretVocabulary V;
  V.CredentialName =
      readPattern("CredentialNamePattern", analysis::DefaultCredentialPattern);
  V.KeyMaterialName =
      readPattern("KeyMaterialPattern", analysis::DefaultKeyMaterialPattern);
  V.NonSecretName = readPattern("NonSecretNamePattern",
                                analysis::DefaultNonSecretNamePattern);
  V.CredentialRecord = readPattern("CredentialRecordPattern",
                                   analysis::DefaultCredentialRecordPattern);
  V.RedactionFunctions =
      readList("RedactionFunctions", analysis::DefaultRedactionFunctions);
  V.SecretHeaders = readList("SecretHeaders", analysis::DefaultSecretHeaders);
  std::string Prefix(Options.get("AllowedPrefixLength", "8"));
  if (StringRef(Prefix).trim().getAsInteger(10, V.AllowedPrefixLength))
    configurationDiag("invalid value '%0' for option "
                      "'%1.AllowedPrefixLength'; expected a number of "
                      "characters",
                      DiagnosticIDs::Error)
        << Prefix << checkName();
  return V;
}

SensitiveLogDataCheck::SensitiveLogDataCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : LogstreamCheck(Name, Context), Records(*this, Options, Name, *Context),
      Vocabulary(readVocabulary()),
      ReportBareOutput(readBool("ReportBareOutput", false)) {}

void SensitiveLogDataCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  LogstreamCheck::storeOptions(Opts);
  Records.store(Options, Opts);
  Options.store(Opts, "CredentialNamePattern",
                Vocabulary.CredentialName.source());
  Options.store(Opts, "KeyMaterialPattern",
                Vocabulary.KeyMaterialName.source());
  Options.store(Opts, "NonSecretNamePattern",
                Vocabulary.NonSecretName.source());
  Options.store(Opts, "CredentialRecordPattern",
                Vocabulary.CredentialRecord.source());
  Options.store(
      Opts, "RedactionFunctions",
      tidy::utils::options::serializeStringList(Vocabulary.RedactionFunctions));
  Options.store(
      Opts, "SecretHeaders",
      tidy::utils::options::serializeStringList(Vocabulary.SecretHeaders));
  // Stored as text: read as text and validated here (LLVM 22 would check an
  // integer store itself, with a warning and exit code 0).
  Options.store(Opts, "AllowedPrefixLength",
                std::to_string(Vocabulary.AllowedPrefixLength));
  storeBool(Opts, "ReportBareOutput", ReportBareOutput);
}

void SensitiveLogDataCheck::registerUserCodeMatchers(MatchFinder *Finder) {
  Records.registerMatchers(Finder, this);
  Finder->addMatcher(
      callExpr(
          utils::calleeNamed(
              {"::PEM_write_PrivateKey", "::PEM_write_RSAPrivateKey",
               "::PEM_write_DSAPrivateKey", "::PEM_write_ECPrivateKey",
               "::PEM_write_PKCS8PrivateKey", "::PEM_write_bio_PrivateKey",
               "::PEM_write_bio_RSAPrivateKey", "::PEM_write_bio_ECPrivateKey",
               "::PEM_write_bio_PKCS8PrivateKey",
               "::PEM_write_bio_PrivateKey_traditional",
               "::EVP_PKEY_print_private", "::RSA_print_fp", "::RSA_print"}),
          argumentCountAtLeast(2))
          .bind(KeyOutputId),
      this);
}

void SensitiveLogDataCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const auto &N = Result.Nodes;
  if (const auto *Key = N.getNodeAs<CallExpr>(KeyOutputId)) {
    checkKeyOutput(Key, Ctx);
    return;
  }
  if (std::optional<analysis::RecordMatch> M = Records.match(N, Ctx))
    if (M->Record)
      checkRecord(M->Record, Ctx);
}

void SensitiveLogDataCheck::forgetTranslationUnit() {
  Records.clear();
  Reported.clear();
}

bool SensitiveLogDataCheck::isBareOutput(const analysis::RecordShape &S) const {
  // `printf("%s\n", generated_password)`, `std::cout << token << '\n'`: a
  // program printing the value it was asked for, not a log record about it.
  if (ReportBareOutput || S.Kind != analysis::RecordKind::Stdio)
    return false;
  for (const analysis::TextPiece &P : S.Pieces) {
    if (!P.Literal)
      continue;
    std::string Text = P.Text;
    if (S.Format && P.E == S.Format)
      if (auto Convs = utils::parsePrintfFormat(Text))
        for (const utils::Conversion &C : llvm::reverse(*Convs))
          Text.erase(C.Begin, C.End - C.Begin);
    if (hasWords(Text))
      return false;
  }
  // Text built into a value: `"token: " + token`.
  for (const analysis::RecordValue &V : S.Values) {
    llvm::SmallVector<const Stmt *, 16> Work = {V.E};
    for (unsigned N = 0; !Work.empty() && N < 64; ++N) {
      const Stmt *Cur = Work.pop_back_val();
      if (const auto *SL = dyn_cast_or_null<StringLiteral>(Cur);
          SL && SL->getCharByteWidth() == 1 && hasWords(SL->getString()))
        return false;
      if (Cur)
        for (const Stmt *C : Cur->children())
          Work.push_back(C);
    }
  }
  return true;
}

void SensitiveLogDataCheck::checkRecord(const Expr *Record, ASTContext &Ctx) {
  analysis::RecordShape S = analysis::describeRecord(Record, Ctx);
  if (S.Values.empty() || isBareOutput(S))
    return;
  analysis::SecretFinder Finder(Vocabulary, Ctx);
  bool Helper = isFactsHelper(Record);
  for (const analysis::RecordValue &V : S.Values) {
    // A project helper known only from project facts (`verify_and_record(
    // user, password)`) does more than log: what it writes of its arguments
    // is not known here.
    if (Helper && V.Slot == analysis::ValueSlot::CallArg)
      continue;
    std::optional<analysis::Secret> Found = Finder.find(V.E);
    if (!Found)
      continue;
    // `%.8s` of a hash or token: a prefix the project chose to allow.
    if (Found->PrefixAllowed && V.Conv && V.Conv->Precision &&
        *V.Conv->Precision <= Vocabulary.AllowedPrefixLength)
      continue;
    report(*Found, V, Ctx);
  }
}

bool SensitiveLogDataCheck::isFactsHelper(const Expr *Record) const {
  const auto *Call = dyn_cast<CallExpr>(Record);
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  if (!F || !F->getIdentifier() || !Records.classifier().facts() ||
      !Records.classifier().facts()->isLoggingCall(Call))
    return false;
  std::string Q = F->getQualifiedNameAsString();
  return !llvm::is_contained(Records.classifier().loggingFunctions(), Q) &&
         !llvm::is_contained(Records.classifier().loggingFunctions(), "::" + Q);
}

bool SensitiveLogDataCheck::canRedact(const analysis::RecordValue &V) const {
  switch (V.Slot) {
  case analysis::ValueSlot::PrintfArg:
    return V.Conv && V.Conv->Kind == 's' && V.Conv->Length.empty();
  case analysis::ValueSlot::StreamOperand:
  case analysis::ValueSlot::FieldValue:
  case analysis::ValueSlot::FormatArg:
    return true;
  case analysis::ValueSlot::CallArg:
    return false;
  }
  return false;
}

void SensitiveLogDataCheck::report(const analysis::Secret &S,
                                   const analysis::RecordValue &V,
                                   ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = S.At->getBeginLoc();
  if (!Reported
           .insert({SM.getSpellingLoc(Loc).getRawEncoding(),
                    SM.getExpansionLoc(Loc).getRawEncoding()})
           .second)
    return;
  auto D = diag(Loc, "log record includes the secret '%0' (%1)")
           << S.Name << S.Why;
  if (!S.Whole || !canRedact(V))
    return;
  CharSourceRange R = utils::fileRange(V.E->getSourceRange(), Ctx);
  if (R.isValid())
    D << FixItHint::CreateReplacement(R, Redacted);
}

void SensitiveLogDataCheck::checkKeyOutput(const CallExpr *Call,
                                           ASTContext &Ctx) {
  std::optional<utils::StdStream> To = keyDestination(Call->getArg(0), Ctx);
  if (!To)
    return;
  diag(Call->getBeginLoc(),
       "'%0' writes a private key to %1, into the log stream")
      << Call->getDirectCallee()->getName() << utils::spelling(*To);
}

} // namespace clang::tidy::logstream
