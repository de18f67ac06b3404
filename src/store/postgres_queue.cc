#include "store/postgres_queue.h"

#include "store/document_rows.h"

namespace lagebild {
namespace {

constexpr char kChannel[] = "lagebild_queue";  // as in the enqueue statement

std::optional<std::string> NullIfEmpty(const std::optional<std::string>& text) {
  return text && !text->empty() ? text : std::nullopt;
}

std::optional<std::string> OptionalText(const pqxx::field& field) {
  return field.is_null() ? std::nullopt : std::optional<std::string>(field.as<std::string>());
}

QueuedDocument QueuedOfRow(const pqxx::row& row) {
  QueuedDocument queued;
  queued.id = row[0].as<int64_t>();
  DocumentMeta& meta = queued.raw.meta;
  meta.id = row[1].as<std::string>();
  meta.source = row[2].as<std::string>();
  meta.url = OptionalText(row[3]);
  meta.title = OptionalText(row[4]);
  meta.published = OptionalText(row[5]);
  meta.lang = OptionalText(row[6]);
  queued.raw.type = row[7].as<std::string>() == "html" ? ContentType::kHtml : ContentType::kText;
  queued.raw.content = pqxx::binarystring(row[8]).str();
  return queued;
}

}  // namespace

// LISTENs on the channel while it exists; what a notification says does not matter, only that
// one came.
class PostgresQueue::Listener final : public pqxx::notification_receiver {
 public:
  explicit Listener(pqxx::connection_base& connection) : pqxx::notification_receiver(connection, kChannel) {}
  void operator()(const std::string& /*payload*/, int /*backend_pid*/) override {}
};

PostgresQueue::PostgresQueue(PostgresSession& session) : session_(session) {}
PostgresQueue::~PostgresQueue() = default;

void PostgresQueue::PrepareStatements() {
  pqxx::connection& connection = session_.connection();
  // the notification is delivered at commit, once however often it was sent in the transaction
  connection.prepare("enqueue",
                     "INSERT INTO queue (external_id, source, url, title, published, lang, content_type, content, enqueued_at) "
                     "SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::bytea, $9::text FROM (SELECT pg_notify('lagebild_queue', '')) AS notified");
  connection.prepare("claim",
                     "SELECT id, external_id, source, url, title, published, lang, content_type, content FROM queue "
                     "WHERE attempts < $2 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED");
  connection.prepare("dequeue", "DELETE FROM queue WHERE id = ANY($1::bigint[])");
  connection.prepare("fail", "UPDATE queue SET attempts = attempts + 1, last_error = $2 WHERE id = $1");
}

Status PostgresQueue::Enqueue(const RawDocument& raw) {
  if (Status status = session_.Begin(); !status.ok()) return status;
  const DocumentMeta& meta = raw.meta;
  return session_.Run([&](pqxx::transaction_base& sql) {
    sql.exec_prepared("enqueue", meta.id, meta.source, NullIfEmpty(meta.url), NullIfEmpty(meta.title), NullIfEmpty(meta.published),
                      NullIfEmpty(meta.lang), raw.type == ContentType::kHtml ? "html" : "text",
                      pqxx::binarystring(raw.content.data(), raw.content.size()), NowUtc());
  });
}

Status PostgresQueue::Claim(size_t limit, std::vector<QueuedDocument>& claimed) {
  claimed.clear();
  if (Status status = session_.Begin(); !status.ok()) return status;
  return session_.Run([&](pqxx::transaction_base& sql) {
    for (const pqxx::row& row : sql.exec_prepared("claim", static_cast<int64_t>(limit), kMaxQueueAttempts)) {
      claimed.push_back(QueuedOfRow(row));
    }
  });
}

Status PostgresQueue::Remove(std::span<const int64_t> ids) {
  if (ids.empty()) return Status::Ok();
  return session_.Run([&](pqxx::transaction_base& sql) { sql.exec_prepared("dequeue", BigintArray(ids)); });
}

Status PostgresQueue::Fail(int64_t id, const std::string& message) {
  return session_.Run([&](pqxx::transaction_base& sql) { sql.exec_prepared("fail", id, message); });
}

Status PostgresQueue::Wait(std::chrono::milliseconds timeout) {
  if (session_.in_transaction()) return Status::Error(session_.name() + ": waiting for the queue inside a transaction");
  try {
    if (!listener_) listener_ = std::make_unique<Listener>(session_.connection());
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(timeout - seconds);
    session_.connection().await_notification(seconds.count(), micros.count());
    return Status::Ok();
  } catch (const std::exception& error) {
    return Status::Error(session_.name() + ": " + error.what());
  }
}

}  // namespace lagebild
