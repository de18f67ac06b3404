// The PostgreSQL schema as numbered migrations (docs/schema.md "PostgreSQL"). Versions 1 and 2
// make the same tables and columns as SQLite's (sqlite_schema.h), with PostgreSQL's types:
// BIGSERIAL keys, BIGINT for SQLite's INTEGER, DOUBLE PRECISION for REAL, BYTEA for BLOB. Version 3
// adds the queue of documents waiting for `lagebild worker`, which only PostgreSQL has.
// A database records the versions it has in schema_migrations; opening it applies the missing ones
// in order, each in a transaction. Never edit a released migration: add the next one.
#pragma once

#include <array>
#include <string_view>

namespace lagebild::postgres_schema {

inline constexpr std::array<std::string_view, 3> kMigrations = {
    // 1: documents, sources, events folded across reports, mentions
    R"sql(
CREATE TABLE sources (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE documents (
  id BIGSERIAL PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  external_id TEXT,
  url TEXT,
  title TEXT,
  published TEXT,
  lang TEXT NOT NULL,
  source_id BIGINT NOT NULL REFERENCES sources(id),
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE events (
  id BIGSERIAL PRIMARY KEY,
  event_key TEXT NOT NULL UNIQUE,
  source_code TEXT,
  target_code TEXT,
  code TEXT NOT NULL,
  root_code TEXT NOT NULL,
  quad_class BIGINT NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL,
  modality TEXT NOT NULL,
  date TEXT,
  num_mentions BIGINT NOT NULL DEFAULT 0,
  num_articles BIGINT NOT NULL DEFAULT 0,
  num_sources BIGINT NOT NULL DEFAULT 0,
  first_seen TEXT,
  last_seen TEXT
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_actors ON events(source_code, target_code);
CREATE TABLE mentions (
  id BIGSERIAL PRIMARY KEY,
  event_id BIGINT NOT NULL REFERENCES events(id),
  document_id BIGINT NOT NULL REFERENCES documents(id),
  sentence BIGINT NOT NULL,
  sentence_begin BIGINT NOT NULL,
  sentence_end BIGINT NOT NULL,
  trigger_begin BIGINT NOT NULL,
  trigger_end BIGINT NOT NULL,
  source_text TEXT,
  source_begin BIGINT,
  target_text TEXT,
  target_begin BIGINT,
  speaker_code TEXT,
  date_basis TEXT,
  place_name TEXT,
  place_kind TEXT,
  place_country TEXT,
  place_admin1 TEXT,
  place_lat DOUBLE PRECISION,
  place_lon DOUBLE PRECISION,
  place_geonames BIGINT,
  rule TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_document ON mentions(document_id);
)sql",
    // 2: near-duplicate stories: each document's MinHash signature, its LSH band buckets, its story
    R"sql(
CREATE TABLE stories (
  id BIGSERIAL PRIMARY KEY,
  num_documents BIGINT NOT NULL DEFAULT 0
);
ALTER TABLE documents ADD COLUMN story_id BIGINT REFERENCES stories(id);
ALTER TABLE documents ADD COLUMN minhash BYTEA;
CREATE INDEX documents_story ON documents(story_id);
CREATE TABLE document_bands (
  band BIGINT NOT NULL,
  bucket BIGINT NOT NULL,
  document_id BIGINT NOT NULL REFERENCES documents(id),
  PRIMARY KEY (band, bucket, document_id)
);
)sql",
    // 3: documents waiting for analysis by `lagebild worker` (ingest --enqueue)
    R"sql(
CREATE TABLE queue (
  id BIGSERIAL PRIMARY KEY,
  external_id TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT,
  title TEXT,
  published TEXT,
  lang TEXT,
  content_type TEXT NOT NULL,
  content BYTEA NOT NULL,
  enqueued_at TEXT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  last_error TEXT
);
)sql",
};

}  // namespace lagebild::postgres_schema
