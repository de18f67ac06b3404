#include "actors/actor_recognizer.h"

#include "actors/recognizer_pass.h"

namespace lagebild {

std::unique_ptr<ActorRecognizer> ActorRecognizer::Create(const ResourceImage& image, Status& status) {
  auto recognizer = std::make_unique<ActorRecognizer>();
  recognizer->dictionary_ = ActorDictionary::Load(image, status);
  if (!recognizer->dictionary_) return nullptr;
  return recognizer;
}

void ActorRecognizer::Recognize(Document& doc) const { RecognizerPass(*dictionary_, doc).Run(); }

}  // namespace lagebild
