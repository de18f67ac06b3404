// The home regions of publishers, learned from their own articles (Lieberman et al.'s "local
// lexicon"): a local paper names the towns around it without saying which state they are in, so
// its "Alexandria" is the one near the places its other articles name. A publisher is the host
// of a document's URL ("thetowntalk.com", read/publisher.h). Observe every article of a corpus once, then give
// each document its publisher's home regions (DocumentMeta::home_regions) before the place stage
// runs again; places in those regions win over namesakes of similar size.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/document.h"

namespace lagebild {

class PublisherRegions {
 public:
  // Counts the first-level regions of the document's places, each once per document.
  void Observe(const Document& doc);

  // The region named in most of the publisher's articles (all of them on a tie: a paper by a
  // state line), when that is at least kMinArticles articles and kMinShare of those that name
  // any region; in code order.
  std::vector<std::string> HomeRegions(std::string_view publisher) const;

  // Sets the meta's home regions from its publisher's; leaves regions the source gave untouched.
  void Assign(DocumentMeta& meta) const;

  static constexpr int kMinArticles = 2;
  static constexpr double kMinShare = 0.4;

 private:
  struct Tally {
    int articles = 0;                    // articles that name some region
    std::map<std::string, int> regions;  // "USA/LA" → articles naming it
  };
  std::map<std::string, Tally, std::less<>> publishers_;
};

}  // namespace lagebild
