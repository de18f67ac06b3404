// `lagebild eval boilerplate DIR`: main-text extraction from HTML against trafilatura's German
// evaluation set (src/eval/boilerplate_eval.h).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "eval/boilerplate_eval.h"

namespace lagebild::cli {
namespace {

constexpr const char* kHelpFooter = R"(Gold set: ../shared/data/boilerplate/trafilatura-de (517 German pages, trafilatura's own
snippets: text that must be kept, text that must go). Scored as trafilatura scores itself:
anchors trafilatura 2.2.0 F1 0.924 (on its full set), jusText 0.862, readability-lxml 0.826.)";

int RunBoilerplate(const BoilerplateEvalOptions& options) {
  BoilerplateEvaluation result;
  if (Status status = EvaluateBoilerplate(options, result); !status.ok()) {
    std::cerr << "lagebild eval boilerplate: " << status.message() << '\n';
    return kExitInputProblem;
  }
  for (const std::string& error : result.errors) std::cout << error << '\n';
  if (!result.errors.empty()) std::cout << '\n';
  const SnippetScore& score = result.score;
  std::cout << fmt::format("{} pages{}, {}\n\n", result.pages,
                           result.unreadable > 0 ? fmt::format(" ({} unreadable)", result.unreadable) : "",
                           options.keep_boilerplate ? "whole visible text" : "main text");
  std::cout << fmt::format("snippets to keep   {:>5} kept, {:>5} lost\n", score.true_positives, score.false_negatives);
  std::cout << fmt::format("snippets to drop   {:>5} dropped, {:>5} kept\n\n", score.true_negatives,
                           score.false_positives);
  std::cout << fmt::format("precision {:.3f}  recall {:.3f}  F1 {:.3f}  accuracy {:.3f}\n", score.Precision(),
                           score.Recall(), score.F1(), score.Accuracy());
  return result.unreadable > 0 ? kExitInputProblem : kExitOk;
}

}  // namespace

EvalSubcommand AddEvalBoilerplate(CLI::App& eval) {
  auto options = std::make_shared<BoilerplateEvalOptions>();
  CLI::App* app = eval.add_subcommand("boilerplate", "Main text of HTML pages against trafilatura's German snippets");
  app->add_option("dir", options->dir, "The gold set, e.g. ../shared/data/boilerplate/trafilatura-de")
      ->required()
      ->check(CLI::ExistingDirectory);
  app->add_flag("--show-errors", options->show_errors,
                "List snippets lost (FN) and boilerplate kept (FP) with their page's URL");
  app->add_flag("--keep-boilerplate", options->keep_boilerplate, "Score the whole visible text (the baseline)");
  app->footer(kHelpFooter);
  return {app, [options] { return RunBoilerplate(*options); }};
}

}  // namespace lagebild::cli
