#include "serve/full_text_query.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "serve/api_error.h"

namespace lagebild::serve {
namespace {

enum class TokenKind { kWord, kString, kOpen, kClose, kStar, kPlus, kColon, kCaret, kMinus, kComma, kEnd };

struct Token {
  TokenKind kind;
  std::string text;  // a word's or a string's text
};

[[noreturn]] void SyntaxError(const std::string& what) { throw ApiError(kBadRequest, "q: " + what); }

// FTS5's barewords: ASCII letters, digits and '_', and every byte of a non-ASCII character.
bool IsBarewordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0 || c == '_' || c == 0x1A; }

TokenKind PunctuationKind(char c) {
  switch (c) {
    case '(': return TokenKind::kOpen;
    case ')': return TokenKind::kClose;
    case '*': return TokenKind::kStar;
    case '+': return TokenKind::kPlus;
    case ':': return TokenKind::kColon;
    case '^': return TokenKind::kCaret;
    case '-': return TokenKind::kMinus;
    case ',': return TokenKind::kComma;
    default: SyntaxError(fmt::format("syntax error near \"{}\"", c));
  }
}

// A "string" with "" for a quote inside; `at` is past the opening quote.
std::string QuotedString(const std::string& query, size_t& at) {
  std::string text;
  for (;; ++at) {
    if (at >= query.size()) SyntaxError("unterminated string");
    if (query[at] != '"') {
      text += query[at];
    } else if (at + 1 < query.size() && query[at + 1] == '"') {
      text += '"';
      ++at;
    } else {
      ++at;
      return text;
    }
  }
}

std::vector<Token> Tokenize(const std::string& query) {
  std::vector<Token> tokens;
  for (size_t at = 0; at < query.size();) {
    const unsigned char c = static_cast<unsigned char>(query[at]);
    if (std::isspace(c)) {
      ++at;
    } else if (c == '"') {
      ++at;
      tokens.push_back({TokenKind::kString, QuotedString(query, at)});
    } else if (IsBarewordByte(c)) {
      const size_t begin = at;
      while (at < query.size() && IsBarewordByte(static_cast<unsigned char>(query[at]))) ++at;
      tokens.push_back({TokenKind::kWord, query.substr(begin, at - begin)});
    } else {
      tokens.push_back({PunctuationKind(query[at]), ""});
      ++at;
    }
  }
  tokens.push_back({TokenKind::kEnd, ""});
  return tokens;
}

// Recursive descent over FTS5's grammar, writing the tsquery expression as it goes.
class Translator {
 public:
  explicit Translator(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  SqlCondition Translate() {
    std::string sql = Or();
    if (Peek().kind != TokenKind::kEnd) SyntaxError(fmt::format("syntax error near \"{}\"", Describe(Peek())));
    return {std::move(sql), std::move(values_)};
  }

 private:
  const Token& Peek(size_t ahead = 0) const { return tokens_[std::min(next_ + ahead, tokens_.size() - 1)]; }
  const Token& Take() { return tokens_[std::min(next_++, tokens_.size() - 1)]; }
  bool IsKeyword(const Token& token, std::string_view keyword) const {
    return token.kind == TokenKind::kWord && token.text == keyword;
  }
  static std::string Describe(const Token& token) {
    static const char* kPunctuation = "()*+:^-,";
    if (token.kind == TokenKind::kEnd) return "";
    if (token.kind == TokenKind::kWord || token.kind == TokenKind::kString) return token.text;
    return std::string(1, kPunctuation[static_cast<int>(token.kind) - static_cast<int>(TokenKind::kOpen)]);
  }
  bool IsOperator(const Token& token) const {
    return IsKeyword(token, "AND") || IsKeyword(token, "OR") || IsKeyword(token, "NOT");
  }
  // Whether `token` starts a phrase (with its column filter), which continues a list of phrases:
  // FTS5's implicit AND joins phrases only, so "(a) b" is a syntax error, as there.
  bool StartsPhrase(const Token& token) const {
    return token.kind == TokenKind::kString || token.kind == TokenKind::kCaret || token.kind == TokenKind::kMinus ||
           (token.kind == TokenKind::kWord && !IsOperator(token));
  }

  std::string Or() {
    std::string sql = And();
    while (IsKeyword(Peek(), "OR")) {
      Take();
      sql = fmt::format("({} || {})", sql, And());
    }
    return sql;
  }

  std::string And() {
    std::string sql = Not();
    while (IsKeyword(Peek(), "AND")) {
      Take();
      sql = fmt::format("({} && {})", sql, Not());
    }
    return sql;
  }

  std::string Not() {
    std::string sql = Primary();
    while (IsKeyword(Peek(), "NOT")) {
      Take();
      sql = fmt::format("({} && !!{})", sql, Primary());
    }
    return sql;
  }

  // A parenthesised query, or phrases side by side (the implicit AND, which binds tightest).
  std::string Primary() {
    SkipColumnFilter();
    if (Peek().kind == TokenKind::kOpen) {
      Take();
      std::string sql = Or();
      if (Take().kind != TokenKind::kClose) SyntaxError("syntax error: a ( without its )");
      return sql;
    }
    std::string sql = PhraseWithColumn();
    while (StartsPhrase(Peek())) sql = fmt::format("({} && {})", sql, PhraseWithColumn());
    return sql;
  }

  std::string PhraseWithColumn() {
    SkipColumnFilter();
    const Token& token = Peek();
    if (token.kind == TokenKind::kCaret) SyntaxError("^ (initial token) is not supported on PostgreSQL");
    if (IsKeyword(token, "NEAR") && Peek(1).kind == TokenKind::kOpen) SyntaxError("NEAR is not supported on PostgreSQL");
    if ((token.kind != TokenKind::kWord && token.kind != TokenKind::kString) || IsOperator(token)) {
      SyntaxError(fmt::format("syntax error near \"{}\"", Describe(token)));
    }
    return Phrase();
  }

  // `sentence:` is the only column, and so filters nothing; other columns are FTS5's error.
  void SkipColumnFilter() {
    if (Peek().kind == TokenKind::kMinus) SyntaxError("-column: filters are not supported on PostgreSQL");
    if (Peek().kind != TokenKind::kWord || Peek(1).kind != TokenKind::kColon) return;
    std::string column = Take().text;
    Take();
    for (char& c : column) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (column != "sentence") SyntaxError("no such column: " + column);
  }

  // string [*] (+ string [*])…: one phrase, a prefix when its last part has the star.
  std::string Phrase() {
    std::string text = Take().text;
    bool prefix = TakeStar();
    while (Peek().kind == TokenKind::kPlus) {
      Take();
      const Token& part = Take();
      if (part.kind != TokenKind::kWord && part.kind != TokenKind::kString) SyntaxError("syntax error after +");
      text += " " + part.text;
      prefix = TakeStar();
    }
    values_.push_back(text);
    return prefix ? "lagebild_search_prefix(?)" : "phraseto_tsquery('simple', lagebild_search_words(?))";
  }

  bool TakeStar() {
    if (Peek().kind != TokenKind::kStar) return false;
    Take();
    return true;
  }

  std::vector<Token> tokens_;
  size_t next_ = 0;
  std::vector<SqlValue> values_;
};

}  // namespace

SqlCondition PostgresTextQuery(const std::string& query) { return Translator(Tokenize(query)).Translate(); }

}  // namespace lagebild::serve
