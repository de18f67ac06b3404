// The PostgreSQL store: the SQLite store's tables and values (document_rows.h), for several
// writers at once. Each writer holds transaction-scoped advisory locks on what it writes — the
// document's content hash, its events' keys, a new source's name — from before it looks them up
// until it commits, so that two writers never store one document twice, never create one source
// or event twice, and recount an event only after every other writer's mentions of it are
// committed. Prepare takes a whole batch's locks in ascending order, so writers never wait in a
// cycle. Rows are inserted only after a lookup found nothing, so single-writer ids have no gaps
// and equal SQLite's.
#include "store/postgres_store.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/document_rows.h"
#include "store/near_duplicates.h"
#include "store/postgres_queue.h"
#include "store/postgres_read.h"
#include "store/postgres_schema.h"

namespace lagebild {
namespace {

// Namespaces of the advisory lock keys (hash seeds), and the key that serialises migrations.
// (A key of one namespace may equal one of another: that only makes a writer wait.)
enum class LockKind : uint64_t { kDocument = 1, kSource = 2, kEvent = 3 };
constexpr int64_t kMigrationLock = 0x6c616765;  // "lage"

int64_t LockKey(LockKind kind, std::string_view text) {
  return static_cast<int64_t>(XXH3_64bits_withSeed(text.data(), text.size(), static_cast<uint64_t>(kind)));
}

// The lock keys of what storing `doc` writes, but for its source: a source exists once stored and
// needs a lock only to be created (SourceId), so that writers of one source do not wait for
// each other for nothing.
void AddLockKeys(const Document& doc, std::vector<int64_t>& keys) {
  keys.push_back(LockKey(LockKind::kDocument, ContentHashText(doc)));
  for (const Event& event : doc.events) {
    const EventKey key = KeyOf(doc, event);
    keys.push_back(LockKey(LockKind::kEvent, key.Text()));
    // a writer folding into the day before or after must wait for one creating it
    for (const std::string& neighbour : NeighbourDayKeys(key)) keys.push_back(LockKey(LockKind::kEvent, neighbour));
  }
}

std::optional<std::string> NullIfEmpty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::optional<std::string> NullIfEmpty(const std::optional<std::string>& text) { return text ? NullIfEmpty(*text) : std::nullopt; }

// SQL literals for multi-row statements, typed so that a column of NULLs has its type too. An
// empty text is NULL, as in the SQLite store.
std::string Literal(pqxx::transaction_base& sql, const std::optional<std::string>& text) {
  return text && !text->empty() ? sql.quote(*text) + "::text" : "NULL::text";
}
std::string Literal(pqxx::transaction_base& sql, const std::string& text) { return Literal(sql, std::optional<std::string>(text)); }
std::string Literal(const std::optional<int64_t>& value) { return value ? fmt::format("{}::bigint", *value) : "NULL::bigint"; }
std::string Literal(const std::optional<double>& value) { return value ? fmt::format("'{}'::float8", *value) : "NULL::float8"; }
std::string Literal(int64_t value) { return Literal(std::optional<int64_t>(value)); }
std::string Literal(double value) { return Literal(std::optional<double>(value)); }

constexpr std::string_view kCandidates =
    // the latest 64 documents of each band's bucket, band by band, newest first (as in SQLite)
    "SELECT k.n - 1, d.id, d.story_id, d.minhash FROM unnest($1::bigint[]) WITH ORDINALITY AS k(bucket, n) "
    "CROSS JOIN LATERAL (SELECT b.document_id FROM document_bands b WHERE b.band = k.n - 1 AND b.bucket = k.bucket "
    "ORDER BY b.document_id DESC LIMIT 64) c JOIN documents d ON d.id = c.document_id ORDER BY k.n, c.document_id DESC";
// A document with its new story (when $10, the story found, is NULL) and its LSH band buckets
// ($12) in one statement: a round trip to the server costs more than the work of a row.
constexpr std::string_view kInsertDocument =
    "WITH new_story AS (INSERT INTO stories (num_documents) SELECT 0 WHERE $10::bigint IS NULL RETURNING id), "
    "document AS (INSERT INTO documents (content_hash, external_id, url, title, published, lang, source_id, text, "
    "ingested_at, story_id, minhash) SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::bigint, "
    "$8::text, $9::text, coalesce($10::bigint, (SELECT id FROM new_story)), $11::bytea RETURNING id, story_id), "
    "bands AS (INSERT INTO document_bands (band, bucket, document_id) SELECT k.n - 1, k.bucket, document.id "
    "FROM document, unnest($12::bigint[]) WITH ORDINALITY AS k(bucket, n) ON CONFLICT DO NOTHING) "
    "SELECT id, story_id FROM document";
// Counts follow from the mentions, as in SQLite. Dates compare as text in byte order.
constexpr std::string_view kRecountEvents =
    "UPDATE events e SET "
    "num_mentions = (SELECT count(*) FROM mentions WHERE event_id = e.id), "
    "num_articles = (SELECT count(DISTINCT document_id) FROM mentions WHERE event_id = e.id), "
    "num_sources = (SELECT count(DISTINCT d.source_id) FROM mentions m JOIN documents d ON d.id = m.document_id "
    "WHERE m.event_id = e.id), "
    "first_seen = (SELECT min(d.published COLLATE \"C\") FROM mentions m JOIN documents d ON d.id = m.document_id "
    "WHERE m.event_id = e.id), "
    "last_seen = (SELECT max(d.published COLLATE \"C\") FROM mentions m JOIN documents d ON d.id = m.document_id "
    "WHERE m.event_id = e.id) "
    "WHERE e.id = ANY($1::bigint[])";
constexpr std::string_view kMentionColumns =
    "event_id, document_id, sentence, sentence_begin, sentence_end, trigger_begin, trigger_end, source_text, target_text, "
    "speaker_code, date_basis, place_name, place_country, place_lat, place_lon, place_geonames, rule, source_begin, "
    "target_begin, place_kind, place_admin1";

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(std::unique_ptr<PostgresSession> session)
      : session_(std::move(session)), queue_(*session_) {}
  ~PostgresStore() override { Commit(); }

  Status Initialise();
  Status Prepare(std::span<const Document> docs) override;
  Status Put(const Document& doc, StoredDocument& stored) override;
  Status Commit() override;
  Status Count(StoreCounts& counts) override;
  Status ReadEvents(const EventFilter& filter, const std::function<void(const StoredEvent&)>& visit) override {
    return ReadPostgresEvents(*session_, filter, visit);
  }
  Status ReadMentions(const EventFilter& filter, const std::function<void(const StoredMention&)>& visit) override {
    return ReadPostgresMentions(*session_, filter, visit);
  }
  DocumentQueue* Queue() override { return &queue_; }

 private:
  Status Migrate();
  Status ApplyNextMigration(bool& done);
  void PutInTransaction(pqxx::transaction_base& sql, const Document& doc, StoredDocument& stored);
  void Lock(pqxx::transaction_base& sql, std::vector<int64_t> keys);
  std::vector<std::string> NewSources(pqxx::transaction_base& sql, std::span<const Document> docs);
  int64_t SourceId(pqxx::transaction_base& sql, const std::string& name);
  int64_t FindStory(pqxx::transaction_base& sql, const MinHashSignature& signature);
  int64_t InsertDocument(pqxx::transaction_base& sql, const Document& doc, int64_t source, int64_t& story,
                         const MinHashSignature& signature);
  std::vector<int64_t> EventIds(pqxx::transaction_base& sql, const Document& doc);
  void InsertMentions(pqxx::transaction_base& sql, const Document& doc, int64_t document, const std::vector<int64_t>& events);
  Status RecountStories();
  Status EndTransaction();
  void Forget();

  std::unique_ptr<PostgresSession> session_;
  PostgresQueue queue_;
  std::unordered_map<std::string, int64_t> source_ids_;  // sources seen in this transaction or committed before
  std::set<int64_t> stories_to_count_;                    // stories that got documents in this transaction
  std::unordered_set<int64_t> held_locks_;                // advisory locks this transaction holds
};

Status PostgresStore::Initialise() {
  if (Status status = Migrate(); !status.ok()) return status;
  const std::pair<const char*, std::string_view> statements[] = {
      {"find_document", "SELECT id FROM documents WHERE content_hash = $1"},
      {"find_source", "SELECT id FROM sources WHERE name = $1"},
      {"insert_source", "INSERT INTO sources (name) VALUES ($1) RETURNING id"},
      {"lock", "SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k"},
      {"candidates", kCandidates},
      {"insert_document", kInsertDocument},
      {"recount_events", kRecountEvents},
      // row locks in id order, then counts from a snapshot that sees every committed document. NO
      // KEY UPDATE, not UPDATE: the latter would wait for every writer that inserted a document
      // of the story (a foreign key check holds KEY SHARE until commit), which can be a cycle.
      {"lock_stories", "SELECT id FROM stories WHERE id = ANY($1::bigint[]) ORDER BY id FOR NO KEY UPDATE"},
      {"count_stories",
       "UPDATE stories s SET num_documents = (SELECT count(*) FROM documents WHERE story_id = s.id) "
       "WHERE s.id = ANY($1::bigint[])"},
  };
  return session_->Run([&](pqxx::transaction_base&) {
    for (const auto& [name, sql] : statements) session_->connection().prepare(name, std::string(sql));
    queue_.PrepareStatements();
  });
}

Status PostgresStore::Migrate() {
  for (bool done = false; !done;) {
    if (Status status = ApplyNextMigration(done); !status.ok()) return status;
  }
  return Status::Ok();
}

// One migration in its own transaction, under a lock so that workers starting together on a new
// database apply each migration once.
Status PostgresStore::ApplyNextMigration(bool& done) {
  if (Status status = session_->Begin(); !status.ok()) return status;
  int64_t version = 0;
  Status status = session_->Run([&](pqxx::transaction_base& sql) {
    sql.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kMigrationLock));
    sql.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)");
    version = sql.exec("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0].as<int64_t>();
    done = version >= static_cast<int64_t>(postgres_schema::kMigrations.size());
    if (done) return;
    sql.exec(std::string(postgres_schema::kMigrations[version]));
    sql.exec_params("INSERT INTO schema_migrations VALUES ($1, $2)", version + 1, NowUtc());
  });
  if (Status committed = session_->Commit(); status.ok()) status = committed;
  if (status.ok() && version > static_cast<int64_t>(postgres_schema::kMigrations.size())) {
    return Status::Error(fmt::format("{} has schema version {}, newer than this lagebild knows", session_->name(), version));
  }
  return status;
}

// Takes the advisory locks of `keys` that this transaction does not hold yet, in ascending order.
void PostgresStore::Lock(pqxx::transaction_base& sql, std::vector<int64_t> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::erase_if(keys, [&](int64_t key) { return held_locks_.contains(key); });
  if (keys.empty()) return;
  sql.exec_prepared("lock", BigintArray(keys));
  held_locks_.insert(keys.begin(), keys.end());
}

Status PostgresStore::Prepare(std::span<const Document> docs) {
  if (Status status = session_->Begin(); !status.ok()) return status;
  return session_->Run([&](pqxx::transaction_base& sql) {
    std::vector<int64_t> keys;
    for (const Document& doc : docs) AddLockKeys(doc, keys);
    for (const std::string& name : NewSources(sql, docs)) keys.push_back(LockKey(LockKind::kSource, name));
    Lock(sql, std::move(keys));
  });
}

// The sources of `docs` not stored yet; the ids of the others go to source_ids_.
std::vector<std::string> PostgresStore::NewSources(pqxx::transaction_base& sql, std::span<const Document> docs) {
  std::set<std::string> unknown;
  for (const Document& doc : docs) {
    if (std::string name = SourceName(doc.meta); !source_ids_.contains(name)) unknown.insert(std::move(name));
  }
  if (unknown.empty()) return {};
  std::vector<std::string> quoted;
  for (const std::string& name : unknown) quoted.push_back(sql.quote(name));
  for (const pqxx::row& row : sql.exec(fmt::format("SELECT name, id FROM sources WHERE name IN ({})", fmt::join(quoted, ", ")))) {
    source_ids_.emplace(row[0].as<std::string>(), row[1].as<int64_t>());
    unknown.erase(row[0].as<std::string>());
  }
  return {unknown.begin(), unknown.end()};
}

Status PostgresStore::Put(const Document& doc, StoredDocument& stored) {
  stored = {};
  if (Status status = session_->Begin(); !status.ok()) return status;
  if (Status status = session_->Savepoint(); !status.ok()) return status;
  Status status = session_->Run([&](pqxx::transaction_base& sql) { PutInTransaction(sql, doc, stored); });
  if (!status.ok()) {
    session_->Undo();
    source_ids_.clear();   // a source inserted in the savepoint is gone again,
    held_locks_.clear();   // and so are the locks taken in it
    return status;
  }
  if (!stored.duplicate) stories_to_count_.insert(stored.story);
  return session_->Release();
}

void PostgresStore::PutInTransaction(pqxx::transaction_base& sql, const Document& doc, StoredDocument& stored) {
  std::vector<int64_t> keys;
  AddLockKeys(doc, keys);
  Lock(sql, std::move(keys));  // already held after Prepare
  const std::string hash = ContentHashText(doc);
  const pqxx::result found = sql.exec_prepared("find_document", hash);
  if (!found.empty()) {
    stored.duplicate = true;
    stored.id = found[0][0].as<int64_t>();
    return;
  }
  const int64_t source = SourceId(sql, SourceName(doc.meta));
  const MinHashSignature signature = SignatureOf(doc.text);
  stored.story = FindStory(sql, signature);
  stored.id = InsertDocument(sql, doc, source, stored.story, signature);
  if (doc.events.empty()) return;
  const std::vector<int64_t> events = EventIds(sql, doc);
  InsertMentions(sql, doc, stored.id, events);
  stored.mentions = events.size();
  std::vector<int64_t> touched = events;
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  sql.exec_prepared("recount_events", BigintArray(touched));
}

int64_t PostgresStore::SourceId(pqxx::transaction_base& sql, const std::string& name) {
  if (const auto known = source_ids_.find(name); known != source_ids_.end()) return known->second;
  Lock(sql, {LockKey(LockKind::kSource, name)});  // held already after Prepare
  pqxx::result row = sql.exec_prepared("find_source", name);
  if (row.empty()) row = sql.exec_prepared("insert_source", name);
  const int64_t id = row[0][0].as<int64_t>();
  source_ids_.emplace(name, id);
  return id;
}

// The story of the most similar document stored before, at kSameStory or above; else 0.
int64_t PostgresStore::FindStory(pqxx::transaction_base& sql, const MinHashSignature& signature) {
  const std::array<uint64_t, kBands> keys = BandKeys(signature);
  std::vector<int64_t> buckets(keys.begin(), keys.end());
  std::set<int64_t> compared;  // a document shares several bands with a near copy
  double best = 0;
  int64_t story = 0;
  for (const pqxx::row& row : sql.exec_prepared("candidates", BigintArray(buckets))) {
    const pqxx::binarystring blob(row[3]);
    if (!compared.insert(row[1].as<int64_t>()).second || blob.size() != sizeof(MinHashSignature)) continue;
    MinHashSignature other;
    std::memcpy(other.data(), blob.data(), sizeof other);
    const double similarity = EstimatedJaccard(signature, other);
    if (similarity >= kSameStory && similarity > best) {
      best = similarity;
      story = row[2].is_null() ? 0 : row[2].as<int64_t>();
    }
  }
  return story;
}

// Inserts the document in `story` (0: a new one); returns its id and sets `story`.
int64_t PostgresStore::InsertDocument(pqxx::transaction_base& sql, const Document& doc, int64_t source, int64_t& story,
                                      const MinHashSignature& signature) {
  const std::array<uint64_t, kBands> keys = BandKeys(signature);
  const std::vector<int64_t> buckets(keys.begin(), keys.end());
  const pqxx::row row = sql.exec_prepared("insert_document", ContentHashText(doc), NullIfEmpty(doc.meta.id), NullIfEmpty(doc.meta.url),
                                          NullIfEmpty(doc.meta.title), NullIfEmpty(doc.meta.published), NullIfEmpty(doc.lang),
                                          source, NullIfEmpty(doc.text), NowUtc(), story > 0 ? std::optional(story) : std::nullopt,
                                          pqxx::binarystring(signature.data(), sizeof signature), BigintArray(buckets))[0];
  story = row[1].as<int64_t>();
  return row[0].as<int64_t>();
}

// The id of each event's row, in the order of doc.events; missing rows are inserted in that
// order (their keys are locked, so no other writer inserts them meanwhile).
std::vector<int64_t> PostgresStore::EventIds(pqxx::transaction_base& sql, const Document& doc) {
  std::vector<EventRow> rows;
  std::vector<std::string> looked_up;  // quoted keys: each report's own and the days beside it
  for (const Event& event : doc.events) {
    rows.push_back(EventRowOf(doc, event));
    looked_up.push_back(sql.quote(rows.back().event_key));
    for (const std::string& neighbour : NeighbourDayKeys(rows.back().key)) looked_up.push_back(sql.quote(neighbour));
  }
  std::unordered_set<std::string> known;  // keys stored before, and those this document creates
  for (const pqxx::row& row : sql.exec(fmt::format("SELECT event_key FROM events WHERE event_key IN ({})",
                                                   fmt::join(looked_up, ", ")))) {
    known.insert(row[0].as<std::string>());
  }
  // As the SQLite store does, report by report: its own key, else a day earlier, else a day later.
  std::vector<std::string> folded_keys, values, keys;
  for (const EventRow& row : rows) {
    std::string key = row.event_key;
    if (!known.contains(key)) {
      for (const std::string& neighbour : NeighbourDayKeys(row.key)) {
        if (known.contains(neighbour)) {
          key = neighbour;
          break;
        }
      }
    }
    if (known.insert(key).second) {
      values.push_back(fmt::format("({}, {}, {}, {}, {}, {}, {}, {}, {})", sql.quote(key), Literal(sql, row.key.source),
                                   Literal(sql, row.key.target), Literal(sql, row.code), Literal(sql, row.root_code),
                                   Literal(row.quad_class), Literal(row.goldstein), Literal(sql, row.key.modality),
                                   Literal(sql, row.date)));
    }
    keys.push_back(sql.quote(key));
    folded_keys.push_back(std::move(key));
  }
  if (!values.empty()) {
    sql.exec(fmt::format(
        "INSERT INTO events (event_key, source_code, target_code, code, root_code, quad_class, goldstein, modality, date) "
        "SELECT * FROM (VALUES {}) AS v(event_key, source_code, target_code, code, root_code, quad_class, goldstein, "
        "modality, date) WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_key = v.event_key)",
        fmt::join(values, ", ")));
  }
  std::unordered_map<std::string, int64_t> ids;
  for (const pqxx::row& row : sql.exec(fmt::format("SELECT event_key, id FROM events WHERE event_key IN ({})", fmt::join(keys, ", ")))) {
    ids.emplace(row[0].as<std::string>(), row[1].as<int64_t>());
  }
  std::vector<int64_t> event_ids;
  for (const std::string& key : folded_keys) event_ids.push_back(ids.at(key));
  return event_ids;
}

void PostgresStore::InsertMentions(pqxx::transaction_base& sql, const Document& doc, int64_t document,
                                   const std::vector<int64_t>& events) {
  std::vector<std::string> values;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const MentionRow row = MentionRowOf(doc, doc.events[i]);
    values.push_back(fmt::format(
        "({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})", events[i], document,
        row.sentence, row.sentence_begin, row.sentence_end, row.trigger_begin, row.trigger_end, Literal(sql, row.source_text),
        Literal(sql, row.target_text), Literal(sql, row.speaker_code), Literal(sql, row.date_basis), Literal(sql, row.place_name),
        Literal(sql, row.place_country), Literal(row.place_lat), Literal(row.place_lon), Literal(row.place_geonames),
        Literal(sql, row.rule), Literal(row.source_begin), Literal(row.target_begin), Literal(sql, row.place_kind),
        Literal(sql, row.place_admin1)));
  }
  sql.exec(fmt::format("INSERT INTO mentions ({}) VALUES {}", kMentionColumns, fmt::join(values, ", ")));
}

// Story counts are taken at the end of a transaction, under row locks in id order: a story can
// get documents from several writers, and taking its lock earlier could make them wait in a cycle.
Status PostgresStore::RecountStories() {
  if (stories_to_count_.empty()) return Status::Ok();
  const std::vector<int64_t> stories(stories_to_count_.begin(), stories_to_count_.end());
  stories_to_count_.clear();
  return session_->Run([&](pqxx::transaction_base& sql) {
    sql.exec_prepared("lock_stories", BigintArray(stories));
    sql.exec_prepared("count_stories", BigintArray(stories));
  });
}

Status PostgresStore::Commit() {
  if (!session_->in_transaction()) return Status::Ok();
  Status counted = RecountStories();
  Status committed = EndTransaction();
  return counted.ok() ? committed : counted;
}

void PostgresStore::Forget() {
  source_ids_.clear();
  stories_to_count_.clear();
}

// Ends the transaction; its locks go with it.
Status PostgresStore::EndTransaction() {
  held_locks_.clear();
  Status status = session_->Commit();
  if (!status.ok()) Forget();
  return status;
}

Status PostgresStore::Count(StoreCounts& counts) {
  if (Status status = RecountStories(); !status.ok()) return status;
  return session_->Run([&](pqxx::transaction_base& sql) {
    const pqxx::row row = sql.exec1(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sources), "
        "(SELECT count(*) FROM stories WHERE num_documents > 0), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM mentions)");
    counts = {row[0].as<int64_t>(), row[1].as<int64_t>(), row[2].as<int64_t>(), row[3].as<int64_t>(), row[4].as<int64_t>()};
  });
}

}  // namespace

std::unique_ptr<Store> OpenPostgresStore(const std::string& url, Status& status) {
  std::unique_ptr<PostgresSession> session = PostgresSession::Connect(url, status);
  if (!session) return nullptr;
  auto store = std::make_unique<PostgresStore>(std::move(session));
  if (status = store->Initialise(); !status.ok()) return nullptr;
  return store;
}

}  // namespace lagebild
