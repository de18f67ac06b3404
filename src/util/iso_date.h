// Calendar dates in ISO 8601 form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lagebild {

// Accepts "YYYY-MM-DD" optionally followed by a time ("2023-09-05T10:00:00Z", "2023-09-05 10:00")
// and returns the date part when it is a real calendar date.
std::optional<std::string> ParseIsoDate(std::string_view value);

}  // namespace lagebild
