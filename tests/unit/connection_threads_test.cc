#include "serve/connection_threads.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace lagebild {
namespace {

using namespace std::chrono_literals;

// Tasks that block (slow clients) get threads of their own beyond the warm ones, so a task
// queued after them still runs at once.
TEST(ConnectionThreadsTest, BlockedTasksDoNotHoldUpNewOnes) {
  ConnectionThreads threads(2, 64, 1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  for (int i = 0; i < 20; ++i) threads.enqueue([released] { released.wait(); });
  std::promise<void> ran;
  threads.enqueue([&ran] { ran.set_value(); });
  EXPECT_EQ(ran.get_future().wait_for(5s), std::future_status::ready);
  EXPECT_GE(threads.threads(), 21u);
  release.set_value();
  // threads beyond the warm two end after a second without work
  for (int wait = 0; wait < 50 && threads.threads() > 2; ++wait) std::this_thread::sleep_for(100ms);
  EXPECT_EQ(threads.threads(), 2u);
}

TEST(ConnectionThreadsTest, AtTheLimitTasksWaitAndAllRunBeforeShutdownReturns) {
  std::atomic<int> done = 0;
  {
    ConnectionThreads threads(1, 3, 1);
    for (int i = 0; i < 30; ++i) {
      threads.enqueue([&done] {
        std::this_thread::sleep_for(5ms);
        ++done;
      });
    }
    EXPECT_LE(threads.threads(), 3u);
    threads.shutdown();
    EXPECT_EQ(threads.threads(), 0u);
  }
  EXPECT_EQ(done, 30);
}

}  // namespace
}  // namespace lagebild
