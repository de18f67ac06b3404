// Request counts and latency sums per endpoint and status, written in the Prometheus text format
// for GET /metrics. Thread-safe: every worker records into one table under a mutex (a request
// costs far more than the lock).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "serve/response_cache.h"

namespace lagebild::serve {

class Metrics {
 public:
  // `endpoint` is the route pattern ("/api/events/{id}"), never the raw path, so the number of
  // series stays bounded.
  void Record(const std::string& endpoint, int status, double seconds);

  // The metrics text, with the database counts and the answer cache's state.
  std::string Render(int64_t documents, int64_t events, const ResponseCache::Counts& cache);

 private:
  struct Series {
    int64_t requests = 0;
    double seconds = 0;
  };
  std::mutex mutex_;
  std::map<std::pair<std::string, int>, Series> series_;
};

}  // namespace lagebild::serve
