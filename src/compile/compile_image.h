// Compiles the human-readable sources under a data/ folder into one resource image.
#pragma once

#include <string>

#include "lagebild/status.h"

namespace lagebild {

// Reads every known source below `data_dir` and writes the image to `out_path`.
Status CompileImage(const std::string& data_dir, const std::string& out_path);

}  // namespace lagebild
