/**
 * What XML 1.0 cannot hold, taken out of the EPUB's documents: characters
 * outside its Char production (C0 controls but tab and newline, lone
 * surrogates, U+FFFE and U+FFFF), and `]]>` in text, which must be written
 * with &gt;. The parse removes such characters from the manuscript's text
 * (R-NORM, control-character); book.yaml's values and whatever else reaches
 * a document pass here too, so an e-reader never meets a file it cannot read.
 */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** `text` with the characters XML 1.0 forbids removed. */
export const xmlChars = (text: string): string => text.replace(NOT_XML, '');

/** A serialized document made safe: forbidden characters removed, `]]>` (never markup here: no CDATA is written) as `]]&gt;`. */
export const xmlSafe = (markup: string): string => xmlChars(markup).replaceAll(']]>', ']]&gt;');
