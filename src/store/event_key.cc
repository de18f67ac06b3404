#include "store/event_key.h"

#include <fmt/format.h>

#include "lagebild/output.h"

namespace lagebild {
namespace {

std::string CodeOf(const Document& doc, int32_t entity) {
  return entity >= 0 && static_cast<size_t>(entity) < doc.entities.size() ? doc.entities[entity].code : "";
}

}  // namespace

std::string EventKey::Text() const { return fmt::format("{}|{}|{}|{}|{}", source, target, code, modality, date); }

EventKey KeyOf(const Document& doc, const Event& event) {
  EventKey key{CodeOf(doc, event.source), CodeOf(doc, event.target), event.code, ModalityName(event.modality), event.date};
  if (key.date.empty()) key.date = doc.meta.published ? "~" + *doc.meta.published : fmt::format("#{:016x}", doc.content_hash);
  return key;
}

}  // namespace lagebild
