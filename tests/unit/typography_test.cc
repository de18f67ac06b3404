#include "segment/typography.h"

#include <gtest/gtest.h>

namespace lagebild {
namespace {

TEST(FoldTypographyTest, FoldsVariantsToOnePlainForm) {
  const std::pair<const char*, const char*> cases[] = {
      {"Iran\u2019s", "Iran's"},
      {"Iran`s", "Iran's"},
      {"\u201EWir\u201C", "\"Wir\""},
      {"\u00BBJa\u00AB", "\"Ja\""},
      {"US\u2010Beamte", "US-Beamte"},
      {"1990\u20132000", "1990-2000"},
      {"\u2212" "5", "-5"},
      {"Herr \u2026 ernst", "Herr ... ernst"},
      {"\uFB01nal", "final"},
      {"\uFF35\uFF33", "US"},
      {"Pj\u00F6ngjang", "Pj\u00F6ngjang"},
      {"plain ASCII", "plain ASCII"},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(FoldTypography(input), expected) << input;
}

}  // namespace
}  // namespace lagebild
