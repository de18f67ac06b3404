#include "serve/read_pool.h"

#include "serve/api_error.h"
#include "serve/sql_rows.h"

namespace lagebild::serve {
namespace {

// SQLite calls this every kProgressSteps virtual machine steps; a non-zero answer interrupts the
// statement with SQLITE_INTERRUPT.
constexpr int kProgressSteps = 10000;

int PastDeadline(void* slot) {
  return std::chrono::steady_clock::now() > static_cast<ReadPool::Slot*>(slot)->deadline ? 1 : 0;
}

}  // namespace

std::unique_ptr<ReadPool::Slot> ReadPool::OpenSlot() {
  Status status;
  std::optional<SqliteConnection> connection = SqliteConnection::OpenReadOnly(path_, status);
  if (!connection) throw ApiError(kInternalError, status.message());
  auto slot = std::make_unique<Slot>(std::move(*connection));
  sqlite3_progress_handler(slot->connection.handle(), kProgressSteps, &PastDeadline, slot.get());
  return slot;
}

std::unique_ptr<ReadPool::Lease> ReadPool::Acquire() {
  std::unique_ptr<Slot> slot;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      slot = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!slot) slot = OpenSlot();
  slot->deadline = std::chrono::steady_clock::now() + time_limit_;
  return std::make_unique<Lease>(*this, std::move(slot));
}

std::string ReadPool::DataStamp() {
  std::lock_guard<std::mutex> lock(stamp_mutex_);
  if (!stamp_slot_) stamp_slot_ = OpenSlot();
  stamp_slot_->deadline = std::chrono::steady_clock::now() + time_limit_;
  std::string stamp;
  ForEachRow(stamp_slot_->connection, "PRAGMA data_version", {},
             [&](const SqliteStatement& row) { stamp = std::to_string(row.Int(0)); });
  return stamp;
}

void ReadPool::Return(std::unique_ptr<Slot> slot) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(slot));
}

}  // namespace lagebild::serve
