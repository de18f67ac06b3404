#include "compat/petrarch_records.h"

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <sstream>

#include "util/file_content.h"
#include "util/trim.h"

namespace lagebild::petrarch {
namespace {

// Codes are written as sourcecode="ARN" or sourcecode='"NEW ACTOR"'; keep them verbatim.
std::string Attribute(const pugi::xml_node& node, const char* name) { return std::string(TrimWhitespace(node.attribute(name).value())); }

int LineAt(std::string_view content, ptrdiff_t offset) {
  if (offset < 0) return 0;
  const size_t end = std::min(static_cast<size_t>(offset), content.size());
  return 1 + static_cast<int>(std::count(content.begin(), content.begin() + static_cast<ptrdiff_t>(end), '\n'));
}

void ReadEnvironment(const pugi::xml_node& node, RecordEnvironment& environment) {
  environment.verbs = std::string(TrimWhitespace(node.child_value("Verbfile")));
  environment.actors = std::string(TrimWhitespace(node.child_value("Actorfile")));
  environment.agents = std::string(TrimWhitespace(node.child_value("Agentfile")));
  environment.discards = std::string(TrimWhitespace(node.child_value("Discardfile")));
  std::istringstream include(node.child_value("Include"));
  for (std::string category; include >> category;) {
    if (category != "valid") environment.include.push_back(category);
  }
}

Record ReadSentence(const pugi::xml_node& node, std::string_view content) {
  Record record;
  record.id = Attribute(node, "id");
  record.date = Attribute(node, "date");
  record.category = Attribute(node, "category");
  record.text = std::string(TrimWhitespace(node.child_value("Text")));
  record.parse = std::string(TrimWhitespace(node.child_value("Parse")));
  record.line = LineAt(content, node.offset_debug());
  for (const pugi::xml_node& coding : node.children("EventCoding")) {
    if (!coding.attribute("noevents").empty()) {
      record.no_events = true;
    } else if (!coding.attribute("error").empty()) {
      record.no_events = true;
      record.expected_error = Attribute(coding, "error");
    } else {
      record.events.push_back(
          {Attribute(coding, "sourcecode"), Attribute(coding, "targetcode"), Attribute(coding, "eventcode")});
    }
  }
  return record;
}

}  // namespace

Status ParseRecordFile(std::string_view content, std::string_view file, RecordFile& result) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(content.data(), content.size(), pugi::parse_default);
  if (!parsed) {
    return Status::Error(std::string(file) + ":" + std::to_string(LineAt(content, parsed.offset)) + ": " +
                         parsed.description());
  }
  std::vector<ConfigOption> pending;
  // Document order matters: a <Config> applies to the records after it.
  std::vector<pugi::xml_node> stack{document.document_element()};
  while (!stack.empty()) {
    const pugi::xml_node node = stack.back();
    stack.pop_back();
    const std::string_view name = node.name();
    if (name == "Environment") {
      ReadEnvironment(node, result.environment);
    } else if (name == "Config") {
      pending.push_back({Attribute(node, "option"), Attribute(node, "value")});
      continue;
    } else if (name == "Sentence") {
      Record record = ReadSentence(node, content);
      if (record.date.size() != 8 || record.date.find_first_not_of("0123456789") != std::string::npos) {
        result.problems.push_back(std::string(file) + ":" + std::to_string(record.line) +
                                  ": record without a YYYYMMDD date; skipped");
        continue;
      }
      record.config = std::move(pending);
      pending.clear();
      result.records.push_back(std::move(record));
      continue;
    }
    std::vector<pugi::xml_node> children;
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() == pugi::node_element) children.push_back(child);
    }
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  return Status::Ok();
}

Status ReadRecordFile(const std::string& path, RecordFile& result) {
  std::string content;
  if (!ReadFileContent(path, content)) return Status::Error("cannot read " + path);
  return ParseRecordFile(content, path, result);
}

}  // namespace lagebild::petrarch
