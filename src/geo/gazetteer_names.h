// How the gazetteer's name set (image section geo/name_set) encodes each name's value, written by
// the resource compiler and read by the Gazetteer: a single probe per word tells whether it names
// places (and which: the key id of its postings) and whether longer names start with it.
#pragma once

#include <cstdint>

namespace lagebild::gazetteer_names {

inline constexpr uint32_t kIdMask = 0x7FFFFFFF;
// Some name of several words starts with this word ("New" of "New York").
inline constexpr uint32_t kStartsLongerName = 0x80000000;
// The id of a word that names no place itself but starts longer names.
inline constexpr uint32_t kNoPlaces = kIdMask;

}  // namespace lagebild::gazetteer_names
