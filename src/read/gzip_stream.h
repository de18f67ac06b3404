// A byte stream decompressed as it is read: a .warc.gz is many gzip members one after the other
// (one per record; some writers put one member over everything), and neither the compressed nor
// the decompressed file is ever held whole. Input that does not start with the gzip magic number
// passes through unchanged, so a plain .warc reads the same way.
//
// Corrupt, truncated or trailing non-gzip data never ends the stream: what was decompressed
// before it stands, the problem is recorded with the position in the output where data went
// missing, and reading goes on at the next gzip member (in a .warc.gz, the next record).
#pragma once

#include <zlib.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "read/byte_source.h"

namespace lagebild {

// A place where the decompressed output is not what the file meant: bytes before `output_offset`
// are intact, what follows comes from after the damage.
struct StreamBreak {
  uint64_t output_offset = 0;
  std::string message;  // names the compressed offset
};

class GzipStream {
 public:
  // `head`: bytes a format sniffer already read from the start of `source`; they come first.
  GzipStream(std::unique_ptr<ByteSource> source, std::string head);
  ~GzipStream();
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  // Up to buffer.size() decompressed bytes; 0 only at the end of the input.
  size_t Read(std::span<char> buffer);
  // The breaks found since the last call, in output order.
  std::vector<StreamBreak> TakeBreaks();

 private:
  bool EnsureInput(size_t count);
  size_t ReadPlain(std::span<char> buffer);
  bool StartMember();
  void SkipToNextMember();
  void Break(size_t produced, std::string message);
  uint64_t InputOffset() const { return input_offset_ + input_pos_; }
  size_t InputLeft() const { return input_.size() - input_pos_; }

  std::unique_ptr<ByteSource> source_;
  std::string input_;           // compressed bytes read and not yet consumed from input_pos_ on
  size_t input_pos_ = 0;
  uint64_t input_offset_ = 0;   // file offset of input_[0]
  uint64_t output_offset_ = 0;  // decompressed bytes delivered so far
  bool gzip_ = false;
  bool in_member_ = false;
  uint64_t member_offset_ = 0;
  z_stream zstream_{};
  std::vector<StreamBreak> breaks_;
};

}  // namespace lagebild
