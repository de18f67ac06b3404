#include "read/gzip_stream.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace lagebild {
namespace {

constexpr size_t kInputChunk = size_t{1} << 16;
// The gzip magic number and the one compression method gzip has (deflate): where a member starts.
constexpr std::string_view kMemberStart = "\x1f\x8b\x08";
// windowBits for inflateInit2: a 32 KiB window and a gzip (not zlib) wrapper.
constexpr int kGzipWindowBits = 15 + 16;

}  // namespace

GzipStream::GzipStream(std::unique_ptr<ByteSource> source, std::string head)
    : source_(std::move(source)), input_(std::move(head)) {
  EnsureInput(kMemberStart.size());
  gzip_ = std::string_view(input_).starts_with(kMemberStart.substr(0, 2));
  if (gzip_ && inflateInit2(&zstream_, kGzipWindowBits) != Z_OK) gzip_ = false;
}

GzipStream::~GzipStream() {
  if (gzip_) inflateEnd(&zstream_);
}

// Makes at least `count` unconsumed input bytes available unless the input ends first.
bool GzipStream::EnsureInput(size_t count) {
  while (InputLeft() < count) {
    if (input_pos_ > 0) {
      input_.erase(0, input_pos_);
      input_offset_ += input_pos_;
      input_pos_ = 0;
    }
    const size_t old_size = input_.size();
    input_.resize(old_size + kInputChunk);
    const size_t got = source_->ReadSome(std::span<char>(input_.data() + old_size, kInputChunk));
    input_.resize(old_size + got);
    if (got == 0) {
      if (source_->failed()) breaks_.push_back({output_offset_, fmt::format("read error at offset {}", InputOffset())});
      return false;
    }
  }
  return true;
}

size_t GzipStream::ReadPlain(std::span<char> buffer) {
  if (InputLeft() == 0 && !EnsureInput(1)) return 0;
  const size_t count = std::min(buffer.size(), InputLeft());
  std::copy_n(input_.data() + input_pos_, count, buffer.data());
  input_pos_ += count;
  output_offset_ += count;
  return count;
}

void GzipStream::Break(size_t produced, std::string message) {
  breaks_.push_back({output_offset_ + produced, std::move(message)});
}

// At a member boundary: true when the next bytes start a gzip member.
bool GzipStream::StartMember() {
  if (!EnsureInput(kMemberStart.size())) return false;
  if (!std::string_view(input_).substr(input_pos_).starts_with(kMemberStart)) return false;
  in_member_ = true;
  member_offset_ = InputOffset();
  return true;
}

// Moves the input past the current byte to the next member start, or to the end.
void GzipStream::SkipToNextMember() {
  inflateReset(&zstream_);
  in_member_ = false;
  input_pos_ = std::min(input_pos_ + 1, input_.size());
  while (true) {
    const size_t found = std::string_view(input_).find(kMemberStart, input_pos_);
    if (found != std::string_view::npos) {
      input_pos_ = found;
      return;
    }
    // keep the last bytes: a member start may straddle two chunks
    input_pos_ = std::max(input_pos_, input_.size() - std::min(input_.size(), kMemberStart.size() - 1));
    if (!EnsureInput(kMemberStart.size())) {
      input_pos_ = input_.size();
      return;
    }
  }
}

size_t GzipStream::Read(std::span<char> buffer) {
  if (!gzip_) return ReadPlain(buffer);
  size_t produced = 0;
  while (produced < buffer.size()) {
    if (!in_member_) {
      if (InputLeft() == 0 && !EnsureInput(1)) break;  // the end, between members
      if (!StartMember()) {
        Break(produced, fmt::format("offset {}: data that is not gzip after a gzip member; skipped", InputOffset()));
        SkipToNextMember();
        continue;
      }
    }
    if (InputLeft() == 0 && !EnsureInput(1)) {
      Break(produced, fmt::format("the gzip member at offset {} ends early (truncated file)", member_offset_));
      inflateReset(&zstream_);
      in_member_ = false;
      break;
    }
    zstream_.next_in = reinterpret_cast<Bytef*>(input_.data() + input_pos_);
    zstream_.avail_in = static_cast<uInt>(std::min<size_t>(InputLeft(), UINT32_MAX));
    zstream_.next_out = reinterpret_cast<Bytef*>(buffer.data() + produced);
    zstream_.avail_out = static_cast<uInt>(std::min<size_t>(buffer.size() - produced, UINT32_MAX));
    const uInt offered_in = zstream_.avail_in, offered_out = zstream_.avail_out;
    const int result = inflate(&zstream_, Z_NO_FLUSH);
    input_pos_ += offered_in - zstream_.avail_in;
    produced += offered_out - zstream_.avail_out;
    if (result == Z_STREAM_END) {
      inflateReset(&zstream_);
      in_member_ = false;
    } else if (result != Z_OK && result != Z_BUF_ERROR) {
      Break(produced, fmt::format("corrupt gzip data in the member at offset {} ({}); skipped to the next member",
                                  member_offset_, zstream_.msg != nullptr ? zstream_.msg : "inflate failed"));
      SkipToNextMember();
    }
  }
  output_offset_ += produced;
  return produced;
}

std::vector<StreamBreak> GzipStream::TakeBreaks() {
  std::vector<StreamBreak> taken;
  taken.swap(breaks_);
  return taken;
}

}  // namespace lagebild
