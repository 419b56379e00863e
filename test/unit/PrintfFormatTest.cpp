//===--- PrintfFormatTest.cpp - utils::parsePrintfFormat ------------------===//

#include "utils/PrintfFormat.h"
#include "gtest/gtest.h"

namespace lu = clang::tidy::logstream::utils;

namespace {

TEST(PrintfFormat, ConversionsTakeArgumentsInOrder) {
  auto C = lu::parsePrintfFormat("user=%s uid=%d rate=%.2f%%\n");
  ASSERT_TRUE(C);
  ASSERT_EQ(C->size(), 3u);
  EXPECT_EQ((*C)[0].Kind, 's');
  EXPECT_EQ((*C)[0].Arg, 0u);
  EXPECT_EQ((*C)[1].Kind, 'd');
  EXPECT_EQ((*C)[1].Arg, 1u);
  EXPECT_EQ((*C)[2].Kind, 'f');
  EXPECT_EQ((*C)[2].Precision, 2u);
  EXPECT_EQ((*C)[2].Arg, 2u);
  // Offsets cover the conversion as written.
  EXPECT_EQ((*C)[0].Begin, 5u);
  EXPECT_EQ((*C)[0].End, 7u);
}

TEST(PrintfFormat, StarsConsumeArguments) {
  auto C = lu::parsePrintfFormat("%*s|%.*s|%-8.4s|%zu|%lld");
  ASSERT_TRUE(C);
  ASSERT_EQ(C->size(), 5u);
  EXPECT_TRUE((*C)[0].StarWidth);
  EXPECT_EQ((*C)[0].Arg, 1u);
  EXPECT_TRUE((*C)[1].StarPrecision);
  EXPECT_EQ((*C)[1].Arg, 3u);
  EXPECT_EQ((*C)[2].Precision, 4u);
  EXPECT_EQ((*C)[2].Arg, 4u);
  EXPECT_EQ((*C)[3].Length, "z");
  EXPECT_EQ((*C)[4].Length, "ll");
  EXPECT_EQ((*C)[4].Arg, 6u);
}

TEST(PrintfFormat, GlibcMTakesNoArgument) {
  auto C = lu::parsePrintfFormat("open %s: %m");
  ASSERT_TRUE(C);
  ASSERT_EQ(C->size(), 2u);
  EXPECT_FALSE((*C)[1].Arg.has_value());
}

TEST(PrintfFormat, WhatDoesNotParse) {
  EXPECT_FALSE(lu::parsePrintfFormat("%1$s"));   // positional
  EXPECT_FALSE(lu::parsePrintfFormat("%y"));     // unknown conversion
  EXPECT_FALSE(lu::parsePrintfFormat("tail %")); // truncated
  auto Empty = lu::parsePrintfFormat("no conversions, 100%% literal");
  ASSERT_TRUE(Empty);
  EXPECT_TRUE(Empty->empty());
}

} // namespace
