#include "read/publisher.h"

#include "util/lower_case.h"

namespace lagebild {

std::string PublisherOf(const DocumentMeta& meta) {
  if (!meta.url) return {};
  std::string_view host = *meta.url;
  if (const size_t scheme = host.find("://"); scheme != std::string_view::npos) host.remove_prefix(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (const size_t port = host.find(':'); port != std::string_view::npos) host = host.substr(0, port);
  std::string publisher = LowerCase(host);
  if (publisher.starts_with("www.")) publisher.erase(0, 4);
  return publisher;
}

}  // namespace lagebild
