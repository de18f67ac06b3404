#include "actors/name_start_cache.h"

namespace lagebild {

NameStartCache& NameStartCache::ForThread(uint64_t dictionary_instance, bool german) {
  struct Owned {
    uint64_t dictionary = 0;  // ActorDictionary::instance(); 0 for none yet
    NameStartCache cache;
  };
  thread_local std::array<Owned, 2> caches;  // English rules, German rules
  Owned& owned = caches[german ? 1 : 0];
  if (owned.dictionary != dictionary_instance) {
    owned.cache.Clear();
    owned.dictionary = dictionary_instance;
  }
  return owned.cache;
}

}  // namespace lagebild
