// The event database (docs/schema.md): documents, their sources, events folded across reports
// and every mention of each, in SQLite (a file; the default) or PostgreSQL (a URL), the same
// tables and the same values in both.
// Documents are written in transactions of whole documents (Put opens one, Commit ends it; each
// document is a savepoint inside): after a crash the database holds each document with all its
// mentions or not at all, and the same document (by content hash) is stored once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "lagebild/document.h"
#include "lagebild/status.h"

namespace lagebild {

// What storing one document did.
struct StoredDocument {
  bool duplicate = false;  // a document with the same content hash was already stored
  int64_t id = 0;          // its documents.id (the earlier one for a duplicate)
  int64_t story = 0;       // its stories.id: the story of a near copy stored before, or a new one
  size_t mentions = 0;     // mentions written (0 for a duplicate)
};

// What the database holds.
struct StoreCounts {
  int64_t documents = 0;
  int64_t sources = 0;
  int64_t stories = 0;
  int64_t events = 0;
  int64_t mentions = 0;
};

// An event as stored, with what its reports say about it (the first report with an actor name,
// a place or a URL gives those).
struct StoredEvent {
  int64_t id = 0;
  std::string source_code, target_code, code, modality, date;
  int64_t quad_class = 0;
  double goldstein = 0;
  int64_t num_mentions = 0, num_articles = 0, num_sources = 0;
  std::string first_seen, last_seen;  // publication dates
  std::string first_ingested;         // when its first report was stored (ISO 8601 UTC)
  bool in_lead = false;               // some report is in a document's first sentence
  std::string source_name, target_name, url;
  std::optional<double> lat, lon;
  std::string place_name, place_kind, place_country, place_admin1;
  int64_t place_geonames = 0;
};

// One report of an event.
struct StoredMention {
  int64_t event_id = 0;
  std::string event_ingested;  // when the event's first report was stored
  std::string ingested;        // when this report's document was stored
  std::string source_name, url, external_id, modality;
  int64_t sentence = 0, trigger_begin = 0, document_length = 0;
  std::optional<int64_t> source_begin, target_begin;
};

// Which events to read: by event date (TIMEX3 values compared as text at their own precision, so
// "2023-09" lies within 2023-09-01 … 2023-09-30; events without a date are left out when a bound
// is given) and by modality.
struct EventFilter {
  std::optional<std::string> from, to;
  std::optional<std::string> modality;  // asserted, planned, possible, negated; all when empty
};

class DocumentQueue;

class Store {
 public:
  // `location`: a PostgreSQL URL ("postgresql://…" or "postgres://…", libpq's form) or else a
  // file path (SQLite). The database is created (SQLite) and migrated when new.
  static std::unique_ptr<Store> Open(const std::string& location, Status& status);
  virtual ~Store() = default;

  // Before putting a batch when other processes may write at once (PostgreSQL): takes, in one
  // fixed order, the locks of everything the batch's documents will write (their hashes, sources
  // and events), so that writers wait for each other but never in a cycle. Put stays correct
  // without it, but then concurrent writers can deadlock (and one of them fails). SQLite has one
  // writer at a time and needs nothing.
  virtual Status Prepare(std::span<const Document> /*docs*/) { return Status::Ok(); }

  // Stores the document, its mentions and the events they fold into; nothing of it when it fails.
  // Visible to other connections after Commit (the destructor commits too).
  virtual Status Put(const Document& doc, StoredDocument& stored) = 0;
  virtual Status Commit() = 0;
  virtual Status Count(StoreCounts& counts) = 0;

  // Visits the events (by id) or their mentions (by event, then document and sentence).
  virtual Status ReadEvents(const EventFilter& filter, const std::function<void(const StoredEvent&)>& visit) = 0;
  virtual Status ReadMentions(const EventFilter& filter, const std::function<void(const StoredMention&)>& visit) = 0;

  // The queue of documents waiting for `lagebild worker` (store/document_queue.h), which shares
  // the store's transaction; nullptr when the backend has none (SQLite).
  virtual DocumentQueue* Queue() { return nullptr; }
};

}  // namespace lagebild
