#include "compile/actor_source.h"

#include <gtest/gtest.h>

#include "compile/package_sources.h"
#include "compile/source_lines.h"

namespace lagebild {
namespace {

CodeRegistry TestRegistry() {
  CodeRegistry registry = DefaultCodeRegistry();
  registry.countries = {"RUS", "PRK", "USA", "DEU"};
  registry.special_codes = {"IGOUNO", "IGOUNOIAE", "WST"};
  return registry;
}

std::vector<ActorEntry> Parse(const std::string& text) {
  std::vector<ActorEntry> entries;
  const Status status = ParseActorSource("people.txt", text, entries);
  EXPECT_TRUE(status.ok()) << status.message();
  return entries;
}

TEST(ActorSourceTest, ParsesAnEntryWithNamesAndDatedRoles) {
  const auto entries = Parse(
      "# comment\n"
      "@sergei-shoigu person RUS\n"
      "  en: Sergei Shoigu | Sergei K. Shoigu\n"
      "  de: Sergei Schoigu\n"
      "  gender: m\n"
      "  2012-11-06 2024-05-12 RUSGOV defence-minister\n"
      "  2024-05 -          RUSGOV security-council-secretary ; note\n"
      "\n"
      "@un organisation IGO\n"
      "  name: UN\n"
      "  alias: UNO\n"
      "  code: IGOUNO\n");
  ASSERT_EQ(entries.size(), 2u);
  const ActorEntry& shoigu = entries[0];
  EXPECT_EQ(shoigu.id, "sergei-shoigu");
  EXPECT_EQ(shoigu.country, "RUS");
  EXPECT_EQ(shoigu.gender, 'm');
  ASSERT_EQ(shoigu.names.size(), 3u);
  EXPECT_EQ(shoigu.names[1].text, "Sergei K. Shoigu");
  EXPECT_EQ(shoigu.names[2].language, NameLanguage::kGerman);
  ASSERT_EQ(shoigu.periods.size(), 2u);
  EXPECT_EQ(shoigu.periods[0].from, 20121106);
  EXPECT_EQ(shoigu.periods[0].to, 20240512);
  EXPECT_EQ(shoigu.periods[1].from, 20240501);
  EXPECT_EQ(shoigu.periods[1].to, kOpenEnd);
  EXPECT_EQ(shoigu.periods[1].where.line, 7);
  EXPECT_TRUE(entries[1].names[1].alias);
  EXPECT_EQ(entries[1].fixed_code, "IGOUNO");
  EXPECT_TRUE(ValidateActors(entries, TestRegistry()).empty());
}

TEST(ActorSourceTest, SyntaxErrorsNameFileAndLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"@Bad_Id person RUS\n", "people.txt:1: invalid id"},
      {"@a person\n", "people.txt:1: an entry header is"},
      {"@a robot RUS\n", "people.txt:1: unknown kind 'robot'"},
      {"@a person RUS\n  en: A\n  2020-02-30 - RUSGOV minister\n", "people.txt:3: invalid date '2020-02-30'"},
      {"@a person RUS\n  en: A\n  2021-01-01 2020-01-01 RUSGOV minister\n", "people.txt:3: the role ends"},
      {"@a person RUS\n  en: A\n  2021 - RUSGOV\n", "people.txt:3: a role line is"},
      {"@a person RUS\n  colour: red\n", "people.txt:2: unknown key 'colour'"},
      {"  en: A\n", "people.txt:1: indented line outside an entry"},
      {"@a person RUS\nen: A\n", "people.txt:2: expected an entry header"},
  };
  for (const auto& [text, expected] : cases) {
    std::vector<ActorEntry> entries;
    const Status status = ParseActorSource("people.txt", text, entries);
    EXPECT_EQ(status.message().rfind(expected, 0), 0u) << "got: " << status.message();
  }
}

// A syntax error does not end the reading: every one of the file is listed, and the lines of an
// entry with a broken header are not read (they would only repeat it).
TEST(ActorSourceTest, EverySyntaxErrorOfAFileIsListed) {
  std::vector<ActorEntry> entries;
  const Status status = ParseActorSource("people.txt",
                                         "@a person RUS\n"
                                         "  en: A\n"
                                         "  2020-02-30 - RUSGOV minister\n"
                                         "@b robot RUS\n"
                                         "  en: B\n"
                                         "  colour: red\n"
                                         "@c person RUS\n"
                                         "  colour: blue\n"
                                         "  en: C\n",
                                         entries);
  std::vector<std::string> problems;
  AppendProblems(status, problems);
  ASSERT_EQ(problems.size(), 3u) << status.message();
  EXPECT_EQ(problems[0].rfind("people.txt:3: invalid date '2020-02-30'", 0), 0u) << problems[0];
  EXPECT_EQ(problems[1], "people.txt:4: unknown kind 'robot'");
  EXPECT_EQ(problems[2], "people.txt:8: unknown key 'colour'");
  ASSERT_EQ(entries.size(), 2u);  // a and c; c has its name from the line after the error
  EXPECT_EQ(entries[1].names.size(), 1u);
}

TEST(ActorSourceTest, AFileOfGarbageIsSummedUpAfterFiftyProblems) {
  std::string garbage;
  for (int i = 0; i < 500; ++i) garbage += "not a dictionary line\n";
  std::vector<ActorEntry> entries;
  std::vector<std::string> problems;
  AppendProblems(ParseActorSource("junk.txt", garbage, entries), problems);
  ASSERT_EQ(problems.size(), 51u);
  EXPECT_EQ(problems.back(), "junk.txt: 450 more problem(s) not listed");
}

TEST(ActorSourceTest, ValidationFindsEveryProblemWithItsLine) {
  const auto entries = Parse(
      "@a person RUS\n"
      "  en: A\n"
      "  2010-01-01 2015-01-01 RUSGOV minister\n"
      "  2014-06-01 2016-01-01 RUSMIL military-chief\n"
      "  2014-01-01 2015-01-01 RUSGOV party-leader\n"
      "  2016-01-01 - RUSXYZ minister\n"
      "  2017-01-01 - FOOGOV emperor\n"
      "@a person ZZZ\n"
      "  en: B\n"
      "@c organisation IGO\n"
      "  en: C\n");
  const std::vector<std::string> problems = ValidateActors(entries, TestRegistry());
  const std::vector<std::string> expected = {
      "people.txt:6: unknown code 'RUSXYZ'",
      "people.txt:7: unknown code 'FOOGOV'",
      "people.txt:7: unknown role 'emperor'",
      "people.txt:4: period with code RUSMIL overlaps line 3 with code RUSGOV",
      "people.txt:4: period with code RUSMIL overlaps line 5 with code RUSGOV",
      "people.txt:7: period with code FOOGOV overlaps line 6 with code RUSXYZ",
      "people.txt:8: id 'a' is already used at people.txt:1",
      "people.txt:8: unknown country 'ZZZ'",
      "people.txt:10: 'c' needs a `code:` line or role lines",
  };
  EXPECT_EQ(problems, expected);
}

TEST(CodeRegistryTest, CountryOrSpecialCodeFollowedBySectors) {
  const CodeRegistry registry = TestRegistry();
  for (const char* valid : {"RUS", "RUSGOV", "PRKMIL", "USAGOVSPY", "IGOUNO", "IGOUNOIAE", "WSTMIL", "IGO", "NGO"}) {
    EXPECT_TRUE(registry.IsValidCode(valid)) << valid;
  }
  for (const char* invalid : {"", "RU", "RUSG", "RUSGOVX", "XXXGOV", "IGOFOO", "rusgov", "RUSABC"}) {
    EXPECT_FALSE(registry.IsValidCode(invalid)) << invalid;
  }
}

TEST(EnglishPluralTest, RegularRules) {
  EXPECT_EQ(EnglishPlural("official"), "officials");
  EXPECT_EQ(EnglishPlural("spokesman"), "spokesmen");
  EXPECT_EQ(EnglishPlural("ministry"), "ministries");
  EXPECT_EQ(EnglishPlural("attorney"), "attorneys");
  EXPECT_EQ(EnglishPlural("witness"), "witnesses");
}

}  // namespace
}  // namespace lagebild
