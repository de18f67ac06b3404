#include "read/document_parts.h"

#include <gtest/gtest.h>

namespace lagebild {
namespace {

TEST(DocumentPartsTest, PartsEndAtTheStrongestBreakInTheirSecondHalf) {
  EXPECT_EQ(PartEnd("kurz", 10), 4u);
  EXPECT_EQ(PartEnd("Eins zwei drei.\n\nVier. Fuenf", 22), 17u);     // paragraph break
  EXPECT_EQ(PartEnd("Eins zwei.\nDrei. Vier fuenf", 20), 11u);       // line break
  EXPECT_EQ(PartEnd("Eins zwei drei. Vier fuenf sechs", 20), 16u);  // end of a sentence
  EXPECT_EQ(PartEnd("Eins zwei drei vier fuenf", 20), 20u);          // a space
  // a paragraph break in the first half is too early: the sentence end later wins
  EXPECT_EQ(PartEnd("A.\n\nEins zwei. Drei vier fuenf", 20), 15u);
  // no break at all: the last whole UTF-8 character ("ä" is two bytes at 9 and 10)
  EXPECT_EQ(PartEnd("abcdefghiäbcdefghijk", 10), 9u);
}

class ListReader : public Reader {
 public:
  explicit ListReader(std::vector<RawDocument> docs) : docs_(std::move(docs)) {}
  std::optional<RawDocument> Next(std::vector<ReadIssue>&) override {
    if (next_ == docs_.size()) return std::nullopt;
    return docs_[next_++];
  }

 private:
  std::vector<RawDocument> docs_;
  size_t next_ = 0;
};

RawDocument Raw(std::string id, std::string content, ContentType type = ContentType::kText) {
  RawDocument raw;
  raw.meta.id = std::move(id);
  raw.type = type;
  raw.content = std::move(content);
  return raw;
}

TEST(DocumentPartsTest, ALongTextBecomesNumberedPartsWithNothingLostAndOneWarning) {
  std::string sentences;
  for (int i = 0; i < 40; ++i) sentences += "Kim trifft Putin. ";
  auto reader = SplitLongDocuments(
      std::make_unique<ListReader>(std::vector{Raw("a.txt", "kurz"), Raw("long.txt", sentences), Raw("page.html", sentences, ContentType::kHtml)}),
      100);
  std::vector<ReadIssue> issues;
  std::vector<RawDocument> docs;
  while (auto doc = reader->Next(issues)) docs.push_back(std::move(*doc));
  ASSERT_EQ(docs.size(), 1u + 8u + 1u);  // 18 bytes a sentence, 5 to a part of 100 bytes
  EXPECT_EQ(docs[0].meta.id, "a.txt");
  std::string joined;
  for (size_t i = 1; i <= 8; ++i) {
    EXPECT_EQ(docs[i].meta.id, "long.txt#part-" + std::to_string(i));
    EXPECT_LE(docs[i].content.size(), 100u);
    EXPECT_TRUE(docs[i].content.ends_with("Putin. ")) << docs[i].content;
    joined += docs[i].content;
  }
  EXPECT_EQ(joined, sentences);
  EXPECT_EQ(docs[9].meta.id, "page.html");  // HTML is cleaned whole
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].location, "long.txt");
  EXPECT_EQ(issues[0].severity, ReadIssue::Severity::kWarning);
}

}  // namespace
}  // namespace lagebild
