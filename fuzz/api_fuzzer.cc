// libFuzzer target for what a client sends `lagebild serve` (src/serve/): any bytes, read as a
// query string (percent-decoded as cpp-httplib does) for every read endpoint over a small event
// database, as a paging cursor, and as the JSON body of POST /api/analyze and /api/documents.
// A bad parameter must be a 400 naming it; any other failure (a 500: an SQL error, an exception
// the query layer did not expect) aborts, as does a crash, a sanitizer report or a hang.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "lagebild/pipeline.h"
#include "serve/api_error.h"
#include "serve/document_view.h"
#include "serve/event_cursor.h"
#include "serve/event_queries.h"
#include "serve/sqlite_read_pool.h"
#include "store/store.h"

namespace {

using lagebild::serve::ApiError;

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::abort();
}

// A database of a few reports, made once per process.
std::string MakeDatabase() {
  lagebild::Status status;
  const auto pipeline = lagebild::Pipeline::Create(LAGEBILD_FUZZ_IMAGE, status);
  if (!pipeline) Fail(status.message());
  const std::string path = (std::filesystem::temp_directory_path() / "lagebild-api-fuzz.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto store = lagebild::Store::Open(path, status);
  if (!store) Fail(status.message());
  const char* texts[] = {"Am 5. September 2023 traf Kim Jong-un in Wladiwostok Wladimir Putin.",
                         "Am 6. September 2023 kritisierte Olaf Scholz Wladimir Putin.",
                         "In 2023, Joe Biden warned China against supplying Russia with weapons."};
  int n = 0;
  for (const char* text : texts) {
    lagebild::RawDocument raw;
    raw.content = text;
    raw.meta.id = raw.meta.source = "fuzz" + std::to_string(++n);
    raw.meta.published = "2023-09-09";
    lagebild::StoredDocument stored;
    if (!store->Put(pipeline->Process(raw), stored).ok()) Fail("cannot store the fuzz documents");
  }
  if (!store->Commit().ok()) Fail("cannot commit the fuzz documents");
  return path;
}

lagebild::serve::SqliteReadPool& Pool() {
  static lagebild::serve::SqliteReadPool pool(MakeDatabase(), std::chrono::milliseconds(5000), 1);
  return pool;
}

// Runs `call`; an ApiError is fine when its status is one of the client's (4xx).
void ExpectClientErrorsOnly(const char* what, const std::function<void()>& call) {
  try {
    call();
  } catch (const ApiError& error) {
    if (error.status() < 400 || error.status() >= 500) Fail(std::string(what) + ": " + error.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  httplib::Params params;
  httplib::detail::parse_query_text(input, params);
  const auto lease = Pool().Acquire();
  lagebild::serve::EventQueries queries(lease->connection());
  ExpectClientErrorsOnly("events", [&] { queries.Events(params); });
  ExpectClientErrorsOnly("actors", [&] { queries.Actors(params); });
  ExpectClientErrorsOnly("graph", [&] { queries.Graph(params); });
  ExpectClientErrorsOnly("timeline", [&] { queries.Timeline(params); });
  ExpectClientErrorsOnly("cursor", [&] { lagebild::serve::DecodeCursor(input); });
  ExpectClientErrorsOnly("analyze", [&] { lagebild::serve::AnalyzeRequest(input); });
  ExpectClientErrorsOnly("documents", [&] { lagebild::serve::DocumentRequest(input); });
  return 0;
}
