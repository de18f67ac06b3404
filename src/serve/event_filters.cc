#include "serve/event_filters.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "serve/api_error.h"
#include "serve/sql_dialect.h"

namespace lagebild::serve {
namespace {

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (begin <= text.size()) {
    const size_t end = std::min(text.find(',', begin), text.size());
    if (end > begin) parts.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

bool IsCodeText(const std::string& text) {
  return !text.empty() && text.size() <= 32 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
}

std::string Placeholders(size_t count) {
  std::string list;
  for (size_t i = 0; i < count; ++i) list += i == 0 ? "?" : ", ?";
  return list;
}

// A comma-separated list whose every item passes `valid`, as `column IN (?, …)`.
void AndInList(SqlCondition& condition, const QueryParams& params, const std::string& name, const std::string& column,
               bool (*valid)(const std::string&), bool numeric = false) {
  const std::string value = Param(params, name);
  if (value.empty()) return;
  std::vector<SqlValue> values;
  for (const std::string& item : SplitCommas(value)) {
    if (!valid(item)) throw ApiError(kBadRequest, fmt::format("{}: unexpected value \"{}\"", name, item));
    values.push_back(numeric ? SqlValue(int64_t{std::stoll(item)}) : SqlValue(item));
  }
  if (values.empty()) throw ApiError(kBadRequest, fmt::format("{}: empty list", name));
  const std::string fragment = fmt::format("{} IN ({})", column, Placeholders(values.size()));
  condition.And(fragment, std::move(values));
}

bool IsRootCode(const std::string& item) { return item.size() == 2 && std::isdigit(item[0]) && std::isdigit(item[1]); }
bool IsQuadClass(const std::string& item) { return item.size() == 1 && item[0] >= '1' && item[0] <= '4'; }
bool IsModality(const std::string& item) {
  return item == "asserted" || item == "planned" || item == "possible" || item == "negated";
}

std::string CodeParam(const QueryParams& params, const std::string& name) {
  std::string value = Param(params, name);
  if (!value.empty() && !IsCodeText(value)) throw ApiError(kBadRequest, name + ": expected letters and digits");
  std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::toupper(c); });
  return value;
}

// The first string after every string starting with `prefix` (letters and digits only): a range
// `>= prefix AND < PrefixEnd(prefix)` is a prefix test that an index serves.
std::string PrefixEnd(std::string prefix) {
  ++prefix.back();
  return prefix;
}

// `column` starts with the two values that follow, PrefixRange's first and PrefixEnd: a range
// that an index on the column serves, compared byte by byte on every backend.
std::string PrefixRange(const SqlDialect& dialect, std::string_view column) {
  return fmt::format("({0} >= ? AND {0} < ?)", dialect.Binary(column));
}

// A test on events.date that its index serves and that every date within from … to passes: the
// years from `from`'s to `to`'s, and the millennium, century and decade that `from` lies in
// (written "2", "20", "202", they sort before "2020").
void AndIndexedDateRange(SqlCondition& condition, const std::string& from, const std::string& to,
                         const SqlDialect& dialect) {
  const std::string date = dialect.Binary("e.date");
  std::string range;
  std::vector<SqlValue> values;
  if (!from.empty()) {
    range = fmt::format("({} >= ? OR e.date IN (?, ?, ?))", date);
    values = {from.substr(0, 4), from.substr(0, 1), from.substr(0, 2), from.substr(0, 3)};
  }
  if (const int to_year = to.empty() ? 0 : std::stoi(to.substr(0, 4)); to_year > 0 && to_year < 9999) {
    range += fmt::format("{}{} < ?", range.empty() ? "" : " AND ", date);
    values.push_back(fmt::format("{:04}", to_year + 1));
  }
  if (!range.empty()) condition.And("(" + range + ")", std::move(values));
}

void AndDates(SqlCondition& condition, const QueryParams& params, const SqlDialect& dialect) {
  const std::string from = Param(params, "from");
  const std::string to = Param(params, "to");
  for (const auto& [name, day] : {std::pair{"from", from}, std::pair{"to", to}}) {
    if (!day.empty() && !IsIsoDay(day)) throw ApiError(kBadRequest, fmt::format("{}: expected YYYY-MM-DD, got \"{}\"", name, day));
  }
  AndIndexedDateRange(condition, from, to, dialect);
  // TIMEX3 values compared at their own precision: "2023-09" lies within 2023-09-01 … 2023-09-30.
  for (const auto& [day, comparison] : {std::pair{from, ">="}, std::pair{to, "<="}}) {
    if (day.empty()) continue;
    condition.And(fmt::format("{} {} substr(?, 1, length(substr(e.date, 1, 10)))", dialect.Binary("substr(e.date, 1, 10)"),
                              comparison),
                  {day});
  }
}

void AndActors(SqlCondition& condition, const QueryParams& params, const SqlDialect& dialect) {
  if (const std::string actor = CodeParam(params, "actor"); !actor.empty()) {
    condition.And(fmt::format("({} OR {})", PrefixRange(dialect, "e.source_code"), PrefixRange(dialect, "e.target_code")),
                  {actor, PrefixEnd(actor), actor, PrefixEnd(actor)});
  }
  if (const std::string source = CodeParam(params, "source_actor"); !source.empty()) {
    condition.And(PrefixRange(dialect, "e.source_code"), {source, PrefixEnd(source)});
  }
  if (const std::string target = CodeParam(params, "target_actor"); !target.empty()) {
    condition.And(PrefixRange(dialect, "e.target_code"), {target, PrefixEnd(target)});
  }
  if (const std::string country = CodeParam(params, "country"); !country.empty()) {
    if (country.size() != 3) throw ApiError(kBadRequest, "country: expected an ISO alpha-3 code");
    condition.And("(substr(e.source_code, 1, 3) = ? OR substr(e.target_code, 1, 3) = ? OR EXISTS (SELECT 1 FROM mentions "
                  "pm WHERE pm.event_id = e.id AND pm.place_country = ?))",
                  {country, country, country});
  }
}

void AndReports(SqlCondition& condition, const QueryParams& params, const SqlDialect& dialect) {
  if (const std::string source = Param(params, "source"); !source.empty()) {
    condition.And("EXISTS (SELECT 1 FROM mentions sm JOIN documents sd ON sd.id = sm.document_id JOIN sources ss ON "
                  "ss.id = sd.source_id WHERE sm.event_id = e.id AND ss.name = ?)",
                  {source});
  }
  if (const std::string query = Param(params, "q"); !query.empty()) {
    SqlCondition match = dialect.FullTextMatch(query);
    condition.And(match.sql, std::move(match.values));
  }
  if (params.count("min_mentions") > 0) {
    condition.And("e.num_mentions >= ?", {IntParam(params, "min_mentions", 1, 0, 1'000'000'000)});
  }
}

}  // namespace

void SqlCondition::And(const std::string& fragment, std::vector<SqlValue> fragment_values) {
  sql += " AND " + fragment;
  for (SqlValue& value : fragment_values) values.push_back(std::move(value));
}

std::string Param(const QueryParams& params, const std::string& name) {
  const auto found = params.find(name);
  return found == params.end() ? std::string() : found->second;
}

int64_t IntParam(const QueryParams& params, const std::string& name, int64_t fallback, int64_t min, int64_t max) {
  const auto found = params.find(name);
  if (found == params.end()) return fallback;
  const std::string& text = found->second;
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw ApiError(kBadRequest, fmt::format("{}: expected an integer from {} to {}, got \"{}\"", name, min, max, text));
  }
  return value;
}

bool IsIsoDay(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

SqlCondition EventFilterCondition(const QueryParams& params, const SqlDialect& dialect) {
  SqlCondition condition;
  AndDates(condition, params, dialect);
  AndActors(condition, params, dialect);
  AndInList(condition, params, "root", "e.root_code", &IsRootCode);
  if (const std::string code = Param(params, "code"); !code.empty()) {
    if (!IsCodeText(code)) throw ApiError(kBadRequest, "code: expected a CAMEO code");
    condition.And(PrefixRange(dialect, "e.code"), {code, PrefixEnd(code)});
  }
  AndInList(condition, params, "quad_class", "e.quad_class", &IsQuadClass, true);
  AndInList(condition, params, "modality", "e.modality", &IsModality);
  AndReports(condition, params, dialect);
  return condition;
}

}  // namespace lagebild::serve
