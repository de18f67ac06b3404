#include "clean/furniture_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <string>

#include "util/lower_case.h"

namespace lagebild {
namespace {

// Lower-case starts of furniture lines, German and English. A line matches when it starts with
// one and the next character is no letter ("Anzeige" but not "Anzeigen der Polizei").
constexpr std::array<std::string_view, 146> kFurniturePhrases = {
    // teaser lists and further reading
    "auch interessant", "mehr zum thema", "ähnliche beiträge", "ähnliche artikel", "empfohlene beiträge",
    "empfohlene artikel", "empfehlungen aus", "weitere artikel", "weitere beiträge", "weitere informationen",
    "weiterführende links", "weiterführender link", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "das thema könnte", "lesen sie auch", "lesen sie mehr", "weiterlesen",
    "mehr lesen", "meistgelesen", "meistgelesene artikel", "beliebte artikel", "top-artikel", "nächster artikel",
    "vorheriger artikel", "vorschau auf den nächsten artikel", "zurück zur übersicht",
    "zurück zum inhaltsverzeichnis", "nach oben", "related", "related posts", "related articles",
    "related stories", "you may also like", "you might also like", "read more", "read also", "see also",
    "more on this", "most read", "most popular", "trending", "recommended", "up next", "verwandte beiträge",
    "verwandte artikel", "verwandte themen", "verwandte themenbereiche", "zum weiterlesen", "schon gelesen",
    "neueste artikel", "neueste beiträge", "aktuelle news", "top themen", "mehr themen", "entdecken sie",
    "entdecke weitere", "meist gesucht", "inhaltsverzeichnis", "über den autor", "über die autorin",
    "über die autoren",
    // sharing, comments, ratings
    "teilen", "artikel teilen", "diesen artikel teilen", "beitrag teilen", "möchten sie den artikel teilen",
    "war der artikel", "war dieser artikel", "hat ihnen der artikel", "kommentare", "kommentar schreiben",
    "kommentieren", "kommentare geschlossen", "noch keine bewertungen", "(noch keine bewertungen)", "bewertung",
    "aufrufe", "share", "share this", "leave a reply", "leave a comment", "comments", "if you enjoyed",
    // pictures, sources, print
    "foto", "fotos", "bild", "bilder", "titelbild", "beitragsbild", "symbolbild", "quelle:", "quellen:",
    "quellenangaben", "photo:", "image:", "credit:", "source site", "rezept drucken", "seite drucken",
    "dieses skript als pdf", "video verfügbar bis",
    // dates, tags, advertising, subscriptions
    "aktualisiert", "zuletzt aktualisiert", "erstellt am", "veröffentlicht am", "stand:", "themen:",
    "kategorie:", "kategorien:", "schlagwörter", "schlagworte", "tags:", "posted in", "posted on", "filed under",
    "anzeige", "- anzeige", "werbung", "advertisement", "sponsored", "alle angaben ohne gewähr", "zum shop",
    "newsletter", "jetzt abonnieren", "subscribe", "sign up", "copyright", "©",
    // contact, donations, cookies
    "kontakt", "telefon:", "tel.:", "e-mail:", "fax:", "ansprechpartner", "ansprechpartnerin", "pressekontakt",
    "jede kleine spende", "jetzt spenden", "unterstütze", "unterstützen sie", "wir respektieren",
    "durch die weitere nutzung", "wir verwenden cookies", "diese website verwendet cookies", "empfiehl"};

// Words that may stand around a date or time in a dateline.
constexpr std::array<std::string_view, 75> kDateWords = {
    "uhr", "am", "um", "den", "vom", "von", "pm", "stand", "aktualisiert", "veröffentlicht", "erstellt",
    "zuletzt", "geändert", "lesezeit", "lesedauer", "ca", "min", "minuten", "januar", "februar", "märz", "april",
    "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember", "jan", "feb", "mär", "apr",
    "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so", "on", "at", "updated",
    "published", "posted", "read", "minutes", "january", "february", "march", "may", "june", "july", "october",
    "december", "monday", "tuesday", "friday", "mar"};

bool IsLetterAt(std::string_view text, size_t at) {
  if (at >= text.size()) return false;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_isalpha(c);
}

bool StartsWithPhrase(const std::string& line) {
  for (std::string_view phrase : kFurniturePhrases) {
    if (line.starts_with(phrase) && !IsLetterAt(line, phrase.size())) return true;
  }
  return false;
}

bool IsDateWord(std::string_view word) {
  for (std::string_view date_word : kDateWords) {
    if (word == date_word) return true;
  }
  return false;
}

// Every word a number, a date, a time or a word of kDateWords, and at least one digit.
bool IsDateLine(const std::string& line) {
  bool digit = false;
  std::string word;
  auto word_ok = [&word] { return word.empty() || IsDateWord(word); };
  for (char c : line) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= '0' && u <= '9') {
      digit = true;
      if (!word_ok()) return false;
      word.clear();
    } else if (u >= 0x80 || (u >= 'a' && u <= 'z')) {
      word.push_back(c);
    } else {
      if (!word_ok()) return false;
      word.clear();
    }
  }
  return word_ok() && digit;
}

}  // namespace

bool LooksLikeFurnitureLine(std::string_view block) {
  size_t chars = 0;
  for (char c : block) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > kMaxFurnitureLineChars) return false;
  const std::string line = LowerCase(block);
  return StartsWithPhrase(line) || IsDateLine(line);
}

}  // namespace lagebild
