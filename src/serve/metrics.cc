#include "serve/metrics.h"

#include <fmt/format.h>

namespace lagebild::serve {

void Metrics::Record(const std::string& endpoint, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  Series& series = series_[{endpoint, status}];
  ++series.requests;
  series.seconds += seconds;
}

std::string Metrics::Render(int64_t documents, int64_t events, const ResponseCache::Counts& cache) {
  std::string text =
      "# HELP lagebild_http_requests_total Requests answered, by endpoint and status.\n"
      "# TYPE lagebild_http_requests_total counter\n";
  std::string latency =
      "# HELP lagebild_http_request_seconds_sum Time spent answering, by endpoint and status.\n"
      "# TYPE lagebild_http_request_seconds_sum counter\n";
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [key, series] : series_) {
      const auto& [endpoint, status] = key;
      text += fmt::format("lagebild_http_requests_total{{endpoint=\"{}\",status=\"{}\"}} {}\n", endpoint, status,
                          series.requests);
      latency += fmt::format("lagebild_http_request_seconds_sum{{endpoint=\"{}\",status=\"{}\"}} {:.6f}\n", endpoint,
                             status, series.seconds);
    }
  }
  text += latency;
  text += fmt::format(
      "# HELP lagebild_documents Documents in the database.\n# TYPE lagebild_documents gauge\nlagebild_documents {}\n"
      "# HELP lagebild_events Events in the database.\n# TYPE lagebild_events gauge\nlagebild_events {}\n",
      documents, events);
  text += fmt::format(
      "# HELP lagebild_cache_hits_total Read answers served from the cache.\n# TYPE lagebild_cache_hits_total counter\n"
      "lagebild_cache_hits_total {}\n"
      "# HELP lagebild_cache_misses_total Read answers computed.\n# TYPE lagebild_cache_misses_total counter\n"
      "lagebild_cache_misses_total {}\n"
      "# HELP lagebild_cache_bytes Bytes of cached answers.\n# TYPE lagebild_cache_bytes gauge\nlagebild_cache_bytes {}\n",
      cache.hits, cache.misses, cache.bytes);
  return text;
}

}  // namespace lagebild::serve
