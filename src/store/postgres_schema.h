// The PostgreSQL schema as numbered migrations (docs/schema.md "PostgreSQL"). Versions 1 and 2
// make the same tables and columns as SQLite's (sqlite_schema.h), with PostgreSQL's types:
// BIGSERIAL keys, BIGINT for SQLite's INTEGER, DOUBLE PRECISION for REAL, BYTEA for BLOB. Version 3
// adds the queue of documents waiting for `lagebild worker`, which only PostgreSQL has. Version 4
// adds full-text search and the HTTP API's sort indexes, as SQLite's version 3 does.
// A database records the versions it has in schema_migrations; opening it applies the missing ones
// in order, each in a transaction. Never edit a released migration: add the next one.
#pragma once

#include <array>
#include <string_view>

namespace lagebild::postgres_schema {

inline constexpr std::array<std::string_view, 4> kMigrations = {
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
    // 4: full-text search over the sentences that report events (for the API's `q`), and indexes
    // for the HTTP API's sort orders, as SQLite's migration 3. mention_search holds a tsvector
    // per mention (id = mentions.id) with a GIN index; a statement trigger fills it as mentions
    // are stored, so every writer keeps it complete; the rows already stored are indexed here.
    // lagebild_search_words is the one place that says what a word is, for the sentences and
    // for the queries alike (src/serve/full_text_query.h): diacritics removed by unaccent when the
    // server has that extension (it is trusted: the database owner may create it), then every
    // ASCII punctuation mark and the Latin-1, general and CJK punctuation blocks made a space,
    // close to FTS5's unicode61; the 'simple' configuration then lowercases. Offsets are bytes.
    R"sql(
DO $$ BEGIN
  CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN OTHERS THEN
  NULL;  -- not installed, or not ours to create: search then tells diacritics apart
END $$;
DO $$
DECLARE
  folded TEXT := '$1';
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
    SELECT format('%I.unaccent(%L::regdictionary, $1)', n.nspname, n.nspname || '.unaccent') INTO folded
      FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname = 'unaccent';
  END IF;
  EXECUTE format($f$CREATE FUNCTION lagebild_search_words(TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT regexp_replace(%s, ''[\x01-/:-@[-`{-\x7f\u0080-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f]+'', '' '', ''g'')'$f$,
    replace(folded, '''', ''''''));
END $$;
-- a phrase whose last word is a prefix ("Kim Jo"*): its words joined by <->, the last with :*
CREATE FUNCTION lagebild_search_prefix(TEXT) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN words = '' THEN ''::tsquery
    ELSE to_tsquery('simple', '''' || replace(words, ' ', ''' <-> ''') || ''':*') END
  FROM (SELECT btrim(regexp_replace(lagebild_search_words($1), ' +', ' ', 'g')) AS words) w
$$;
CREATE TABLE mention_search (
  id BIGINT PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
  sentence tsvector NOT NULL
);
CREATE INDEX mention_search_sentence ON mention_search USING gin (sentence);
INSERT INTO mention_search (id, sentence)
  SELECT m.id, to_tsvector('simple', lagebild_search_words(convert_from(substring(convert_to(d.text, 'UTF8')
    FROM (m.sentence_begin + 1)::int FOR (m.sentence_end - m.sentence_begin)::int), 'UTF8')))
  FROM mentions m JOIN documents d ON d.id = m.document_id;
CREATE FUNCTION lagebild_index_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mention_search (id, sentence)
    SELECT m.id, to_tsvector('simple', lagebild_search_words(convert_from(substring(convert_to(d.text, 'UTF8')
      FROM (m.sentence_begin + 1)::int FOR (m.sentence_end - m.sentence_begin)::int), 'UTF8')))
    FROM stored_mentions m JOIN documents d ON d.id = m.document_id;
  RETURN NULL;
END $$;
CREATE TRIGGER mentions_search_insert AFTER INSERT ON mentions REFERENCING NEW TABLE AS stored_mentions
  FOR EACH STATEMENT EXECUTE FUNCTION lagebild_index_mentions();
-- the API's page orders (sort key, then id), so that a page reads only its own rows; actors by
-- target. The date key sorts byte by byte, as the API asks for it (src/serve/sql_dialect.h).
CREATE INDEX events_by_date ON events ((coalesce(date, '') COLLATE "C"), id);
CREATE INDEX events_by_mentions ON events (num_mentions, id);
-- prefix and date-range filters compare byte by byte (COLLATE "C"), so their indexes do too
CREATE INDEX events_target ON events ((target_code COLLATE "C"));
CREATE INDEX events_source_bytes ON events ((source_code COLLATE "C"));
CREATE INDEX events_date_bytes ON events ((date COLLATE "C"));
)sql",
};

}  // namespace lagebild::postgres_schema
