// The SQLite event store (src/store): migrations, one copy per document, events folded across
// reports with counts that follow from their mentions.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>

#include "store/event_key.h"
#include "store/export_formats.h"
#include "store/near_duplicates.h"
#include "store/sqlite_schema.h"
#include "store/store.h"
#include "test_support.h"

namespace lagebild {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("lagebild-store-" + std::to_string(::getpid()) + ".db")).string();
    RemoveDatabase();
  }
  void TearDown() override { RemoveDatabase(); }
  void RemoveDatabase() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  std::unique_ptr<Store> Open() {
    Status status;
    std::unique_ptr<Store> store = Store::Open(path_, status);
    EXPECT_TRUE(store) << status.message();
    return store;
  }

  static Document Analyse(const std::string& text, const std::string& url) {
    RawDocument raw;
    raw.content = text;
    raw.meta.id = url;
    raw.meta.url = url;
    raw.meta.lang = "de";
    raw.meta.published = "2023-09-06";
    return testing_support::TestPipeline().Process(raw);
  }

  static StoreCounts Counts(Store& store) {
    StoreCounts counts;
    EXPECT_TRUE(store.Count(counts).ok());
    return counts;
  }

  std::string path_;
};

const char kMeeting[] = "Am 5. September 2023 traf Kim Jong-un in Wladiwostok Wladimir Putin.";
const char kMeetingRetold[] = "Kim Jong-un traf am 5. September 2023 Wladimir Putin, berichteten russische Medien.";

TEST_F(StoreTest, TheSameDocumentIsStoredOnce) {
  std::unique_ptr<Store> store = Open();
  const Document doc = Analyse(kMeeting, "https://a.example/1");
  ASSERT_FALSE(doc.events.empty());
  StoredDocument first, second;
  ASSERT_TRUE(store->Put(doc, first).ok());
  ASSERT_TRUE(store->Put(doc, second).ok());
  EXPECT_FALSE(first.duplicate);
  EXPECT_TRUE(second.duplicate);
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(first.mentions, doc.events.size());
  EXPECT_EQ(second.mentions, 0u);
  const StoreCounts counts = Counts(*store);
  EXPECT_EQ(counts.documents, 1);
  EXPECT_EQ(counts.mentions, static_cast<int64_t>(doc.events.size()));
}

TEST_F(StoreTest, ReportsOfOneEventFoldIntoOneWithCounts) {
  const Document a = Analyse(kMeeting, "https://www.a.example/1");
  const Document b = Analyse(kMeetingRetold, "https://b.example/2");
  const Event* meeting_a = nullptr;
  for (const Event& event : a.events) {
    if (event.code == "040") meeting_a = &event;
  }
  ASSERT_NE(meeting_a, nullptr);
  const std::string key = KeyOf(a, *meeting_a).Text();
  EXPECT_EQ(key, "PRKGOV|RUSGOV|040|asserted|2023-09-05");
  bool same_in_b = false;
  for (const Event& event : b.events) same_in_b = same_in_b || KeyOf(b, event).Text() == key;
  ASSERT_TRUE(same_in_b) << "the retold meeting should have the same key";
  {
    std::unique_ptr<Store> store = Open();
    StoredDocument stored;
    ASSERT_TRUE(store->Put(a, stored).ok());
    ASSERT_TRUE(store->Put(b, stored).ok());
    EXPECT_EQ(Counts(*store).sources, 2);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* query = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT num_mentions, num_articles, num_sources, first_seen, last_seen FROM events "
                               "WHERE event_key = ?1",
                               -1, &query, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(query, 1, key.c_str(), -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(query), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(query, 0), 2);
  EXPECT_EQ(sqlite3_column_int(query, 1), 2);
  EXPECT_EQ(sqlite3_column_int(query, 2), 2);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(query, 3)), "2023-09-06");
  sqlite3_finalize(query);
  sqlite3_close(db);
}

// The counts are kept up as documents come in; they must equal a count over the mentions, with
// several reports from one source, several mentions in one document, and dates before, after and
// without the ones seen so far.
TEST_F(StoreTest, KeptCountsEqualACountOverTheMentions) {
  const std::vector<std::pair<std::string, std::optional<std::string>>> reports = {
      {"https://www.a.example/1", "2023-09-06"}, {"https://b.example/2", "2023-09-07"},
      {"https://www.a.example/3", std::nullopt}, {"https://c.example/4", "2023-09-04"},
      {"https://b.example/5", "2023-09-06"}};
  {
    std::unique_ptr<Store> store = Open();
    int variant = 0;
    for (const auto& [url, published] : reports) {
      RawDocument raw;
      raw.content = std::string(variant % 2 ? kMeetingRetold : kMeeting) + " Bericht " + std::to_string(variant) + ". " +
                    (variant == 4 ? std::string(kMeeting) : "");
      raw.meta.id = url;
      raw.meta.url = url;
      raw.meta.lang = "de";
      raw.meta.published = published;
      ++variant;
      StoredDocument stored;
      ASSERT_TRUE(store->Put(testing_support::TestPipeline().Process(raw), stored).ok());
    }
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* query = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(
                db,
                "SELECT e.event_key, e.num_mentions = (SELECT count(*) FROM mentions WHERE event_id = e.id), "
                "e.num_articles = (SELECT count(DISTINCT document_id) FROM mentions WHERE event_id = e.id), "
                "e.num_sources = (SELECT count(DISTINCT d.source_id) FROM mentions m JOIN documents d ON d.id = m.document_id "
                "WHERE m.event_id = e.id), "
                "e.first_seen IS (SELECT min(d.published) FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = e.id), "
                "e.last_seen IS (SELECT max(d.published) FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = e.id), "
                "e.num_mentions FROM events e",
                -1, &query, nullptr),
            SQLITE_OK);
  int events = 0, most_mentions = 0;
  while (sqlite3_step(query) == SQLITE_ROW) {
    ++events;
    const std::string key = reinterpret_cast<const char*>(sqlite3_column_text(query, 0));
    for (int column = 1; column <= 5; ++column) EXPECT_EQ(sqlite3_column_int(query, column), 1) << key << " column " << column;
    most_mentions = std::max(most_mentions, sqlite3_column_int(query, 6));
  }
  sqlite3_finalize(query);
  sqlite3_close(db);
  EXPECT_GE(events, 1);
  EXPECT_GE(most_mentions, 3);  // the meeting is reported again and again
}

TEST(EventKeyTest, NeighbourDaysOfDatedAndPublicationDayKeys) {
  const EventKey day{"PRKGOV", "RUSGOV", "040", "asserted", "2024-03-01"};
  EXPECT_EQ(NeighbourDayKeys(day), (std::vector<std::string>{"PRKGOV|RUSGOV|040|asserted|2024-02-29",
                                                             "PRKGOV|RUSGOV|040|asserted|2024-03-02"}));
  const EventKey published{"USA", "", "130", "asserted", "~2023-12-31"};
  EXPECT_EQ(NeighbourDayKeys(published)[1], "USA||130|asserted|~2024-01-01");
  for (const char* not_a_day : {"2023-09", "2023-W36", "#00ff00ff00ff00ff", "2023-02-30"}) {
    EXPECT_TRUE(NeighbourDayKeys({"A", "B", "040", "asserted", not_a_day}).empty()) << not_a_day;
  }
}

TEST_F(StoreTest, ReportsADayApartFoldButNotTwoDaysApart) {
  std::unique_ptr<Store> store = Open();
  StoredDocument stored;
  const char* days[] = {"Am 5. September 2023 traf Kim Jong-un in Wladiwostok Wladimir Putin.",
                        "Am 6. September 2023 traf Kim Jong-un in Wladiwostok Wladimir Putin, sagten Beamte.",
                        "Am 8. September 2023 traf Kim Jong-un in Wladiwostok Wladimir Putin, hieß es."};
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store->Put(Analyse(days[i], "https://a.example/" + std::to_string(i)), stored).ok());
  std::vector<std::pair<std::string, int64_t>> meetings;  // date, mentions
  ASSERT_TRUE(store->ReadEvents({}, [&](const StoredEvent& event) {
    if (event.code == "040") meetings.emplace_back(event.date, event.num_mentions);
  }).ok());
  EXPECT_EQ(meetings, (std::vector<std::pair<std::string, int64_t>>{{"2023-09-05", 2}, {"2023-09-08", 1}}));
}

TEST_F(StoreTest, ReopeningKeepsDataAndAppliesMigrationsOnce) {
  {
    std::unique_ptr<Store> store = Open();
    StoredDocument stored;
    ASSERT_TRUE(store->Put(Analyse(kMeeting, "https://a.example/1"), stored).ok());
  }
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(Counts(*store).documents, 1);
  store.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (99, 'future')", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  Status status;
  EXPECT_FALSE(Store::Open(path_, status));
  EXPECT_NE(status.message().find("newer than this lagebild knows"), std::string::npos) << status.message();
}

const char kStory[] =
    "Nordkoreas Machthaber Kim Jong-un will im September nach Russland reisen, um sich mit Präsident Wladimir Putin zu "
    "treffen und über Waffenlieferungen zu sprechen, sagten amerikanische Beamte am Montag. Die Reise soll nach "
    "Wladiwostok führen, wo Kim Putin am Rande eines Wirtschaftsforums sehen könnte. Russland braucht Artilleriegranaten "
    "und Panzerabwehrraketen für den Krieg in der Ukraine, Nordkorea wünscht sich Technik für Satelliten und "
    "Atom-U-Boote sowie Nahrungsmittel.";

TEST(NearDuplicatesTest, CopiesWithOtherBoilerplateOrSmallEditsShareAStory) {
  StoryIndex index;
  const std::string story = kStory;
  EXPECT_EQ(index.Add(SignatureOf(story)), 0u);
  EXPECT_EQ(index.Add(SignatureOf("Startseite | Politik | Anmelden\n\n" + story + "\n\nTeilen Sie diesen Artikel. Alle Rechte vorbehalten.")), 0u);
  std::string edited = story;
  edited.replace(edited.find("am Montag"), 9, "am Dienstag");
  EXPECT_EQ(index.Add(SignatureOf(edited)), 0u);
  EXPECT_EQ(index.Add(SignatureOf(kMeeting)), 1u);  // another story
  EXPECT_EQ(index.Add(SignatureOf(story.substr(0, story.size() * 7 / 10))), 0u);  // the first 70 %
  EXPECT_DOUBLE_EQ(EstimatedJaccard(SignatureOf(story), SignatureOf(story)), 1.0);
  EXPECT_LT(EstimatedJaccard(SignatureOf(story), SignatureOf(kMeetingRetold)), kSameStory);
}

TEST_F(StoreTest, NearCopiesAreOneStory) {
  std::unique_ptr<Store> store = Open();
  StoredDocument first, copy, other;
  ASSERT_TRUE(store->Put(Analyse(kStory, "https://a.example/1"), first).ok());
  ASSERT_TRUE(store->Put(Analyse(std::string("Anzeige\n\n") + kStory + "\n\nMehr zum Thema: Russland", "https://b.example/2"), copy).ok());
  ASSERT_TRUE(store->Put(Analyse(kMeeting, "https://c.example/3"), other).ok());
  EXPECT_FALSE(copy.duplicate);
  EXPECT_NE(copy.id, first.id);
  EXPECT_EQ(copy.story, first.story);
  EXPECT_NE(other.story, first.story);
  EXPECT_EQ(Counts(*store).stories, 2);
}

// A database of schema version 1 gets version 2 on opening, its documents kept.
TEST_F(StoreTest, OpeningAnOlderDatabaseMigratesIt) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  const std::string version_one = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);" +
                                  std::string(sqlite_schema::kMigrations[0]) +
                                  "INSERT INTO schema_migrations VALUES (1, 'then');"
                                  "INSERT INTO sources (name) VALUES ('old.example');"
                                  "INSERT INTO documents (content_hash, lang, source_id, text, ingested_at) "
                                  "VALUES ('00', 'de', 1, 'Alt.', 'then');";
  ASSERT_EQ(sqlite3_exec(db, version_one.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(Counts(*store).documents, 1);
  StoredDocument stored;
  ASSERT_TRUE(store->Put(Analyse(kStory, "https://a.example/1"), stored).ok());
  EXPECT_GT(stored.story, 0);
}

TEST_F(StoreTest, DocumentsFromBeforeStoriesGetTheirStoryOnOpening) {
  std::string edited = kStory;
  edited.replace(edited.find("am Montag"), 9, "am Dienstag");
  {
    std::unique_ptr<Store> store = Open();
    StoredDocument stored;
    for (const auto& [text, url] : {std::pair<std::string, std::string>{kStory, "https://a.example/1"},
                                    {kMeeting, "https://b.example/2"}, {edited, "https://c.example/3"}}) {
      ASSERT_TRUE(store->Put(Analyse(text, url), stored).ok());
    }
  }
  // What a database written by schema version 1 looks like after migration 2: no stories.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE documents SET story_id = NULL, minhash = NULL; DELETE FROM document_bands; "
                             "DELETE FROM stories;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(Counts(*store).stories, 2);  // the story and its edited copy, and the meeting
  store.reset();
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* query = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM documents WHERE story_id IS NULL OR minhash IS NULL", -1, &query,
                               nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(query), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(query, 0), 0);
  sqlite3_finalize(query);
  sqlite3_close(db);
}

TEST(ExportFormatsTest, GdeltColumnsTimestampsAndCsvQuoting) {
  StoredEvent event;
  event.id = 7;
  event.source_code = "RUSGOV";
  event.source_name = "Shoigu, \"the minister\"";
  event.target_code = "IGOUNO";
  event.code = "042";
  event.date = "2023-07";  // no day: the day of the first report stands in
  event.first_seen = "2023-07-27";
  event.first_ingested = "2026-11-29T10:11:12Z";
  const std::string line = GdeltEventLine(event);
  EXPECT_EQ(static_cast<size_t>(std::count(line.begin(), line.end(), '\t')) + 1, kGdeltEventColumns);
  EXPECT_TRUE(line.starts_with("7\t20230727\t202307\t2023\t")) << line;
  EXPECT_NE(line.find("\tRUSGOV\tSHOIGU, \"THE MINISTER\"\tRUS\t"), std::string::npos) << line;
  EXPECT_NE(line.find("\tIGOUNO\t\t\t"), std::string::npos) << line;  // no country for an IGO
  EXPECT_TRUE(line.ends_with("\t20261129101112\t")) << line;
  EXPECT_EQ(GdeltTimestamp("2026-11-29"), "");
  const std::string row = CsvEventLine(event);
  EXPECT_NE(row.find(",\"Shoigu, \"\"the minister\"\"\","), std::string::npos) << row;
  StoredMention mention;
  const std::string mention_line = GdeltMentionLine(mention);
  EXPECT_EQ(static_cast<size_t>(std::count(mention_line.begin(), mention_line.end(), '\t')) + 1, kGdeltMentionColumns);
}

TEST(StoreOpenTest, RefusesWhatItCannotOpen) {
  Status status;
  // port 1: nothing listens there, so the connection is refused at once
  EXPECT_FALSE(Store::Open("postgresql://analyst:s3cret@127.0.0.1:1/lagebild", status));
  EXPECT_NE(status.message().find("postgresql://analyst:***@127.0.0.1:1/lagebild: cannot connect"), std::string::npos)
      << status.message();
  EXPECT_FALSE(Store::Open("/nonexistent-folder/x/lagebild.db", status));
  EXPECT_NE(status.message().find("/nonexistent-folder/x/lagebild.db"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace lagebild
