//===--- IncludeFixes.cpp - `#include` insertions for a check's fix-its ---===//

#include "utils/IncludeFixes.h"
#include "utils/Compat.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/Token.h"

namespace clang::tidy::logstream::utils {

namespace {

class Recorder : public PPCallbacks {
public:
  Recorder(IncludeFixes &Fixes, const SourceManager &SM)
      : Fixes(Fixes), SM(SM) {}

  // The parameters after FilenameRange differ from one LLVM major to the
  // next; only the first five are read.
#if LLVM_VERSION_MAJOR < 15
  void InclusionDirective(SourceLocation Hash, const Token &IncludeTok,
                          StringRef Name, bool Angled, CharSourceRange,
                          const FileEntry *, StringRef, StringRef,
                          const Module *, SrcMgr::CharacteristicKind) override {
    seen(Hash, IncludeTok, Name, Angled);
  }
#elif LLVM_VERSION_MAJOR < 16
  void InclusionDirective(SourceLocation Hash, const Token &IncludeTok,
                          StringRef Name, bool Angled, CharSourceRange,
                          llvm::Optional<FileEntryRef>, StringRef, StringRef,
                          const Module *, SrcMgr::CharacteristicKind) override {
    seen(Hash, IncludeTok, Name, Angled);
  }
#elif LLVM_VERSION_MAJOR < 19
  void InclusionDirective(SourceLocation Hash, const Token &IncludeTok,
                          StringRef Name, bool Angled, CharSourceRange,
                          OptionalFileEntryRef, StringRef, StringRef,
                          const Module *, SrcMgr::CharacteristicKind) override {
    seen(Hash, IncludeTok, Name, Angled);
  }
#else
  void InclusionDirective(SourceLocation Hash, const Token &IncludeTok,
                          StringRef Name, bool Angled, CharSourceRange,
                          OptionalFileEntryRef, StringRef, StringRef,
                          const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    seen(Hash, IncludeTok, Name, Angled);
  }
#endif

private:
  void seen(SourceLocation Hash, const Token &IncludeTok, StringRef Name,
            bool Angled) {
    // Nothing is reported, so nothing is inserted, in a system header.
    if (SM.isInSystemHeader(Hash))
      return;
    Fixes.record(Name, Angled, Hash, IncludeTok.getEndLoc());
  }

  IncludeFixes &Fixes;
  const SourceManager &SM;
};

} // namespace

void IncludeFixes::registerPreprocessor(Preprocessor *PP) {
  SM = &PP->getSourceManager();
  Recorded.clear();
  Sorters.clear();
  Inserted.clear();
  PP->addPPCallbacks(std::make_unique<Recorder>(*this, *SM));
}

void IncludeFixes::record(llvm::StringRef Name, bool Angled,
                          SourceLocation Hash, SourceLocation End) {
  FileID File = SM->getFileID(Hash);
  auto Sorted = Sorters.find(File);
  if (Sorted != Sorters.end())
    Sorted->second->addInclude(Name, Angled, Hash, End);
  else
    Recorded[File].push_back({Name.str(), Angled, Hash, End});
}

std::optional<FixItHint> IncludeFixes::insertion(FileID File,
                                                 llvm::StringRef Header) {
  if (!SM || File.isInvalid() ||
      SM->isInSystemHeader(SM->getLocForStartOfFile(File)))
    return std::nullopt;
  bool Angled = Header.consume_front("<");
  if (Angled != Header.consume_back(">"))
    return std::nullopt;
  // A header is taken to be included either angled or quoted, never both.
  if (!SelfContained && !Inserted[File].insert(Header).second)
    return std::nullopt;
  std::unique_ptr<tidy::utils::IncludeSorter> &Sorter = Sorters[File];
  if (!Sorter) {
    Sorter = std::make_unique<tidy::utils::IncludeSorter>(
        SM, File, SM->getFilename(SM->getLocForStartOfFile(File)), Style);
    auto It = Recorded.find(File);
    if (It != Recorded.end()) {
      for (const Directive &D : It->second)
        Sorter->addInclude(D.Name, D.Angled, D.Hash, D.End);
      Recorded.erase(It);
    }
  }
  return compat::toStd(Sorter->createIncludeInsertion(Header, Angled));
}

} // namespace clang::tidy::logstream::utils
