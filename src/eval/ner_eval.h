// `lagebild eval ner`: entity recognition scored against GermEval 2014 (CoNLL-style TSV: index,
// token, outer tag, inner tag; sentences separated by blank lines, each after a
// "#\tURL\t[DATE]" line). Scores exact spans of the outer level for PER, LOC and ORG: our
// persons are PER, countries and capitals LOC, organisations, media, parties and armed groups
// ORG; agents are not names and are not scored.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lagebild/pipeline.h"
#include "lagebild/status.h"

namespace lagebild {

struct TypeScore {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;
  double Precision() const { return predicted == 0 ? 0 : static_cast<double>(correct) / predicted; }
  double Recall() const { return gold == 0 ? 0 : static_cast<double>(correct) / gold; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct NerEvaluation {
  std::map<std::string, TypeScore> by_type;  // PER, LOC, ORG
  TypeScore overall;
  size_t sentences = 0;
  std::vector<std::string> errors;  // "FP PER Angela Merkel" / "FN LOC Berlin", when asked for
};

// With `collect_errors`, every false positive and false negative goes to result.errors.
Status EvaluateNer(const Pipeline& pipeline, const std::string& path, bool collect_errors, NerEvaluation& result);

}  // namespace lagebild
