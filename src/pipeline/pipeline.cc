#include "lagebild/pipeline.h"

#include "actors/actor_recognizer.h"
#include "clean/cleaner.h"
#include "compat/dictionary_stage.h"
#include "events/event_coder.h"
#include "langid/language_identifier.h"
#include "resources/resource_image.h"
#include "segment/segmenter.h"

namespace lagebild {

struct Pipeline::Stages {
  std::unique_ptr<ResourceImage> image;
  Cleaner cleaner;
  LanguageIdentifier language_identifier;
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<ActorRecognizer> actor_recognizer;
  std::unique_ptr<EventCoder> event_coder;
  std::unique_ptr<DictionaryEventStage> dictionary_events;  // --dict: replaces event_coder
};

Pipeline::Pipeline() : stages_(std::make_unique<Stages>()) {}
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
  stages.event_coder = EventCoder::Create(*stages.image, status);
  if (!stages.event_coder) return nullptr;
  return pipeline;
}

Document Pipeline::Process(RawDocument raw) const {
  Document doc = stages_->cleaner.Clean(std::move(raw));
  stages_->language_identifier.Identify(doc);
  stages_->segmenter->Segment(doc);
  stages_->actor_recognizer->Recognize(doc);
  if (stages_->dictionary_events) stages_->dictionary_events->Code(doc, stages_->event_coder->cameo());
  else stages_->event_coder->Code(doc);
  return doc;
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
