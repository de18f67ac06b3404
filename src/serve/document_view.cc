#include "serve/document_view.h"

#include <fmt/format.h>

#include <map>
#include <utility>

#include "lagebild/output.h"
#include "serve/api_error.h"
#include "serve/event_filters.h"

namespace lagebild::serve {
namespace {

using nlohmann::json;

constexpr std::string_view kStoredDocument =
    "SELECT d.external_id, d.url, d.title, d.published, d.lang, s.name, d.story_id, d.text "
    "FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id = ?";

std::optional<std::string> OptionalText(const SqlRow& row, int column) {
  return row.IsNull(column) ? std::nullopt : std::optional<std::string>(row.Text(column));
}

// Stored mentions by (sentence, trigger begin): how a re-derived event finds its stored event.
std::map<std::pair<int64_t, int64_t>, int64_t> StoredEventIds(ReadConnection& db, int64_t document) {
  std::map<std::pair<int64_t, int64_t>, int64_t> ids;
  db.ForEachRow("SELECT sentence, trigger_begin, event_id FROM mentions WHERE document_id = ?", {document},
                [&](const SqlRow& row) { ids.emplace(std::pair{row.Int(0), row.Int(1)}, row.Int(2)); });
  return ids;
}

std::optional<std::string> OptionalStringField(const json& body, const std::string& name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_string()) throw ApiError(kBadRequest, name + ": expected a string or null");
  return body[name].get<std::string>();
}

}  // namespace

json ContractJson(const Document& doc) {
  OutputOptions options;
  options.with_text = true;
  json contract = json::parse(ToJson(doc, options));
  contract["text"] = std::move(contract["doc"]["text"]);
  contract["doc"].erase("text");
  return contract;
}

json StoredDocumentView(ReadConnection& db, const Pipeline& pipeline, int64_t id) {
  std::optional<RawDocument> raw;
  std::string source;
  json story = nullptr;
  db.ForEachRow(kStoredDocument, {id}, [&](const SqlRow& row) {
    raw.emplace();
    raw->meta.id = row.Text(0);
    raw->meta.url = OptionalText(row, 1);
    raw->meta.title = OptionalText(row, 2);
    raw->meta.published = OptionalText(row, 3);
    if (row.Text(4) != "und") raw->meta.lang = row.Text(4);
    source = row.Text(5);
    if (!row.IsNull(6)) story = row.Int(6);
    raw->content = row.Text(7);
  });
  if (!raw) throw ApiError(kNotFound, fmt::format("no document {}", id));
  const Document doc = pipeline.Process(std::move(*raw));
  const auto stored_ids = StoredEventIds(db, id);
  json event_ids = json::array();
  for (const lagebild::Event& event : doc.events) {
    const auto found = stored_ids.find({static_cast<int64_t>(event.sentence), static_cast<int64_t>(event.trigger.begin)});
    event_ids.push_back(found == stored_ids.end() ? json(nullptr) : json(found->second));
  }
  json view = ContractJson(doc);
  view["doc"]["external_id"] = view["doc"]["id"];
  view["doc"]["id"] = id;
  view["doc"]["source"] = source;
  view["doc"]["story_id"] = story;
  view["event_ids"] = std::move(event_ids);
  return view;
}

RawDocument AnalyzeRequest(const std::string& body) {
  const json request = json::parse(body, nullptr, false);
  if (!request.is_object()) throw ApiError(kBadRequest, "body: expected a JSON object");
  RawDocument raw;
  raw.meta.id = "analyze";
  raw.meta.source = "api";
  const std::optional<std::string> text = OptionalStringField(request, "text");
  if (!text) throw ApiError(kBadRequest, "text: required");
  raw.content = *text;
  raw.meta.published = OptionalStringField(request, "published");
  if (raw.meta.published && !IsIsoDay(*raw.meta.published)) throw ApiError(kBadRequest, "published: expected YYYY-MM-DD");
  raw.meta.lang = OptionalStringField(request, "lang");
  if (raw.meta.lang && *raw.meta.lang != "de" && *raw.meta.lang != "en") throw ApiError(kBadRequest, "lang: expected de or en");
  if (request.contains("html") && !request["html"].is_boolean()) throw ApiError(kBadRequest, "html: expected true or false");
  raw.type = request.value("html", false) ? ContentType::kHtml : ContentType::kText;
  return raw;
}

RawDocument DocumentRequest(const std::string& body) {
  if (body.find('\n') != std::string::npos && body.find('\n') + 1 < body.size()) {
    throw ApiError(kBadRequest, "body: expected one JSON object (one JSON Lines line)");
  }
  std::unique_ptr<Reader> reader = MakeReader(InputFormat::kJsonl, "api", body);
  std::vector<ReadIssue> issues;
  std::optional<RawDocument> raw = reader->Next(issues);
  if (!raw) throw ApiError(kBadRequest, issues.empty() ? "body: no document" : "body: " + issues.front().message);
  raw->meta.source = "api";
  return std::move(*raw);
}

}  // namespace lagebild::serve
