/**
 * Text made safe for XML 1.0 and for UTF-8 output. Notice text comes from clerks and from
 * imports, so it can hold anything a JavaScript string can: control characters that no XML 1.0
 * document may contain (not even escaped, as &#1; is itself ill-formed), U+FFFE/U+FFFF, and
 * lone surrogates that have no UTF-8 encoding. One such character in one title would make the
 * whole feed unparseable for every subscriber, so they are dropped rather than escaped.
 */

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the u flag a lone surrogate is one code point in D800–DFFF, outside every range.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function cleanText(value: string): string {
  return value.replace(NOT_XML_CHAR, "");
}

/**
 * Character data for element content: `>` too, so `]]>` can never appear; CR as a reference,
 * since a parser turns a literal CR into LF (XML 1.0 §2.11).
 */
export function xmlText(value: string): string {
  return cleanText(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** An attribute value for double quotes; tabs and newlines as references, since parsers normalize them to spaces. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}
