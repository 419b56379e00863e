//===--- SmallRegex.cpp - The checks' name patterns without a regex engine ===//

#include "utils/SmallRegex.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <bitset>
#include <vector>

namespace clang::tidy::logstream::utils {

namespace {

enum class Kind { Char, Set, Any, Begin, End, Group };

/// More steps than this on one text: the caller asks llvm::Regex.
constexpr unsigned StepBudget = 1u << 16;
/// POSIX's RE_DUP_MAX: the largest bound of `{m,n}`.
constexpr unsigned MaxBound = 255;
constexpr unsigned Unbounded = ~0u;

} // namespace

struct SmallRegex::Program {
  struct Node {
    Kind K;
    /// The character (lower case) of a Char, the set of a Set, the group of
    /// a Group.
    unsigned Index = 0;
    unsigned Min = 1, Max = 1;
  };
  struct Alternative {
    /// Its atoms: Nodes[Begin, End).
    unsigned Begin = 0, End = 0;
    /// The characters a match of it can start with, and whether it can
    /// match nothing (or only anchors): an alternative is tried only where
    /// it can start.
    std::bitset<256> First;
    bool Nullable = false;
  };
  /// Every alternative's atoms, one after the other (a group's inner
  /// alternatives before the sequence that holds the group): one buffer
  /// for the expression, not one per alternative, since a vocabulary is
  /// an alternation of a hundred words.
  std::vector<Node> Nodes;
  /// Each group's alternatives; group 0 is the whole expression.
  std::vector<std::vector<Alternative>> Groups;

  llvm::ArrayRef<Node> nodes(const Alternative &A) const {
    return llvm::ArrayRef<Node>(Nodes).slice(A.Begin, A.End - A.Begin);
  }
  /// The bracket expressions' characters, closed under ASCII case.
  std::vector<std::bitset<256>> Sets;
};

namespace {

using Program = SmallRegex::Program;

class Reader {
public:
  Reader(llvm::StringRef ERE, Program &P) : Text(ERE), P(P) {}

  bool read() {
    // An atom is at least one character of the text.
    P.Nodes.reserve(Text.size());
    P.Groups.emplace_back();
    if (!alternation(0) || Pos != Text.size())
      return false;
    // A group's alternatives hold only groups read after it.
    for (size_t G = P.Groups.size(); G-- > 0;)
      for (Program::Alternative &A : P.Groups[G])
        firstOf(A);
    return true;
  }

private:
  bool more() const { return Pos < Text.size(); }
  char peek() const { return Text[Pos]; }

  /// Alternatives separated by '|' up to a ')' or the end, into group
  /// \p Group; none may be empty.
  bool alternation(unsigned Group) {
    while (true) {
      llvm::SmallVector<Program::Node, 16> S;
      if (!sequence(S) || S.empty())
        return false;
      Program::Alternative A;
      A.Begin = P.Nodes.size();
      P.Nodes.insert(P.Nodes.end(), S.begin(), S.end());
      A.End = P.Nodes.size();
      P.Groups[Group].push_back(A);
      if (!more() || peek() != '|')
        return true;
      ++Pos;
    }
  }

  bool sequence(llvm::SmallVectorImpl<Program::Node> &S) {
    while (more() && peek() != '|' && peek() != ')') {
      Program::Node N{Kind::Char};
      char C = peek();
      ++Pos;
      switch (C) {
      case '(': {
        N.K = Kind::Group;
        N.Index = P.Groups.size();
        P.Groups.emplace_back();
        if (!alternation(N.Index) || !more() || peek() != ')')
          return false;
        ++Pos;
        break;
      }
      case '[':
        N.K = Kind::Set;
        if (!bracket(N.Index))
          return false;
        break;
      case '.':
        N.K = Kind::Any;
        break;
      case '^':
      case '$':
        N.K = C == '^' ? Kind::Begin : Kind::End;
        S.push_back(N);
        // A quantified anchor is not read.
        if (more() && llvm::StringRef("*+?{").contains(peek()))
          return false;
        continue;
      case '\\':
        // \1, \d, \w ... are not ordinary characters.
        if (!more() || llvm::isAlnum(peek()))
          return false;
        N.Index = static_cast<unsigned char>(llvm::toLower(peek()));
        ++Pos;
        break;
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
        return false;
      default:
        N.Index = static_cast<unsigned char>(llvm::toLower(C));
        break;
      }
      if (!quantifier(N))
        return false;
      S.push_back(N);
    }
    return true;
  }

  /// The quantifier after an atom, if any (one: "a+?" is not read).
  bool quantifier(Program::Node &N) {
    if (!more())
      return true;
    switch (peek()) {
    case '?':
      N.Min = 0;
      N.Max = 1;
      ++Pos;
      break;
    case '*':
      N.Min = 0;
      N.Max = Unbounded;
      ++Pos;
      break;
    case '+':
      N.Min = 1;
      N.Max = Unbounded;
      ++Pos;
      break;
    case '{': {
      size_t Close = Text.find('}', Pos);
      if (Close == llvm::StringRef::npos)
        return false;
      auto [Low, High] = Text.slice(Pos + 1, Close).split(',');
      bool Comma = Text.slice(Pos + 1, Close).contains(',');
      if (Low.empty() || Low.getAsInteger(10, N.Min))
        return false;
      if (!Comma)
        N.Max = N.Min;
      else if (High.empty())
        N.Max = Unbounded;
      else if (High.getAsInteger(10, N.Max))
        return false;
      if (N.Min > MaxBound || (N.Max != Unbounded && N.Max > MaxBound) ||
          N.Max < N.Min)
        return false;
      Pos = Close + 1;
      break;
    }
    default:
      return true;
    }
    return !more() || !llvm::StringRef("*+?{").contains(peek());
  }

  /// A bracket expression after its '['.
  bool bracket(unsigned &Index) {
    std::bitset<256> Set;
    bool Negated = more() && peek() == '^';
    if (Negated)
      ++Pos;
    for (bool First = true;; First = false) {
      if (!more())
        return false;
      char C = peek();
      if (C == ']' && !First) {
        ++Pos;
        break;
      }
      if (C == '[' && Pos + 1 < Text.size() &&
          llvm::StringRef(":.=").contains(Text[Pos + 1])) {
        // Collating elements and equivalence classes are not read.
        if (Text[Pos + 1] != ':')
          return false;
        size_t End = Text.find(":]", Pos + 2);
        if (End == llvm::StringRef::npos ||
            !characterClass(Text.slice(Pos + 2, End), Set))
          return false;
        Pos = End + 2;
        continue;
      }
      ++Pos;
      unsigned char Low = C, High = C;
      if (Pos + 1 < Text.size() && peek() == '-' && Text[Pos + 1] != ']') {
        High = Text[Pos + 1];
        if (High == '[' || High < Low)
          return false;
        Pos += 2;
      }
      for (unsigned Ch = Low; Ch <= High; ++Ch)
        Set.set(Ch);
    }
    // As the engine reads a bracket with REG_ICASE: each letter's other
    // case is added, then the set is negated.
    for (unsigned Ch = 'a'; Ch <= 'z'; ++Ch)
      if (Set.test(Ch) || Set.test(Ch - 'a' + 'A')) {
        Set.set(Ch);
        Set.set(Ch - 'a' + 'A');
      }
    if (Negated)
      Set.flip();
    Index = P.Sets.size();
    P.Sets.push_back(Set);
    return true;
  }

  /// The characters \p A can start with: those of its atoms up to the
  /// first that must match a character (anchors match none).
  void firstOf(Program::Alternative &A) const {
    A.Nullable = true;
    for (const Program::Node &N : P.nodes(A)) {
      bool MatchesNothing = N.Min == 0;
      switch (N.K) {
      case Kind::Char:
        A.First.set(N.Index);
        break;
      case Kind::Set:
        A.First |= P.Sets[N.Index];
        break;
      case Kind::Any:
        A.First.set();
        break;
      case Kind::Begin:
      case Kind::End:
        MatchesNothing = true;
        break;
      case Kind::Group:
        for (const Program::Alternative &Inner : P.Groups[N.Index]) {
          A.First |= Inner.First;
          MatchesNothing |= Inner.Nullable;
        }
        break;
      }
      if (!MatchesNothing) {
        A.Nullable = false;
        return;
      }
    }
  }

  static bool characterClass(llvm::StringRef Name, std::bitset<256> &Set) {
    bool (*Test)(int) = nullptr;
    if (Name == "alpha")
      Test = [](int C) { return llvm::isAlpha(C); };
    else if (Name == "digit")
      Test = [](int C) { return llvm::isDigit(C); };
    else if (Name == "alnum")
      Test = [](int C) { return llvm::isAlnum(C); };
    else if (Name == "upper")
      Test = [](int C) { return C >= 'A' && C <= 'Z'; };
    else if (Name == "lower")
      Test = [](int C) { return C >= 'a' && C <= 'z'; };
    else if (Name == "space")
      Test = [](int C) { return llvm::isSpace(C); };
    else if (Name == "blank")
      Test = [](int C) { return C == ' ' || C == '\t'; };
    else if (Name == "punct")
      Test = [](int C) {
        return llvm::isPrint(C) && C != ' ' && !llvm::isAlnum(C);
      };
    else if (Name == "xdigit")
      Test = [](int C) { return llvm::isHexDigit(C); };
    else if (Name == "cntrl")
      Test = [](int C) { return C < 0x20 || C == 0x7f; };
    else if (Name == "print")
      Test = [](int C) { return llvm::isPrint(C); };
    else if (Name == "graph")
      Test = [](int C) { return llvm::isPrint(C) && C != ' '; };
    else
      return false;
    for (int C = 0; C < 128; ++C)
      if (Test(C))
        Set.set(C);
    return true;
  }

  llvm::StringRef Text;
  Program &P;
  size_t Pos = 0;
};

/// Backtracking over the tree: each atom hands the position after it to
/// the rest of the match (a continuation), which answers whether the whole
/// expression then matches.
class Matcher {
public:
  Matcher(const Program &P, llvm::StringRef Lower) : P(P), Text(Lower) {}

  std::optional<bool> run() {
    Program::Node Whole{Kind::Group, 0};
    for (size_t Start = 0; Start <= Text.size(); ++Start) {
      if (atom(Whole, Start, [](size_t) { return true; }))
        return true;
      if (Exhausted)
        return std::nullopt;
    }
    return false;
  }

private:
  using Rest = llvm::function_ref<bool(size_t)>;
  using Sequence = llvm::ArrayRef<Program::Node>;

  bool sequence(Sequence S, size_t I, size_t Pos, Rest Then) {
    if (++Steps > StepBudget) {
      Exhausted = true;
      return false;
    }
    if (I == S.size())
      return Then(Pos);
    const Program::Node &N = S[I];
    if (N.Min == 1 && N.Max == 1)
      return atom(N, Pos,
                  [&](size_t Next) { return sequence(S, I + 1, Next, Then); });
    return repeat(S, I, Pos, 0, Then);
  }

  /// Greedy: one more repetition first, then the rest of the sequence.
  bool repeat(Sequence S, size_t I, size_t Pos, unsigned Count, Rest Then) {
    const Program::Node &N = S[I];
    if (Exhausted)
      return false;
    if (Count < N.Max && atom(
                             N, Pos,
                             [&](size_t Next) {
                               // A repetition that matched nothing can be
                               // repeated, as nothing, as often as the bound
                               // asks: the rest starts here.
                               if (Next == Pos)
                                 return sequence(S, I + 1, Pos, Then);
                               return repeat(S, I, Next, Count + 1, Then);
                             }))
      return true;
    return Count >= N.Min && sequence(S, I + 1, Pos, Then);
  }

  bool atom(const Program::Node &N, size_t Pos, Rest Then) {
    switch (N.K) {
    case Kind::Char:
      return Pos < Text.size() &&
             static_cast<unsigned char>(Text[Pos]) == N.Index && Then(Pos + 1);
    case Kind::Set:
      return Pos < Text.size() &&
             P.Sets[N.Index].test(static_cast<unsigned char>(Text[Pos])) &&
             Then(Pos + 1);
    case Kind::Any:
      return Pos < Text.size() && Then(Pos + 1);
    case Kind::Begin:
      return Pos == 0 && Then(Pos);
    case Kind::End:
      return Pos == Text.size() && Then(Pos);
    case Kind::Group:
      for (const Program::Alternative &A : P.Groups[N.Index]) {
        if (!A.Nullable &&
            (Pos == Text.size() ||
             !A.First.test(static_cast<unsigned char>(Text[Pos]))))
          continue;
        if (sequence(P.nodes(A), 0, Pos, Then))
          return true;
        if (Exhausted)
          return false;
      }
      return false;
    }
    return false;
  }

  const Program &P;
  llvm::StringRef Text;
  unsigned Steps = 0;
  bool Exhausted = false;
};

} // namespace

std::optional<SmallRegex> SmallRegex::read(llvm::StringRef ERE) {
  auto P = std::make_shared<Program>();
  if (!Reader(ERE, *P).read())
    return std::nullopt;
  return SmallRegex(std::move(P));
}

std::optional<bool> SmallRegex::match(llvm::StringRef Text) const {
  // Short texts are lowered on the stack.
  llvm::SmallString<64> Lower;
  Lower.reserve(Text.size());
  for (char C : Text)
    Lower.push_back(llvm::toLower(C));
  return Matcher(*P, Lower).run();
}

} // namespace clang::tidy::logstream::utils
