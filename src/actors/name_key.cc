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

}  // namespace lagebild
