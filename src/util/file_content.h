// Reading a whole file into memory: dictionaries, options and record files are small.
#pragma once

#include <string>

namespace lagebild {

// The bytes of the file at `path`; false when it cannot be opened.
bool ReadFileContent(const std::string& path, std::string& content);

}  // namespace lagebild
