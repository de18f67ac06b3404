// `lagebild eval`: scores against gold sets.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "eval/ner_eval.h"
#include "lagebild/pipeline.h"

namespace lagebild::cli {
namespace {

struct EvalOptions {
  std::string image;
  std::string path;
  bool show_errors = false;
};

int RunNer(const EvalOptions& options) {
  Status status;
  const auto pipeline = Pipeline::Create(options.image.empty() ? DefaultResourceImagePath() : options.image, status);
  if (!pipeline) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  NerEvaluation result;
  status = EvaluateNer(*pipeline, options.path, options.show_errors, result);
  if (!status.ok()) {
    std::cerr << "lagebild eval ner: " << status.message() << '\n';
    return kExitInputProblem;
  }
  std::cout << fmt::format("{} sentences from {}\nexact spans, outer level\n\n", result.sentences, options.path);
  std::cout << fmt::format("{:<8} {:>6} {:>9} {:>8} {:>9} {:>7} {:>7}\n", "type", "gold", "predicted", "correct",
                           "precision", "recall", "F1");
  auto row = [](const std::string& name, const TypeScore& score) {
    std::cout << fmt::format("{:<8} {:>6} {:>9} {:>8} {:>9.3f} {:>7.3f} {:>7.3f}\n", name, score.gold, score.predicted,
                             score.correct, score.Precision(), score.Recall(), score.F1());
  };
  for (const auto& [type, score] : result.by_type) row(type, score);
  row("all", result.overall);
  for (const std::string& error : result.errors) std::cout << error << '\n';
  return kExitOk;
}

}  // namespace

CommandRunner RegisterEval(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* eval = app.add_subcommand("eval", "Score lagebild against gold sets");
  eval->require_subcommand(1);
  CLI::App* ner = eval->add_subcommand("ner", "Entity recognition against GermEval 2014 (PER, LOC, ORG)");
  ner->add_option("file", options->path, "GermEval TSV, e.g. ../shared/data/ner/GermEval2014-NER-de-dev.tsv")
      ->required()
      ->check(CLI::ExistingFile);
  ner->add_flag("--show-errors", options->show_errors, "List every false positive (FP) and false negative (FN)");
  eval->add_option("--image", options->image, "Resource image (default: beside the program)");
  const EvalSubcommand tabari = AddEvalTabari(*eval);
  const EvalSubcommand petrarch = AddEvalPetrarch(*eval);
  const EvalSubcommand geo = AddEvalGeo(*eval);
  const EvalSubcommand timex = AddEvalTimex(*eval);
  const EvalSubcommand boilerplate = AddEvalBoilerplate(*eval);
  return [options, tabari, petrarch, geo, timex, boilerplate] {
    if (tabari.app->parsed()) return tabari.run();
    if (petrarch.app->parsed()) return petrarch.run();
    if (geo.app->parsed()) return geo.run();
    if (timex.app->parsed()) return timex.run();
    if (boilerplate.app->parsed()) return boilerplate.run();
    return RunNer(*options);
  };
}

}  // namespace lagebild::cli
