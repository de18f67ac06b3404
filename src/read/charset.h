// The character encoding of a web page and its conversion to UTF-8 (ICU), for readers that know
// what the server or the page says about it. Labels are mapped as browsers map them: ISO-8859-1,
// Latin-1 and US-ASCII mean windows-1252 (WHATWG Encoding Standard), so C1-range bytes become the
// quotes and dashes that pages mean by them.
#pragma once

#include <string>
#include <string_view>

namespace lagebild {

// The charset parameter of a Content-Type value, lower-case without quotes; empty when none.
std::string CharsetOfContentType(std::string_view content_type);

// The charset a page declares in its first 1024 bytes (<meta charset="…"> or <meta
// http-equiv="Content-Type" content="…; charset=…">), lower-case; empty when none.
std::string DeclaredHtmlCharset(std::string_view html);

// Converts `text` from the charset `label` names to UTF-8. UTF-8 (and an empty label) leave it as
// it is, and so does text that is valid UTF-8 whatever the label says (a page declared Latin-1
// that is UTF-8 is common; Latin-1 text that is valid UTF-8 is not). Returns false, with `text` unchanged, when ICU does not know the label.
bool RecodeToUtf8(std::string_view label, std::string& text);

}  // namespace lagebild
