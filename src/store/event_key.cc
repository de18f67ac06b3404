#include "store/event_key.h"

#include <fmt/format.h>

#include <chrono>

#include "lagebild/output.h"
#include "util/iso_date.h"

namespace lagebild {
namespace {

std::string CodeOf(const Document& doc, int32_t entity) {
  return entity >= 0 && static_cast<size_t>(entity) < doc.entities.size() ? doc.entities[entity].code : "";
}

// "2023-09-05" moved by `offset` days.
std::string ShiftDay(const std::string& day, int offset) {
  using namespace std::chrono;
  const year_month_day date{year{std::stoi(day.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(day.substr(5, 2)))},
                            std::chrono::day{static_cast<unsigned>(std::stoi(day.substr(8, 2)))}};
  const year_month_day shifted{sys_days{date} + days{offset}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(shifted.year()), static_cast<unsigned>(shifted.month()),
                     static_cast<unsigned>(shifted.day()));
}

}  // namespace

std::vector<std::string> NeighbourDayKeys(const EventKey& key) {
  const bool published = key.date.starts_with('~');
  const std::string_view day = std::string_view(key.date).substr(published ? 1 : 0);
  const std::optional<std::string> parsed = ParseIsoDate(day);
  if (!parsed || day.size() != 10) return {};
  std::vector<std::string> keys;
  for (int offset : {-1, 1}) {
    EventKey neighbour = key;
    neighbour.date = (published ? "~" : "") + ShiftDay(*parsed, offset);
    keys.push_back(neighbour.Text());
  }
  return keys;
}

std::string EventKey::Text() const { return fmt::format("{}|{}|{}|{}|{}", source, target, code, modality, date); }

EventKey KeyOf(const Document& doc, const Event& event) {
  EventKey key{CodeOf(doc, event.source), CodeOf(doc, event.target), event.code, ModalityName(event.modality), event.date};
  if (key.date.empty()) key.date = doc.meta.published ? "~" + *doc.meta.published : fmt::format("#{:016x}", doc.content_hash);
  return key;
}

}  // namespace lagebild
