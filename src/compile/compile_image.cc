#include "compile/compile_image.h"

#include "compile/image_writer.h"
#include "compile/word_list.h"

namespace lagebild {
namespace {

constexpr const char* kSegmentationLanguages[] = {"de", "en"};

// Compiled form of a word list: one line per entry, "word" or "word\tflag".
std::string SerializeWordList(const std::vector<WordListEntry>& entries) {
  std::string out;
  for (const WordListEntry& entry : entries) {
    out += entry.word;
    for (const std::string& flag : entry.flags) out += "\t" + flag;
    out += '\n';
  }
  return out;
}

Status AddWordList(ImageWriter& writer, const std::string& data_dir, const std::string& relative,
                   const std::vector<std::string>& allowed_flags, const std::string& section) {
  std::vector<WordListEntry> entries;
  Status status = ReadWordList(data_dir + "/" + relative, allowed_flags, entries);
  if (!status.ok()) return status;
  writer.AddSection(section, SerializeWordList(entries));
  return Status::Ok();
}

}  // namespace

Status CompileImage(const std::string& data_dir, const std::string& out_path) {
  ImageWriter writer;
  for (const char* lang : kSegmentationLanguages) {
    const std::string prefix = std::string(lang) + "/";
    Status status = AddWordList(writer, data_dir, prefix + "abbreviations.txt", {"final"},
                                "segment/" + prefix + "abbreviations");
    if (!status.ok()) return status;
    status = AddWordList(writer, data_dir, prefix + "sentence_starters.txt", {},
                         "segment/" + prefix + "sentence_starters");
    if (!status.ok()) return status;
  }
  return writer.Write(out_path);
}

}  // namespace lagebild
