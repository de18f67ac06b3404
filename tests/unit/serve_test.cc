// The HTTP API's query layer (src/serve): filters become parameterised SQL, cursors round-trip,
// pages neither repeat nor skip events, full-text search finds sentences, and a query over its
// time limit ends as 503. PostgreSQL's placeholders and its translation of `q` are checked as
// text here; tests/cli/api_postgres_test.sh runs them on a server.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "serve/api_error.h"
#include "serve/event_cursor.h"
#include "serve/event_filters.h"
#include "serve/event_queries.h"
#include "serve/response_cache.h"
#include "serve/full_text_query.h"
#include "serve/postgres_read_pool.h"
#include "serve/sql_dialect.h"
#include "serve/sqlite_read_pool.h"
#include "store/store.h"
#include "serve_test_support.h"
#include "test_support.h"

namespace lagebild::serve {
namespace {

TEST(EventFilterTest, ValuesNeverEnterTheSqlText) {
  const std::string hostile = "x') OR 1=1 --";
  const SqlCondition condition = EventFilterCondition({{"source", hostile}, {"q", hostile}, {"modality", "planned,negated"}}, SqliteDialect());
  EXPECT_EQ(condition.sql.find("OR 1=1"), std::string::npos) << condition.sql;
  ASSERT_EQ(condition.values.size(), 4u);
  EXPECT_EQ(std::get<std::string>(condition.values[0]), "planned");
  EXPECT_EQ(std::get<std::string>(condition.values[2]), hostile);
}

TEST(EventFilterTest, BadValuesAre400) {
  const QueryParams bad[] = {{{"from", "2023-9-5"}}, {{"to", "2023-02-30x"}}, {{"quad_class", "0"}},
                             {{"modality", "maybe"}}, {{"root", "4"}},        {{"actor", "RUS GOV"}},
                             {{"country", "RU"}},     {{"min_mentions", "-1"}}};
  for (const QueryParams& params : bad) {
    EXPECT_EQ(StatusOfError([&] { EventFilterCondition(params, SqliteDialect()); }), kBadRequest) << params.begin()->first;
  }
}

TEST(EventFilterTest, PostgresFiltersKeepValuesOutOfTheSqlText) {
  const std::string hostile = "x') OR 1=1 --";
  const SqlCondition condition = EventFilterCondition(
      {{"source", hostile}, {"q", "\"" + hostile + "\""}, {"actor", "RUS"}, {"from", "2023-09-01"}}, PostgresDialect());
  EXPECT_EQ(condition.sql.find("OR 1=1"), std::string::npos) << condition.sql;
  EXPECT_EQ(std::count(condition.values.begin(), condition.values.end(), SqlValue(hostile)), 2) << condition.sql;
  EXPECT_NE(condition.sql.find("e.source_code COLLATE \"C\" >= ?"), std::string::npos) << condition.sql;
  EXPECT_NE(condition.sql.find("COLLATE \"C\""), std::string::npos) << condition.sql;
}

// `?` and `?N` become typed `$N`; quoted text keeps its question marks.
TEST(PostgresPlaceholdersTest, NumbersAndTypesEachValue) {
  const std::vector<SqlValue> values = {int64_t{1}, 2.5, std::string("x")};
  struct Case {
    std::string_view sql;
    std::string_view expected;
  } cases[] = {
      {"a = ? AND b = ? AND c = ?", "a = $1::bigint AND b = $2::float8 AND c = $3::text"},
      {"a = ?3 OR b = ?1 OR c = ?3", "a = $3::text OR b = $1::bigint OR c = $3::text"},
      {"x LIKE '?''?' AND \"w?\" = ? ESCAPE '\\'", "x LIKE '?''?' AND \"w?\" = $1::bigint ESCAPE '\\'"},
  };
  for (const Case& c : cases) EXPECT_EQ(PostgresPlaceholders(c.sql, values), c.expected) << c.sql;
  EXPECT_EQ(StatusOfError([&] { PostgresPlaceholders("a = ?4", values); }), kInternalError);
}

// FTS5's syntax as tsquery operators, with each phrase a value; FTS5's syntax errors are 400s.
TEST(PostgresTextQueryTest, TranslatesFts5Syntax) {
  const std::string words = "phraseto_tsquery('simple', lagebild_search_words(?))";
  const std::string prefix = "lagebild_search_prefix(?)";
  struct Case {
    std::string query;
    std::string sql;
    std::vector<std::string> values;
  } cases[] = {
      {"Putin", words, {"Putin"}},
      {"Waffenlieferungen OR beliefern", "(" + words + " || " + words + ")", {"Waffenlieferungen", "beliefern"}},
      {"\"Olaf Scholz\"", words, {"Olaf Scholz"}},
      {"Scho*", prefix, {"Scho"}},
      {"kim *", prefix, {"kim"}},
      {"\"Kim Jo\"*", prefix, {"Kim Jo"}},
      {"Kim + Jong", words, {"Kim Jong"}},
      {"a b AND c", "((" + words + " && " + words + ") && " + words + ")", {"a", "b", "c"}},
      {"a OR b c", "(" + words + " || (" + words + " && " + words + "))", {"a", "b", "c"}},
      {"a NOT b", "(" + words + " && !!" + words + ")", {"a", "b"}},
      {"(a OR b) AND sentence:c", "((" + words + " || " + words + ") && " + words + ")", {"a", "b", "c"}},
      {"a NOT b c", "(" + words + " && !!(" + words + " && " + words + "))", {"a", "b", "c"}},
      {"and or", "(" + words + " && " + words + ")", {"and", "or"}},  // keywords are upper case
      {"\"say \"\"no\"\"\"", words, {"say \"no\""}},
      {"Pjöngjang", words, {"Pjöngjang"}},
  };
  for (const Case& c : cases) {
    const SqlCondition translated = PostgresTextQuery(c.query);
    EXPECT_EQ(translated.sql, c.sql) << c.query;
    std::vector<std::string> values;
    for (const SqlValue& value : translated.values) values.push_back(std::get<std::string>(value));
    EXPECT_EQ(values, c.values) << c.query;
  }
  for (const char* bad : {"\"unclosed", "a OR", "OR a", "(a", "a)", "a NOT", "NOT a", "x.y", "a,b", "*a", "foo:Kim",
                          "Kim -Putin", "^Am", "NEAR(Kim Putin)", "(a) b", "a (b)", ""}) {
    EXPECT_EQ(StatusOfError([&] { PostgresTextQuery(bad); }), kBadRequest) << bad;
  }
}

TEST(EventCursorTest, RoundTripsEveryKeyType) {
  for (const SqlValue& key : {SqlValue(int64_t{7}), SqlValue(-2.5), SqlValue(std::string("2023-09"))}) {
    const EventCursor decoded = DecodeCursor(EncodeCursor({key, 42}));
    EXPECT_EQ(decoded.key, key);
    EXPECT_EQ(decoded.id, 42);
  }
  EXPECT_EQ(StatusOfError([] { DecodeCursor("zz"); }), kBadRequest);
  EXPECT_EQ(StatusOfError([] { DecodeCursor("5b5d"); }), kBadRequest);  // "[]"
}

TEST(ResponseCacheTest, AnswersUntilTheStampChanges) {
  ResponseCache cache(1 << 20);
  EXPECT_EQ(cache.Find("/api/timeline", "7"), std::nullopt);
  cache.Store("/api/timeline", "7", "[1]");
  EXPECT_EQ(cache.Find("/api/timeline", "7"), "[1]");
  EXPECT_EQ(cache.Find("/api/timeline", "8"), std::nullopt);  // new data: everything stale
  EXPECT_EQ(cache.Find("/api/timeline", "7"), std::nullopt);
  cache.Store("/api/graph", "8", "[2]");  // computed under an older stamp than the current one
  EXPECT_EQ(cache.Find("/api/graph", "7"), std::nullopt);
  const ResponseCache::Counts counts = cache.counts();
  EXPECT_EQ(counts.hits, 1);
  EXPECT_EQ(counts.misses, 4);
}

TEST(ResponseCacheTest, StaysWithinItsBudgetDroppingTheLeastRecentlyUsed) {
  ResponseCache cache(400);
  const std::string answer(90, 'x');
  int computed = 0;
  auto compute = [&] {
    ++computed;
    return answer;
  };
  for (const char* key : {"a", "b", "c", "d"}) cache.GetOrCompute(key, "1", compute);
  cache.GetOrCompute("a", "1", compute);  // a is now the most recent
  cache.GetOrCompute("e", "1", compute);  // over budget: b goes
  EXPECT_EQ(computed, 5);
  EXPECT_LE(cache.counts().bytes, 400);
  EXPECT_TRUE(cache.Find("a", "1"));
  EXPECT_FALSE(cache.Find("b", "1"));
  cache.Store("big", "1", std::string(101, 'y'));  // over a quarter of the budget: not kept
  EXPECT_FALSE(cache.Find("big", "1"));
  ResponseCache off(0);
  off.Store("a", "1", "x");
  EXPECT_FALSE(off.Find("a", "1"));
}

TEST(ResponseCacheTest, RequestsMissingTogetherComputeOnce) {
  for (const size_t budget : {size_t{1} << 20, size_t{0}}) {  // also with the cache off
    ResponseCache cache(budget);
    std::atomic<int> computed = 0;
    std::vector<std::thread> requests;
    std::vector<std::string> answers(8);
    for (size_t i = 0; i < answers.size(); ++i) {
      requests.emplace_back([&, i] {
        answers[i] = cache.GetOrCompute("/api/timeline", "1", [&] {
          ++computed;
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          return std::string("[1]");
        });
      });
    }
    for (std::thread& request : requests) request.join();
    EXPECT_EQ(computed, 1) << "budget " << budget;
    EXPECT_EQ(std::count(answers.begin(), answers.end(), "[1]"), 8);
  }
}

TEST(ResponseCacheTest, WhenTheComputingRequestFailsTheWaitingOnesTryThemselves) {
  ResponseCache cache(1 << 20);
  std::atomic<int> attempts = 0;
  auto compute = [&]() -> std::string {
    if (++attempts == 1) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      throw ApiError(kUnavailable, "over the time limit");
    }
    return "[2]";
  };
  std::string second;
  std::thread leader([&] { EXPECT_EQ(StatusOfError([&] { cache.GetOrCompute("k", "1", compute); }), kUnavailable); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::thread follower([&] { second = cache.GetOrCompute("k", "1", compute); });
  leader.join();
  follower.join();
  EXPECT_EQ(second, "[2]");
  EXPECT_EQ(cache.Find("k", "1"), "[2]");
}

class ServeQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("lagebild-serve-" + std::to_string(::getpid()) + ".db")).string();
    Remove();
    Status status;
    std::unique_ptr<Store> store = Store::Open(path_, status);
    ASSERT_TRUE(store) << status.message();
    const char* texts[] = {"Am 5. September 2023 traf Kim Jong-un in Wladiwostok Wladimir Putin.",
                           "Am 6. September 2023 kritisierte Olaf Scholz Wladimir Putin.",
                           "Am 7. September 2023 lobte Joe Biden Olaf Scholz.",
                           "Am 8. September 2023 traf Emmanuel Macron Olaf Scholz in Paris."};
    int n = 0;
    for (const char* text : texts) {
      RawDocument raw;
      raw.content = text;
      raw.meta.id = raw.meta.source = "doc" + std::to_string(++n);
      raw.meta.lang = "de";
      raw.meta.published = "2023-09-09";
      StoredDocument stored;
      ASSERT_TRUE(store->Put(testing_support::TestPipeline().Process(raw), stored).ok());
    }
    ASSERT_TRUE(store->Commit().ok());
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
};

TEST_F(ServeQueryTest, PagesNeitherRepeatNorSkip) {
  SqliteReadPool pool(path_, std::chrono::milliseconds(2000), 2);
  const auto lease = pool.Acquire();
  EventQueries queries(lease->connection());
  const nlohmann::json all = queries.Events({{"limit", "500"}});
  ASSERT_GE(all["total"].get<int>(), 4);
  std::set<int64_t> seen;
  std::string cursor;
  int pages = 0;
  do {
    QueryParams params = {{"limit", "1"}, {"sort", "mentions"}};
    if (!cursor.empty()) params.insert({"cursor", cursor});
    const nlohmann::json page = queries.Events(params);
    for (const auto& event : page["events"]) EXPECT_TRUE(seen.insert(event["id"].get<int64_t>()).second);
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
  } while (!cursor.empty() && ++pages < 100);
  EXPECT_EQ(seen.size(), all["events"].size());
}

// A thread per connection must not become a database connection per connection: beyond the
// limit, a request waits until another gives its connection back.
TEST_F(ServeQueryTest, NoMoreConnectionsAreLeasedThanTheLimit) {
  SqliteReadPool pool(path_, std::chrono::milliseconds(2000), 2);
  auto first = pool.Acquire();
  auto second = pool.Acquire();
  std::atomic<bool> third_leased = false;
  std::thread waiting([&] {
    const auto third = pool.Acquire();
    third_leased = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(third_leased);
  first.reset();
  waiting.join();
  EXPECT_TRUE(third_leased);
}

TEST_F(ServeQueryTest, FullTextSearchFindsTheSentence) {
  SqliteReadPool pool(path_, std::chrono::milliseconds(2000), 2);
  const auto lease = pool.Acquire();
  EventQueries queries(lease->connection());
  const nlohmann::json found = queries.Events({{"q", "kritisierte"}});
  ASSERT_EQ(found["events"].size(), 1u);
  EXPECT_EQ(found["events"][0]["source"]["code"], "DEUGOV");
  EXPECT_EQ(queries.Events({{"q", "Wladiwostok"}})["total"], 1);
  EXPECT_EQ(StatusOfError([&] { queries.Events({{"q", "\"open"}}); }), kBadRequest);
}

// A database of schema version 2 gets the full-text index of the mentions it already holds.
TEST_F(ServeQueryTest, MigrationThreeIndexesStoredSentences) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  const char* back_to_version_two =
      "DROP TRIGGER mentions_search_insert; DROP TRIGGER mentions_search_delete; DROP TABLE mention_search; "
      "DROP INDEX events_by_date; DROP INDEX events_by_mentions; DROP INDEX events_target; "
      "DELETE FROM schema_migrations WHERE version = 3;";
  ASSERT_EQ(sqlite3_exec(db, back_to_version_two, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  Status status;
  ASSERT_TRUE(Store::Open(path_, status)) << status.message();
  SqliteReadPool pool(path_, std::chrono::milliseconds(2000), 2);
  const auto lease = pool.Acquire();
  const nlohmann::json found = EventQueries(lease->connection()).Events({{"q", "kritisierte"}});
  ASSERT_EQ(found["events"].size(), 1u);
  EXPECT_EQ(found["events"][0]["source"]["code"], "DEUGOV");
}

TEST_F(ServeQueryTest, AQueryOverItsTimeLimitIs503) {
  SqliteReadPool pool(path_, std::chrono::milliseconds(1), 2);
  const auto lease = pool.Acquire();
  EXPECT_EQ(StatusOfError([&] {
              lease->connection().ForEachRow(
                  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000000) "
                  "SELECT count(*) FROM c",
                  {}, [](const SqlRow&) {});
            }),
            kUnavailable);
}

// The stamp of the response cache: the same until another connection commits.
TEST_F(ServeQueryTest, DataStampChangesWithACommit) {
  SqliteReadPool pool(path_, std::chrono::milliseconds(2000), 2);
  const std::string before = pool.DataStamp();
  EXPECT_EQ(pool.DataStamp(), before);
  Status status;
  std::unique_ptr<Store> store = Store::Open(path_, status);
  ASSERT_TRUE(store) << status.message();
  RawDocument raw;
  raw.content = "Am 9. September 2023 lobte Olaf Scholz Joe Biden.";
  raw.meta.id = raw.meta.source = "later";
  raw.meta.lang = "de";
  StoredDocument stored;
  ASSERT_TRUE(store->Put(testing_support::TestPipeline().Process(raw), stored).ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_NE(pool.DataStamp(), before);
}

// Every page of one filter set asks the memo under one key; another filter set under another.
TEST_F(ServeQueryTest, PagesShareTheirFilterSetsCount) {
  SqliteReadPool pool(path_, std::chrono::milliseconds(2000), 2);
  const auto lease = pool.Acquire();
  std::map<std::string, int> asked;
  EventQueries queries(lease->connection(), [&](const std::string& key, const std::function<int64_t()>& count) {
    ++asked[key];
    return count();
  });
  const nlohmann::json first = queries.Events({{"limit", "1"}, {"actor", "DEU"}});
  queries.Events({{"limit", "1"}, {"actor", "DEU"}, {"cursor", first["next_cursor"].get<std::string>()}});
  queries.Events({{"limit", "2"}, {"actor", "DEU"}, {"sort", "mentions"}});
  queries.Events({{"actor", "USA"}});
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_EQ(asked.begin()->second + std::next(asked.begin())->second, 4);
  EXPECT_TRUE(asked.count("events-total\x1f" "actor=DEU") && asked["events-total\x1f" "actor=DEU"] == 3);
}

// The index-served range under the exact test must not lose dates of a coarser precision.
TEST_F(ServeQueryTest, DateRangesKeepDatesOfEveryPrecision) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  const char* dates =
      "UPDATE events SET date = CASE (SELECT count(*) FROM events e2 WHERE e2.id < events.id) % 5 "
      "WHEN 0 THEN '2023-09' WHEN 1 THEN '202' WHEN 2 THEN '2023' WHEN 3 THEN '2024-01-01' ELSE '2' END";
  ASSERT_EQ(sqlite3_exec(db, dates, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  SqliteReadPool pool(path_, std::chrono::milliseconds(2000), 2);
  const auto lease = pool.Acquire();
  EventQueries queries(lease->connection());
  auto dates_of = [&](const QueryParams& params) {
    std::multiset<std::string> found;
    const nlohmann::json answer = queries.Events(params);
    for (const auto& event : answer["events"]) found.insert(event["date"].get<std::string>());
    return found;
  };
  EXPECT_EQ(dates_of({{"from", "2023-09-10"}, {"to", "2023-12-31"}}), (std::multiset<std::string>{"2023-09", "202", "2023"}));
  EXPECT_EQ(dates_of({{"from", "2023-10-01"}}), (std::multiset<std::string>{"202", "2023", "2024-01-01"}));
  EXPECT_EQ(dates_of({{"to", "2023-08-31"}}), (std::multiset<std::string>{"202", "2023"}));
  // the 2020s overlap that day
  EXPECT_EQ(dates_of({{"from", "2024-01-01"}, {"to", "2024-01-01"}}), (std::multiset<std::string>{"202", "2024-01-01"}));
}

TEST_F(ServeQueryTest, UnknownEventIs404) {
  SqliteReadPool pool(path_, std::chrono::milliseconds(2000), 2);
  const auto lease = pool.Acquire();
  EXPECT_EQ(StatusOfError([&] { EventQueries(lease->connection()).Event(999999); }), kNotFound);
}

}  // namespace
}  // namespace lagebild::serve
