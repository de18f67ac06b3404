// `lagebild eval geo FILE`: toponym recognition and resolution against LGL or GeoVirus
// (src/eval/geo_eval.h).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "eval/geo_eval.h"
#include "lagebild/output.h"
#include "lagebild/pipeline.h"

namespace lagebild::cli {
namespace {

struct GeoEvalOptions {
  std::string path;
  size_t limit = 0;
  bool show_errors = false;
  bool single_articles = false;
};

std::string KmOrDash(const GeoScore& score, double km) {
  return score.errors_km.empty() ? "-" : fmt::format("{:.1f}", km);
}

void PrintRecognition(const GeoScore& score) {
  std::cout << fmt::format("{:<12} {:>6} {:>9} {:>8} {:>9} {:>7} {:>7}\n", "recognition", "gold", "predicted",
                           "correct", "precision", "recall", "F1");
  std::cout << fmt::format("{:<12} {:>6} {:>9} {:>8} {:>9.3f} {:>7.3f} {:>7.3f}\n\n", "toponyms", score.gold,
                           score.predicted, score.recognised, score.Precision(), score.Recall(), score.F1());
}

void PrintResolution(const GeoScore& score) {
  std::cout << fmt::format("resolution of the {} recognised toponyms with coordinates\n", score.errors_km.size());
  std::cout << fmt::format("  accuracy@161km    {:.3f}  ({} within {:.0f} km)\n", score.Accuracy(), score.within,
                           kAccuracyKm);
  std::cout << fmt::format("  mean error km     {}\n", KmOrDash(score, MeanOf(score.errors_km)));
  std::cout << fmt::format("  median error km   {}\n", KmOrDash(score, MedianOf(score.errors_km)));
  std::cout << fmt::format("  AUC of log error  {}\n",
                           score.errors_km.empty() ? "-" : fmt::format("{:.3f}", AucOfLogError(score.errors_km)));
  std::cout << fmt::format("end to end          {:.3f}  ({} of {} gold toponyms with coordinates within {:.0f} km)\n\n",
                           score.EndToEnd(), score.within, score.gold_with_point, kAccuracyKm);
}

void PrintNotes(const GoldCorpus& gold, const GeoEvaluation& result) {
  std::string kinds;
  for (size_t kind = 0; kind < result.score.by_kind.size(); ++kind) {
    if (!kinds.empty()) kinds += ", ";
    kinds += fmt::format("{} {}", PlaceKindName(static_cast<PlaceKind>(kind)), result.score.by_kind[kind]);
  }
  std::cout << "predicted places    " << kinds << '\n';
  std::cout << fmt::format("publishers' home regions learned for {} of {} articles\n", result.with_home_region,
                           result.articles);
  if (gold.phrase_mismatch > 0) {
    std::cout << fmt::format("gold file: {} toponyms whose span does not read as their phrase\n", gold.phrase_mismatch);
  }
  if (result.unaligned > 0 || result.mismatches > 0) {
    std::cout << fmt::format("alignment: {} predicted spans not mapped onto the gold text, {} characters unpaired\n",
                             result.unaligned, result.mismatches);
  }
}

int RunGeo(const GeoEvalOptions& options, const std::string& image) {
  Status status;
  const auto pipeline = Pipeline::Create(image.empty() ? DefaultResourceImagePath() : image, status);
  if (!pipeline) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  GoldCorpus gold;
  status = ReadGeoGold(options.path, gold);
  if (!status.ok()) {
    std::cerr << "lagebild eval geo: " << status.message() << '\n';
    return kExitInputProblem;
  }
  const GeoEvaluation result = EvaluateGeo(*pipeline, gold, {options.limit, options.show_errors, !options.single_articles});
  const GeoScore& score = result.score;
  std::cout << fmt::format("{}: {} of {} articles from {}\n", gold.format, result.articles, gold.articles.size(),
                           options.path);
  std::cout << fmt::format("{} gold toponyms, {} with coordinates (the others count for recognition only)\n",
                           score.gold, score.gold_with_point);
  std::cout << "overlapping spans, one-to-one; great-circle distance to the gold point\n\n";
  PrintRecognition(score);
  PrintResolution(score);
  PrintNotes(gold, result);
  for (const std::string& error : result.errors) std::cout << error << '\n';
  return kExitOk;
}

}  // namespace

EvalSubcommand AddEvalGeo(CLI::App& eval) {
  auto options = std::make_shared<GeoEvalOptions>();
  CLI::App* app = eval.add_subcommand("geo", "Toponym recognition and resolution against LGL or GeoVirus");
  app->add_option("file", options->path, "LGL or GeoVirus XML, e.g. ../shared/data/geo/lgl.xml")
      ->required()
      ->check(CLI::ExistingFile);
  app->add_option("--limit", options->limit, "Score only the first N articles (0: all)");
  app->add_flag("--single-articles", options->single_articles,
                "Resolve each article on its own, without first learning the publishers' home regions");
  app->add_flag("--show-errors", options->show_errors,
                "List misses (FN), false positives (FP) and resolutions beyond 161 km (FAR) with the article index");
  app->fallthrough();  // `eval geo FILE --image X` sets eval's --image
  const CLI::Option* image = eval.get_option_no_throw("--image");  // added by RegisterEval before us
  return {app, [options, image] { return RunGeo(*options, image && image->count() > 0 ? image->as<std::string>() : ""); }};
}

}  // namespace lagebild::cli
