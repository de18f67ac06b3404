// Helpers of the serve tests (serve_test.cc, serve_postgres_test.cc).
#pragma once

#include <functional>

#include "serve/api_error.h"

namespace lagebild::serve {

// The HTTP status of the ApiError that `action` throws, or 0 when it throws none.
inline int StatusOfError(const std::function<void()>& action) {
  try {
    action();
  } catch (const ApiError& error) {
    return error.status();
  }
  return 0;
}

}  // namespace lagebild::serve
