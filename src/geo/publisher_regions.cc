#include "geo/publisher_regions.h"

#include <algorithm>
#include <set>

#include "read/publisher.h"

namespace lagebild {

void PublisherRegions::Observe(const Document& doc) {
  const std::string publisher = PublisherOf(doc.meta);
  if (publisher.empty()) return;
  std::set<std::string> regions;
  for (const Place& place : doc.places) {
    if (!place.admin1.empty()) regions.insert(place.country + "/" + place.admin1);
  }
  if (regions.empty()) return;
  Tally& tally = publishers_[publisher];
  ++tally.articles;
  for (const std::string& region : regions) ++tally.regions[region];
}

std::vector<std::string> PublisherRegions::HomeRegions(std::string_view publisher) const {
  const auto found = publishers_.find(publisher);
  if (found == publishers_.end()) return {};
  const Tally& tally = found->second;
  int most = 0;
  for (const auto& [region, count] : tally.regions) most = std::max(most, count);
  if (most < kMinArticles || most < kMinShare * tally.articles) return {};
  std::vector<std::string> regions;
  for (const auto& [region, count] : tally.regions) {
    if (count == most) regions.push_back(region);
  }
  return regions;
}

void PublisherRegions::Assign(DocumentMeta& meta) const {
  if (meta.home_regions.empty()) meta.home_regions = HomeRegions(PublisherOf(meta));
}

}  // namespace lagebild
