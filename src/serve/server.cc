#include "serve/server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <charconv>
#include <mutex>
#include <regex>
#include <vector>

#include "serve/api_error.h"
#include "serve/connection_threads.h"
#include "serve/document_view.h"
#include "serve/event_queries.h"
#include "serve/metrics.h"
#include "serve/read_pool.h"
#include "serve/response_cache.h"
#include "serve/static_files.h"
#include "store/store.h"
#include "store/store_location.h"

namespace lagebild::serve {
namespace {

using nlohmann::json;

constexpr char kJson[] = "application/json";
constexpr char kStaticEndpoint[] = "static";
// Threads for connections at once (see connection_threads.h): slow clients beyond this make new
// connections wait. Their stacks are mapped, not used, so the cost is small.
constexpr size_t kMaxConnectionThreads = 1024;

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = kJson;
};

Reply JsonReply(const json& body, int status = 200) { return {status, body.dump(-1, ' ', false, json::error_handler_t::replace)}; }

Reply ErrorReply(int status, const std::string& message) {
  return JsonReply({{"error", {{"status", status}, {"message", message}}}}, status);
}

int64_t IdFromPath(const httplib::Request& request, const char* what) {
  const std::string& text = request.matches[1].str();
  int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) throw ApiError(kNotFound, fmt::format("no {} {}", what, text));
  return id;
}

// Equal-time comparison, so that answer times do not tell how much of a guess was right.
bool SameSecret(const std::string& given, const std::string& expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < given.size(); ++i) difference |= given[i] ^ expected[i % std::max<size_t>(expected.size(), 1)];
  return difference == 0;
}

// The cache key of a read: the path and every parameter, in httplib's order (by name, then as
// given), with separators that cannot occur in a decoded parameter name.
std::string CacheKey(const httplib::Request& request) {
  std::string key = request.path;
  for (const auto& [name, value] : request.params) key += '\x1f' + name + '\x1e' + value;
  return key;
}

struct RouteRule {
  std::regex pattern;
  std::string method;
  bool catch_all = false;  // the UI's static files: every path
};

}  // namespace

struct Server::Impl {
  Impl(const ServerOptions& given, const Pipeline& analysis)
      : options(given),
        pipeline(analysis),
        pool(MakeReadPool(given.db, given.query_time_limit, static_cast<size_t>(given.jobs))),
        cache(given.cache_bytes),
        web(given.web) {}

  using Handler = std::function<Reply(const httplib::Request&)>;
  void Route(const std::string& method, const std::string& pattern, const std::string& endpoint, Handler handler);
  void AddRoutes();
  void AddReadRoutes();
  Reply CachedRead(const httplib::Request& request, const std::function<json(ReadConnection&, const CountMemo&)>& read);
  void AddWriteRoutes();
  Reply StoreDocument(const httplib::Request& request);
  Reply ServeStatic(const httplib::Request& request);
  void RequireToken(const httplib::Request& request) const;
  httplib::Server::HandlerResponse RefuseWrongMethod(const httplib::Request& request, httplib::Response& response);

  ServerOptions options;
  const Pipeline& pipeline;
  std::unique_ptr<ReadPool> pool;
  ResponseCache cache;
  StaticFiles web;
  Metrics metrics;
  std::unique_ptr<Store> store;  // only with a token
  std::mutex store_mutex;
  std::vector<RouteRule> rules;
  httplib::Server http;
};

void Server::Impl::Route(const std::string& method, const std::string& pattern, const std::string& endpoint,
                         Handler handler) {
  rules.push_back({std::regex(pattern), method, endpoint == kStaticEndpoint});
  auto wrapped = [this, endpoint, handler](const httplib::Request& request, httplib::Response& response) {
    const auto start = std::chrono::steady_clock::now();
    Reply reply;
    try {
      reply = handler(request);
    } catch (const ApiError& error) {
      reply = ErrorReply(error.status(), error.what());
    } catch (const std::exception& error) {
      reply = ErrorReply(kInternalError, error.what());
    }
    response.status = reply.status;
    response.set_content(reply.body, reply.content_type);
    metrics.Record(endpoint, reply.status, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
  if (method == "GET") http.Get(pattern, wrapped);
  if (method == "POST") http.Post(pattern, wrapped);
}

// A read answered from the cache while nothing has been committed since it was computed; errors
// are never kept.
Reply Server::Impl::CachedRead(const httplib::Request& request,
                               const std::function<json(ReadConnection&, const CountMemo&)>& read) {
  const std::string stamp = pool->DataStamp();  // before the query: an answer is never older than its stamp
  const CountMemo count_memo = [this, &stamp](const std::string& key, const std::function<int64_t()>& count) {
    const std::string text = cache.GetOrCompute(key, stamp, [&] { return std::to_string(count()); });
    return std::stoll(text);
  };
  std::string body = cache.GetOrCompute(CacheKey(request), stamp, [&] {
    const auto lease = pool->Acquire();
    return JsonReply(read(lease->connection(), count_memo)).body;
  });
  return {200, std::move(body)};
}

void Server::Impl::AddReadRoutes() {
  auto with_queries = [this](auto query) {
    return [this, query](const httplib::Request& request) {
      return CachedRead(request, [&](ReadConnection& db, const CountMemo& count_memo) {
        EventQueries queries(db, count_memo);
        return query(queries, request);
      });
    };
  };
  Route("GET", "/api/events", "/api/events",
        with_queries([](EventQueries& q, const httplib::Request& r) { return q.Events(r.params); }));
  Route("GET", R"(/api/events/(\d+))", "/api/events/{id}",
        with_queries([](EventQueries& q, const httplib::Request& r) { return q.Event(IdFromPath(r, "event")); }));
  Route("GET", "/api/actors", "/api/actors",
        with_queries([](EventQueries& q, const httplib::Request& r) { return q.Actors(r.params); }));
  Route("GET", "/api/graph", "/api/graph",
        with_queries([](EventQueries& q, const httplib::Request& r) { return q.Graph(r.params); }));
  Route("GET", "/api/timeline", "/api/timeline",
        with_queries([](EventQueries& q, const httplib::Request& r) { return q.Timeline(r.params); }));
  Route("GET", "/healthz", "/healthz", with_queries([](EventQueries& q, const httplib::Request&) { return q.Health(); }));
  Route("GET", R"(/api/documents/(\d+))", "/api/documents/{id}", [this](const httplib::Request& request) {
    return CachedRead(request, [&](ReadConnection& db, const CountMemo&) {
      return StoredDocumentView(db, pipeline, IdFromPath(request, "document"));
    });
  });
  Route("GET", "/metrics", "/metrics", [this](const httplib::Request&) {
    const auto lease = pool->Acquire();
    const json health = EventQueries(lease->connection()).Health();
    return Reply{200, metrics.Render(health["documents"], health["events"], cache.counts()), "text/plain; version=0.0.4"};
  });
}

void Server::Impl::RequireToken(const httplib::Request& request) const {
  if (options.token.empty()) throw ApiError(kUnauthorized, "writing is disabled: start serve with --token-file");
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!header.starts_with(kBearer) || !SameSecret(header.substr(kBearer.size()), options.token)) {
    throw ApiError(kUnauthorized, "Authorization: expected Bearer and the server's token");
  }
}

Reply Server::Impl::StoreDocument(const httplib::Request& request) {
  RequireToken(request);
  const Document doc = pipeline.Process(DocumentRequest(request.body));
  StoredDocument stored;
  {
    std::lock_guard<std::mutex> lock(store_mutex);
    Status status = store->Put(doc, stored);
    if (status.ok()) status = store->Commit();
    if (!status.ok()) throw ApiError(kInternalError, status.message());
  }
  return JsonReply({{"document_id", stored.id}, {"duplicate", stored.duplicate}, {"story_id", stored.story},
                    {"mentions", stored.mentions}},
                   stored.duplicate ? 200 : 201);
}

void Server::Impl::AddWriteRoutes() {
  Route("POST", "/api/analyze", "/api/analyze", [this](const httplib::Request& request) {
    return JsonReply(ContractJson(pipeline.Process(AnalyzeRequest(request.body))));
  });
  Route("POST", "/api/documents", "/api/documents", [this](const httplib::Request& request) { return StoreDocument(request); });
}

Reply Server::Impl::ServeStatic(const httplib::Request& request) {
  if (request.path.starts_with("/api/")) throw ApiError(kNotFound, "no such endpoint: " + request.path);
  if (!web.enabled()) throw ApiError(kNotFound, "no web UI folder (see --web)");
  std::optional<StaticFile> file = web.Find(request.path);
  if (!file) throw ApiError(kNotFound, "not found: " + request.path);
  return {200, std::move(file->content), file->content_type};
}

// A known path asked with a method it does not take is 405, not httplib's 404. The UI's catch-all
// route counts only for paths no API route matches.
httplib::Server::HandlerResponse Server::Impl::RefuseWrongMethod(const httplib::Request& request, httplib::Response& response) {
  const std::string method = request.method == "HEAD" ? "GET" : request.method;
  std::string allowed;
  for (const RouteRule& rule : rules) {
    if (rule.catch_all || !std::regex_match(request.path, rule.pattern)) continue;
    if (rule.method == method) return httplib::Server::HandlerResponse::Unhandled;
    if (allowed.find(rule.method) == std::string::npos) allowed += allowed.empty() ? rule.method : ", " + rule.method;
  }
  if (allowed.empty()) {
    if (method == "GET") return httplib::Server::HandlerResponse::Unhandled;
    allowed = "GET";
  }
  const Reply reply = ErrorReply(kMethodNotAllowed, fmt::format("{} takes {}, not {}", request.path, allowed, request.method));
  response.status = reply.status;
  response.set_header("Allow", allowed);
  response.set_content(reply.body, reply.content_type);
  metrics.Record("other", reply.status, 0);
  return httplib::Server::HandlerResponse::Handled;
}

void Server::Impl::AddRoutes() {
  AddReadRoutes();
  AddWriteRoutes();
  Route("GET", "/.*", kStaticEndpoint, [this](const httplib::Request& request) { return ServeStatic(request); });
  http.set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) { return RefuseWrongMethod(request, response); });
  // httplib's own refusals (a body over the limit, a malformed request) get the JSON error shape.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const int status = response.status;
    const Reply reply =
        ErrorReply(status, status == kPayloadTooLarge ? "the body is over 4 MiB" : fmt::format("HTTP status {}", status));
    response.set_content(reply.body, reply.content_type);
    metrics.Record("other", status, 0);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_payload_max_length(kMaxBodyBytes);
  http.set_tcp_nodelay(true);  // else small answers wait for the client's delayed ACK (40 ms)
  const int jobs = options.jobs;
  http.new_task_queue = [jobs] { return new ConnectionThreads(static_cast<size_t>(jobs), kMaxConnectionThreads); };
}

Server::Server() = default;
Server::~Server() = default;

std::unique_ptr<Server> Server::Create(const ServerOptions& options, const Pipeline& pipeline, Status& status) {
  std::error_code error;
  if (!IsPostgresUrl(options.db) && !std::filesystem::is_regular_file(options.db, error)) {
    status = Status::Error(options.db + ": no such database (make one with `lagebild ingest --db`)");
    return nullptr;
  }
  // Opening it as a store applies the migrations this server's queries need (full-text search),
  // in SQLite and PostgreSQL alike.
  std::unique_ptr<Store> store = Store::Open(options.db, status);
  if (!store) return nullptr;
  std::unique_ptr<Server> server(new Server());
  server->impl_ = std::make_unique<Impl>(options, pipeline);
  if (!options.token.empty()) server->impl_->store = std::move(store);
  server->impl_->AddRoutes();
  return server;
}

int Server::Bind(Status& status) {
  const ServerOptions& options = impl_->options;
  int port = options.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(options.host);
  } else if (!impl_->http.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) status = Status::Error(fmt::format("cannot listen on {}:{}", options.host, options.port));
  return port;
}

bool Server::Run() { return impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace lagebild::serve
