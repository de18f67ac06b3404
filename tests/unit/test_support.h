// Shared helpers for unit tests: the pipeline built from the test build's resource image, and
// the sample article bundled in examples/.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "lagebild/pipeline.h"

namespace lagebild::testing_support {

inline const Pipeline& TestPipeline() {
  static const std::unique_ptr<Pipeline> pipeline = [] {
    Status status;
    auto created = Pipeline::Create(LAGEBILD_TEST_IMAGE, status);
    if (!created) throw std::runtime_error(status.message());
    return created;
  }();
  return *pipeline;
}

inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(LAGEBILD_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline Document Analyse(const std::string& text, const std::string& lang = "") {
  RawDocument raw;
  raw.meta.id = "test";
  if (!lang.empty()) raw.meta.lang = lang;
  raw.content = text;
  return TestPipeline().Process(std::move(raw));
}

}  // namespace lagebild::testing_support
