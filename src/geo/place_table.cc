#include "geo/place_table.h"

#include <cstring>
#include <limits>

namespace lagebild {
namespace {

constexpr char kMagic[4] = {'G', 'P', 'L', '1'};
constexpr size_t kHeaderBytes = 8;

template <typename Size>
bool Fits(std::string_view text) {
  return text.size() <= std::numeric_limits<Size>::max();
}

}  // namespace

Status PlaceTableBuilder::Add(const GazetteerPlace& place) {
  if (!Fits<uint16_t>(place.name) || !Fits<uint8_t>(place.country) || !Fits<uint8_t>(place.admin1) ||
      !Fits<uint8_t>(place.feature)) {
    return Status::Error("place " + std::string(place.name.substr(0, 80)) + ": a field is too long for the place table");
  }
  if (text_.size() + place.name.size() + place.country.size() + place.admin1.size() + place.feature.size() >
      std::numeric_limits<uint32_t>::max()) {
    return Status::Error("place table: text exceeds 4 GiB");
  }
  PlaceRecord record{};
  record.geonames = place.geonames;
  record.lat = place.lat;
  record.lon = place.lon;
  record.population = place.population;
  record.text_offset = static_cast<uint32_t>(text_.size());
  record.name_size = static_cast<uint16_t>(place.name.size());
  record.country_size = static_cast<uint8_t>(place.country.size());
  record.admin1_size = static_cast<uint8_t>(place.admin1.size());
  record.feature_size = static_cast<uint8_t>(place.feature.size());
  record.kind = PlaceTable::CodeOfKind(place.kind);
  records_.push_back(record);
  text_.append(place.name).append(place.country).append(place.admin1).append(place.feature);
  return Status::Ok();
}

std::string PlaceTableBuilder::Finish() const {
  std::string out(kMagic, sizeof kMagic);
  const auto count = static_cast<uint32_t>(records_.size());
  out.append(reinterpret_cast<const char*>(&count), sizeof count);
  out.append(reinterpret_cast<const char*>(records_.data()), records_.size() * sizeof(PlaceRecord));
  out += text_;
  return out;
}

std::optional<PlaceTable> PlaceTable::FromSection(std::string_view section, Status& status) {
  if (section.size() < kHeaderBytes || std::memcmp(section.data(), kMagic, sizeof kMagic) != 0) {
    status = Status::Error("place table section: bad header");
    return std::nullopt;
  }
  uint32_t count;
  std::memcpy(&count, section.data() + sizeof kMagic, sizeof count);
  const size_t records_bytes = size_t{count} * sizeof(PlaceRecord);
  if (records_bytes > section.size() - kHeaderBytes) {
    status = Status::Error("place table section: " + std::to_string(count) + " records do not fit the section");
    return std::nullopt;
  }
  PlaceTable table;
  table.records_ = section.data() + kHeaderBytes;
  table.count_ = count;
  table.text_ = section.substr(kHeaderBytes + records_bytes);
  return table;
}

PlaceRecord PlaceTable::Record(uint32_t index) const {
  PlaceRecord record{};
  if (index < count_) std::memcpy(&record, records_ + size_t{index} * sizeof(PlaceRecord), sizeof record);
  return record;
}

GazetteerPlace PlaceTable::At(uint32_t index) const {
  const PlaceRecord record = Record(index);
  GazetteerPlace place;
  place.geonames = record.geonames;
  place.kind = KindOfCode(record.kind);
  place.lat = record.lat;
  place.lon = record.lon;
  place.population = record.population;
  const size_t text_size = size_t{record.name_size} + record.country_size + record.admin1_size + record.feature_size;
  if (record.text_offset > text_.size() || text_size > text_.size() - record.text_offset) return place;
  std::string_view text = text_.substr(record.text_offset, text_size);
  const auto take = [&text](size_t size) {
    const std::string_view field = text.substr(0, size);
    text.remove_prefix(size);
    return field;
  };
  place.name = take(record.name_size);
  place.country = take(record.country_size);
  place.admin1 = take(record.admin1_size);
  place.feature = take(record.feature_size);
  return place;
}

PlaceKind PlaceTable::KindOfCode(char code) {
  switch (code) {
    case 'r': return PlaceKind::kRegion;
    case 'n': return PlaceKind::kCountry;
    case 'a': return PlaceKind::kArea;
    default: return PlaceKind::kCity;
  }
}

char PlaceTable::CodeOfKind(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kRegion: return 'r';
    case PlaceKind::kCountry: return 'n';
    case PlaceKind::kArea: return 'a';
    case PlaceKind::kCity: break;
  }
  return 'c';
}

}  // namespace lagebild
