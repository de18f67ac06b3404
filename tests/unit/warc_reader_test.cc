// WARC and WARC.gz reading: which records become documents, how their payload is decoded, and
// what happens to damaged files. The files are built here, record by record.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "clean/cleaner.h"
#include "lagebild/reader.h"
#include "read/format_sniffer.h"
#include "read/http_payload.h"

namespace lagebild {
namespace {

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& date = "2023-09-12T07:00:00Z", const std::string& length = "") {
  std::string header = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Date: " + date + "\r\n";
  if (!uri.empty()) header += "WARC-Target-URI: " + uri + "\r\n";
  header += "Content-Length: " + (length.empty() ? std::to_string(block.size()) : length) + "\r\n\r\n";
  return header + block + "\r\n\r\n";
}

std::string Http(int status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\n" + headers + "\r\n" + body;
}

std::string HtmlResponse(const std::string& uri, const std::string& body, const std::string& date = "2023-09-12T07:00:00Z") {
  return Record("response", uri, Http(200, "Content-Type: text/html; charset=utf-8\r\n", body), date);
}

// One gzip member (the .warc.gz layout: one per record).
std::string Gzip(const std::string& data) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::vector<RawDocument> ReadAll(const std::string& bytes, std::vector<ReadIssue>& issues,
                                 InputFormat format = InputFormat::kWarc) {
  auto reader = MakeReader(format, "crawl.warc", bytes);
  std::vector<RawDocument> docs;
  while (auto doc = reader->Next(issues)) docs.push_back(std::move(*doc));
  return docs;
}

// A small crawl: three pages among records that are no documents.
std::vector<std::string> Crawl() {
  return {
      Record("warcinfo", "", "software: test\r\n"),
      Record("request", "https://a.example/1", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"),
      HtmlResponse("https://a.example/1", "<html><body><p>Eins.</p></body></html>"),
      Record("metadata", "https://a.example/1", "fetchTimeMs: 12\r\n"),
      Record("response", "https://a.example/logo.png", Http(200, "Content-Type: image/png\r\n", "\x89PNG")),
      Record("response", "https://a.example/gone", Http(404, "Content-Type: text/html\r\n", "<p>weg</p>")),
      Record("revisit", "https://a.example/1", "HTTP/1.1 304 Not Modified\r\n\r\n"),
      Record("response", "https://a.example/2",
             Http(200, "Content-Type: application/xhtml+xml\r\n", "<html><body><p>Zwei.</p></body></html>"),
             "2023-06-19T10:15:00Z"),
      HtmlResponse("https://a.example/3", "<p>Drei.</p>"),
  };
}

std::string Joined(const std::vector<std::string>& records, bool gzip_each = false) {
  std::string out;
  for (const std::string& record : records) out += gzip_each ? Gzip(record) : record;
  return out;
}

void ExpectCrawlDocuments(const std::vector<RawDocument>& docs) {
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].content, "<html><body><p>Eins.</p></body></html>");
  EXPECT_EQ(docs[0].type, ContentType::kHtml);
  EXPECT_EQ(docs[0].meta.url, "https://a.example/1");
  EXPECT_EQ(docs[0].meta.fetched, "2023-09-12");
  EXPECT_EQ(docs[0].meta.published, std::nullopt);  // the page's own date would win
  EXPECT_EQ(docs[0].meta.id, "crawl.warc:3");         // the third record
  EXPECT_EQ(docs[1].meta.url, "https://a.example/2");
  EXPECT_EQ(docs[1].meta.fetched, "2023-06-19");
  EXPECT_EQ(docs[2].content, "<p>Drei.</p>");
}

TEST(WarcReaderTest, HtmlResponsesBecomeDocumentsAndOtherRecordsAreSkipped) {
  std::vector<ReadIssue> issues;
  ExpectCrawlDocuments(ReadAll(Joined(Crawl()), issues));
  EXPECT_TRUE(issues.empty());
}

TEST(WarcReaderTest, GzipOneMemberPerRecordOrOneStreamReadsTheSame) {
  std::vector<ReadIssue> issues;
  ExpectCrawlDocuments(ReadAll(Joined(Crawl(), true), issues));
  ExpectCrawlDocuments(ReadAll(Gzip(Joined(Crawl())), issues));
  EXPECT_TRUE(issues.empty());
}

TEST(WarcReaderTest, ChunkedGzipAndDeflatePayloadsAreDecoded) {
  const std::string page = "<p>Kim reist nach Moskau.</p>";
  const std::string gzipped = Gzip(page);
  std::string chunked;
  for (size_t at = 0; at < gzipped.size(); at += 7) {
    const std::string piece = gzipped.substr(at, 7);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    chunked += std::string(size) + "\r\n" + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string warc =
      Record("response", "https://a.example/c",
             Http(200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked)) +
      // stored decoded although the header says gzip, as some archives do
      Record("response", "https://a.example/d", Http(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", page));
  std::vector<ReadIssue> issues;
  const std::vector<RawDocument> docs = ReadAll(warc, issues);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].content, page);
  EXPECT_EQ(docs[1].content, page);
  EXPECT_TRUE(issues.empty());
}

TEST(WarcReaderTest, CharsetFromTheHeaderElseThePageBecomesUtf8) {
  const std::string warc =
      Record("response", "https://a.example/l", Http(200, "Content-Type: text/html; charset=ISO-8859-1\r\n", "<p>Gr\xFC\xDF" "e \x93zitiert\x94</p>")) +
      Record("response", "https://a.example/w",
             Http(200, "Content-Type: text/html\r\n", "<meta charset=\"windows-1252\"><p>K\xF6ln</p>")) +
      Record("response", "https://a.example/u", Http(200, "Content-Type: text/html; charset=nonsense\r\n", "<p>K\xC3\xB6ln</p>"));
  std::vector<ReadIssue> issues;
  const std::vector<RawDocument> docs = ReadAll(warc, issues);
  ASSERT_EQ(docs.size(), 3u);
  // ISO-8859-1 means windows-1252, as in browsers: 0x93/0x94 are quotes
  EXPECT_EQ(docs[0].content, "<p>Grüße “zitiert”</p>");
  EXPECT_EQ(docs[1].content, "<meta charset=\"windows-1252\"><p>Köln</p>");
  EXPECT_EQ(docs[2].content, "<p>Köln</p>");  // an unknown charset leaves the bytes alone
}

TEST(WarcReaderTest, TruncatedLastRecordIsAnIssueNamingItAndItsOffset) {
  const std::string first = HtmlResponse("https://a.example/1", "<p>Eins.</p>");
  const std::string second = HtmlResponse("https://a.example/2", "<p>Zwei, abgeschnitten.</p>");
  std::vector<ReadIssue> issues;
  std::vector<RawDocument> docs = ReadAll(first + second.substr(0, second.size() - 20), issues);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].location, "crawl.warc:record 2 (offset " + std::to_string(first.size()) + ")");
  EXPECT_NE(issues[0].message.find("truncated"), std::string::npos);

  // the same in gzip: the last member ends in the middle
  issues.clear();
  const std::string second_member = Gzip(second);
  docs = ReadAll(Gzip(first) + second_member.substr(0, second_member.size() / 2), issues);
  EXPECT_EQ(docs.size(), 1u);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].location.find("record 2"), std::string::npos);
  EXPECT_NE(issues[0].message.find("ends early (truncated file)"), std::string::npos) << issues[0].message;
}

TEST(WarcReaderTest, BadContentLengthSkipsTheRecordAndTheNextIsStillRead) {
  const std::string block = Http(200, "Content-Type: text/html\r\n", "<p>Eins.</p>");
  for (const std::string& length : {std::to_string(block.size() + 30), std::to_string(block.size() - 5),
                                    std::string("zwölf"), std::string("99999999999999999999999")}) {
    std::vector<ReadIssue> issues;
    const std::vector<RawDocument> docs =
        ReadAll(Record("response", "https://a.example/1", block, "2023-09-12T07:00:00Z", length) +
                    HtmlResponse("https://a.example/2", "<p>Zwei.</p>"),
                issues);
    ASSERT_EQ(docs.size(), 1u) << length;
    EXPECT_EQ(docs[0].meta.url, "https://a.example/2");
    ASSERT_EQ(issues.size(), 1u) << length;
    EXPECT_EQ(issues[0].location, "crawl.warc:record 1 (offset 0)");
  }
}

TEST(WarcReaderTest, HugeContentLengthIsNeitherAllocatedNorAwaited) {
  std::vector<ReadIssue> issues;
  const std::vector<RawDocument> docs =
      ReadAll(Record("response", "https://a.example/1", "<p>x</p>", "2023-09-12T07:00:00Z", "9000000000000"), issues);
  EXPECT_TRUE(docs.empty());
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_NE(issues[0].message.find("larger than 32 MiB"), std::string::npos);
  EXPECT_NE(issues[1].message.find("truncated"), std::string::npos);
}

TEST(WarcReaderTest, CorruptGzipMemberLosesOnlyItsRecord) {
  std::vector<std::string> members;
  for (int i = 1; i <= 3; ++i) {
    members.push_back(Gzip(HtmlResponse("https://a.example/" + std::to_string(i), "<p>Seite " + std::to_string(i) + ".</p>")));
  }
  for (size_t at = 12; at < members[1].size() - 8; ++at) members[1][at] = static_cast<char>(members[1][at] ^ 0x55);
  std::vector<ReadIssue> issues;
  const std::vector<RawDocument> docs = ReadAll(members[0] + members[1] + members[2], issues);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].meta.url, "https://a.example/1");
  EXPECT_EQ(docs[1].meta.url, "https://a.example/3");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].message.find("corrupt gzip data in the member at offset " + std::to_string(members[0].size())),
            std::string::npos)
      << issues[0].message;
}

TEST(WarcReaderTest, GarbageIsSkippedToTheNextRecord) {
  std::vector<ReadIssue> issues;
  std::vector<RawDocument> docs = ReadAll("Müll\nmehr Müll\n" + HtmlResponse("https://a.example/1", "<p>Eins.</p>"), issues);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].location, "crawl.warc:offset 0");
  issues.clear();
  EXPECT_TRUE(ReadAll("", issues).empty());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].message.find("no WARC records"), std::string::npos);
}

TEST(WarcReaderTest, RandomDamageNeverCrashesOrHangs) {
  const std::string plain = Joined(Crawl());
  const std::string gzipped = Joined(Crawl(), true);
  std::mt19937 random(7);
  for (int round = 0; round < 400; ++round) {
    std::string bytes = round % 2 == 0 ? plain : gzipped;
    const int edits = 1 + static_cast<int>(random() % 8);
    for (int e = 0; e < edits; ++e) {
      const size_t at = random() % bytes.size();
      switch (random() % 3) {
        case 0: bytes[at] = static_cast<char>(random()); break;
        case 1: bytes.erase(at, random() % 64); break;
        default: bytes.insert(at, std::string(random() % 16, static_cast<char>(random()))); break;
      }
    }
    std::vector<ReadIssue> issues;
    const std::vector<RawDocument> docs = ReadAll(bytes, issues);
    EXPECT_LE(docs.size(), 3u);
  }
}

TEST(WarcReaderTest, SniffedByNameAndContentAndStreamedFromAFile) {
  EXPECT_EQ(FormatFromFileName("CC-NEWS-20230912.warc.gz"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromFileName("crawl.WARC"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromContent("WARC/1.1\r\nWARC-Type: warcinfo\r\n"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromContent(Gzip("WARC/1.0\r\nWARC-Type: warcinfo\r\n")), InputFormat::kWarc);
  EXPECT_EQ(FormatFromContent(Gzip("Hallo")), InputFormat::kText);

  const std::filesystem::path path = std::filesystem::temp_directory_path() / "lagebild-test-crawl.bin";
  std::ofstream(path, std::ios::binary) << Joined(Crawl(), true);
  Status status;
  auto reader = OpenReader(path.string(), InputFormat::kAuto, status);  // no telling name: sniffed
  ASSERT_TRUE(reader) << status.message();
  std::vector<ReadIssue> issues;
  std::vector<RawDocument> docs;
  while (auto doc = reader->Next(issues)) docs.push_back(std::move(*doc));
  std::filesystem::remove(path);
  EXPECT_EQ(docs.size(), 3u);
  EXPECT_TRUE(issues.empty());
}

TEST(WarcReaderTest, ThePagesOwnDateWinsOverTheFetchDate) {
  RawDocument raw;
  raw.type = ContentType::kHtml;
  raw.meta.fetched = "2023-09-12";
  raw.content = "<p>Ohne Datum.</p>";
  EXPECT_EQ(Cleaner().Clean(raw).meta.published, "2023-09-12");
  raw.content = R"(<meta property="article:published_time" content="2023-09-11T22:00:00Z"><p>Mit Datum.</p>)";
  EXPECT_EQ(Cleaner().Clean(raw).meta.published, "2023-09-11");
}

TEST(HttpPayloadTest, StatusHeadersAndBody) {
  const auto response = ParseHttpResponse("HTTP/1.1 301 Moved\r\nCONTENT-TYPE: Text/HTML; charset=UTF-8\r\n\r\nbody");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 301);
  EXPECT_EQ(MediaType(response->content_type), "text/html");
  EXPECT_EQ(response->body, "body");
  EXPECT_FALSE(ParseHttpResponse("GET / HTTP/1.1\r\n\r\n"));
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 200 OK\r\nno end"));
  std::string problem;
  HttpResponse brotli{200, "text/html", "br", "", "x"};
  EXPECT_FALSE(DecodeHttpBody(brotli, 1000, problem));
  EXPECT_NE(problem.find("br is not supported"), std::string::npos);
  HttpResponse bomb{200, "text/html", "gzip", "", ""};
  const std::string zeros = Gzip(std::string(1 << 20, '\0'));
  bomb.body = zeros;
  EXPECT_FALSE(DecodeHttpBody(bomb, 1000, problem));
  EXPECT_NE(problem.find("inflates beyond"), std::string::npos);
}

}  // namespace
}  // namespace lagebild
