//===--- PrintfFormat.cpp - printf format strings and printf-like calls ---===//

#include "PrintfFormat.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::logstream::utils {

std::optional<std::vector<Conversion>>
parsePrintfFormat(llvm::StringRef Format) {
  std::vector<Conversion> Out;
  unsigned NextArg = 0;
  for (size_t I = 0; I < Format.size(); ++I) {
    if (Format[I] != '%')
      continue;
    Conversion C;
    C.Begin = I++;
    if (I < Format.size() && Format[I] == '%')
      continue; // "%%"
    // Flags.
    while (I < Format.size() && llvm::StringRef("-+ #0'I").contains(Format[I]))
      ++I;
    // Width.
    if (I < Format.size() && Format[I] == '*') {
      C.StarWidth = true;
      ++I;
    } else {
      size_t Digits = I;
      while (I < Format.size() && llvm::isDigit(Format[I]))
        ++I;
      if (I < Format.size() && Format[I] == '$' && I > Digits)
        return std::nullopt; // positional arguments
    }
    // Precision.
    if (I < Format.size() && Format[I] == '.') {
      ++I;
      if (I < Format.size() && Format[I] == '*') {
        C.StarPrecision = true;
        ++I;
      } else {
        unsigned P = 0;
        while (I < Format.size() && llvm::isDigit(Format[I]))
          P = P * 10 + (Format[I++] - '0');
        C.Precision = P;
      }
    }
    // Length modifiers.
    while (I < Format.size() && llvm::StringRef("hlLqjzt").contains(Format[I]))
      C.Length += Format[I++];
    if (I >= Format.size())
      return std::nullopt;
    C.Kind = Format[I];
    C.End = I + 1;
    if (C.Kind == 'm') {
      Out.push_back(C);
      continue;
    }
    if (!llvm::StringRef("diouxXeEfFgGaAcspCS").contains(C.Kind))
      return std::nullopt;
    if (C.StarWidth)
      ++NextArg;
    if (C.StarPrecision)
      ++NextArg;
    C.Arg = NextArg++;
    Out.push_back(C);
  }
  return Out;
}

std::optional<PrintfCall> printfShape(const CallExpr *Call) {
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !F->getIdentifier())
    return std::nullopt;
  if (F->getDeclContext()->getRedeclContext()->isTranslationUnit() ||
      F->getDeclContext()->getRedeclContext()->isStdNamespace()) {
    std::optional<PrintfCall> Known =
        llvm::StringSwitch<std::optional<PrintfCall>>(F->getName())
            .Case("printf", PrintfCall{0, 1})
            .Case("fprintf", PrintfCall{1, 2})
            .Case("dprintf", PrintfCall{1, 2})
            .Case("syslog", PrintfCall{1, 2})
            .Case("err", PrintfCall{1, 2})
            .Case("errx", PrintfCall{1, 2})
            .Case("warn", PrintfCall{0, 1})
            .Case("warnx", PrintfCall{0, 1})
            .Default(std::nullopt);
    if (Known)
      return Known;
  }
  if (const auto *A = F->getAttr<FormatAttr>()) {
    if (!A->getType() || A->getType()->getName() != "printf" ||
        A->getFirstArg() == 0)
      return std::nullopt;
    // Attribute indices count from 1, and from 2 in a member function (the
    // implicit object).
    unsigned Shift =
        isa<CXXMethodDecl>(F) && !cast<CXXMethodDecl>(F)->isStatic() ? 2 : 1;
    if (A->getFormatIdx() < static_cast<int>(Shift))
      return std::nullopt;
    return PrintfCall{static_cast<unsigned>(A->getFormatIdx()) - Shift,
                      static_cast<unsigned>(A->getFirstArg()) - Shift};
  }
  return std::nullopt;
}

} // namespace clang::tidy::logstream::utils
