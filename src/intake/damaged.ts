/**
 * Text that is no text: what a damaged file, or a file read in the wrong
 * encoding, turns into. LibreOffice "converts" any bytes named .wps, and a
 * UTF-16 file read as GBK is half NUL bytes; either must be refused, not
 * written into the manuscript as thousands of strange characters.
 */

/**
 * What a Chinese yearbook's text is made of: Han, Latin, kana and bopomofo,
 * Greek and Cyrillic (units, names), and the common punctuation, digits and
 * spaces — not control, private-use, unassigned or replacement characters.
 * Random bytes decode to about half Hangul, Yi, private-use and the like.
 */
const TEXT = /[\p{Script=Han}\p{Script=Latin}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Greek}\p{Script=Cyrillic}\t\n\r]|(?![\p{Cc}\p{Co}\p{Cn}\p{Cs}\uFFFD])\p{Script=Common}/u;

/** Over this share of strange characters, a file is damaged (real submissions have none or a handful). */
export const DAMAGED_SHARE = 0.2;

/** The share (0–1) of the characters of `text` that are not what a yearbook is written in. */
export function strangeShare(text: string): number {
  let strange = 0;
  let all = 0;
  for (const ch of text) {
    all++;
    if (!TEXT.test(ch)) strange++;
  }
  return all === 0 ? 0 : strange / all;
}

/** The message for a file whose text is mostly strange characters. */
export const damagedMessage = (share: number, what: string) =>
  `${what}中 ${Math.round(share * 100)}% 的字符不是汉字、字母、数字或标点，看来文件已损坏或编码不对，未导入。请让供稿单位重新发送，或在 Word/WPS/Excel 中打开核对后另存为 .docx/.xlsx 再导入。`;
