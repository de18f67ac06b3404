// `lagebild eval petrarch PROJECT`: runs PETRARCH's validation records with PETRARCH's dictionaries.
#include <iostream>

#include "commands.h"

namespace lagebild::cli {

EvalSubcommand AddEvalPetrarch(CLI::App& eval) {
  CLI::App* app = eval.add_subcommand("petrarch", "PETRARCH's validation suite (PETR.UnitTest.records.xml)");
  return {app, [] {
            std::cerr << "lagebild eval petrarch: not built yet\n";
            return kExitSetupError;
          }};
}

}  // namespace lagebild::cli
