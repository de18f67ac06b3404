#include "lagebild/pipeline.h"

#include <chrono>

#include "actors/actor_recognizer.h"
#include "clean/cleaner.h"
#include "compat/dictionary_stage.h"
#include "events/event_coder.h"
#include "geo/place_recognizer.h"
#include "ground/event_grounder.h"
#include "langid/language_identifier.h"
#include "resources/resource_image.h"
#include "segment/segmenter.h"
#include "time/time_tagger.h"

namespace lagebild {

struct Pipeline::Stages {
  std::unique_ptr<ResourceImage> image;
  Cleaner cleaner;
  LanguageIdentifier language_identifier;
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<ActorRecognizer> actor_recognizer;
  std::unique_ptr<TimeTagger> time_tagger;
  std::unique_ptr<PlaceRecognizer> place_recognizer;
  std::unique_ptr<EventGrounder> grounder;
  std::unique_ptr<EventCoder> event_coder;
  std::unique_ptr<DictionaryEventStage> dictionary_events;  // --dict: replaces event_coder
};

Pipeline::Pipeline() : stages_(std::make_unique<Stages>()) {}

void Pipeline::KeepBoilerplate(bool keep) { stages_->cleaner = Cleaner(CleanOptions{.keep_boilerplate = keep}); }
Pipeline::~Pipeline() = default;

std::unique_ptr<Pipeline> Pipeline::Create(const std::string& image_path, Status& status) {
  std::unique_ptr<Pipeline> pipeline(new Pipeline());
  Stages& stages = *pipeline->stages_;
  stages.image = ResourceImage::Open(image_path, status);
  if (!stages.image) return nullptr;
  stages.segmenter = Segmenter::Create(*stages.image, status);
  if (!stages.segmenter) return nullptr;
  stages.actor_recognizer = ActorRecognizer::Create(*stages.image, status);
  if (!stages.actor_recognizer) return nullptr;
  stages.time_tagger = TimeTagger::Create(*stages.image, status);
  if (!stages.time_tagger) return nullptr;
  stages.place_recognizer = PlaceRecognizer::Create(*stages.image, status);
  if (!stages.place_recognizer) return nullptr;
  stages.grounder = std::make_unique<EventGrounder>(&stages.place_recognizer->gazetteer());
  stages.event_coder = EventCoder::Create(*stages.image, status);
  if (!stages.event_coder) return nullptr;
  return pipeline;
}

namespace {

// Adds the time since the previous Lap (or construction) to the next stage's slot, and the whole
// time to the last slot; does nothing without StageTimes.
class StageStopwatch {
 public:
  explicit StageStopwatch(StageTimes* times) : times_(times) {
    if (times_ != nullptr) start_ = last_ = Clock::now();
  }
  void Lap() {
    if (times_ == nullptr) return;
    const Clock::time_point now = Clock::now();
    times_->seconds[stage_++] += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }
  ~StageStopwatch() {
    if (times_ != nullptr) times_->seconds.back() += std::chrono::duration<double>(Clock::now() - start_).count();
  }

 private:
  using Clock = std::chrono::steady_clock;
  StageTimes* times_;
  Clock::time_point start_, last_;
  size_t stage_ = 0;
};

}  // namespace

namespace {

std::vector<RawDocument> One(RawDocument raw) {
  std::vector<RawDocument> raws;
  raws.push_back(std::move(raw));
  return raws;
}

}  // namespace

Document Pipeline::Process(RawDocument raw) const { return std::move(RunStages(One(std::move(raw)), nullptr).front()); }

Document Pipeline::Process(RawDocument raw, StageTimes& times) const {
  return std::move(RunStages(One(std::move(raw)), &times).front());
}

std::vector<Document> Pipeline::Process(std::vector<RawDocument> raws) const { return RunStages(std::move(raws), nullptr); }

std::vector<Document> Pipeline::Process(std::vector<RawDocument> raws, StageTimes& times) const {
  return RunStages(std::move(raws), &times);
}

std::vector<size_t> Pipeline::BatchStarts(const std::vector<size_t>& sizes, size_t most_documents) {
  std::vector<size_t> starts;
  size_t documents = 0, bytes = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (starts.empty() || EndsBatch(documents, bytes, sizes[i], most_documents)) {
      starts.push_back(i);
      documents = bytes = 0;
    }
    ++documents;
    bytes += sizes[i];
  }
  starts.push_back(sizes.size());
  return starts;
}

std::vector<Document> Pipeline::RunStages(std::vector<RawDocument> raws, StageTimes* times) const {
  StageStopwatch stopwatch(times);
  std::vector<Document> docs;
  docs.reserve(raws.size());
  for (RawDocument& raw : raws) docs.push_back(stages_->cleaner.Clean(std::move(raw)));
  stopwatch.Lap();
  const auto each = [&](auto&& stage) {
    for (Document& doc : docs) stage(doc);
    stopwatch.Lap();
  };
  each([&](Document& doc) { stages_->language_identifier.Identify(doc); });
  each([&](Document& doc) { stages_->segmenter->Segment(doc); });
  each([&](Document& doc) { stages_->actor_recognizer->Recognize(doc); });
  each([&](Document& doc) { stages_->time_tagger->Tag(doc); });
  each([&](Document& doc) { stages_->place_recognizer->Locate(doc); });
  each([&](Document& doc) {
    if (stages_->dictionary_events) stages_->dictionary_events->Code(doc, stages_->event_coder->cameo());
    else stages_->event_coder->Code(doc);
  });
  each([&](Document& doc) { stages_->grounder->Ground(doc); });
  return docs;
}

StageTimes& StageTimes::operator+=(const StageTimes& other) {
  for (size_t i = 0; i < seconds.size(); ++i) seconds[i] += other.seconds[i];
  return *this;
}

Status Pipeline::UseDictionaries(const std::vector<std::string>& specifications, std::vector<std::string>& problems,
                                 std::string& summary) {
  Status status;
  stages_->dictionary_events = DictionaryEventStage::Create(specifications, status);
  if (!stages_->dictionary_events) return status;
  problems = stages_->dictionary_events->problems();
  summary = stages_->dictionary_events->Summary();
  return Status::Ok();
}

std::string Pipeline::ExplainEvents(const Document& doc) const { return stages_->event_coder->Explain(doc); }

std::string DefaultResourceImagePath() { return DefaultImagePath(); }

}  // namespace lagebild
