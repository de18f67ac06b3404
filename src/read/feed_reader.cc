#include "read/feed_reader.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <array>
#include <cctype>
#include <vector>

#include "util/iso_date.h"
#include "util/ascii.h"

namespace lagebild {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// The text of the first child with one of `names` that has any (namespace prefixes as written
// in the feed).
std::string ChildText(const pugi::xml_node& node, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    const std::string_view text = TrimAsciiSpace(node.child(name).text().get());
    if (!text.empty()) return std::string(text);
  }
  return {};
}

// An item's link: RSS <link>text</link>, Atom <link rel="alternate" href="…"/>.
std::string LinkOf(const pugi::xml_node& item) {
  for (const pugi::xml_node& link : item.children("link")) {
    const std::string_view rel = link.attribute("rel").value();
    if (link.attribute("href") && (rel.empty() || rel == "alternate")) return link.attribute("href").value();
    if (!TrimAsciiSpace(link.text().get()).empty()) return std::string(TrimAsciiSpace(link.text().get()));
  }
  return ChildText(item, {"guid", "id"});
}

class FeedReader : public Reader {
 public:
  FeedReader(std::string name, std::string bytes) : name_(std::move(name)), bytes_(std::move(bytes)) {}

  std::optional<RawDocument> Next(std::vector<ReadIssue>& issues) override {
    if (!parsed_ && !Parse(issues)) return std::nullopt;
    while (next_ < items_.size()) {
      const pugi::xml_node item = items_[next_++];
      RawDocument doc = DocumentOf(item);
      if (!doc.content.empty()) return doc;
      issues.push_back({fmt::format("{}:item {}", name_, next_), "item without content; skipped"});
    }
    return std::nullopt;
  }

 private:
  bool Parse(std::vector<ReadIssue>& issues) {
    parsed_ = true;
    const pugi::xml_parse_result result = document_.load_buffer_inplace(bytes_.data(), bytes_.size());
    if (!result) {
      size_t line = 1;
      for (size_t i = 0; i < static_cast<size_t>(result.offset) && i < bytes_.size(); ++i) line += bytes_[i] == '\n';
      issues.push_back({fmt::format("{}:{}", name_, line), std::string("not a well-formed feed: ") + result.description()});
      return false;
    }
    const pugi::xml_node root = document_.document_element();
    const pugi::xml_node channel = root.child("channel");
    for (const pugi::xml_node& parent : {root, channel}) {
      for (const pugi::xml_node& child : parent.children()) {
        const std::string_view tag = child.name();
        if (tag == "item" || tag == "entry") items_.push_back(child);
      }
    }
    if (items_.empty()) issues.push_back({name_, "a feed without items or entries"});
    return true;
  }

  RawDocument DocumentOf(const pugi::xml_node& item) const {
    RawDocument doc;
    doc.type = ContentType::kHtml;
    doc.content = ChildText(item, {"content:encoded", "content", "description", "summary"});
    doc.meta.id = fmt::format("{}:{}", name_, next_);
    doc.meta.source = name_;
    if (std::string link = LinkOf(item); !link.empty()) doc.meta.url = std::move(link);
    if (std::string title = ChildText(item, {"title"}); !title.empty()) doc.meta.title = std::move(title);
    doc.meta.published = FeedDate(ChildText(item, {"pubDate", "published", "dc:date", "updated"}));
    return doc;
  }

  std::string name_;
  std::string bytes_;  // parsed in place: the document points into it
  pugi::xml_document document_;
  std::vector<pugi::xml_node> items_;
  size_t next_ = 0;
  bool parsed_ = false;
};

}  // namespace

std::optional<std::string> FeedDate(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (std::optional<std::string> iso = ParseIsoDate(text)) return iso;
  // RFC 822: [weekday,] DD Mon YYYY …
  if (const size_t comma = text.find(','); comma != std::string_view::npos && comma < 5) text = TrimAsciiSpace(text.substr(comma + 1));
  const size_t first = text.find(' ');
  if (first == std::string_view::npos) return std::nullopt;
  const size_t second = text.find(' ', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string_view day = text.substr(0, first), month = text.substr(first + 1, second - first - 1);
  const std::string_view year = text.substr(second + 1, 4);
  std::string lower_month;
  for (char c : month.substr(0, 3)) lower_month += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (kMonths[m] != lower_month || day.empty() || day.size() > 2) continue;
    return ParseIsoDate(fmt::format("{}-{:02d}-{:0>2}", year, m + 1, day));
  }
  return std::nullopt;
}

std::unique_ptr<Reader> MakeFeedReader(std::string name, std::string bytes) {
  return std::make_unique<FeedReader>(std::move(name), std::move(bytes));
}

}  // namespace lagebild
