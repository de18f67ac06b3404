// lagebild-compile-image: compiles the sources under data/ into the binary resource image.
// Used by the build; `lagebild dict compile` will offer the same to users.
#include <cstdio>
#include <string>
#include <string_view>

#include "compile/compile_image.h"

int main(int argc, char** argv) {
  lagebild::CompileOptions options;
  std::string out_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--data") options.data_dir = argv[i + 1];
    else if (flag == "--packages") options.packages_dir = argv[i + 1];
    else if (flag == "--out") out_path = argv[i + 1];
  }
  if (options.data_dir.empty() || options.packages_dir.empty() || out_path.empty()) {
    std::fprintf(stderr, "usage: lagebild-compile-image --data DIR --packages NODE_MODULES --out FILE\n");
    return 2;
  }
  const lagebild::Status status = lagebild::CompileImage(options, out_path);
  if (!status.ok()) {
    std::fprintf(stderr, "lagebild-compile-image: %s\n", status.message().c_str());
    return 1;
  }
  return 0;
}
