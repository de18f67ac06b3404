// The task queue `serve` gives cpp-httplib: a thread for every open connection, up to a limit.
//
// cpp-httplib hands each accepted connection to its task queue, and the task holds its thread
// until the connection closes: while a client sends its request head, and between the requests
// of a keep-alive connection. Its fixed ThreadPool therefore lets a few dozen slow clients (a
// header line a second) occupy every worker, and the server stops answering. This queue starts
// a thread when a connection finds none idle, up to `max_threads`, and lets threads beyond
// `warm_threads` end after `idle_seconds` without work. Slow clients then cost a thread each;
// only more than `max_threads` of them at once make new connections wait (docs/reliability.md).
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace lagebild {

class ConnectionThreads : public httplib::TaskQueue {
 public:
  ConnectionThreads(size_t warm_threads, size_t max_threads, int idle_seconds = 30);
  ~ConnectionThreads() override;

  void enqueue(std::function<void()> task) override;
  // Lets the queued tasks finish, then waits for every thread to end.
  void shutdown() override;

  size_t threads() const;  // running now

 private:
  void StartThread();  // with mutex_ held
  void Work();
  bool TakeTask(std::function<void()>& task);

  const size_t warm_threads_, max_threads_;
  const int idle_seconds_;
  mutable std::mutex mutex_;
  std::condition_variable work_, ended_;
  std::deque<std::function<void()>> tasks_;
  size_t threads_ = 0, idle_ = 0;
  bool shutting_down_ = false;
};

}  // namespace lagebild
