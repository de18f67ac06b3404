// The binary resource image: one file holding every compiled resource, memory-mapped at run time.
//
// Layout (little-endian, every section 8-byte aligned):
//   ImageHeader
//   SectionEntry[section_count]
//   section data
// The header's magic and format version are checked at load; a stale or foreign file is refused
// with a message instead of being misread.
#pragma once

#include <cstdint>

namespace lagebild::image {

inline constexpr char kMagic[8] = {'L', 'G', 'B', 'I', 'M', 'A', 'G', 'E'};
// 2: string sets keep hash bits in their buckets; 3: gazetteer places as binary records;
// 4: string sets have a control byte per bucket; 5: the gazetteer's names are one string set
// with values (each name's id, a flag for the first words of longer names), not a trie
inline constexpr uint32_t kFormatVersion = 5;
inline constexpr uint32_t kMaxSectionName = 48;

struct ImageHeader {
  char magic[8];
  uint32_t format_version;
  uint32_t section_count;
  uint64_t file_size;
};

struct SectionEntry {
  char name[kMaxSectionName];  // NUL-padded, e.g. "segment/de/abbreviations"
  uint64_t offset;             // from the start of the file
  uint64_t size;
};

static_assert(sizeof(ImageHeader) == 24);
static_assert(sizeof(SectionEntry) == 64);

}  // namespace lagebild::image
