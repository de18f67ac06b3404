// Distances on the Earth's surface, for disambiguation (geo/place_scoring.cc) and evaluation
// (eval/geo_eval.cc).
#pragma once

namespace lagebild {

inline constexpr double kEarthRadiusKm = 6371;

// Great-circle distance by the haversine formula on a sphere of kEarthRadiusKm.
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace lagebild
