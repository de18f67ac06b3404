// The filters shared by /api/events, /api/graph, /api/timeline and /api/actors (docs/api.md),
// read from query parameters into a SQL condition over `events e` with its values kept apart:
// the SQL text is made only of fixed fragments and `?` placeholders, so no value is ever spliced
// into it. A bad value throws ApiError(400) naming the parameter.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace lagebild::serve {

class SqlDialect;

// Query parameters as the HTTP layer gives them (httplib::Params is this type).
using QueryParams = std::multimap<std::string, std::string>;

using SqlValue = std::variant<int64_t, double, std::string>;

// A condition and the values of its placeholders, in order.
struct SqlCondition {
  std::string sql = "TRUE";
  std::vector<SqlValue> values;

  void And(const std::string& fragment, std::vector<SqlValue> fragment_values = {});
};

// The condition for all filter parameters present in `params`, in the SQL of `dialect`.
SqlCondition EventFilterCondition(const QueryParams& params, const SqlDialect& dialect);

// The value of a parameter, "" when absent.
std::string Param(const QueryParams& params, const std::string& name);

// An integer parameter within [min, max], `fallback` when absent.
int64_t IntParam(const QueryParams& params, const std::string& name, int64_t fallback, int64_t min, int64_t max);

// True for YYYY-MM-DD with a real month and day.
bool IsIsoDay(const std::string& text);

}  // namespace lagebild::serve
