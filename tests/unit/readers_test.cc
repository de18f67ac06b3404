#include <gtest/gtest.h>

#include "clean/cleaner.h"
#include "lagebild/reader.h"
#include "read/feed_reader.h"
#include "read/format_sniffer.h"

namespace lagebild {
namespace {

std::vector<RawDocument> ReadAll(Reader& reader, std::vector<ReadIssue>& issues) {
  std::vector<RawDocument> docs;
  while (auto doc = reader.Next(issues)) docs.push_back(std::move(*doc));
  return docs;
}

TEST(FeedReaderTest, RssItemsAndAtomEntriesBecomeDocumentsWithTheirMetadata) {
  const std::string rss =
      "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
      "<item><title>Eins</title><link>https://a.example/1</link><pubDate>Tue, 05 Sep 2023 10:00:00 GMT</pubDate>"
      "<description>kurz</description><content:encoded><![CDATA[<p>Lang.</p>]]></content:encoded></item>"
      "<item><title>Leer</title></item>"
      "<item><guid>https://a.example/3</guid><pubDate>5 Sep 2023</pubDate><description>&lt;b&gt;Drei&lt;/b&gt;</description></item>"
      "</channel></rss>";
  auto reader = MakeReader(InputFormat::kAuto, "news.rss", rss);
  std::vector<ReadIssue> issues;
  const std::vector<RawDocument> docs = ReadAll(*reader, issues);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].content, "<p>Lang.</p>");  // the full content before the description
  EXPECT_EQ(docs[0].type, ContentType::kHtml);
  EXPECT_EQ(docs[0].meta.title, "Eins");
  EXPECT_EQ(docs[0].meta.url, "https://a.example/1");
  EXPECT_EQ(docs[0].meta.published, "2023-09-05");
  EXPECT_EQ(docs[0].meta.id, "news.rss:1");
  EXPECT_EQ(docs[1].content, "<b>Drei</b>");
  EXPECT_EQ(docs[1].meta.url, "https://a.example/3");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].location, "news.rss:item 2");

  const std::string atom =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>A</title><link rel=\"self\" href=\"https://x/self\"/>"
      "<link href=\"https://x/a\"/><published>2023-09-13T08:00:00Z</published><content type=\"xhtml\"></content>"
      "<summary>Putin met Kim.</summary></entry></feed>";
  reader = MakeReader(InputFormat::kFeed, "atom", atom);
  const std::vector<RawDocument> entries = ReadAll(*reader, issues);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].content, "Putin met Kim.");  // an empty content gives way to the summary
  EXPECT_EQ(entries[0].meta.url, "https://x/a");    // the alternate link, not self
  EXPECT_EQ(entries[0].meta.published, "2023-09-13");
}

TEST(FeedReaderTest, MalformedFeedsAreOneIssueWithTheirLine) {
  auto reader = MakeReader(InputFormat::kFeed, "bad.rss", "<rss>\n<channel>\n<item><title>x</item>\n</rss>");
  std::vector<ReadIssue> issues;
  EXPECT_TRUE(ReadAll(*reader, issues).empty());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].location, "bad.rss:3");
  EXPECT_NE(issues[0].message.find("not a well-formed feed"), std::string::npos);
  reader = MakeReader(InputFormat::kFeed, "empty.rss", "<rss><channel/></rss>");
  issues.clear();
  EXPECT_TRUE(ReadAll(*reader, issues).empty());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].message.find("without items"), std::string::npos);
}

TEST(FeedReaderTest, DatesInRfc822AndIsoForm) {
  EXPECT_EQ(FeedDate("Tue, 05 Sep 2023 10:00:00 GMT"), "2023-09-05");
  EXPECT_EQ(FeedDate("5 sep 2023 10:00 +0200"), "2023-09-05");
  EXPECT_EQ(FeedDate(" 2023-09-13T08:00:00Z "), "2023-09-13");
  EXPECT_EQ(FeedDate("Tue, 31 Feb 2023 10:00:00 GMT"), std::nullopt);
  EXPECT_EQ(FeedDate("gestern"), std::nullopt);
  EXPECT_EQ(FormatFromFileName("news.atom"), InputFormat::kFeed);
  EXPECT_EQ(FormatFromContent("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><description><![CDATA[<p>x</p>]]>"),
            InputFormat::kFeed);
}

TEST(JsonlReaderTest, ReadsFieldsAndSkipsBadLinesWithTheirLineNumber) {
  const std::string input =
      R"({"id": "a", "url": "https://x.org", "title": "T", "text": "Hallo.", "published": "2023-09-05T10:00:00Z", "lang": "de"})" "\n"
      "{not json\n"
      "\n"
      R"({"id": 7, "html": "<p>Hi</p>"})" "\n"
      R"({"id": "c"})" "\n"
      R"([1, 2])" "\n"
      R"({"id": "d", "text": "x", "published": "5. September"})" "\n";
  auto reader = MakeReader(InputFormat::kJsonl, "in.jsonl", input);
  std::vector<ReadIssue> issues;
  const std::vector<RawDocument> docs = ReadAll(*reader, issues);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].meta.id, "a");
  EXPECT_EQ(docs[0].meta.url, "https://x.org");
  EXPECT_EQ(docs[0].meta.title, "T");
  EXPECT_EQ(docs[0].meta.published, "2023-09-05");
  EXPECT_EQ(docs[0].meta.lang, "de");
  EXPECT_EQ(docs[0].content, "Hallo.");
  EXPECT_EQ(docs[1].meta.id, "7");
  EXPECT_EQ(docs[1].type, ContentType::kHtml);
  EXPECT_EQ(docs[2].meta.published, std::nullopt);
  ASSERT_EQ(issues.size(), 4u);
  EXPECT_EQ(issues[0].location, "in.jsonl:2");
  EXPECT_NE(issues[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(issues[1].location, "in.jsonl:5");
  EXPECT_EQ(issues[2].location, "in.jsonl:6");
  EXPECT_EQ(issues[3].location, "in.jsonl:7");
}

TEST(WholeInputReaderTest, EmptyAndBinaryInputAreSkippedWithAReason) {
  std::vector<ReadIssue> issues;
  EXPECT_FALSE(MakeReader(InputFormat::kText, "empty.txt", "")->Next(issues));
  EXPECT_FALSE(MakeReader(InputFormat::kText, "bin", std::string("\x7F" "ELF\0\0\0", 7))->Next(issues));
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_NE(issues[0].message.find("empty"), std::string::npos);
  EXPECT_NE(issues[1].message.find("binary"), std::string::npos);
}

TEST(WholeInputReaderTest, AutoDetectsHtml) {
  std::vector<ReadIssue> issues;
  auto doc = MakeReader(InputFormat::kAuto, "page", "  <!DOCTYPE html><p>x</p>")->Next(issues);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->type, ContentType::kHtml);
  EXPECT_EQ(doc->meta.id, "page");
}

TEST(WholeInputReaderTest, HtmlInTheCharsetItDeclaresBecomesUtf8Text) {
  // The reader passes the bytes on; the clean stage decodes them by the page's declaration.
  std::vector<ReadIssue> issues;
  auto raw = MakeReader(InputFormat::kHtml, "page", "<meta charset=\"iso-8859-1\"><p>Gr\xFC\xDF" "e aus K\xF6ln</p>")->Next(issues);
  ASSERT_TRUE(raw);
  EXPECT_EQ(Cleaner().Clean(std::move(*raw)).text, "Grüße aus Köln");
}

TEST(OpenReaderTest, MissingFileIsAnErrorNamingTheFile) {
  Status status;
  EXPECT_EQ(OpenReader("/nonexistent/article.txt", InputFormat::kAuto, status), nullptr);
  EXPECT_NE(status.message().find("/nonexistent/article.txt"), std::string::npos);
}

TEST(FormatSnifferTest, NameThenContent) {
  EXPECT_EQ(FormatFromFileName("a/b.HTML"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromFileName("x.ndjson"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromFileName("x.txt"), InputFormat::kText);
  EXPECT_EQ(FormatFromFileName("README"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromContent("{\"text\": 1}"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromContent("\xEF\xBB\xBF<html><body>"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromContent("<3 Berlin"), InputFormat::kText);
  EXPECT_EQ(FormatFromContent("Nachricht"), InputFormat::kText);
}

}  // namespace
}  // namespace lagebild
