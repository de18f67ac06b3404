#include "document_inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace lagebild::cli {
namespace {

void ReportIssues(std::vector<ReadIssue>& issues, bool& failed) {
  for (const ReadIssue& issue : issues) {
    std::cerr << fmt::format("lagebild: {}: {}\n", issue.location, issue.message);
    failed = true;
  }
  issues.clear();
}

}  // namespace

void ApplyMetaOverrides(const std::string& lang, const std::string& published, DocumentMeta& meta) {
  if (lang != "auto") meta.lang = lang;
  if (!published.empty() && !meta.published && !meta.fetched) meta.published = published;
}

std::vector<std::string> ExpandFolders(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path == "-" || !fs::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const bool hidden = it->path().filename().string().starts_with(".");
      if (hidden && it->is_directory()) it.disable_recursion_pending();
      if (!hidden && it->is_regular_file()) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

bool ForEachDocument(const std::vector<std::string>& files, InputFormat input_format, bool report,
                     const std::function<void(RawDocument&&)>& visit) {
  bool failed = false;
  std::vector<ReadIssue> issues;
  for (const std::string& file : files) {
    Status open_status;
    std::unique_ptr<Reader> reader = OpenReader(file, input_format, open_status);
    if (!reader) {
      if (report) std::cerr << "lagebild: " << open_status.message() << '\n';
      failed = true;
      continue;
    }
    while (std::optional<RawDocument> raw = reader->Next(issues)) {
      if (report) ReportIssues(issues, failed);
      issues.clear();
      visit(std::move(*raw));
    }
    if (report) ReportIssues(issues, failed);
    issues.clear();
  }
  return failed;
}

}  // namespace lagebild::cli
