#include "serve/postgres_read_pool.h"

#include <fmt/format.h>

#include <cctype>

#include "serve/api_error.h"
#include "serve/sql_dialect.h"
#include "store/store_location.h"

namespace lagebild::serve {
namespace {

constexpr char kQueryCanceled[] = "57014";  // SQLSTATE of a statement over statement_timeout

class PostgresRow : public SqlRow {
 public:
  explicit PostgresRow(const pqxx::row& row) : row_(row) {}
  int64_t Int(int column) const override { return row_[column].is_null() ? 0 : row_[column].as<int64_t>(); }
  double Real(int column) const override { return row_[column].is_null() ? 0 : row_[column].as<double>(); }
  std::string Text(int column) const override {
    return row_[column].is_null() ? std::string() : std::string(row_[column].c_str(), row_[column].size());
  }
  bool IsNull(int column) const override { return row_[column].is_null(); }

 private:
  const pqxx::row& row_;
};

std::string_view TypeOf(const SqlValue& value) {
  if (std::holds_alternative<int64_t>(value)) return "bigint";
  if (std::holds_alternative<double>(value)) return "float8";
  return "text";
}

// Values as the text PostgreSQL reads them; doubles in their shortest exact form, so that a
// cursor's goldstein compares equal to the stored one.
std::vector<std::string> ArgumentTexts(const std::vector<SqlValue>& values) {
  std::vector<std::string> texts;
  for (const SqlValue& value : values) {
    std::visit([&](const auto& v) {
      if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
        texts.push_back(v);
      } else {
        texts.push_back(fmt::format("{}", v));
      }
    }, value);
  }
  return texts;
}

std::string FirstLine(std::string message) {
  if (const size_t end = message.find('\n'); end != std::string::npos) message.resize(end);
  return message;
}

// The number of a `?N` placeholder at `sql[at]` (after the `?`), and how many digits it has.
size_t PlaceholderNumber(std::string_view sql, size_t at, size_t& digits) {
  size_t number = 0;
  digits = 0;
  while (at + digits < sql.size() && std::isdigit(static_cast<unsigned char>(sql[at + digits]))) {
    number = number * 10 + static_cast<size_t>(sql[at + digits] - '0');
    ++digits;
  }
  return number;
}

}  // namespace

std::string PostgresPlaceholders(std::string_view sql, const std::vector<SqlValue>& values) {
  std::string out;
  size_t next = 1;
  char quote = 0;  // inside '…' or "…"
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;  // a doubled quote closes and reopens: the same result
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      size_t digits = 0;
      size_t number = PlaceholderNumber(sql, i + 1, digits);
      if (digits == 0) number = next++;
      i += digits;
      if (number == 0 || number > values.size()) throw ApiError(kInternalError, fmt::format("placeholder ?{} has no value", number));
      out += fmt::format("${}::{}", number, TypeOf(values[number - 1]));
    } else {
      out += c;
    }
  }
  return out;
}

PostgresReadConnection::PostgresReadConnection(const std::string& url, std::chrono::milliseconds time_limit)
    : name_(DisplayedLocation(url)), statement_timeout_(time_limit) {
  try {
    connection_ = std::make_unique<pqxx::connection>(url);
    pqxx::nontransaction work(*connection_);
    // notices ("text-search query doesn't contain lexemes") would go to stderr
    work.exec(fmt::format("SET default_transaction_read_only = on; SET client_min_messages TO warning; "
                          "SET statement_timeout = {}",
                          time_limit.count()));
  } catch (const std::exception& error) {
    throw ApiError(kInternalError, fmt::format("{}: cannot connect: {}", name_, FirstLine(error.what())));
  }
}

const SqlDialect& PostgresReadConnection::dialect() const { return PostgresDialect(); }

void PostgresReadConnection::LimitStatementTime(pqxx::transaction_base& work) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
  if (left.count() <= 0) throw ApiError(kUnavailable, kOverTimeLimit);
  if (std::chrono::abs(left - statement_timeout_) <= kTimeoutSlack) return;
  work.exec(fmt::format("SET statement_timeout = {}", left.count()));
  statement_timeout_ = left;
}

void PostgresReadConnection::ForEachRow(std::string_view sql, const std::vector<SqlValue>& values, const RowVisitor& row) {
  const std::string text = PostgresPlaceholders(sql, values);
  const std::vector<std::string> arguments = ArgumentTexts(values);
  pqxx::result rows;
  try {
    pqxx::nontransaction work(*connection_);
    LimitStatementTime(work);
    rows = work.exec_params(text, pqxx::prepare::make_dynamic_params(arguments));
  } catch (const pqxx::sql_error& error) {
    if (error.sqlstate() == kQueryCanceled) throw ApiError(kUnavailable, kOverTimeLimit);
    throw ApiError(kInternalError, fmt::format("{}: {}", name_, FirstLine(error.what())));
  } catch (const pqxx::failure& error) {
    reusable_ = false;  // the connection broke, or is in a state we do not know
    throw ApiError(kInternalError, fmt::format("{}: {}", name_, FirstLine(error.what())));
  }
  for (const pqxx::row& result_row : rows) row(PostgresRow(result_row));
}

std::unique_ptr<ReadLease> PostgresReadPool::Acquire() {
  std::unique_ptr<PostgresReadConnection> connection =
      idle_.Lease([this] { return std::make_unique<PostgresReadConnection>(url_, time_limit_); });
  connection->SetDeadline(std::chrono::steady_clock::now() + time_limit_);
  return std::make_unique<PooledLease<PostgresReadConnection>>(idle_, std::move(connection));
}

std::string PostgresReadPool::DataStamp() {
  std::lock_guard<std::mutex> lock(stamp_mutex_);
  if (!stamp_connection_ || !stamp_connection_->reusable()) {
    stamp_connection_ = std::make_unique<PostgresReadConnection>(url_, time_limit_);
  }
  stamp_connection_->SetDeadline(std::chrono::steady_clock::now() + time_limit_);
  std::string stamp;
  stamp_connection_->ForEachRow("SELECT pg_current_snapshot()::text", {},
                                [&](const SqlRow& row) { stamp = row.Text(0); });
  return stamp;
}

}  // namespace lagebild::serve
