// `lagebild eval tabari PROJECT`: runs TABARI's validation records with TABARI's dictionaries.
#include <iostream>

#include "commands.h"

namespace lagebild::cli {

EvalSubcommand AddEvalTabari(CLI::App& eval) {
  CLI::App* app = eval.add_subcommand("tabari", "TABARI's validation suite (Validate.project)");
  return {app, [] {
            std::cerr << "lagebild eval tabari: not built yet\n";
            return kExitSetupError;
          }};
}

}  // namespace lagebild::cli
