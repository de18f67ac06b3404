// `lagebild eval boilerplate`: main-text extraction from HTML scored the way trafilatura scores
// itself (../shared/data/boilerplate/trafilatura-de). For each page the gold file lists snippets
// that must appear in the extracted text ("with") and snippets that must not ("without"). A
// `with` snippet found is a true positive, missing a false negative; a `without` snippet found is
// a false positive, absent a true negative. Whitespace runs count as one space on both sides.
//
// Layout: DIR/evaldata-de.json maps URL → {"file": NAME, "with": [...], "without": [...]};
// the page is DIR/html/NAME.gz (gzip) or DIR/html/NAME.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "lagebild/status.h"

namespace lagebild {

struct SnippetScore {
  size_t true_positives = 0, false_negatives = 0, false_positives = 0, true_negatives = 0;

  double Precision() const;
  double Recall() const;
  double F1() const;
  double Accuracy() const;
};

struct BoilerplateEvaluation {
  size_t pages = 0;
  size_t unreadable = 0;  // listed pages whose file is missing or not gzip
  SnippetScore score;
  std::vector<std::string> errors;  // "FN url: snippet" / "FP url: snippet" when asked for
};

struct BoilerplateEvalOptions {
  std::string dir;
  bool show_errors = false;
  bool keep_boilerplate = false;  // score the whole visible text (the baseline)
};

Status EvaluateBoilerplate(const BoilerplateEvalOptions& options, BoilerplateEvaluation& result);

}  // namespace lagebild
