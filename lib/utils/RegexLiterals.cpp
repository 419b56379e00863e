//===--- RegexLiterals.cpp - The literal text every match must contain ----===//

#include "utils/RegexLiterals.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::logstream::utils {

namespace {

/// The end of the bracket expression that opens at \p Pos, one past its
/// ']'; npos when it is not closed.
size_t bracketEnd(llvm::StringRef S, size_t Pos) {
  ++Pos;
  if (Pos < S.size() && S[Pos] == '^')
    ++Pos;
  if (Pos < S.size() && S[Pos] == ']')
    ++Pos;
  while (Pos < S.size()) {
    if (S[Pos] == ']')
      return Pos + 1;
    if (S[Pos] == '[' && Pos + 1 < S.size() &&
        (S[Pos + 1] == ':' || S[Pos + 1] == '.' || S[Pos + 1] == '=')) {
      size_t End = S.find(std::string{S[Pos + 1], ']'}, Pos + 2);
      if (End == llvm::StringRef::npos)
        return llvm::StringRef::npos;
      Pos = End + 2;
      continue;
    }
    ++Pos;
  }
  return llvm::StringRef::npos;
}

/// A set of literals one of which a match must contain.
using Required = std::optional<std::vector<std::string>>;

/// How well a set filters: its shortest literal (longer is rarer), then
/// fewer literals.
bool better(const std::vector<std::string> &A,
            const std::vector<std::string> &B) {
  auto Shortest = [](const std::vector<std::string> &S) {
    size_t Min = SIZE_MAX;
    for (const std::string &L : S)
      Min = std::min(Min, L.size());
    return Min;
  };
  size_t MA = Shortest(A), MB = Shortest(B);
  return MA != MB ? MA > MB : A.size() < B.size();
}

class Reader {
public:
  explicit Reader(llvm::StringRef ERE) : Text(ERE) {}

  /// The whole expression; nullopt also when the syntax is not understood.
  Required read() {
    Required R = alternation();
    if (Failed || Pos != Text.size())
      return std::nullopt;
    return R;
  }

private:
  /// Branches separated by '|', up to a ')' or the end: a match contains
  /// one of the literals of the branch it took.
  Required alternation() {
    std::vector<std::string> All;
    bool Every = true;
    while (true) {
      Required B = branch();
      if (B)
        All.insert(All.end(), B->begin(), B->end());
      else
        Every = false;
      if (Pos < Text.size() && Text[Pos] == '|') {
        ++Pos;
        continue;
      }
      break;
    }
    if (!Every || All.empty())
      return std::nullopt;
    return All;
  }

  /// A sequence of atoms: every one of them is matched, so the branch
  /// requires the best of the sets its required atoms give.
  Required branch() {
    Required Best;
    std::string Run; // literal characters matched one after another
    auto Offer = [&](std::vector<std::string> Set) {
      if (!Best || better(Set, *Best))
        Best = std::move(Set);
    };
    auto EndRun = [&] {
      if (!Run.empty())
        Offer({Run});
      Run.clear();
    };
    while (Pos < Text.size() && !Failed) {
      char C = Text[Pos];
      if (C == '|' || C == ')')
        break;
      if (C == '(') {
        ++Pos;
        Required Group = alternation();
        if (Pos >= Text.size() || Text[Pos] != ')') {
          Failed = true;
          break;
        }
        ++Pos;
        EndRun();
        Quantifier Q = quantifier();
        if (Group && Q != Quantifier::MayBeAbsent)
          Offer(*Group);
        continue;
      }
      if (C == '[') {
        skipBracket();
        EndRun();
        quantifier();
        continue;
      }
      if (C == '.' || C == '^' || C == '$') {
        ++Pos;
        EndRun();
        quantifier();
        continue;
      }
      if (C == '*' || C == '+' || C == '?' || C == '{') {
        Failed = true; // a quantifier with nothing before it
        break;
      }
      char Literal = C;
      if (C == '\\') {
        if (Pos + 1 >= Text.size()) {
          Failed = true;
          break;
        }
        Literal = Text[Pos + 1];
        ++Pos;
        if (llvm::isAlnum(Literal)) {
          // \d, \w, \1...: not a literal character.
          ++Pos;
          EndRun();
          quantifier();
          continue;
        }
      }
      ++Pos;
      Quantifier Q = quantifier();
      if (Q == Quantifier::MayBeAbsent) {
        EndRun();
        continue;
      }
      Run += llvm::toLower(Literal);
      if (Q == Quantifier::Repeated)
        EndRun(); // "ab+c" holds "ab" and "bc", not "abc"
    }
    EndRun();
    return Best;
  }

  enum class Quantifier { Once, Repeated, MayBeAbsent };

  /// Reads the quantifiers after an atom (several, as in "a+?", combine).
  Quantifier quantifier() {
    Quantifier Q = Quantifier::Once;
    while (Pos < Text.size() && !Failed) {
      char C = Text[Pos];
      if (C == '*' || C == '?') {
        ++Pos;
        Q = Quantifier::MayBeAbsent;
      } else if (C == '+') {
        ++Pos;
        if (Q == Quantifier::Once)
          Q = Quantifier::Repeated;
      } else if (C == '{') {
        size_t Close = Text.find('}', Pos);
        if (Close == llvm::StringRef::npos) {
          Failed = true;
          break;
        }
        llvm::StringRef Bounds = Text.slice(Pos + 1, Close);
        unsigned Min = 0;
        if (Bounds.split(',').first.getAsInteger(10, Min)) {
          Failed = true;
          break;
        }
        Pos = Close + 1;
        if (Min == 0)
          Q = Quantifier::MayBeAbsent;
        else if (Q == Quantifier::Once)
          Q = Quantifier::Repeated;
      } else {
        break;
      }
    }
    return Q;
  }

  /// Skips "[...]": a ']' first (after an optional '^') is a member, and
  /// "[:alpha:]", "[.x.]", "[=x=]" are elements.
  void skipBracket() {
    size_t End = bracketEnd(Text, Pos);
    if (End == llvm::StringRef::npos) {
      Failed = true; // unterminated
      Pos = Text.size();
      return;
    }
    Pos = End;
  }

  llvm::StringRef Text;
  size_t Pos = 0;
  bool Failed = false;
};

} // namespace

std::optional<std::vector<std::string>> requiredLiterals(llvm::StringRef ERE) {
  Required R = Reader(ERE).read();
  if (!R)
    return std::nullopt;
  // Drop duplicates and any literal that contains another (the shorter one
  // already admits the text).
  llvm::sort(*R);
  R->erase(std::unique(R->begin(), R->end()), R->end());
  std::vector<std::string> Kept;
  for (const std::string &L : *R)
    if (llvm::none_of(*R, [&](const std::string &Other) {
          return Other != L && llvm::StringRef(L).contains(Other);
        }))
      Kept.push_back(L);
  return Kept;
}

bool containsAnyLiteral(llvm::StringRef Text,
                        const std::vector<std::string> &Literals) {
  return containsAnyLowerLiteral(Text.lower(), Literals);
}

bool containsAnyLowerLiteral(llvm::StringRef Lower,
                             const std::vector<std::string> &Literals) {
  return llvm::any_of(Literals,
                      [&](const std::string &L) { return Lower.contains(L); });
}

namespace {

/// A group of \p S at depth 0: its parentheses' positions.
struct Group {
  size_t Open, Close;
};

/// The parts of \p S between its '|' at depth 0, and its groups at depth
/// 0; false when the parentheses or brackets do not balance.
bool scan(llvm::StringRef S, std::vector<llvm::StringRef> &Parts,
          std::vector<Group> &Groups) {
  size_t Depth = 0, From = 0, Open = 0;
  for (size_t Pos = 0; Pos < S.size();) {
    char C = S[Pos];
    if (C == '\\') {
      Pos += 2;
      continue;
    }
    if (C == '[') {
      Pos = bracketEnd(S, Pos);
      if (Pos == llvm::StringRef::npos)
        return false;
      continue;
    }
    if (C == '(') {
      if (Depth++ == 0)
        Open = Pos;
    } else if (C == ')') {
      if (Depth == 0)
        return false;
      if (--Depth == 0)
        Groups.push_back({Open, Pos});
    } else if (C == '|' && Depth == 0) {
      Parts.push_back(S.slice(From, Pos));
      From = Pos + 1;
    }
    ++Pos;
  }
  if (Depth != 0)
    return false;
  Parts.push_back(S.substr(From));
  return true;
}

} // namespace

std::vector<std::string> branchesOf(llvm::StringRef ERE) {
  for (size_t I = 0; I + 1 < ERE.size(); ++I)
    if (ERE[I] == '\\') {
      if (ERE[I + 1] >= '1' && ERE[I + 1] <= '9')
        return {ERE.str()}; // a back-reference counts groups
      ++I;
    }
  std::vector<llvm::StringRef> Top;
  std::vector<Group> Unused;
  if (!scan(ERE, Top, Unused))
    return {ERE.str()};
  std::vector<std::string> Out;
  for (llvm::StringRef Branch : Top) {
    std::vector<llvm::StringRef> Parts;
    std::vector<Group> Groups;
    if (Branch.empty() || !scan(Branch, Parts, Groups))
      return {ERE.str()};
    // The largest group that is matched exactly once.
    const Group *Best = nullptr;
    std::vector<llvm::StringRef> BestAlternatives;
    for (const Group &G : Groups) {
      size_t After = G.Close + 1;
      if (After < Branch.size() &&
          llvm::StringRef("*+?{").contains(Branch[After]))
        continue;
      std::vector<llvm::StringRef> Alternatives;
      std::vector<Group> Inner;
      if (!scan(Branch.slice(G.Open + 1, G.Close), Alternatives, Inner) ||
          llvm::any_of(Alternatives,
                       [](llvm::StringRef A) { return A.empty(); }))
        continue;
      if (Alternatives.size() > BestAlternatives.size()) {
        Best = &G;
        BestAlternatives = std::move(Alternatives);
      }
    }
    if (!Best || BestAlternatives.size() < 3) {
      Out.push_back(Branch.str());
      continue;
    }
    llvm::StringRef Before = Branch.take_front(Best->Open);
    llvm::StringRef After = Branch.drop_front(Best->Close + 1);
    for (llvm::StringRef A : BestAlternatives)
      Out.push_back((Before + "(" + A + ")" + After).str());
  }
  return Out;
}

} // namespace clang::tidy::logstream::utils
