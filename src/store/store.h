// The event database (docs/schema.md): documents, their sources, events folded across reports
// and every mention of each. SQLite is the default; the interface leaves room for PostgreSQL.
// Writing a document is one transaction: after a crash the database holds each document with all
// its mentions or not at all, and the same document (by content hash) is stored once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "lagebild/document.h"
#include "lagebild/status.h"

namespace lagebild {

// What storing one document did.
struct StoredDocument {
  bool duplicate = false;  // a document with the same content hash was already stored
  int64_t id = 0;          // its documents.id (the earlier one for a duplicate)
  size_t mentions = 0;     // mentions written (0 for a duplicate)
};

// What the database holds.
struct StoreCounts {
  int64_t documents = 0;
  int64_t sources = 0;
  int64_t events = 0;
  int64_t mentions = 0;
};

class Store {
 public:
  // `location`: a file path (SQLite, created and migrated when new). PostgreSQL URLs
  // ("postgresql://…") are refused with a clear message until that backend exists.
  static std::unique_ptr<Store> Open(const std::string& location, Status& status);
  virtual ~Store() = default;

  // Stores the document, its mentions and the events they fold into, in one transaction.
  virtual Status Put(const Document& doc, StoredDocument& stored) = 0;
  virtual Status Count(StoreCounts& counts) = 0;
};

}  // namespace lagebild
