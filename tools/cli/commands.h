// Subcommands of the `lagebild` program. Each registers its options on the CLI11 app and returns
// a function that runs it and gives the process exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace lagebild::cli {

// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputProblem = 1;  // some input could not be read or was skipped
inline constexpr int kExitSetupError = 3;    // resources missing or broken

using CommandRunner = std::function<int()>;

// A CLI11 check for a day given as YYYY-MM-DD (--published, --from, --to).
inline std::string CheckIsoDay(const std::string& value) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return "expected YYYY-MM-DD, got " + value;
  return {};
}

CommandRunner RegisterExtract(CLI::App& app);
CommandRunner RegisterDict(CLI::App& app);
CommandRunner RegisterEval(CLI::App& app);
CommandRunner RegisterIngest(CLI::App& app);
CommandRunner RegisterExport(CLI::App& app);
CommandRunner RegisterWorker(CLI::App& app);
CommandRunner RegisterServe(CLI::App& app);

// One `lagebild eval` subcommand: its CLI11 node and what runs it. Each lives in its own file
// (eval_tabari.cc, eval_petrarch.cc, eval_geo.cc, eval_timex.cc,
// eval_boilerplate.cc) and is added by RegisterEval.
struct EvalSubcommand {
  CLI::App* app = nullptr;
  CommandRunner run;
};
EvalSubcommand AddEvalTabari(CLI::App& eval);
EvalSubcommand AddEvalPetrarch(CLI::App& eval);
EvalSubcommand AddEvalGeo(CLI::App& eval);  // reads eval's --image: add it after that option
EvalSubcommand AddEvalTimex(CLI::App& eval);  // the same
EvalSubcommand AddEvalBoilerplate(CLI::App& eval);

}  // namespace lagebild::cli
