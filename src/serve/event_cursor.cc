#include "serve/event_cursor.h"

#include <nlohmann/json.hpp>

#include "serve/api_error.h"

namespace lagebild::serve {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

nlohmann::json KeyJson(const SqlValue& key) {
  return std::visit([](const auto& value) { return nlohmann::json(value); }, key);
}

}  // namespace

// Hex of the JSON array [key, id]: URL-safe without escaping.
std::string EncodeCursor(const EventCursor& cursor) {
  const std::string json = nlohmann::json::array({KeyJson(cursor.key), cursor.id}).dump();
  std::string hex;
  for (unsigned char c : json) {
    hex += kHexDigits[c >> 4];
    hex += kHexDigits[c & 15];
  }
  return hex;
}

EventCursor DecodeCursor(const std::string& text) {
  const ApiError invalid(kBadRequest, "cursor: not a cursor this server gave");
  if (text.size() % 2 != 0 || text.size() > 2048) throw invalid;
  std::string json;
  for (size_t i = 0; i < text.size(); i += 2) {
    const int high = HexValue(text[i]), low = HexValue(text[i + 1]);
    if (high < 0 || low < 0) throw invalid;
    json += static_cast<char>(high * 16 + low);
  }
  const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array() || parsed.size() != 2 || !parsed[1].is_number_integer()) throw invalid;
  EventCursor cursor;
  cursor.id = parsed[1].get<int64_t>();
  if (parsed[0].is_string()) {
    cursor.key = parsed[0].get<std::string>();
  } else if (parsed[0].is_number_integer()) {
    cursor.key = parsed[0].get<int64_t>();
  } else if (parsed[0].is_number()) {
    cursor.key = parsed[0].get<double>();
  } else {
    throw invalid;
  }
  return cursor;
}

}  // namespace lagebild::serve
