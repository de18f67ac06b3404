// The gazetteer's places as the image section "geo/places": fixed-size records read in place from
// the loaded image, so loading costs nothing however many places GeoNames has (the text lines
// this replaced took 185–276 ms to parse at every start).
//
// Layout (little-endian): char magic[4] "GPL1", uint32 record count, the records (40 bytes each,
// see PlaceRecord), then the text: for each record its name, country, admin1 and feature code,
// one after the other, sized by the record. Records are read with memcpy (no alignment assumed)
// and a record whose text lies outside the section reads as empty strings, so a damaged image
// never leads to reads out of bounds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/document.h"
#include "lagebild/status.h"

namespace lagebild {

struct GazetteerPlace {
  int64_t geonames = 0;     // 0 for regions, areas and countries
  PlaceKind kind = PlaceKind::kCity;
  std::string_view name;
  std::string_view country;  // alpha-3, empty for areas across countries
  std::string_view admin1;   // GeoNames first-level code; empty for areas and countries
  std::string_view feature;  // GeoNames feature code (PPLC, PPLA, …), ADM1, PCLI, or the area's kind
  double lat = 0;
  double lon = 0;
  uint32_t population = 0;
};

struct PlaceRecord {
  int64_t geonames;
  double lat;
  double lon;
  uint32_t population;
  uint32_t text_offset;  // from the start of the text after the records
  uint16_t name_size;
  uint8_t country_size;
  uint8_t admin1_size;
  uint8_t feature_size;
  char kind;  // c city, r region, n country, a area
  uint8_t reserved[2];
};
static_assert(sizeof(PlaceRecord) == 40);

// Writes the section (used by the resource compiler).
class PlaceTableBuilder {
 public:
  // Fails (with the reason) for text fields longer than the record can size.
  Status Add(const GazetteerPlace& place);
  std::string Finish() const;

 private:
  std::vector<PlaceRecord> records_;
  std::string text_;
};

// Reads the section in place.
class PlaceTable {
 public:
  PlaceTable() = default;
  // nullopt with `status` set when the header or sizes do not fit the section.
  static std::optional<PlaceTable> FromSection(std::string_view section, Status& status);

  uint32_t size() const { return count_; }
  GazetteerPlace At(uint32_t index) const;
  PlaceKind KindAt(uint32_t index) const { return KindOfCode(Record(index).kind); }
  // Kind and population only: the record alone, not its text (another cache line).
  std::pair<PlaceKind, uint32_t> KindAndPopulationAt(uint32_t index) const {
    const PlaceRecord record = Record(index);
    return {KindOfCode(record.kind), record.population};
  }

  static PlaceKind KindOfCode(char code);
  static char CodeOfKind(PlaceKind kind);

 private:
  PlaceRecord Record(uint32_t index) const;

  const char* records_ = nullptr;
  uint32_t count_ = 0;
  std::string_view text_;
};

}  // namespace lagebild
