// lagebild: the command-line front end. A thin layer over liblagebild: every subcommand parses
// its options and calls the library.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"lagebild: political events from German and English news"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "lagebild 0.1.0");
  app.footer("Run `lagebild SUBCOMMAND --help` for the options of one subcommand.");

  const lagebild::cli::CommandRunner extract = lagebild::cli::RegisterExtract(app);
  const lagebild::cli::CommandRunner dict = lagebild::cli::RegisterDict(app);
  const lagebild::cli::CommandRunner eval = lagebild::cli::RegisterEval(app);
  const lagebild::cli::CommandRunner ingest = lagebild::cli::RegisterIngest(app);
  const lagebild::cli::CommandRunner exporter = lagebild::cli::RegisterExport(app);
  const lagebild::cli::CommandRunner worker = lagebild::cli::RegisterWorker(app);
  const lagebild::cli::CommandRunner serve = lagebild::cli::RegisterServe(app);

  CLI11_PARSE(app, argc, argv);
  try {
    if (app.got_subcommand("extract")) return extract();
    if (app.got_subcommand("dict")) return dict();
    if (app.got_subcommand("eval")) return eval();
    if (app.got_subcommand("ingest")) return ingest();
    if (app.got_subcommand("export")) return exporter();
    if (app.got_subcommand("worker")) return worker();
    if (app.got_subcommand("serve")) return serve();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lagebild: %s\n", error.what());
    return 1;
  }
  return 0;
}
