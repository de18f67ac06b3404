// Small text helpers shared by the parts of the actor stage.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace lagebild {

// The word with its first letter in lower (upper) case, in a buffer reused by the thread: the
// view stays valid until the next call on the same thread.
inline std::string_view LowerFirst(std::string_view word) {
  thread_local std::string buffer;
  buffer.assign(word);
  if (!buffer.empty()) buffer[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(buffer[0])));
  return buffer;
}

// Whether LowerFirst would change the word (std::tolower of the "C" locale the program keeps
// changes only A-Z): a look-up of the lowered form is otherwise the same look-up again.
inline bool LowerFirstDiffers(std::string_view word) { return !word.empty() && word[0] >= 'A' && word[0] <= 'Z'; }

inline std::string_view UpperFirst(std::string_view word) {
  thread_local std::string buffer;
  buffer.assign(word);
  if (!buffer.empty()) buffer[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(buffer[0])));
  return buffer;
}

}  // namespace lagebild
