#include "serve/connection_threads.h"

#include <algorithm>
#include <chrono>
#include <system_error>
#include <thread>
#include <utility>

namespace lagebild {

ConnectionThreads::ConnectionThreads(size_t warm_threads, size_t max_threads, int idle_seconds)
    : warm_threads_(warm_threads), max_threads_(std::max(max_threads, warm_threads)), idle_seconds_(idle_seconds) {
  std::lock_guard lock(mutex_);
  for (size_t i = 0; i < warm_threads_; ++i) StartThread();
}

ConnectionThreads::~ConnectionThreads() { shutdown(); }

void ConnectionThreads::enqueue(std::function<void()> task) {
  std::lock_guard lock(mutex_);
  tasks_.push_back(std::move(task));
  if (idle_ < tasks_.size() && threads_ < max_threads_) StartThread();
  work_.notify_one();
}

void ConnectionThreads::shutdown() {
  std::unique_lock lock(mutex_);
  shutting_down_ = true;
  work_.notify_all();
  ended_.wait(lock, [this] { return threads_ == 0; });
}

size_t ConnectionThreads::threads() const {
  std::lock_guard lock(mutex_);
  return threads_;
}

// When the system refuses another thread, the task waits for one of those running.
void ConnectionThreads::StartThread() {
  try {
    std::thread([this] { Work(); }).detach();
    ++threads_;
  } catch (const std::system_error&) {
  }
}

void ConnectionThreads::Work() {
  std::function<void()> task;
  while (TakeTask(task)) {
    task();
    task = nullptr;
  }
}

// The next task; false when the thread is to end (shutdown with nothing queued, or idle too long
// while more than the warm threads run). A thread that ends is counted off here, under the same
// lock as the decision, so that threads timing out together cannot all leave.
bool ConnectionThreads::TakeTask(std::function<void()>& task) {
  std::unique_lock lock(mutex_);
  ++idle_;
  while (tasks_.empty() && !shutting_down_) {
    const bool timed_out = work_.wait_for(lock, std::chrono::seconds(idle_seconds_)) == std::cv_status::timeout;
    if (timed_out && tasks_.empty() && threads_ > warm_threads_) break;
  }
  --idle_;
  if (tasks_.empty()) {
    --threads_;
    ended_.notify_all();
    return false;
  }
  task = std::move(tasks_.front());
  tasks_.pop_front();
  return true;
}

}  // namespace lagebild
