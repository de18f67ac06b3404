#include "segment/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "segment/char_class.h"

namespace lagebild {
namespace {

using chars::DecodeAt;

// A longer number before a capitalised word is a year ending a sentence, not an ordinal.
constexpr uint32_t kMaxOrdinalDigits = 3;
constexpr uint32_t kMaxAcronymSegment = 2;

bool StartsWithAsciiCaseless(std::string_view text, uint32_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char c = text[pos + i];  // lowered by hand: std::tolower is a library call per byte
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != prefix[i]) return false;
  }
  return true;
}

bool IsUrlTrailer(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '"' || c == '\'';
}

bool IsEmailChar(UChar32 c) {
  return c < 0x80 && (chars::IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
                      c == '+' || c == '-');
}

// The state of one tokenizer pass over a paragraph.
class TokenizerPass {
 public:
  TokenizerPass(std::string_view text, Span span, const SegmentationRules& rules, std::vector<Token>& tokens)
      : text_(text), end_(span.end), pos_(span.begin), paragraph_begin_(span.begin), rules_(rules), tokens_(tokens) {}

  void Run() {
    bool line_start = true;
    while (pos_ < end_) {
      const auto [c, next] = DecodeAt(text_, pos_);
      if (chars::IsSpace(c)) {
        if (c == '\n') line_start = true;
        pos_ = next;
        continue;
      }
      const size_t before = tokens_.size();
      ScanToken(c, next, line_start);
      if (tokens_.size() > before) tokens_[before].line_start = line_start;
      line_start = false;
    }
  }

 private:
  char CharAt(uint32_t pos) const { return pos < end_ ? text_[pos] : '\0'; }
  UChar32 CodePointAt(uint32_t pos) const { return pos < end_ ? DecodeAt(text_, pos).c : 0; }
  uint32_t NextPos(uint32_t pos) const { return DecodeAt(text_, pos).next; }

  void Emit(uint32_t begin, uint32_t end, TokenKind kind) {
    Token token;
    token.span = {begin, end};
    token.kind = kind;
    const UChar32 first = DecodeAt(text_, begin).c;
    token.capitalized = chars::IsUpper(first);
    tokens_.push_back(token);
  }

  // A word of ASCII and Latin-1 letters (ScanPlainWord), most words: its case is read from its
  // first bytes, where Emit decodes the letter and asks ICU outside ASCII.
  void EmitPlainWord(uint32_t begin, uint32_t end) {
    const auto first = static_cast<unsigned char>(text_[begin]);
    Token& token = tokens_.emplace_back();
    token.span = {begin, end};
    token.kind = TokenKind::kWord;
    // U+00C0–U+00DE (C3 80–9E) are the upper-case Latin-1 letters; × (C3 97) is no letter.
    token.capitalized = first < 0x80 ? first >= 'A' && first <= 'Z' : static_cast<unsigned char>(text_[begin + 1]) <= 0x9E;
    token.plain_word = true;
  }

  void ScanToken(UChar32 c, uint32_t next, bool line_start) {
    if (line_start && ScanListMarker(c, next)) return;
    if (ScanUrl()) return;
    if (chars::IsSpacelessScript(c)) return ScanSpaceless();
    if (chars::IsLetter(c) || chars::IsDigit(c)) return ScanWord(pos_);
    if (chars::IsHyphen(c) && AttachesLeadingHyphen(next)) {
      pos_ = next;
      return ScanWord(next - 1);
    }
    if ((c == '@' || c == '#') && ScanHandle(next)) return;
    ScanPunctuation(c, next);
  }

  // "- ", "• ", "* ", "1. ", "1) ", "a) " at the start of a line.
  bool ScanListMarker(UChar32 c, uint32_t next) {
    const bool bullet = c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0x25AA || c == 0x25CF;
    if (bullet && chars::IsSpace(CodePointAt(next))) {
      Emit(pos_, next, TokenKind::kListMarker);
      pos_ = next;
      return true;
    }
    uint32_t p = pos_;
    while (p < end_ && chars::IsDigit(static_cast<unsigned char>(text_[p])) && p - pos_ < 3) ++p;
    const bool numbered = p > pos_;
    if (!numbered && chars::IsAsciiLetter(c) && CharAt(next) == ')') p = next;
    const char mark = CharAt(p);
    const bool closes_marker = mark == ')' || (numbered && mark == '.');
    if (p > pos_ && closes_marker && (p + 1 >= end_ || CharAt(p + 1) == ' ')) {
      Emit(pos_, p + 1, TokenKind::kListMarker);
      pos_ = p + 1;
      return true;
    }
    return false;
  }

  bool ScanUrl() {
    const char first = static_cast<char>(CharAt(pos_) | 0x20);
    if (first != 'h' && first != 'f' && first != 'w') return false;
    const bool url = StartsWithAsciiCaseless(text_, pos_, "http://") ||
                     StartsWithAsciiCaseless(text_, pos_, "https://") ||
                     StartsWithAsciiCaseless(text_, pos_, "ftp://") ||
                     (StartsWithAsciiCaseless(text_, pos_, "www.") && pos_ + 4 < end_ &&
                      chars::IsLetter(CodePointAt(pos_ + 4)));
    if (!url) return false;
    uint32_t p = pos_;
    while (p < end_ && !chars::IsSpace(static_cast<unsigned char>(text_[p]))) ++p;
    while (p > pos_ + 4 && IsUrlTrailer(text_[p - 1])) --p;
    Emit(pos_, p, TokenKind::kUrl);
    pos_ = p;
    return true;
  }

  // "@handle" and "#hashtag".
  bool ScanHandle(uint32_t next) {
    uint32_t p = next;
    while (p < end_) {
      const auto [c, after] = DecodeAt(text_, p);
      if (!(chars::IsLetter(c) || chars::IsDigit(c) || c == '_')) break;
      p = after;
    }
    if (p == next) return false;
    Emit(pos_, p, TokenKind::kUrl);
    pos_ = p;
    return true;
  }

  void ScanSpaceless() {
    uint32_t run_end = pos_;
    while (run_end < end_) {
      const auto [c, after] = DecodeAt(text_, run_end);
      if (!chars::IsSpacelessScript(c)) break;
      run_end = after;
    }
    BreakSpacelessRun(pos_, run_end);
    pos_ = run_end;
  }

  void BreakSpacelessRun(uint32_t begin, uint32_t end) {
    thread_local std::unique_ptr<icu::BreakIterator> words = [] {
      UErrorCode error = U_ZERO_ERROR;
      return std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), error));
    }();
    UErrorCode error = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text_.data() + begin, end - begin, &error);
    if (!words || U_FAILURE(error)) {
      utext_close(utext);
      Emit(begin, end, TokenKind::kWord);
      return;
    }
    words->setText(utext, error);
    int32_t previous = words->first();
    for (int32_t boundary = words->next(); boundary != icu::BreakIterator::DONE; boundary = words->next()) {
      Emit(begin + static_cast<uint32_t>(previous), begin + static_cast<uint32_t>(boundary), TokenKind::kWord);
      previous = boundary;
    }
    utext_close(utext);
  }

  // "Importe und -exporte": a hyphen after a space, right before a lower-case word.
  bool AttachesLeadingHyphen(uint32_t next) const {
    if (pos_ == paragraph_begin_ || !chars::IsSpace(static_cast<unsigned char>(text_[pos_ - 1]))) return false;
    return chars::IsLower(CodePointAt(next));
  }

  // Letters, digits and their inner joiners from `begin` (pos_ is at the first letter or digit);
  // then decides what a following period belongs to.
  void ScanWord(uint32_t begin) {
    if (begin == pos_ && ScanPlainWord()) return;
    bool has_letter = false;
    bool has_digit = false;
    uint32_t p = pos_;
    if (begin == pos_) {
      if (const uint32_t acronym_end = ScanDottedAcronym()) {
        // "U.S.-led" goes on as a compound; "U.S." alone is an abbreviation.
        if (!chars::IsHyphen(CodePointAt(acronym_end)) || !chars::IsLetter(CodePointAt(NextPos(acronym_end)))) {
          Emit(pos_, acronym_end, TokenKind::kAbbreviation);
          pos_ = acronym_end;
          return;
        }
        p = acronym_end;
        has_letter = true;
      }
    }
    uint32_t clitic_start = 0;
    while (true) {
      p = ScanAlnumRun(p, has_letter, has_digit);
      const auto [c, after] = p < end_ ? DecodeAt(text_, p) : chars::Decoded{0, p};
      const UChar32 following = CodePointAt(after);
      const bool alnum_follows = chars::IsLetter(following) || chars::IsDigit(following);
      if (chars::IsHyphen(c) && alnum_follows) {
        p = after;
        continue;
      }
      const bool digits_only = has_digit && !has_letter;
      if (digits_only && (c == '.' || c == ',' || c == ':' || c == '/') && chars::IsDigit(following)) {
        p = after;
        continue;
      }
      if (chars::IsApostrophe(c) && chars::IsLetter(following)) {
        clitic_start = CliticStart(begin, p, after);
        if (clitic_start == 0) {
          p = after;
          continue;
        }
      }
      // A suspended hyphen: "Staats- und Regierungschefs".
      if (chars::IsHyphen(c) && has_letter && (after >= end_ || chars::IsSpace(following) || following == ',')) {
        p = after;
      }
      break;
    }
    if (clitic_start != 0) return EmitWordAndClitic(begin, clitic_start);
    if (begin == pos_ && MayContinueAsEmail(CharAt(p)) && ScanEmail()) return;
    pos_ = p;
    FinishWord(begin, p, has_letter, has_digit);
  }

  // Most words: letters of ASCII or Latin-1 ("Präsident", "Straße") up to a space or a mark that
  // no rule of ScanWord reads on from (not a hyphen, apostrophe, '@', '_', '+' or any other
  // character). Such a word is no acronym, clitic, compound or e-mail address, and is emitted as
  // it stands; one that ends a sentence ("said.") goes to the period rules (FinishWord) at once.
  bool ScanPlainWord() {
    uint32_t p = pos_;
    while (p < end_) {
      const auto byte = static_cast<unsigned char>(text_[p]);
      if (chars::IsAsciiLetter(byte)) {
        ++p;
      } else if (byte == 0xC3 && p + 1 < end_ && IsLatin1LetterTail(static_cast<unsigned char>(text_[p + 1]))) {
        p += 2;
      } else {
        break;
      }
    }
    if (p == pos_) return false;
    if (p == end_ || EndsPlainWord(text_[p])) {
      EmitPlainWord(pos_, p);
      pos_ = p;
      return true;
    }
    if (text_[p] != '.' || (p + 1 < end_ && !EndsPlainWord(text_[p + 1]))) return false;
    const uint32_t begin = pos_;
    pos_ = p;
    FinishWord(begin, p, /*has_letter=*/true, /*has_digit=*/false);
    // A word before a full stop ("Haus."), unless the stop is part of it ("Dr.", "z.").
    if (Token& last = tokens_.back(); last.span.begin == begin && last.span.end == p) last.plain_word = true;
    return true;
  }

  // The second byte of a letter U+00C0–U+00FF ("ä" = C3 A4): all but × (C3 97) and ÷ (C3 B7).
  static bool IsLatin1LetterTail(unsigned char byte) { return byte >= 0x80 && byte <= 0xBF && byte != 0x97 && byte != 0xB7; }

  static bool EndsPlainWord(char c) {
    switch (c) {
      case ' ': case '\n': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '"':
        return true;
      default:
        return false;
    }
  }

  uint32_t ScanAlnumRun(uint32_t p, bool& has_letter, bool& has_digit) const {
    while (p < end_) {
      const auto [c, after] = DecodeAt(text_, p);
      if (chars::IsLetter(c)) has_letter = true;
      else if (chars::IsDigit(c)) has_digit = true;
      else break;
      p = after;
    }
    return p;
  }

  // For an apostrophe at `apostrophe` inside a word starting at `begin`, the start of a clitic to
  // split off ("'s", "'re", "n't"), or 0 when the apostrophe belongs to the word ("O'Brien").
  uint32_t CliticStart(uint32_t begin, uint32_t apostrophe, uint32_t after) const {
    uint32_t p = after;
    std::string suffix;
    while (p < end_ && suffix.size() < 3) {
      const auto [c, next] = DecodeAt(text_, p);
      if (!chars::IsAsciiLetter(c)) break;
      suffix.push_back(static_cast<char>(std::tolower(static_cast<int>(c))));
      p = next;
    }
    if (p < end_ && chars::IsLetter(CodePointAt(p))) return 0;
    if (suffix == "t" && apostrophe - begin >= 2 && (text_[apostrophe - 1] | 0x20) == 'n') {
      return apostrophe - 1;
    }
    if (suffix == "s" || suffix == "re" || suffix == "ve" || suffix == "ll" || suffix == "d" || suffix == "m") {
      return apostrophe;
    }
    return 0;
  }

  void EmitWordAndClitic(uint32_t begin, uint32_t clitic_start) {
    uint32_t p = clitic_start;
    if (text_[p] == 'n' || text_[p] == 'N') ++p;
    p = NextPos(p);  // the apostrophe
    while (p < end_ && chars::IsAsciiLetter(CodePointAt(p))) ++p;
    if (clitic_start > begin) Emit(begin, clitic_start, TokenKind::kWord);
    Emit(clitic_start, p, TokenKind::kClitic);
    pos_ = p;
  }

  // "U.S.", "z.B.", "e.g.", "i.d.R.": short letter groups each followed by a period. Returns the
  // end of the acronym, or 0 when there is none at pos_.
  uint32_t ScanDottedAcronym() const {
    uint32_t p = pos_;
    int segments = 0;
    while (p < end_) {
      uint32_t q = p, letters = 0;
      while (q < end_ && letters <= kMaxAcronymSegment) {
        const auto [c, after] = DecodeAt(text_, q);
        if (!chars::IsLetter(c)) break;
        q = after;
        ++letters;
      }
      if (letters == 0 || letters > kMaxAcronymSegment || CharAt(q) != '.') break;
      p = q + 1;
      ++segments;
    }
    return segments < 2 ? 0 : p;
  }

  static bool MayContinueAsEmail(char c) { return c == '@' || c == '.' || c == '_' || c == '+' || c == '-'; }

  bool ScanEmail() {
    uint32_t p = pos_;
    while (p < end_ && IsEmailChar(static_cast<unsigned char>(text_[p]))) ++p;
    if (CharAt(p) != '@' || p == pos_) return false;
    uint32_t q = p + 1;
    bool has_dot = false;
    while (q < end_ && (IsEmailChar(static_cast<unsigned char>(text_[q])))) {
      has_dot |= text_[q] == '.';
      ++q;
    }
    while (q > p + 1 && (text_[q - 1] == '.' || text_[q - 1] == '-')) --q;
    if (!has_dot || q <= p + 1) return false;
    Emit(pos_, q, TokenKind::kUrl);
    pos_ = q;
    return true;
  }

  // Decides whether a period right after the word belongs to it.
  void FinishWord(uint32_t begin, uint32_t end, bool has_letter, bool has_digit) {
    const TokenKind plain = has_letter ? TokenKind::kWord : TokenKind::kNumber;
    if (CharAt(end) != '.' || CharAt(end + 1) == '.') return Emit(begin, end, plain);
    const std::string_view word = text_.substr(begin, end - begin);
    if (!has_letter && has_digit) {
      if (rules_.ordinals_with_period() && IsGermanOrdinal(word, end + 1)) {
        pos_ = end + 1;
        return Emit(begin, end + 1, TokenKind::kOrdinal);
      }
      return Emit(begin, end, plain);
    }
    if (rules_.ordinals_with_period() && IsRomanNumeral(word) && IsGermanOrdinal(word, end + 1)) {
      pos_ = end + 1;
      return Emit(begin, end + 1, TokenKind::kOrdinal);
    }
    const TokenKind with_period = PeriodKind(begin, end, word);
    if (with_period == TokenKind::kWord) return Emit(begin, end, plain);
    pos_ = end + 1;
    Emit(begin, end + 1, with_period);
  }

  // kAbbreviation or kInitial when the period belongs to the word, else kWord.
  TokenKind PeriodKind(uint32_t begin, uint32_t end, std::string_view word) const {
    if (rules_.FindAbbreviation(word) != nullptr) return TokenKind::kAbbreviation;
    if (NextPos(begin) != end) return TokenKind::kWord;  // longer than one letter
    const UChar32 letter = DecodeAt(text_, begin).c;
    if (chars::IsLower(letter)) {
      return rules_.single_letter_abbreviations() ? TokenKind::kAbbreviation : TokenKind::kWord;
    }
    // "z. B.": a capital after a single-letter abbreviation continues it.
    if (!tokens_.empty() && tokens_.back().kind == TokenKind::kAbbreviation &&
        tokens_.back().span.size() == 2) {
      return TokenKind::kAbbreviation;
    }
    return TokenKind::kInitial;
  }

  // "Charles III.", "Ludwig XIV.": two or more Roman digits (one letter is an initial).
  static bool IsRomanNumeral(std::string_view word) {
    if (word.size() < 2 || word.size() > 7) return false;
    return word.find_first_not_of("IVXLC") == std::string_view::npos;
  }

  // "am 9. September", "vom 10. bis 13.", "zum 70. Jahrestag", "Charles III. reist" — but not
  // "stieg auf 70. Die …" and not a year ending a sentence.
  bool IsGermanOrdinal(std::string_view number, uint32_t after_period) const {
    uint32_t p = after_period;
    while (p < end_ && text_[p] == ' ') ++p;
    if (p >= end_ || text_[p] == '\n') return false;
    const auto [c, after] = DecodeAt(text_, p);
    if (!chars::IsLetter(c)) return false;
    uint32_t q = p;
    while (q < end_) {
      const auto decoded = DecodeAt(text_, q);
      if (!chars::IsLetter(decoded.c)) break;
      q = decoded.next;
    }
    const std::string_view next_word = text_.substr(p, q - p);
    if (chars::IsLower(c)) return true;
    if (rules_.IsMonthName(next_word)) return true;
    return number.size() <= kMaxOrdinalDigits && !rules_.IsSentenceStarter(next_word);
  }

  void ScanPunctuation(UChar32 c, uint32_t next) {
    const uint32_t begin = pos_;
    pos_ = next;
    if (c == '.' && CharAt(next) == '.') {
      while (CharAt(pos_) == '.') ++pos_;
      return Emit(begin, pos_, TokenKind::kPunctuation);
    }
    if ((c == '?' || c == '!') && (CharAt(next) == '?' || CharAt(next) == '!')) {
      while (CharAt(pos_) == '?' || CharAt(pos_) == '!') ++pos_;
      return Emit(begin, pos_, TokenKind::kPunctuation);
    }
    if (c == '-' && CharAt(next) == '-') {
      while (CharAt(pos_) == '-') ++pos_;
      return Emit(begin, pos_, TokenKind::kPunctuation);
    }
    if (chars::IsQuote(c)) return EmitQuote(c, begin);
    if (chars::IsOpeningBracket(c) || chars::IsClosingBracket(c)) {
      Emit(begin, pos_, TokenKind::kBracket);
      tokens_.back().opens = chars::IsOpeningBracket(c);
      tokens_.back().closes = !tokens_.back().opens;
      return;
    }
    // Combining marks, variation selectors and joiners stay with the symbol they modify.
    while (pos_ < end_) {
      const auto [mark, after] = DecodeAt(text_, pos_);
      const int8_t category = u_charType(mark);
      const bool attached = category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
                            mark == 0x200D || (mark >= 0xFE00 && mark <= 0xFE0F) ||
                            (mark >= 0x1F3FB && mark <= 0x1F3FF);
      if (!attached) break;
      pos_ = after;
      if (mark == 0x200D && pos_ < end_) pos_ = NextPos(pos_);
    }
    Emit(begin, pos_, ClassifyPunctuation(c));
  }

  static TokenKind ClassifyPunctuation(UChar32 c) {
    if (c == '%' || c == '&' || c == '@' || c == '#' || c == '*' || c == 0x00A7 || c == 0x2030) {
      return TokenKind::kSymbol;
    }
    if (u_ispunct(c)) return TokenKind::kPunctuation;
    const int8_t category = u_charType(c);
    if (category == U_CURRENCY_SYMBOL || category == U_MATH_SYMBOL || category == U_MODIFIER_SYMBOL) {
      return TokenKind::kSymbol;
    }
    return category == U_OTHER_SYMBOL ? TokenKind::kOther : TokenKind::kSymbol;
  }

  // Whether a quote opens or closes depends on its neighbours, since “ opens in English and
  // closes in German, and » opens in German but closes in Swiss and French text.
  void EmitQuote(UChar32 c, uint32_t begin) {
    Emit(begin, pos_, TokenKind::kQuote);
    Token& token = tokens_.back();
    if (chars::AlwaysOpensQuote(c)) {
      token.opens = true;
      return;
    }
    const bool space_before = begin == paragraph_begin_ ||
                              chars::IsSpace(DecodeAt(text_, chars::PreviousStart(text_, begin)).c) ||
                              PreviousOpens();
    const bool space_after = pos_ >= end_ || chars::IsSpace(CodePointAt(pos_));
    token.opens = space_before && !space_after;
    token.closes = !token.opens;
  }

  bool PreviousOpens() const {
    if (tokens_.size() < 2) return false;
    const Token& previous = tokens_[tokens_.size() - 2];
    return previous.opens && previous.span.end == tokens_.back().span.begin;
  }

  std::string_view text_;
  uint32_t end_;
  uint32_t pos_;
  uint32_t paragraph_begin_;
  const SegmentationRules& rules_;
  std::vector<Token>& tokens_;
};

}  // namespace

void Tokenize(std::string_view text, Span span, const SegmentationRules& rules, std::vector<Token>& tokens) {
  TokenizerPass(text, span, rules, tokens).Run();
}

}  // namespace lagebild
