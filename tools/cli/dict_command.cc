// `lagebild dict check|compile|lookup`: the dictionary sources and the compiled image.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "compat/tabari_dictionary.h"
#include "commands.h"
#include "compile/compile_image.h"
#include "lagebild/pipeline.h"
#include "resources/resource_image.h"

namespace lagebild::cli {
namespace {

struct DictOptions {
  std::string data_dir = std::string(LAGEBILD_SOURCE_DIR) + "/data";
  std::string packages_dir = std::string(LAGEBILD_SOURCE_DIR) + "/node_modules";
  std::string out;
  std::string image;
  std::string date;
  std::vector<std::string> names;
  std::vector<std::string> tabari;  // TABARI .project files or single dictionary files
};

// `dict check --tabari FILE`: reads TABARI dictionaries (a .project file or single .actors,
// .agents, .verbs files) and lists their problems with file and line.
int RunTabariCheck(const DictOptions& options) {
  tabari::Dictionary dictionary;
  for (const std::string& path : options.tabari) {
    const bool project = path.ends_with(".project");
    const Status status = project ? tabari::ReadProject(path, dictionary) : tabari::ReadDictionaryFile(path, dictionary);
    if (!status.ok()) {
      std::cerr << "lagebild dict check: " << status.message() << '\n';
      return kExitInputProblem;
    }
  }
  for (const std::string& problem : dictionary.problems) std::cerr << problem << '\n';
  std::cout << fmt::format("TABARI dictionaries: {} actors, {} agents, {} verbs with {} patterns, {} synsets, {} time phrases; "
                           "{} problem(s)\n",
                           dictionary.actors.size(), dictionary.agents.size(), dictionary.verbs.size(), dictionary.PatternCount(),
                           dictionary.synsets.size(), dictionary.time_phrases.size(), dictionary.problems.size());
  return dictionary.problems.empty() ? kExitOk : kExitInputProblem;
}

int RunCheck(const DictOptions& options) {
  if (!options.tabari.empty()) return RunTabariCheck(options);
  const CheckReport report = CheckSources({options.data_dir, options.packages_dir});
  for (const std::string& problem : report.problems) std::cerr << problem << '\n';
  std::cout << fmt::format("{} actors written by us, {} countries generated, {} names, {} agent words; {} problem(s)\n",
                           report.actors, report.countries, report.names, report.agents, report.problems.size());
  std::cout << fmt::format("event patterns: German {} verb and {} noun lemmas ({} patterns; {} verbs inflected by rule), "
                           "English {} verb and {} noun lemmas ({} patterns)\n",
                           report.verb_lemmas[0], report.noun_lemmas[0], report.patterns[0], report.verbs_inflected_by_rule,
                           report.verb_lemmas[1], report.noun_lemmas[1], report.patterns[1]);
  return report.problems.empty() ? kExitOk : kExitInputProblem;
}

int RunCompile(const DictOptions& options) {
  const Status status = CompileImage({options.data_dir, options.packages_dir}, options.out);
  if (!status.ok()) {
    std::cerr << "lagebild dict compile: " << status.message() << '\n';
    return kExitInputProblem;
  }
  std::cout << "wrote " << options.out << '\n';
  return kExitOk;
}

std::string FormatDate(DateNumber date) {
  if (date >= 99991231) return "";
  return fmt::format("{:04}-{:02}-{:02}", date / 10000, date / 100 % 100, date % 100);
}

void PrintActorMatches(const ActorDictionary& dictionary, const std::vector<NameMatch>& matches, DateNumber date) {
  for (const NameMatch& match : matches) {
    const Actor& actor = dictionary.actors()[match.actor];
    std::string_view role;
    const std::string code = dictionary.CodeOn(actor, date, &role);
    std::cout << fmt::format("  {:<28} {:<13} {:<10} {}{}\n", actor.id, actor.kind, code, role.empty() ? "-" : role,
                             match.alias ? "  (alias)" : "");
    for (const ActorPeriod& period : actor.periods) {
      if (period.from == 0) continue;
      std::cout << fmt::format("      {} .. {:<10} {:<10} {}\n", FormatDate(period.from), FormatDate(period.to),
                               period.code, period.role);
    }
  }
}

int RunLookup(const DictOptions& options) {
  Status status;
  const auto image = ResourceImage::Open(options.image.empty() ? DefaultResourceImagePath() : options.image, status);
  const auto dictionary = image ? ActorDictionary::Load(*image, status) : nullptr;
  if (!dictionary) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  const DateNumber date = options.date.empty() ? 99991230 : ToDateNumber(options.date);
  bool found_all = true;
  for (const std::string& name : options.names) {
    std::cout << fmt::format("{}  (key {})\n", name, dictionary->keyer().Key(name));
    bool found = false;
    if (const auto* matches = dictionary->FindName(name)) {
      PrintActorMatches(*dictionary, *matches, date);
      found = true;
    }
    for (const char* lang : {"de", "en"}) {
      if (const std::string_view country = dictionary->CountryOfAdjective(name, lang); !country.empty()) {
        std::cout << fmt::format("  nationality word ({}) → {}\n", lang, country);
        found = true;
      }
      if (const AgentForm* agent = dictionary->FindAgent(name, lang)) {
        std::cout << fmt::format("  agent ({}) {} → sector {}{}{}\n", lang, agent->lemma, agent->sector,
                                 agent->person ? ", a person" : "", agent->role.empty() ? "" : ", role " + std::string(agent->role));
        found = true;
      }
    }
    if (!found) std::cout << "  not found\n";
    found_all &= found;
  }
  return found_all ? kExitOk : kExitInputProblem;
}

std::string CheckDate(const std::string& value) {
  return ToDateNumber(value) == 0 ? "expected YYYY-MM-DD, got " + value : std::string();
}

}  // namespace

CommandRunner RegisterDict(CLI::App& app) {
  auto options = std::make_shared<DictOptions>();
  CLI::App* dict = app.add_subcommand("dict", "Check, compile and query the actor and agent dictionaries");
  dict->require_subcommand(1);

  CLI::App* check = dict->add_subcommand("check", "Read and validate every dictionary source; list all problems");
  CLI::App* compile = dict->add_subcommand("compile", "Compile the sources into a resource image");
  for (CLI::App* command : {check, compile}) {
    command->add_option("--data", options->data_dir, "The data/ folder with the sources")->capture_default_str();
    command->add_option("--packages", options->packages_dir, "node_modules with the npm data packages")
        ->capture_default_str();
  }
  compile->add_option("--out", options->out, "The image to write")->required();
  check->add_option("--tabari", options->tabari,
                    "Instead of our sources, read TABARI dictionaries: a .project file or .actors/.agents/.verbs files");

  CLI::App* lookup = dict->add_subcommand("lookup", "Look names, nationality words and agent words up");
  lookup->add_option("names", options->names, "Names or words to look up")->required();
  lookup->add_option("--date", options->date, "Code the actors as on this date (YYYY-MM-DD)")
      ->check(CLI::Validator(CheckDate, "DATE"));
  lookup->add_option("--image", options->image, "Resource image (default: beside the program)");

  return [options, check, compile] {
    if (*check) return RunCheck(*options);
    if (*compile) return RunCompile(*options);
    return RunLookup(*options);
  };
}

}  // namespace lagebild::cli
