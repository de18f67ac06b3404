// Progress of a long run on stderr: on a terminal one line redrawn a few times a second
// (documents, documents/s, mentions, share done and time left when the input size is known);
// otherwise a plain log line every kLogSeconds. Nothing with `quiet`.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace lagebild::cli {

class Progress {
 public:
  // `total_bytes`: the size of all inputs, 0 when unknown (standard input).
  Progress(bool quiet, uint64_t total_bytes);

  void Update(uint64_t documents, uint64_t mentions, uint64_t bytes);
  void Finish();  // clears the terminal line

  static constexpr double kLogSeconds = 10;
  static constexpr double kRedrawSeconds = 0.2;

 private:
  std::string Line(uint64_t documents, uint64_t mentions, uint64_t bytes, double seconds) const;

  bool quiet_;
  bool terminal_;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  double last_shown_ = 0;
  bool drawn_ = false;
};

}  // namespace lagebild::cli
