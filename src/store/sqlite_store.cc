// The SQLite store: schema migrations on open, one transaction per document, events folded by
// their key (store/event_key.h) with counts recomputed from their mentions.
#include <fmt/format.h>

#include <cstring>
#include <map>
#include <set>
#include <vector>

#include "store/document_rows.h"
#include "store/near_duplicates.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_read.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"

namespace lagebild {
namespace {

constexpr std::string_view kInsertDocument =
    "INSERT INTO documents (content_hash, external_id, url, title, published, lang, source_id, text, ingested_at, story_id, "
    "minhash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr std::string_view kInsertEvent =
    "INSERT INTO events (event_key, source_code, target_code, code, root_code, quad_class, goldstein, modality, date) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(event_key) DO NOTHING";
constexpr std::string_view kInsertMention =
    "INSERT INTO mentions (event_id, document_id, sentence, sentence_begin, sentence_end, trigger_begin, trigger_end, "
    "source_text, target_text, speaker_code, date_basis, place_name, place_country, place_lat, place_lon, "
    "place_geonames, rule, source_begin, target_begin, place_kind, place_admin1) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";
// A new document's mentions of an event add to its counts. Documents are only ever added, each
// once (by content hash) and in one transaction with its mentions, so the counts stay what a
// recount over the mentions would give — without scanning an event's mentions for each report of
// it, which made ingesting thousands of reports of one event quadratic. Only a source's first
// report of the event looks through the event's mentions (NOT EXISTS stops at the first match).
// ?1 event, ?2 mentions of it in the document, ?3 the document's source, ?4 the document, ?5 its
// publication date or NULL.
constexpr std::string_view kCountNewDocument =
    "UPDATE events SET "
    "num_mentions = num_mentions + ?2, "
    "num_articles = num_articles + 1, "
    "num_sources = num_sources + NOT EXISTS (SELECT 1 FROM mentions m JOIN documents d ON d.id = m.document_id "
    "WHERE m.event_id = ?1 AND m.document_id <> ?4 AND d.source_id = ?3), "
    "first_seen = CASE WHEN ?5 IS NOT NULL AND (first_seen IS NULL OR ?5 < first_seen) THEN ?5 ELSE first_seen END, "
    "last_seen = CASE WHEN ?5 IS NOT NULL AND (last_seen IS NULL OR ?5 > last_seen) THEN ?5 ELSE last_seen END "
    "WHERE id = ?1";

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(SqliteConnection connection) : db_(std::move(connection)) {}
  ~SqliteStore() override { Commit(); }

  Status Initialise();
  Status Put(const Document& doc, StoredDocument& stored) override;
  Status Commit() override;
  Status Count(StoreCounts& counts) override;
  Status ReadEvents(const EventFilter& filter, const std::function<void(const StoredEvent&)>& visit) override {
    return ReadSqliteEvents(db_, filter, visit);
  }
  Status ReadMentions(const EventFilter& filter, const std::function<void(const StoredMention&)>& visit) override {
    return ReadSqliteMentions(db_, filter, visit);
  }

 private:
  Status Migrate();
  Status PutInTransaction(const Document& doc, StoredDocument& stored);
  Status FindDocument(const std::string& hash, int64_t& id);
  Status SourceId(const std::string& name, int64_t& id);
  Status InsertDocument(const Document& doc, const std::string& hash, int64_t source, const MinHashSignature& signature,
                        StoredDocument& stored);
  Status FindStory(const MinHashSignature& signature, int64_t& story);
  Status AssignStoriesToOlderDocuments();
  Status IndexBands(const MinHashSignature& signature, int64_t document);
  Status PutMention(const Document& doc, const Event& event, int64_t document, int64_t& event_id);
  Status FindEvent(const std::string& key_text, int64_t& id);
  Status EventId(const Document& doc, const Event& event, int64_t& id);
  Status LastId(int64_t& id);

  SqliteConnection db_;
  bool in_transaction_ = false;
  SqliteStatement find_document_, find_source_, insert_source_, insert_document_, insert_event_, find_event_,
      insert_mention_, count_new_document_, last_id_, find_band_, insert_band_, new_story_, count_story_;
};

Status SqliteStore::Initialise() {
  // WAL: readers do not block the writer; NORMAL: a process crash loses nothing committed. A 64 MB
  // page cache keeps the index pages every document touches (its LSH bands) in memory, and a
  // checkpoint every 64 MB of log instead of every 4 MB syncs the file a sixteenth as often.
  for (std::string_view pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
                                  "PRAGMA cache_size = -65536", "PRAGMA wal_autocheckpoint = 16384"}) {
    if (Status status = db_.Execute(pragma); !status.ok()) return status;
  }
  if (Status status = Migrate(); !status.ok()) return status;
  const std::pair<SqliteStatement*, std::string_view> statements[] = {
      {&find_document_, "SELECT id FROM documents WHERE content_hash = ?1"},
      {&find_source_, "SELECT id FROM sources WHERE name = ?1"},
      {&insert_source_, "INSERT INTO sources (name) VALUES (?1)"},
      {&insert_document_, kInsertDocument},
      {&insert_event_, kInsertEvent},
      {&find_event_, "SELECT id FROM events WHERE event_key = ?1"},
      {&insert_mention_, kInsertMention},
      {&count_new_document_, kCountNewDocument},
      {&last_id_, "SELECT last_insert_rowid()"},
      // the latest kCandidatesPerBand documents of a bucket: reposts come soon after the story, and a
      // bucket that many documents share (templated reports) must not make every lookup slow
      {&find_band_, "SELECT d.id, d.story_id, d.minhash FROM document_bands b JOIN documents d ON d.id = b.document_id "
                    "WHERE b.band = ?1 AND b.bucket = ?2 ORDER BY b.document_id DESC LIMIT 64"},
      {&insert_band_, "INSERT OR IGNORE INTO document_bands (band, bucket, document_id) VALUES (?1, ?2, ?3)"},
      {&new_story_, "INSERT INTO stories (num_documents) VALUES (0)"},
      // one more document: each call follows the one document that joined the story (nothing leaves a
      // story); counting the story's documents instead made a feed of 100,000 near-identical items quadratic
      {&count_story_, "UPDATE stories SET num_documents = num_documents + 1 WHERE id = ?1"},
  };
  for (const auto& [statement, sql] : statements) {
    if (Status status = db_.Prepare(sql, *statement); !status.ok()) return status;
  }
  return AssignStoriesToOlderDocuments();
}

Status SqliteStore::Migrate() {
  if (Status status = db_.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                  "applied_at TEXT NOT NULL)");
      !status.ok()) {
    return status;
  }
  SqliteStatement applied;
  if (Status status = db_.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations", applied); !status.ok()) return status;
  Status status;
  const int64_t version = applied.Step(status) ? applied.Int(0) : 0;
  if (!status.ok()) return status;
  if (version > static_cast<int64_t>(sqlite_schema::kMigrations.size())) {
    return Status::Error(db_.Error() + fmt::format(" has schema version {}, newer than this lagebild knows", version));
  }
  for (size_t next = static_cast<size_t>(version); next < sqlite_schema::kMigrations.size(); ++next) {
    const std::string sql = fmt::format("BEGIN IMMEDIATE; {} INSERT INTO schema_migrations VALUES ({}, '{}'); COMMIT;",
                                        sqlite_schema::kMigrations[next], next + 1, NowUtc());
    if (Status failed = db_.Execute(sql); !failed.ok()) {
      db_.Execute("ROLLBACK");
      return failed;
    }
  }
  return Status::Ok();
}

Status SqliteStore::Put(const Document& doc, StoredDocument& stored) {
  stored = {};
  if (!in_transaction_) {
    if (Status status = db_.Execute("BEGIN IMMEDIATE"); !status.ok()) return status;
    in_transaction_ = true;
  }
  if (Status status = db_.Execute("SAVEPOINT document"); !status.ok()) return status;
  Status status = PutInTransaction(doc, stored);
  if (!status.ok()) db_.Execute("ROLLBACK TO document");
  if (Status released = db_.Execute("RELEASE document"); status.ok()) status = released;
  return status;
}

Status SqliteStore::Commit() {
  if (!in_transaction_) return Status::Ok();
  in_transaction_ = false;
  return db_.Execute("COMMIT");
}

Status SqliteStore::PutInTransaction(const Document& doc, StoredDocument& stored) {
  const std::string hash = ContentHashText(doc);
  if (Status status = FindDocument(hash, stored.id); !status.ok() || stored.id > 0) {
    stored.duplicate = stored.id > 0;
    return status;
  }
  int64_t source = 0;
  if (Status status = SourceId(SourceName(doc.meta), source); !status.ok()) return status;
  const MinHashSignature signature = SignatureOf(doc.text);
  if (Status status = InsertDocument(doc, hash, source, signature, stored); !status.ok()) return status;
  std::map<int64_t, int64_t> mentions_of_event;
  for (const Event& event : doc.events) {
    int64_t event_id = 0;
    if (Status status = PutMention(doc, event, stored.id, event_id); !status.ok()) return status;
    ++mentions_of_event[event_id];
    ++stored.mentions;
  }
  for (const auto& [event_id, mentions] : mentions_of_event) {
    count_new_document_.Bind(1, event_id).Bind(2, mentions).Bind(3, source).Bind(4, stored.id).BindOptional(5, doc.meta.published);
    if (Status status = count_new_document_.Run(); !status.ok()) return status;
  }
  return Status::Ok();
}

// The id `query` finds for `key` (its first parameter), 0 when it finds none.
Status LookUpId(SqliteStatement& query, std::string_view key, int64_t& id) {
  Status status;
  query.Bind(1, key);
  id = query.Step(status) ? query.Int(0) : 0;
  query.Reset();
  return status;
}

Status SqliteStore::FindDocument(const std::string& hash, int64_t& id) { return LookUpId(find_document_, hash, id); }

Status SqliteStore::LastId(int64_t& id) {
  Status status;
  id = last_id_.Step(status) ? last_id_.Int(0) : 0;
  last_id_.Reset();
  return status;
}

Status SqliteStore::SourceId(const std::string& name, int64_t& id) {
  Status status = LookUpId(find_source_, name, id);
  if (!status.ok() || id > 0) return status;
  if (status = insert_source_.Bind(1, std::string_view(name)).Run(); !status.ok()) return status;
  return LastId(id);
}

Status SqliteStore::InsertDocument(const Document& doc, const std::string& hash, int64_t source,
                                   const MinHashSignature& signature, StoredDocument& stored) {
  if (Status status = FindStory(signature, stored.story); !status.ok()) return status;
  insert_document_.Bind(1, std::string_view(hash))
      .Bind(2, std::string_view(doc.meta.id))
      .BindOptional(3, doc.meta.url)
      .BindOptional(4, doc.meta.title)
      .BindOptional(5, doc.meta.published)
      .Bind(6, std::string_view(doc.lang))
      .Bind(7, source)
      .Bind(8, std::string_view(doc.text))
      .Bind(9, std::string_view(NowUtc()))
      .Bind(10, stored.story)
      .BindBlob(11, signature.data(), sizeof signature);
  if (Status status = insert_document_.Run(); !status.ok()) return status;
  if (Status status = LastId(stored.id); !status.ok()) return status;
  if (Status status = IndexBands(signature, stored.id); !status.ok()) return status;
  return count_story_.Bind(1, stored.story).Run();
}

// Documents stored before schema version 2 have no signature and no story: each gets them from
// its stored text, in the order they were stored, as if ingested now. Done once, in one
// transaction; a database without such documents costs one query.
Status SqliteStore::AssignStoriesToOlderDocuments() {
  SqliteStatement older, text_of, update;
  if (Status status = db_.Prepare("SELECT id FROM documents WHERE story_id IS NULL ORDER BY id", older); !status.ok()) {
    return status;
  }
  Status status;
  std::vector<int64_t> documents;  // read first: the updates below change what the query selects
  while (older.Step(status)) documents.push_back(older.Int(0));
  if (!status.ok() || documents.empty()) return status;
  if (!(status = db_.Prepare("SELECT text FROM documents WHERE id = ?1", text_of)).ok()) return status;
  if (!(status = db_.Prepare("UPDATE documents SET story_id = ?2, minhash = ?3 WHERE id = ?1", update)).ok()) {
    return status;
  }
  if (!(status = db_.Execute("BEGIN IMMEDIATE")).ok()) return status;
  for (int64_t document : documents) {
    text_of.Bind(1, document);
    const std::string text = text_of.Step(status) ? text_of.Text(0) : std::string();
    text_of.Reset();
    const MinHashSignature signature = SignatureOf(text);
    int64_t story = 0;
    if (!status.ok() || !(status = FindStory(signature, story)).ok()) break;
    if (!(status = update.Bind(1, document).Bind(2, story).BindBlob(3, signature.data(), sizeof signature).Run()).ok()) break;
    if (!(status = IndexBands(signature, document)).ok()) break;
    if (!(status = count_story_.Bind(1, story).Run()).ok()) break;
  }
  if (!status.ok()) {
    db_.Execute("ROLLBACK");
    return status;
  }
  return db_.Execute("COMMIT");
}

// The story of the most similar document stored before, at kSameStory or above; else a new one.
Status SqliteStore::FindStory(const MinHashSignature& signature, int64_t& story) {
  const std::array<uint64_t, kBands> keys = BandKeys(signature);
  std::set<int64_t> compared;  // a document shares several bands with a near copy
  double best = 0;
  story = 0;
  Status status;
  for (size_t band = 0; band < kBands && status.ok(); ++band) {
    find_band_.Bind(1, static_cast<int64_t>(band)).Bind(2, static_cast<int64_t>(keys[band]));
    while (find_band_.Step(status)) {
      const std::string_view blob = find_band_.Blob(2);
      if (!compared.insert(find_band_.Int(0)).second || blob.size() != sizeof(MinHashSignature)) continue;
      MinHashSignature other;
      std::memcpy(other.data(), blob.data(), sizeof other);
      const double similarity = EstimatedJaccard(signature, other);
      if (similarity >= kSameStory && similarity > best) {
        best = similarity;
        story = find_band_.Int(1);
      }
    }
    find_band_.Reset();
  }
  if (!status.ok() || story > 0) return status;
  if (status = new_story_.Run(); !status.ok()) return status;
  return LastId(story);
}

Status SqliteStore::IndexBands(const MinHashSignature& signature, int64_t document) {
  const std::array<uint64_t, kBands> keys = BandKeys(signature);
  for (size_t band = 0; band < kBands; ++band) {
    insert_band_.Bind(1, static_cast<int64_t>(band)).Bind(2, static_cast<int64_t>(keys[band])).Bind(3, document);
    if (Status status = insert_band_.Run(); !status.ok()) return status;
  }
  return Status::Ok();
}

// The id of the event stored under `key_text`, 0 when there is none.
Status SqliteStore::FindEvent(const std::string& key_text, int64_t& id) { return LookUpId(find_event_, key_text, id); }

// The event the report folds into: one stored under its key, else one a day apart, else new.
Status SqliteStore::EventId(const Document& doc, const Event& event, int64_t& id) {
  const EventRow row = EventRowOf(doc, event);
  if (Status status = FindEvent(row.event_key, id); !status.ok() || id != 0) return status;
  for (const std::string& neighbour : NeighbourDayKeys(row.key)) {
    if (Status status = FindEvent(neighbour, id); !status.ok() || id != 0) return status;
  }
  insert_event_.Bind(1, std::string_view(row.event_key))
      .Bind(2, std::string_view(row.key.source))
      .Bind(3, std::string_view(row.key.target))
      .Bind(4, std::string_view(row.code))
      .Bind(5, std::string_view(row.root_code))
      .Bind(6, row.quad_class)
      .Bind(7, row.goldstein)
      .Bind(8, std::string_view(row.key.modality))
      .Bind(9, std::string_view(row.date));
  if (Status status = insert_event_.Run(); !status.ok()) return status;
  return FindEvent(row.event_key, id);
}

Status SqliteStore::PutMention(const Document& doc, const Event& event, int64_t document, int64_t& event_id) {
  if (Status status = EventId(doc, event, event_id); !status.ok()) return status;
  const MentionRow row = MentionRowOf(doc, event);
  insert_mention_.Bind(1, event_id)
      .Bind(2, document)
      .Bind(3, row.sentence)
      .Bind(4, row.sentence_begin)
      .Bind(5, row.sentence_end)
      .Bind(6, row.trigger_begin)
      .Bind(7, row.trigger_end)
      .Bind(8, std::string_view(row.source_text))
      .Bind(9, std::string_view(row.target_text))
      .Bind(10, std::string_view(row.speaker_code))
      .Bind(11, std::string_view(row.date_basis))
      .BindOptional(12, row.place_name)
      .BindOptional(13, row.place_country)
      .Bind(17, std::string_view(row.rule))
      .BindOptional(20, row.place_kind)
      .BindOptional(21, row.place_admin1);
  if (row.place_lat) insert_mention_.Bind(14, *row.place_lat).Bind(15, *row.place_lon);
  if (row.place_geonames) insert_mention_.Bind(16, *row.place_geonames);
  if (row.source_begin) insert_mention_.Bind(18, *row.source_begin);
  if (row.target_begin) insert_mention_.Bind(19, *row.target_begin);
  return insert_mention_.Run();
}

Status SqliteStore::Count(StoreCounts& counts) {
  const std::pair<int64_t*, std::string_view> queries[] = {
      {&counts.documents, "SELECT count(*) FROM documents"}, {&counts.sources, "SELECT count(*) FROM sources"},
      {&counts.stories, "SELECT count(*) FROM stories WHERE num_documents > 0"},
      {&counts.events, "SELECT count(*) FROM events"},       {&counts.mentions, "SELECT count(*) FROM mentions"},
  };
  for (const auto& [target, sql] : queries) {
    SqliteStatement query;
    if (Status status = db_.Prepare(sql, query); !status.ok()) return status;
    Status status;
    *target = query.Step(status) ? query.Int(0) : 0;
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace

std::unique_ptr<Store> OpenSqliteStore(const std::string& path, Status& status) {
  std::optional<SqliteConnection> connection = SqliteConnection::Open(path, status);
  if (!connection) return nullptr;
  auto store = std::make_unique<SqliteStore>(std::move(*connection));
  if (status = store->Initialise(); !status.ok()) return nullptr;
  return store;
}

}  // namespace lagebild
