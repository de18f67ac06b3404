#include "resources/static_string_set.h"

#include <cstring>

namespace lagebild {
namespace {

constexpr uint32_t kMagic = 0x33545353;            // "SST3"
constexpr uint32_t kMagicWithValues = 0x33565353;  // "SSV3"
constexpr size_t kHeaderWords = 4;
constexpr size_t kBucketBytes = 8;

uint32_t Fingerprint(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }

// A bucket's control byte: eight bits of its fingerprint, never 0 (0 marks an empty bucket).
uint8_t ControlByte(uint32_t fingerprint) {
  const auto byte = static_cast<uint8_t>(fingerprint);
  return byte == 0 ? 1 : byte;
}

uint32_t ReadU32(const uint8_t* at) {
  uint32_t value;
  std::memcpy(&value, at, sizeof value);
  return value;
}

void AppendU32(std::string& out, uint32_t value) { out.append(reinterpret_cast<const char*>(&value), sizeof value); }

std::string Build(const std::vector<std::string>& words, const std::vector<uint32_t>* values) {
  uint32_t buckets = 16;
  while (buckets < words.size() * 2) buckets *= 2;  // load factor at most 1/2
  std::vector<uint32_t> table(size_t{buckets} * 2, 0);  // entry, fingerprint
  std::string blob;
  for (const std::string& word : words) {
    const auto offset = static_cast<uint32_t>(blob.size());
    const auto length = static_cast<uint16_t>(word.size());
    blob.append(reinterpret_cast<const char*>(&length), sizeof length);
    blob.append(word);
    if (values != nullptr) AppendU32(blob, (*values)[&word - words.data()]);
    const uint64_t hash = HashWord(word);
    for (uint32_t slot = static_cast<uint32_t>(hash) & (buckets - 1);; slot = (slot + 1) & (buckets - 1)) {
      if (table[size_t{slot} * 2] == 0) {
        table[size_t{slot} * 2] = offset + 1;
        table[size_t{slot} * 2 + 1] = Fingerprint(hash);
        break;
      }
    }
  }
  std::string out;
  AppendU32(out, values != nullptr ? kMagicWithValues : kMagic);
  AppendU32(out, buckets);
  AppendU32(out, static_cast<uint32_t>(words.size()));
  AppendU32(out, static_cast<uint32_t>(blob.size()));
  for (uint32_t slot : table) AppendU32(out, slot);
  for (uint32_t slot = 0; slot < buckets; ++slot) {
    out.push_back(static_cast<char>(table[size_t{slot} * 2] == 0 ? 0 : ControlByte(table[size_t{slot} * 2 + 1])));
  }
  out += blob;
  return out;
}

}  // namespace

std::string BuildStringSet(const std::vector<std::string>& words) { return Build(words, nullptr); }

std::string BuildStringMap(const std::vector<std::string>& words, const std::vector<uint32_t>& values) {
  return Build(words, &values);
}

std::optional<StaticStringSet> StaticStringSet::FromSection(std::string_view section, Status& status) {
  const auto* data = reinterpret_cast<const uint8_t*>(section.data());
  if (section.size() < kHeaderWords * 4 || (ReadU32(data) != kMagic && ReadU32(data) != kMagicWithValues)) {
    status = Status::Error("string set section: bad header");
    return std::nullopt;
  }
  const uint32_t buckets = ReadU32(data + 4), words = ReadU32(data + 8), blob_size = ReadU32(data + 12);
  const size_t table_bytes = size_t{buckets} * (kBucketBytes + 1);  // buckets and control bytes
  if (buckets == 0 || (buckets & (buckets - 1)) != 0 || kHeaderWords * 4 + table_bytes + blob_size != section.size()) {
    status = Status::Error("string set section: sizes do not match");
    return std::nullopt;
  }
  StaticStringSet set;
  set.buckets_ = data + kHeaderWords * 4;
  set.control_ = set.buckets_ + size_t{buckets} * kBucketBytes;
  set.mask_ = buckets - 1;
  set.word_count_ = words;
  set.has_values_ = ReadU32(data) == kMagicWithValues;
  set.blob_ = section.substr(kHeaderWords * 4 + table_bytes);
  return set;
}

const char* StaticStringSet::FindWord(std::string_view word, uint64_t hash) const {
  if (buckets_ == nullptr) return nullptr;
  const uint32_t fingerprint = Fingerprint(hash);
  const uint8_t control = ControlByte(fingerprint);
  for (uint32_t slot = static_cast<uint32_t>(hash) & mask_, probes = 0; probes <= mask_; slot = (slot + 1) & mask_, ++probes) {
    if (control_[slot] == 0) return nullptr;
    if (control_[slot] != control) continue;
    const uint8_t* bucket = buckets_ + size_t{slot} * kBucketBytes;
    const uint32_t entry = ReadU32(bucket);
    if (entry == 0) return nullptr;
    if (ReadU32(bucket + 4) != fingerprint) continue;
    const size_t offset = entry - 1;
    if (offset + 2 > blob_.size()) return nullptr;
    uint16_t length;
    std::memcpy(&length, blob_.data() + offset, sizeof length);
    if (offset + 2 + length > blob_.size()) return nullptr;
    if (blob_.substr(offset + 2, length) == word) return blob_.data() + offset;
  }
  return nullptr;
}

std::optional<uint32_t> StaticStringSet::Value(std::string_view word, uint64_t hash) const {
  if (!has_values_) return std::nullopt;
  const char* entry = FindWord(word, hash);
  if (entry == nullptr) return std::nullopt;
  const size_t value_at = static_cast<size_t>(entry - blob_.data()) + 2 + word.size();
  if (value_at + 4 > blob_.size()) return std::nullopt;
  return ReadU32(reinterpret_cast<const uint8_t*>(blob_.data() + value_at));
}

}  // namespace lagebild
