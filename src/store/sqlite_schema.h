// The SQLite schema as numbered migrations (docs/schema.md). A database records the versions it
// has in schema_migrations; opening it applies the missing ones in order, each in a transaction.
// Never edit a released migration: add the next one.
#pragma once

#include <array>
#include <string_view>

namespace lagebild::sqlite_schema {

inline constexpr std::array<std::string_view, 3> kMigrations = {
    // 1: documents, sources, events folded across reports, mentions
    R"sql(
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  external_id TEXT,
  url TEXT,
  title TEXT,
  published TEXT,
  lang TEXT NOT NULL,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  event_key TEXT NOT NULL UNIQUE,
  source_code TEXT,
  target_code TEXT,
  code TEXT NOT NULL,
  root_code TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  modality TEXT NOT NULL,
  date TEXT,
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT,
  last_seen TEXT
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_actors ON events(source_code, target_code);
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL,
  sentence_begin INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  trigger_begin INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  source_text TEXT,
  source_begin INTEGER,
  target_text TEXT,
  target_begin INTEGER,
  speaker_code TEXT,
  date_basis TEXT,
  place_name TEXT,
  place_kind TEXT,
  place_country TEXT,
  place_admin1 TEXT,
  place_lat REAL,
  place_lon REAL,
  place_geonames INTEGER,
  rule TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_document ON mentions(document_id);
)sql",
    // 2: near-duplicate stories: each document's MinHash signature, its LSH band buckets, its story
    R"sql(
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  num_documents INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE documents ADD COLUMN story_id INTEGER REFERENCES stories(id);
ALTER TABLE documents ADD COLUMN minhash BLOB;
CREATE INDEX documents_story ON documents(story_id);
CREATE TABLE document_bands (
  band INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY (band, bucket, document_id)
) WITHOUT ROWID;
)sql",
    // 3: full-text search over the sentences that report events (FTS5, rowid = mentions.id), and
    // indexes for the HTTP API's sort orders. A trigger fills the search table as mentions are
    // stored, so every writer keeps it complete; the rows already stored are indexed here.
    // Offsets are bytes, hence the BLOB casts.
    R"sql(
CREATE VIRTUAL TABLE mention_search USING fts5(sentence, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO mention_search (rowid, sentence)
  SELECT m.id, CAST(substr(CAST(d.text AS BLOB), m.sentence_begin + 1, m.sentence_end - m.sentence_begin) AS TEXT)
  FROM mentions m JOIN documents d ON d.id = m.document_id;
CREATE TRIGGER mentions_search_insert AFTER INSERT ON mentions BEGIN
  INSERT INTO mention_search (rowid, sentence)
    SELECT new.id, CAST(substr(CAST(d.text AS BLOB), new.sentence_begin + 1, new.sentence_end - new.sentence_begin) AS TEXT)
    FROM documents d WHERE d.id = new.document_id;
END;
CREATE TRIGGER mentions_search_delete AFTER DELETE ON mentions BEGIN
  DELETE FROM mention_search WHERE rowid = old.id;
END;
-- the API's page orders (sort key, then id), so that a page reads only its own rows; actors by target
CREATE INDEX events_by_date ON events(coalesce(date, ''), id);
CREATE INDEX events_by_mentions ON events(num_mentions, id);
CREATE INDEX events_target ON events(target_code);
)sql",
};

}  // namespace lagebild::sqlite_schema
