//===--- RecordFinder.cpp - The log records a check inspects --------------===//

#include "RecordFinder.h"
#include "ProjectFacts.h"

namespace clang::tidy::logstream::analysis {

RecordFinder::RecordFinder(const ClangTidyCheck &Check,
                           const ClangTidyCheck::OptionsView &Options,
                           llvm::StringRef CheckName, ClangTidyContext &Context)
    : Records(Check, Options, CheckName),
      LogHandle(utils::readRegexOption(Check, Options, CheckName,
                                       "LogHandlePattern",
                                       DefaultLogHandlePattern)) {
  Records.setFacts(ProjectFacts::get(Context, Check));
}

void RecordFinder::store(const ClangTidyCheck::OptionsView &Options,
                         ClangTidyOptions::OptionMap &Opts) const {
  Records.store(Options, Opts);
  Options.store(Opts, "LogHandlePattern", LogHandle.source());
}

void RecordFinder::registerMatchers(
    ast_matchers::MatchFinder *Finder,
    ast_matchers::MatchFinder::MatchCallback *Callback) const {
  registerRecordMatchers(Finder, Callback, Records);
}

std::optional<RecordMatch>
RecordFinder::match(const ast_matchers::BoundNodes &Nodes, ASTContext &Ctx) {
  RecordMatch M;
  if (const auto *Op = Nodes.getNodeAs<CXXOperatorCallExpr>(RecordStreamId)) {
    if (!Streams.take(Op))
      return M;
    M.Stream = Op;
    if (Records.isLogRecord(Op, Ctx))
      M.Record = Op;
    return M;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>(RecordMacroCallId)) {
    M.Record = Call;
    return M;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>(RecordCallId)) {
    if (isRecordCall(Call, Records, Ctx) && writesToLog(Call, LogHandle, Ctx))
      M.Record = Call;
    return M;
  }
  return std::nullopt;
}

} // namespace clang::tidy::logstream::analysis
