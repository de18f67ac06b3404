#include "geo/distance.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace lagebild {

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = std::numbers::pi / 180;
  const double north = std::sin((lat2 - lat1) * kRadians / 2);
  const double east = std::sin((lon2 - lon1) * kRadians / 2);
  const double a = north * north + std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * east * east;
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace lagebild
