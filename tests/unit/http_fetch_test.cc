// Fetching URL sources against a cpp-httplib server on 127.0.0.1 started by the test: a feed, a
// redirect, a 404, the size limit, a refused connection and TLS to a server that speaks none.
// Nothing here leaves the machine.
#include "read/http_fetch.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "lagebild/reader.h"

namespace lagebild {
namespace {

constexpr const char* kFeed =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Lokal</title>"
    "<item><title>Eins</title><link>https://a.example/1</link><description>Kim reist nach Moskau.</description></item>"
    "<item><title>Zwei</title><link>https://a.example/2</link><description>Putin wartet.</description></item>"
    "</channel></rss>";

class LocalServer {
 public:
  LocalServer() {
    server_.Get("/feed.rss", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kFeed, "application/rss+xml");
    });
    server_.Get("/old-feed", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/feed.rss"); });
    server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(4 << 20, 'x'), "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~LocalServer() {
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path, const std::string& scheme = "http") const {
    return scheme + "://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

const FetchLimits kTestLimits{std::chrono::seconds(10), size_t{1} << 20};

TEST(HttpFetchTest, FeedIsFetchedAndReadAsAFeed) {
  LocalServer server;
  FetchedBody fetched;
  const Status status = FetchUrl(server.Url("/feed.rss"), kTestLimits, fetched);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(fetched.content_type, "application/rss+xml");
  auto reader = MakeReader(InputFormat::kAuto, server.Url("/feed.rss"), fetched.bytes);
  std::vector<ReadIssue> issues;
  std::vector<RawDocument> docs;
  while (auto doc = reader->Next(issues)) docs.push_back(std::move(*doc));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].meta.url, "https://a.example/2");
}

TEST(HttpFetchTest, RedirectsAreFollowed) {
  LocalServer server;
  FetchedBody fetched;
  const Status status = FetchUrl(server.Url("/old-feed#top"), kTestLimits, fetched);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(fetched.bytes, kFeed);
  EXPECT_EQ(fetched.url, server.Url("/feed.rss"));
}

TEST(HttpFetchTest, FailuresSayWhatFailed) {
  LocalServer server;
  FetchedBody fetched;
  Status status = FetchUrl(server.Url("/missing"), kTestLimits, fetched);
  EXPECT_EQ(status.message(), server.Url("/missing") + ": HTTP 404 Not Found");
  status = FetchUrl(server.Url("/big"), kTestLimits, fetched);
  EXPECT_NE(status.message().find("larger than 1 MiB"), std::string::npos) << status.message();
  status = FetchUrl(server.Url("/feed.rss", "https"), kTestLimits, fetched);
  EXPECT_NE(status.message().find("TLS"), std::string::npos) << status.message();
  status = FetchUrl("http://127.0.0.1:1/feed.rss", kTestLimits, fetched);  // nothing listens on port 1
  EXPECT_NE(status.message().find("cannot connect to http://127.0.0.1:1"), std::string::npos) << status.message();
}

TEST(HttpFetchTest, OnlyHttpAndHttpsAreUrls) {
  EXPECT_TRUE(IsHttpUrl("https://a.example/feed"));
  EXPECT_TRUE(IsHttpUrl("HTTP://a.example"));
  EXPECT_FALSE(IsHttpUrl("ftp://a.example"));
  EXPECT_FALSE(IsHttpUrl("http.txt"));
}

}  // namespace
}  // namespace lagebild
