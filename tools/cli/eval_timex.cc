// `lagebild eval timex PATH…`: time expressions against TimeML (TIMEX3) and TIMEX2 gold sets
// (src/eval/timex_eval.h), found by lagebild or read from a system's output (--system).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "eval/timex_eval.h"
#include "lagebild/pipeline.h"

namespace lagebild::cli {
namespace {

constexpr const char* kHelpFooter = R"(Gold sets (../shared/data/timex): KRAUTS-Dolomiten-100/KRAUTS_Dolomiten-100 (German news,
TimeML), TempEval3-TBAQ-cleaned/data/TBAQ-cleaned/TimeBank and …/AQUAINT (English, TimeML),
WikiWarsDE/keyinline (German history articles, TIMEX2; relative dates follow the narrative).
Each PATH is a gold file or a directory of them (.tml, .sgm, .xml; not recursive); the format is
read from each file. The text of <TEXT> is analysed as published on the document creation time.
Without --lang the language is English for paths naming TempEval, TimeBank or AQUAINT, else German.
Scores: strict = same span, relaxed = overlapping span, value = relaxed with the same TIMEX value.
HeidelTime's output for KRAUTS (…/KRAUTS_Dolomiten-100_Heideltime as --system) scores about 0.67 value F1.)";

void PrintRow(const std::string& name, const TypeScore& score) {
  std::cout << fmt::format("{:<14} {:>6} {:>9} {:>8} {:>9.3f} {:>7.3f} {:>7.3f}\n", name, score.gold, score.predicted,
                           score.correct, score.Precision(), score.Recall(), score.F1());
}

void PrintScores(const TimexEvalOptions& options, const TimexEvaluation& result) {
  const TimexScores& scores = result.scores;
  std::cout << fmt::format("{} files, {} gold time expressions, {} predicted by {}\n\n", result.documents,
                           scores.relaxed.gold, scores.relaxed.predicted,
                           options.system_dir.empty() ? "lagebild" : options.system_dir);
  std::cout << fmt::format("{:<14} {:>6} {:>9} {:>8} {:>9} {:>7} {:>7}\n", "metric", "gold", "predicted", "correct",
                           "precision", "recall", "F1");
  PrintRow("strict", scores.strict);
  PrintRow("relaxed", scores.relaxed);
  PrintRow("value", scores.value);
  for (const auto& [type, score] : scores.value_by_type) PrintRow("value " + type, score);
}

int RunTimex(const TimexEvalOptions& options, const std::string& image) {
  std::unique_ptr<Pipeline> pipeline;
  if (options.system_dir.empty()) {
    Status status;
    pipeline = Pipeline::Create(image.empty() ? DefaultResourceImagePath() : image, status);
    if (!pipeline) {
      std::cerr << "lagebild: " << status.message() << '\n';
      return kExitSetupError;
    }
  }
  TimexEvaluation result;
  const Status status = EvaluateTimex(pipeline.get(), options, result);
  for (const std::string& problem : result.problems) std::cerr << "lagebild eval timex: " << problem << '\n';
  if (!status.ok()) {
    std::cerr << "lagebild eval timex: " << status.message() << '\n';
    return kExitInputProblem;
  }
  for (const std::string& error : result.errors) std::cout << error << '\n';
  if (!result.errors.empty()) std::cout << '\n';
  PrintScores(options, result);
  return result.problems.empty() ? kExitOk : kExitInputProblem;
}

}  // namespace

EvalSubcommand AddEvalTimex(CLI::App& eval) {
  auto options = std::make_shared<TimexEvalOptions>();
  CLI::App* app = eval.add_subcommand("timex", "Time expressions against TimeML (TIMEX3) and TIMEX2 gold sets");
  app->add_option("path", options->paths, "Gold files or directories, e.g. "
                                               "../shared/data/timex/KRAUTS-Dolomiten-100/KRAUTS_Dolomiten-100")
      ->required()
      ->check(CLI::ExistingPath);
  app->add_option("--lang", options->lang, "Language of the gold texts (default: guessed from the path)")
      ->check(CLI::IsMember({"de", "en"}));
  app->add_option("--system", options->system_dir,
                  "Score this directory of system files (same names and format as the gold) instead of lagebild")
      ->check(CLI::ExistingDirectory);
  app->add_flag("--show-errors", options->collect_errors,
                "List false positives (FP), misses (MISS) and wrong values (VALUE) with their context");
  app->add_option("--limit", options->limit, "Score only the first N gold files (in name order)");
  app->footer(kHelpFooter);
  app->fallthrough();  // `eval timex PATH --image X` sets eval's --image
  const CLI::Option* image = eval.get_option_no_throw("--image");  // added by RegisterEval before us
  return {app, [options, image] { return RunTimex(*options, image && image->count() > 0 ? image->as<std::string>() : ""); }};
}

}  // namespace lagebild::cli
