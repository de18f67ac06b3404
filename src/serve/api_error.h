// The error every API handler may end with: an HTTP status and a message for the client. Thrown
// where a request cannot go on (a bad parameter, an unknown id, a query over its time limit) and
// turned into `{"error": {"status": …, "message": …}}` at the server boundary (server.cc).
#pragma once

#include <stdexcept>
#include <string>

namespace lagebild::serve {

inline constexpr int kBadRequest = 400;
inline constexpr int kUnauthorized = 401;
inline constexpr int kNotFound = 404;
inline constexpr int kMethodNotAllowed = 405;
inline constexpr int kPayloadTooLarge = 413;
inline constexpr int kInternalError = 500;
inline constexpr int kUnavailable = 503;

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

}  // namespace lagebild::serve
