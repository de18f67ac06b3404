// The read side of the API (docs/api.md): events with cursor paging, one event with its
// mentions, actors, the actor graph, the timeline and the health counts, each as the JSON the
// endpoint answers. Every query is parameterised (event_filters.h); bad parameters and unknown
// ids throw ApiError.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

#include "serve/event_filters.h"
#include "serve/read_pool.h"

namespace lagebild::serve {

inline constexpr int64_t kMaxPageSize = 500;
inline constexpr int64_t kDefaultPageSize = 50;
inline constexpr int64_t kDefaultGraphEdges = 200;
inline constexpr int64_t kMaxMentionsPerEvent = 1000;

// Remembers the event count of a filter set (keyed by its parameters) while the data stays the
// same, so that paging through a large result counts it once. Without one, every page counts.
using CountMemo = std::function<int64_t(const std::string& filter_key, const std::function<int64_t()>& count)>;

class EventQueries {
 public:
  explicit EventQueries(ReadConnection& db, CountMemo count_memo = {}) : db_(db), count_memo_(std::move(count_memo)) {}

  // GET /api/events: filters, `sort`, `limit`, `cursor`.
  nlohmann::json Events(const QueryParams& params);
  // GET /api/events/{id}: the event with its mentions.
  nlohmann::json Event(int64_t id);
  // GET /api/actors: filters, `prefix`, `limit`.
  nlohmann::json Actors(const QueryParams& params);
  // GET /api/graph: filters, `limit` (edges).
  nlohmann::json Graph(const QueryParams& params);
  // GET /api/timeline: filters, `by` (day or month).
  nlohmann::json Timeline(const QueryParams& params);
  // GET /healthz.
  nlohmann::json Health();

 private:
  // The filter condition; a `q` that the database cannot read is a 400 here rather than a 500 later.
  SqlCondition Filters(const QueryParams& params);
  nlohmann::json EventDetails(nlohmann::json event);
  nlohmann::json Mentions(int64_t event_id);
  nlohmann::json ActorNames(const std::string& code);
  int64_t CountOf(const std::string& sql, const std::vector<SqlValue>& values);

  int64_t Total(const QueryParams& params, const SqlCondition& filters);

  ReadConnection& db_;
  CountMemo count_memo_;
};

}  // namespace lagebild::serve
