// Status values for operations that can fail for reasons outside the input text: loading
// resources, opening files, parsing a dictionary. Messages name the file and line where known.
// Article text itself is data: stages never fail on it (see Diagnostics in document.h).
#pragma once

#include <string>
#include <utility>

namespace lagebild {

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace lagebild
