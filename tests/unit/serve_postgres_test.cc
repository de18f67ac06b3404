// The HTTP API's PostgreSQL backend (src/serve/postgres_read_pool.cc) against a server: full-text
// search through migration 4, also over mentions stored before it; a query over its time limit is
// a 503 that leaves the connection usable; connections cannot write; the data stamp moves with a
// commit. tests/cli/api_postgres_test.sh starts a throw-away server and runs these with
// LAGEBILD_TEST_POSTGRES_URL set to a database they may wipe; without it they skip.
#include <gtest/gtest.h>

#include <cstdlib>
#include <pqxx/pqxx>

#include "serve/api_error.h"
#include "serve/event_queries.h"
#include "serve/postgres_read_pool.h"
#include "store/store.h"
#include "serve_test_support.h"
#include "test_support.h"

namespace lagebild::serve {
namespace {

constexpr std::chrono::milliseconds kGenerous{5000};

class PostgresServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("LAGEBILD_TEST_POSTGRES_URL");
    if (url == nullptr) GTEST_SKIP() << "LAGEBILD_TEST_POSTGRES_URL is not set (tests/cli/api_postgres_test.sh sets it)";
    url_ = url;
    Sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    Store("Am 5. September 2023 traf Kim Jong-un in Wladiwostok Wladimir Putin.", "doc1");
    Store("Am 6. September 2023 kritisierte Olaf Scholz Wladimir Putin.", "doc2");
  }

  void Store(const std::string& text, const std::string& id) {
    Status status;
    std::unique_ptr<lagebild::Store> store = lagebild::Store::Open(url_, status);
    ASSERT_TRUE(store) << status.message();
    RawDocument raw;
    raw.content = text;
    raw.meta.id = raw.meta.source = id;
    raw.meta.lang = "de";
    raw.meta.published = "2023-09-09";
    StoredDocument stored;
    ASSERT_TRUE(store->Put(testing_support::TestPipeline().Process(raw), stored).ok());
    ASSERT_TRUE(store->Commit().ok());
  }

  void Sql(const std::string& sql) {
    pqxx::connection connection(url_);
    pqxx::work work(connection);
    work.exec(sql);
    work.commit();
  }

  std::string url_;
};

TEST_F(PostgresServeTest, FullTextSearchFindsTheSentence) {
  PostgresReadPool pool(url_, kGenerous, 2);
  const auto lease = pool.Acquire();
  EventQueries queries(lease->connection());
  const nlohmann::json found = queries.Events({{"q", "kritisierte"}});
  ASSERT_EQ(found["events"].size(), 1u);
  EXPECT_EQ(found["events"][0]["source"]["code"], "DEUGOV");
  EXPECT_EQ(queries.Events({{"q", "wladiwostok"}})["total"], 1);
  EXPECT_EQ(queries.Events({{"q", "\"Wladimir Putin\""}})["total"], 2);
  EXPECT_EQ(queries.Events({{"q", "Wladi*"}})["total"], 2);
  EXPECT_EQ(queries.Events({{"q", "Putin NOT Scholz"}})["total"], 1);
  EXPECT_EQ(queries.Events({{"q", "\"Putin Wladimir\""}})["total"], 0);
  EXPECT_EQ(StatusOfError([&] { queries.Events({{"q", "\"open"}}); }), kBadRequest);
}

// A database of schema version 3 gets the search index of the mentions it already holds, and the
// trigger indexes the ones stored after.
TEST_F(PostgresServeTest, MigrationFourIndexesStoredSentences) {
  Sql("DROP TRIGGER mentions_search_insert ON mentions; DROP TABLE mention_search; "
      "DROP FUNCTION lagebild_index_mentions(); DROP FUNCTION lagebild_search_prefix(text); "
      "DROP FUNCTION lagebild_search_words(text); DROP INDEX events_by_date; DROP INDEX events_by_mentions; "
      "DROP INDEX events_target; DROP INDEX events_source_bytes; DROP INDEX events_date_bytes; "
      "DELETE FROM schema_migrations WHERE version = 4");
  Store("Am 7. September 2023 lobte Joe Biden Olaf Scholz.", "doc3");
  PostgresReadPool pool(url_, kGenerous, 2);
  const auto lease = pool.Acquire();
  EventQueries queries(lease->connection());
  EXPECT_EQ(queries.Events({{"q", "kritisierte"}})["total"], 1);
  EXPECT_EQ(queries.Events({{"q", "lobte"}})["total"], 1);  // stored before migration 4
  Store("Am 8. September 2023 lobte Emmanuel Macron Olaf Scholz.", "doc4");
  EXPECT_EQ(queries.Events({{"q", "lobte"}})["total"], 2);  // stored after: by the trigger
}

TEST_F(PostgresServeTest, AQueryOverItsTimeLimitIs503AndTheConnectionLivesOn) {
  PostgresReadPool pool(url_, std::chrono::milliseconds(300), 2);
  {
    const auto lease = pool.Acquire();
    EXPECT_EQ(StatusOfError([&] { lease->connection().ForEachRow("SELECT pg_sleep(5)", {}, [](const SqlRow&) {}); }),
              kUnavailable);
  }
  const auto lease = pool.Acquire();
  EXPECT_EQ(EventQueries(lease->connection()).Health()["documents"], 2);
}

TEST_F(PostgresServeTest, ConnectionsDoNotWrite) {
  PostgresReadPool pool(url_, kGenerous, 2);
  const auto lease = pool.Acquire();
  EXPECT_EQ(StatusOfError([&] {
              lease->connection().ForEachRow("INSERT INTO sources (name) VALUES (?)", {std::string("x")}, [](const SqlRow&) {});
            }),
            kInternalError);
}

TEST_F(PostgresServeTest, DataStampChangesWithACommit) {
  PostgresReadPool pool(url_, kGenerous, 2);
  const std::string before = pool.DataStamp();
  EXPECT_EQ(pool.DataStamp(), before);
  {
    const auto lease = pool.Acquire();
    EventQueries(lease->connection()).Events({});  // reading changes nothing
  }
  EXPECT_EQ(pool.DataStamp(), before);
  Store("Am 7. September 2023 lobte Joe Biden Olaf Scholz.", "doc3");
  EXPECT_NE(pool.DataStamp(), before);
}

}  // namespace
}  // namespace lagebild::serve
