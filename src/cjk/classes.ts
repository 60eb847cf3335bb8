/**
 * Named character classes of Chinese text (chinese-layout-spec §1.8).
 */

/** §1.1 句末点号 */
export const STOP_END = '。．？！‼⁇⁈⁉';
/** §1.1 句内点号 */
export const STOP_IN = '，、；：';
/** §1.2 开始标号 */
export const OPEN = '“‘（［｛〔【〖〘《〈「『';
/** §1.3 结束标号 */
export const CLOSE = '”’）］｝〕】〗〙》〉」』';
/** §1.6 间隔号 */
export const INTERPUNCT = '·・‧';

const FULLWIDTH_PUNCT = new Set([...STOP_END, ...STOP_IN, ...OPEN, ...CLOSE, ...INTERPUNCT, '—', '…', '～', '\u3000']);

/** A CJK ideograph (the unified blocks and extensions, compatibility ideographs). */
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0)!;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007
  );
}

/** A hanzi or a full-width Chinese punctuation mark: text that is set on the em grid. */
export function isWide(ch: string | undefined): boolean {
  return ch !== undefined && (isHan(ch) || FULLWIDTH_PUNCT.has(ch));
}
