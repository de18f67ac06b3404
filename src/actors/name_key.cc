#include "actors/name_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "segment/typography.h"

namespace lagebild {
namespace {

// Passes run in order; each sees the output of the one before.
constexpr const char16_t* kNameKeyRules = uR"(
:: Any-Latin ;
:: Latin-ASCII ;
:: Lower ;
[^a-z0-9] > ;
:: Null ;
tsch > ch ;
dsch > j ;
dzh > j ;
sch > sh ;
zh > sh ;
kh > ch ;
ph > f ;
ck > k ;
ae > a ;
oe > o ;
ue > u ;
:: Null ;
w > v ;
j > i ;
y > i ;
z > s ;
)";

// Doubled letters count once ("Mueller" / "Muller", "Selenskyy" / "Selensky"); ICU rules have
// no back-references on the source side, so this step is ours.
std::string CollapseDoubles(const std::string& key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

}  // namespace

NameKeyer::NameKeyer() {
  UParseError parse_error;
  UErrorCode error = U_ZERO_ERROR;
  prototype_.reset(icu::Transliterator::createFromRules("lagebild-name-key", icu::UnicodeString(kNameKeyRules),
                                                        UTRANS_FORWARD, parse_error, error));
  if (U_FAILURE(error) || !prototype_) {
    throw std::runtime_error(std::string("name key rules do not compile: ") + u_errorName(error));
  }
}

NameKeyer::~NameKeyer() = default;

std::string NameKeyer::Key(std::string_view name) const {
  thread_local const icu::Transliterator* cached_for = nullptr;
  thread_local std::unique_ptr<icu::Transliterator> local;
  if (cached_for != prototype_.get()) {
    local.reset(prototype_->clone());
    cached_for = prototype_.get();
  }
  const std::string folded = FoldTypography(name);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(folded);
  local->transliterate(text);
  std::string key;
  text.toUTF8String(key);
  return CollapseDoubles(key);
}

std::string StemWordKey(std::string key) {
  constexpr size_t kMinStem = 4;
  for (std::string_view ending : {"es", "en", "er", "em", "e", "s", "n"}) {
    if (key.size() >= kMinStem + ending.size() && key.ends_with(ending)) {
      key.resize(key.size() - ending.size());
      return key;
    }
  }
  return key;
}

void AppendWordKey(std::string& name_key, std::string_view word_key) {
  if (!name_key.empty() && !word_key.empty() && name_key.back() == word_key.front()) word_key.remove_prefix(1);
  name_key.append(word_key);
}

NameKeys ComputeNameKeys(const NameKeyer& keyer, std::string_view name) {
  NameKeys keys;
  keys.key = keyer.Key(name);
  size_t words = 0;
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find_first_of(" -", start);
    if (end == std::string_view::npos) end = name.size();
    const std::string word_key = keyer.Key(name.substr(start, end - start));
    if (!word_key.empty()) {
      if (words++ == 0) keys.first_word_key = word_key;
      AppendWordKey(keys.stem_key, StemWordKey(word_key));
    }
    start = end + 1;
  }
  if (words < 2) keys.stem_key.clear();
  return keys;
}

}  // namespace lagebild
