// The PostgreSQL store (src/store/postgres_*.cc) against a server: one copy per document, events
// folded with counts that stay right when two writers store reports of the same events at once,
// migrations applied once, and the queue's claims. tests/cli/postgres_worker_test.sh starts a
// throw-away server and runs these with LAGEBILD_TEST_POSTGRES_URL set to a database they may
// wipe; without it they skip.
#include <gtest/gtest.h>

#include <cstdlib>
#include <pqxx/pqxx>
#include <thread>

#include "store/document_queue.h"
#include "store/event_key.h"
#include "store/postgres_schema.h"
#include "store/store.h"
#include "store/store_location.h"
#include "test_support.h"

namespace lagebild {
namespace {

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("LAGEBILD_TEST_POSTGRES_URL");
    if (url == nullptr) GTEST_SKIP() << "LAGEBILD_TEST_POSTGRES_URL is not set (tests/cli/postgres_worker_test.sh sets it)";
    url_ = url;
    Sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  }

  std::unique_ptr<Store> Open() {
    Status status;
    std::unique_ptr<Store> store = Store::Open(url_, status);
    EXPECT_TRUE(store) << status.message();
    return store;
  }

  pqxx::result Sql(const std::string& sql) {
    pqxx::connection connection(url_);
    pqxx::work work(connection);
    pqxx::result result = work.exec(sql);
    work.commit();
    return result;
  }

  int64_t Number(const std::string& sql) { return Sql(sql)[0][0].as<int64_t>(); }

  static Document Analyse(const std::string& text, const std::string& url) {
    RawDocument raw;
    raw.content = text;
    raw.meta.id = url;
    raw.meta.url = url;
    raw.meta.lang = "de";
    raw.meta.published = "2023-09-06";
    return testing_support::TestPipeline().Process(raw);
  }

  std::string url_;
};

const char kMeeting[] = "Am 5. September 2023 traf Kim Jong-un in Wladiwostok Wladimir Putin.";
const char kMeetingRetold[] = "Kim Jong-un traf am 5. September 2023 Wladimir Putin, berichteten russische Medien.";

TEST_F(PostgresStoreTest, TheSameDocumentIsStoredOnce) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  const Document doc = Analyse(kMeeting, "https://a.example/1");
  ASSERT_FALSE(doc.events.empty());
  StoredDocument first, second;
  ASSERT_TRUE(store->Put(doc, first).ok());
  ASSERT_TRUE(store->Put(doc, second).ok());
  EXPECT_FALSE(first.duplicate);
  EXPECT_TRUE(second.duplicate);
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(first.mentions, doc.events.size());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(Number("SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(Number("SELECT count(*) FROM mentions"), static_cast<int64_t>(doc.events.size()));
  EXPECT_EQ(Number("SELECT count(*) FROM stories WHERE num_documents = 1"), 1);
}

TEST_F(PostgresStoreTest, ReopeningAppliesMigrationsOnceAndRefusesANewerSchema) {
  ASSERT_TRUE(Open());
  ASSERT_TRUE(Open());
  EXPECT_EQ(Number("SELECT count(*) FROM schema_migrations"), static_cast<int64_t>(postgres_schema::kMigrations.size()));
  Sql("INSERT INTO schema_migrations VALUES (99, 'future')");
  Status status;
  EXPECT_FALSE(Store::Open(url_, status));
  EXPECT_NE(status.message().find("newer than this lagebild knows"), std::string::npos) << status.message();
}

// Two writers, each with its own retelling of the same meetings on many days, store at once:
// every event gets one row and counts both writers' reports. The days are two apart, so that
// each meeting stays an event of its own (reports a day apart fold).
TEST_F(PostgresStoreTest, TwoWritersFoldTheSameEventsWithoutLosingCounts) {
  ASSERT_TRUE(Open());  // migrated before the writers start
  constexpr int kDays = 12;
  std::vector<Document> first, second;
  for (int day = 1; day < 2 * kDays; day += 2) {
    const std::string date = std::to_string(day) + ". September 2023";
    first.push_back(Analyse("Am " + date + " traf Kim Jong-un Wladimir Putin.", "https://a.example/" + std::to_string(day)));
    second.push_back(
        Analyse("Kim Jong-un traf am " + date + " Wladimir Putin, berichteten Medien.", "https://b.example/" + std::to_string(day)));
  }
  const auto write = [&](const std::vector<Document>& docs) {
    std::unique_ptr<Store> store = Open();
    for (size_t i = 0; i < docs.size(); i += 3) {  // batches of three, as a worker writes them
      const std::span<const Document> batch(docs.data() + i, std::min<size_t>(3, docs.size() - i));
      EXPECT_TRUE(store->Prepare(batch).ok());
      for (const Document& doc : batch) {
        StoredDocument stored;
        EXPECT_TRUE(store->Put(doc, stored).ok());
      }
      EXPECT_TRUE(store->Commit().ok());
    }
  };
  std::thread a(write, std::cref(first)), b(write, std::cref(second));
  a.join();
  b.join();
  EXPECT_EQ(Number("SELECT count(*) FROM events WHERE code = '040'"), kDays);
  EXPECT_EQ(Number("SELECT count(*) FROM events WHERE code = '040' AND num_mentions = 2 AND num_articles = 2 "
                   "AND num_sources = 2"),
            kDays);
  EXPECT_EQ(Number("SELECT count(*) FROM sources"), 2);
}

TEST_F(PostgresStoreTest, AClaimIsHeldUntilCommitAndFailuresAreCounted) {
  std::unique_ptr<Store> producer = Open(), first = Open(), second = Open();
  ASSERT_TRUE(producer && first && second);
  for (int i = 1; i <= 3; ++i) {
    RawDocument raw;
    raw.meta.id = "doc" + std::to_string(i);
    raw.meta.source = "test";
    raw.meta.published = "2023-09-06";
    raw.content = std::string("Text\0mit Nullbyte ", 18) + std::to_string(i);
    ASSERT_TRUE(producer->Queue()->Enqueue(raw).ok());
  }
  ASSERT_TRUE(producer->Commit().ok());
  std::vector<QueuedDocument> claimed_first, claimed_second;
  ASSERT_TRUE(first->Queue()->Claim(2, claimed_first).ok());
  ASSERT_TRUE(second->Queue()->Claim(2, claimed_second).ok());
  ASSERT_EQ(claimed_first.size(), 2u);
  ASSERT_EQ(claimed_second.size(), 1u);  // the first worker's rows are skipped, not waited for
  EXPECT_EQ(claimed_first[0].raw.meta.id, "doc1");
  EXPECT_EQ(claimed_first[0].raw.content, std::string("Text\0mit Nullbyte 1", 19));
  EXPECT_EQ(claimed_first[0].raw.meta.published, "2023-09-06");
  EXPECT_FALSE(claimed_first[0].raw.meta.url);
  EXPECT_EQ(claimed_second[0].raw.meta.id, "doc3");
  const int64_t done[] = {claimed_first[0].id};
  ASSERT_TRUE(first->Queue()->Remove(done).ok());
  ASSERT_TRUE(first->Queue()->Fail(claimed_first[1].id, "broken").ok());
  ASSERT_TRUE(first->Commit().ok());
  ASSERT_TRUE(second->Commit().ok());  // gives doc3 back unchanged
  EXPECT_EQ(Number("SELECT count(*) FROM queue"), 2);
  EXPECT_EQ(Number("SELECT attempts FROM queue WHERE external_id = 'doc2'"), 1);
  Sql("UPDATE queue SET attempts = " + std::to_string(kMaxQueueAttempts) + " WHERE external_id = 'doc2'");
  ASSERT_TRUE(second->Queue()->Claim(10, claimed_second).ok());
  ASSERT_EQ(claimed_second.size(), 1u);  // doc2 failed too often
  EXPECT_EQ(claimed_second[0].raw.meta.id, "doc3");
  ASSERT_TRUE(second->Commit().ok());
}

TEST(StoreLocationTest, PostgresUrlsAndTheirPasswords) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://localhost/lagebild"));
  EXPECT_TRUE(IsPostgresUrl("postgres://localhost/lagebild"));
  EXPECT_FALSE(IsPostgresUrl("lagebild.db"));
  EXPECT_EQ(DisplayedLocation("postgresql://analyst:s3cret@db.example:5432/lagebild"),
            "postgresql://analyst:***@db.example:5432/lagebild");
  EXPECT_EQ(DisplayedLocation("postgresql://analyst@db.example/lagebild"), "postgresql://analyst@db.example/lagebild");
  EXPECT_EQ(DisplayedLocation("postgresql:///lagebild?host=/tmp"), "postgresql:///lagebild?host=/tmp");
  EXPECT_EQ(DisplayedLocation("/data/a:b@c.db"), "/data/a:b@c.db");
}

}  // namespace
}  // namespace lagebild
