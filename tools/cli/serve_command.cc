// `lagebild serve`: the HTTP API and web UI over an event database (docs/api.md). This file only
// reads the options, loads the pipeline, and runs the server until SIGINT or SIGTERM.
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "commands.h"
#include "lagebild/pipeline.h"
#include "serve/server.h"
#include "serve/static_files.h"
#include "store/store_location.h"

namespace lagebild::cli {
namespace {

struct ServeOptions {
  std::string db = "lagebild.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token_file;
  std::string web;
  std::string image;
  // Threads kept ready for connections; more start when connections need them (a connection
  // holds its thread until it closes, src/serve/connection_threads.h).
  int jobs = static_cast<int>(std::max(16u, 2 * std::thread::hardware_concurrency()));
  int cache_mb = 64;
};

// The token is the file's content without surrounding white space.
bool ReadToken(const std::string& path, std::string& token) {
  std::ifstream in(path);
  std::ostringstream content;
  content << in.rdbuf();
  token = content.str();
  const size_t begin = token.find_first_not_of(" \t\r\n");
  const size_t end = token.find_last_not_of(" \t\r\n");
  token = begin == std::string::npos ? std::string() : token.substr(begin, end - begin + 1);
  return in.good() || !token.empty();
}

std::filesystem::path WebFolder(const ServeOptions& options) {
  if (!options.web.empty()) return options.web;
  std::error_code error;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  return serve::DefaultWebFolder(program.parent_path(), LAGEBILD_SOURCE_DIR);
}

// Waits for SIGINT or SIGTERM (blocked in every thread, see RunServe) and stops the server.
std::thread StopOnSignal(serve::Server& server, std::atomic<bool>& stopping, const sigset_t& signals) {
  return std::thread([&server, &stopping, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    stopping = true;
    server.Stop();
  });
}

int RunServe(const ServeOptions& options) {
  serve::ServerOptions server_options;
  server_options.db = options.db;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.jobs = options.jobs;
  server_options.cache_bytes = static_cast<size_t>(options.cache_mb) * 1024 * 1024;
  server_options.web = WebFolder(options);
  if (!options.token_file.empty() && (!ReadToken(options.token_file, server_options.token) || server_options.token.empty())) {
    std::cerr << "lagebild serve: " << options.token_file << ": no token in it\n";
    return kExitSetupError;
  }
  Status status;
  const std::unique_ptr<Pipeline> pipeline =
      Pipeline::Create(options.image.empty() ? DefaultResourceImagePath() : options.image, status);
  if (!pipeline) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  // Blocked before any thread starts, so that every thread inherits the mask and only the
  // signal thread receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::unique_ptr<serve::Server> server = serve::Server::Create(server_options, *pipeline, status);
  const int port = server ? server->Bind(status) : -1;
  if (port < 0) {
    std::cerr << "lagebild serve: " << status.message() << '\n';
    return kExitSetupError;
  }
  std::cout << fmt::format("lagebild: serving {} at http://{}:{}/ (web UI: {}; writing {})\n", DisplayedLocation(options.db),
                           options.host, port,
                           server_options.web.empty() ? "none" : server_options.web.string(),
                           server_options.token.empty() ? "disabled" : "with token")
            << std::flush;
  std::atomic<bool> stopping = false;
  std::thread signal_thread = StopOnSignal(*server, stopping, signals);
  const bool served = server->Run();
  if (!stopping) kill(getpid(), SIGTERM);  // wakes the signal thread when the server ended by itself
  signal_thread.join();
  std::cerr << "lagebild: stopped\n";
  return served || stopping ? kExitOk : kExitSetupError;
}

}  // namespace

CommandRunner RegisterServe(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command = app.add_subcommand("serve", "Serve the event database over HTTP (docs/api.md)");
  command->add_option("--db", options->db, "The database: a SQLite file made by ingest, or a PostgreSQL URL (postgresql://…)")
      ->capture_default_str();
  command->add_option("--host", options->host, "Address to listen on (loopback unless told otherwise)")->capture_default_str();
  command->add_option("--port", options->port, "Port; 0 picks a free one")->check(CLI::Range(0, 65535))->capture_default_str();
  command->add_option("--token-file", options->token_file, "File holding the token that POST /api/documents must send");
  command->add_option("--web", options->web,
                      "Web UI folder (default: ../share/lagebild/web beside the program, else web/dist in the source tree)");
  command->add_option("--image", options->image, "Resource image (default: beside the program)");
  command->add_option("--jobs", options->jobs, "Threads kept ready for connections (more start as needed, up to 1024)")->check(CLI::Range(1, 256))->capture_default_str();
  command->add_option("--cache-mb", options->cache_mb, "Memory for answers kept until the data changes; 0: no cache")
      ->check(CLI::Range(0, 65536))
      ->capture_default_str();
  return [options] { return RunServe(*options); };
}

}  // namespace lagebild::cli
