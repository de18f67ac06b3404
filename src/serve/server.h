// `lagebild serve`: the HTTP API of docs/api.md on cpp-httplib. Routes, limits (page size, body
// size, query time), JSON errors, the web UI's static files and the write token live here; the
// queries in event_queries.h, the document views in document_view.h.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "lagebild/pipeline.h"
#include "lagebild/status.h"

namespace lagebild::serve {

inline constexpr size_t kMaxBodyBytes = 4 * 1024 * 1024;
inline constexpr std::chrono::milliseconds kQueryTimeLimit{2000};

struct ServerOptions {
  std::string db;                // SQLite file (must exist) or PostgreSQL URL
  std::string host = "127.0.0.1";
  int port = 8080;               // 0: any free port
  std::string token;             // empty: POST /api/documents is refused
  std::filesystem::path web;     // UI folder; empty: no UI
  int jobs = 4;                  // threads kept ready, and database connections in use at most
  std::chrono::milliseconds query_time_limit = kQueryTimeLimit;
  size_t cache_bytes = 64 * 1024 * 1024;  // read answers kept until the data changes; 0: none
};

class Server {
 public:
  // Migrates the database (opening it as a Store, which also makes the store for writing when a
  // token is set) and builds the routes. Returns nullptr with a message in `status`.
  static std::unique_ptr<Server> Create(const ServerOptions& options, const Pipeline& pipeline, Status& status);
  ~Server();

  // Binds; returns the port (the one picked for port 0), or -1 with a message in `status`.
  int Bind(Status& status);
  // Serves until Stop (from another thread). Returns false when the server failed.
  bool Run();
  void Stop();

 private:
  Server();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lagebild::serve
