#include "progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace lagebild::cli {

Progress::Progress(bool quiet, uint64_t total_bytes)
    : quiet_(quiet), terminal_(isatty(STDERR_FILENO) != 0), total_bytes_(total_bytes), start_(std::chrono::steady_clock::now()) {}

std::string Progress::Line(uint64_t documents, uint64_t mentions, uint64_t bytes, double seconds) const {
  std::string line = fmt::format("{} documents, {:.0f}/s, {} mentions", documents, seconds > 0 ? documents / seconds : 0.0, mentions);
  if (total_bytes_ > 0 && bytes > 0 && bytes <= total_bytes_) {
    const double share = static_cast<double>(bytes) / static_cast<double>(total_bytes_);
    const auto left = static_cast<long>(seconds / share - seconds);
    line += fmt::format(", {:.0f}% done, {}:{:02d} left", share * 100, left / 60, left % 60);
  }
  return line;
}

void Progress::Update(uint64_t documents, uint64_t mentions, uint64_t bytes) {
  if (quiet_) return;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (seconds - last_shown_ < (terminal_ ? kRedrawSeconds : kLogSeconds)) return;
  last_shown_ = seconds;
  const std::string line = Line(documents, mentions, bytes, seconds);
  if (terminal_) {
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    drawn_ = true;
  } else {
    std::fprintf(stderr, "lagebild: %s\n", line.c_str());
  }
}

void Progress::Finish() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace lagebild::cli
