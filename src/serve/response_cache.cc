#include "serve/response_cache.h"

namespace lagebild::serve {

void ResponseCache::SwitchStampLocked(const std::string& stamp) {
  if (stamp == stamp_) return;
  recent_.clear();
  by_key_.clear();
  bytes_ = 0;
  stamp_ = stamp;
}

void ResponseCache::EvictLocked() {
  while (bytes_ > max_bytes_ && !recent_.empty()) {
    const Entry& oldest = recent_.back();
    bytes_ -= oldest.key.size() + oldest.value.size();
    by_key_.erase(oldest.key);
    recent_.pop_back();
  }
}

std::optional<std::string> ResponseCache::Find(const std::string& key, const std::string& stamp) {
  std::lock_guard<std::mutex> lock(mutex_);
  return FindLocked(key, stamp);
}

std::optional<std::string> ResponseCache::FindLocked(const std::string& key, const std::string& stamp) {
  SwitchStampLocked(stamp);
  const auto found = by_key_.find(key);
  if (found == by_key_.end()) {
    ++counts_.misses;
    return std::nullopt;
  }
  ++counts_.hits;
  recent_.splice(recent_.begin(), recent_, found->second);
  return found->second->value;
}

void ResponseCache::Store(const std::string& key, const std::string& stamp, std::string value) {
  std::lock_guard<std::mutex> lock(mutex_);
  StoreLocked(key, stamp, std::move(value));
}

void ResponseCache::StoreLocked(const std::string& key, const std::string& stamp, std::string value) {
  const size_t size = key.size() + value.size();
  if (size > max_bytes_ / 4 || stamp != stamp_) return;  // computed before the data changed: stale already
  if (const auto found = by_key_.find(key); found != by_key_.end()) {
    bytes_ -= found->second->key.size() + found->second->value.size();
    recent_.erase(found->second);
    by_key_.erase(found);
  }
  recent_.push_front({key, std::move(value)});
  by_key_[key] = recent_.begin();
  bytes_ += size;
  EvictLocked();
}

std::string ResponseCache::GetOrCompute(const std::string& key, const std::string& stamp,
                                        const std::function<std::string()>& compute) {
  std::shared_ptr<Flight> flight;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (std::optional<std::string> cached = FindLocked(key, stamp)) return std::move(*cached);
    const auto found = in_flight_.find(key);
    if (found != in_flight_.end() && found->second->stamp == stamp) {
      const std::shared_ptr<Flight> leader = found->second;
      leader->finished.wait(lock, [&] { return leader->done; });
      if (leader->value) return *leader->value;
    } else {
      flight = std::make_shared<Flight>();
      flight->stamp = stamp;
      in_flight_[key] = flight;
    }
  }
  if (!flight) {  // the leader failed: fail or succeed on our own, side by side with the others
    std::string value = compute();
    Store(key, stamp, value);
    return value;
  }
  std::string value;
  try {
    value = compute();
  } catch (...) {
    Land(key, flight, std::nullopt);
    throw;
  }
  Land(key, flight, value);
  return value;
}

void ResponseCache::Land(const std::string& key, const std::shared_ptr<Flight>& flight, std::optional<std::string> value) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (value) StoreLocked(key, flight->stamp, *value);
  flight->value = std::move(value);
  flight->done = true;
  if (const auto found = in_flight_.find(key); found != in_flight_.end() && found->second == flight) in_flight_.erase(found);
  flight->finished.notify_all();
}

ResponseCache::Counts ResponseCache::counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  Counts counts = counts_;
  counts.entries = static_cast<int64_t>(recent_.size());
  counts.bytes = static_cast<int64_t>(bytes_);
  return counts;
}

}  // namespace lagebild::serve
