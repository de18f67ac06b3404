// Answers of the read endpoints, kept until the database changes. The database changes only when
// something is ingested, while a dashboard asks the same aggregates (timeline, graph, actors,
// the count of a filter set) over and over; a cached answer costs a hash lookup instead of a scan
// of every event. Every entry belongs to one data stamp (ReadPool::DataStamp): the first request
// that sees a new stamp empties the cache. Bounded in bytes, least recently used first out.
// Requests that miss the same key at once compute it once: the others wait for that answer
// (a dashboard opened by several people, or 16 connections of a load test, would otherwise run
// the same scan 16 times side by side). Thread-safe.
#pragma once

#include <cstddef>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace lagebild::serve {

class ResponseCache {
 public:
  struct Counts {
    int64_t hits = 0;
    int64_t misses = 0;
    int64_t entries = 0;
    int64_t bytes = 0;
  };

  // max_bytes 0 turns the cache off: every lookup misses and nothing is kept.
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The answer stored under `key` for this stamp, or nullopt (counted as a miss).
  std::optional<std::string> Find(const std::string& key, const std::string& stamp);
  // Keeps `value` if `stamp` is still the current one (that of the last Find: an answer computed
  // before the data changed is stale already) and it alone is not over a quarter of the budget.
  void Store(const std::string& key, const std::string& stamp, std::string value);
  // Find, else compute (or wait for the request computing it), store and return. An exception of
  // `compute` goes to its caller; the requests waiting for it then compute it themselves.
  std::string GetOrCompute(const std::string& key, const std::string& stamp, const std::function<std::string()>& compute);

  Counts counts();

 private:
  struct Entry {
    std::string key;
    std::string value;
  };
  // An answer being computed, for the requests that want it meanwhile.
  struct Flight {
    std::string stamp;
    bool done = false;
    std::optional<std::string> value;  // nullopt: the computation failed
    std::condition_variable finished;
  };
  void SwitchStampLocked(const std::string& stamp);
  void EvictLocked();
  void StoreLocked(const std::string& key, const std::string& stamp, std::string value);
  std::optional<std::string> FindLocked(const std::string& key, const std::string& stamp);
  void Land(const std::string& key, const std::shared_ptr<Flight>& flight, std::optional<std::string> value);

  const size_t max_bytes_;
  std::mutex mutex_;
  std::string stamp_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> in_flight_;
  size_t bytes_ = 0;
  Counts counts_;
};

}  // namespace lagebild::serve
