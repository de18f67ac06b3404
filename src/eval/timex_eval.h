// `lagebild eval timex`: time expressions scored against inline-annotated gold sets, TimeML with
// TIMEX3 (KRAUTS, TempEval-3 TimeBank/AQUAINT) and TIMEX2 (WikiWarsDE keyinline), in the style of
// HeidelTime's and TempEval-3's scorers:
//   strict  = exactly the same span;
//   relaxed = overlapping spans;
//   value   = a relaxed match whose normalised value (TIMEX3 `value`, TIMEX2 `val`) is the same
//             string; a predicted expression without a value never matches.
// Gold and predicted expressions are paired one to one (MatchTimexes); precision divides the
// matches by the predicted expressions, recall by the gold ones. Only the content of <TEXT> is
// scored: the document creation time (<DCT>, <DATETIME>) is not an expression of the text.
//
// The predictions come either from the pipeline (the text of <TEXT> without markup, published on
// the document creation time) or from a directory of system files in the same format (HeidelTime's
// output), paired with the gold files by file name.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/ner_eval.h"
#include "lagebild/pipeline.h"
#include "lagebild/span.h"
#include "lagebild/status.h"

namespace lagebild {

enum class TimexFormat { kTimeMl, kTimex2 };

// One time expression of a gold or system file, or one the pipeline found.
struct TimexAnnotation {
  Span span;          // bytes of TimexDocument::text
  std::string value;  // TIMEX3 value or TIMEX2 val; empty when absent
  std::string type;   // TIMEX3 type (DATE, TIME, DURATION, SET); empty for TIMEX2
};

// An annotated file with its markup removed.
struct TimexDocument {
  std::string name;     // file name, for messages
  TimexFormat format = TimexFormat::kTimeMl;
  std::string text;     // the content of <TEXT>: tags removed, XML entities decoded
  std::string dct;      // document creation time, YYYY-MM-DD
  std::vector<TimexAnnotation> timexes;  // in text order, outermost expressions only
};

// The format of an annotated file from its content: TimeML when it has <TimeML> or <TIMEX3>,
// TIMEX2 when it has <TIMEX2>; nullopt otherwise (unannotated input, offset annotation).
std::optional<TimexFormat> DetectTimexFormat(std::string_view content);

// Removes the markup of <TEXT>…</TEXT> and records the TIMEX3 (kTimeMl) or TIMEX2 (kTimex2)
// elements of it; every other tag (EVENT, SIGNAL, …) is dropped with its text kept, and whatever
// follows </TEXT> (TLINKs, …) is ignored. A TIMEX2 may contain TIMEX2s ("<TIMEX2>two days after
// <TIMEX2>May 7</TIMEX2></TIMEX2>"): only the outermost is an expression here, the one extent a
// tagger is expected to find.
// `doc.dct` is the date of the TIMEX3 value in <DCT> or the TIMEX2 val in <DATETIME> (else of the
// element's text), empty when there is none. The walk is lenient where the gold files are not
// XML: a '&' that starts no entity and a '<' that starts no tag are text.
// Fails with a message naming the line, leaving `doc` incomplete, when there is no <TEXT>, a tag
// without '>' or unbalanced TIMEX tags.
Status ParseTimexDocument(std::string_view content, TimexFormat format, TimexDocument& doc);

// Moves expressions found in `from_text` onto `to_text`, a version of the same text that differs
// in white space, invisible characters and normalisation (the cleaned Document::text against the
// plain gold text, a system file against the gold file), through TextAlignment
// (eval/text_alignment.h). An expression with no counterpart is left out and described in
// `unmapped`. The result is in text order.
std::vector<TimexAnnotation> AlignTimexes(std::string_view from_text, std::vector<TimexAnnotation> timexes,
                                          std::string_view to_text, std::vector<std::string>& unmapped);

// Pairs of gold and predicted expressions, one to one: first the identical spans, then for each
// gold expression in text order the free predicted one that overlaps it most (the earlier on a
// tie). Both lists in text order. Unpaired entries stay -1.
struct TimexPairing {
  std::vector<int32_t> gold_to_predicted;
  std::vector<int32_t> predicted_to_gold;
};
TimexPairing MatchTimexes(const std::vector<TimexAnnotation>& gold, const std::vector<TimexAnnotation>& predicted);

// lagebild writes a range as one expression ("10. bis 13. September", 2023-09-10/2023-09-13);
// TimeML annotates its ends. For scoring, a predicted range whose text has a range word is split
// at it into its two ends with their own values ("10." 2023-09-10, "13. September" 2023-09-13);
// anything else is returned as it is. `text` is the text the span refers to.
std::vector<TimexAnnotation> SplitRange(std::string_view text, const TimexAnnotation& range);

struct TimexScores {
  TypeScore strict;
  TypeScore relaxed;
  TypeScore value;
  // Value scores by TIMEX3 type: gold counted by the gold type, predicted by the predicted type,
  // correct when the value matches and both types agree. Empty unless asked for (TimeML gold).
  std::map<std::string, TypeScore> value_by_type;
};

// Adds one document's gold and predicted expressions to `scores`, with `by_type` also to
// scores.value_by_type.
void ScoreTimexes(const std::vector<TimexAnnotation>& gold, const std::vector<TimexAnnotation>& predicted,
                  bool by_type, TimexScores& scores);

// The false positives, misses and wrong values of one document, one readable line each with the
// document name and some text around the expression.
std::vector<std::string> DescribeTimexErrors(const TimexDocument& gold, const std::vector<TimexAnnotation>& predicted);

// The language of a gold set when none is given: "en" when the path names TempEval, TimeBank or
// AQUAINT, else "de" (KRAUTS, WikiWarsDE).
std::string GuessTimexLanguage(std::string_view path);

struct TimexEvalOptions {
  std::vector<std::string> paths;  // gold files or directories of them (not recursive)
  std::string lang;                // forced document language; empty: GuessTimexLanguage
  std::string system_dir;          // score these files instead of running the pipeline
  bool collect_errors = false;
  size_t limit = 0;                // score only the first N gold files; 0: all
};

struct TimexEvaluation {
  TimexScores scores;
  size_t documents = 0;
  std::vector<std::string> problems;  // files skipped, system files missing, spans not mapped
  std::vector<std::string> errors;    // DescribeTimexErrors of every document, when asked for
};

// Scores the gold files of `options.paths` (.tml, .sgm, .xml, in name order). `pipeline` may be
// null when `options.system_dir` is given. A file that cannot be read or parsed is skipped and
// named in result.problems; a gold file without a system file counts as having no predictions.
// Fails only when a path does not exist or no gold file could be read.
Status EvaluateTimex(const Pipeline* pipeline, const TimexEvalOptions& options, TimexEvaluation& result);

}  // namespace lagebild
