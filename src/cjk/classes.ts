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
/** §1.6 分隔号 */
export const SOLIDUS = '/／';
/** §1.5 连接号 (a single — is the 一字线) */
export const CONNECTOR = '-‐–～〜—';
/** §1.7 prefix symbols that bind to the number after them; the minus sign (U+2212) too, −3.25 */
export const PREFIX = '¥￥$＄−';
/** §1.7 postfix symbols that bind to the number before them */
export const POSTFIX = '%‰℃°';
/** §1.4 long marks: a pair of these is one 2-em unit */
export const LONG_MARK = '—…⋯⸺';
/** ASCII closing and pause marks, and opening ones, left in Chinese text (the normaliser converts most; a CIP record keeps them). */
export const ASCII_CLOSING: ReadonlySet<string> = new Set([...',.;:?!)]}%']);
export const ASCII_OPENING: ReadonlySet<string> = new Set([...'([{']);

const FULLWIDTH_PUNCT = new Set([...STOP_END, ...STOP_IN, ...OPEN, ...CLOSE, ...INTERPUNCT, '—', '…', '～', '／', '\u3000']);

/** The punctuation class of one mark, by which width, compression and breaking are decided. */
export type PunctClass = 'stop-end' | 'stop-in' | 'open' | 'close' | 'interpunct' | 'solidus' | 'connector';

/** Each mark's class; a mark in two lists takes the first (STOP_END before CONNECTOR…). Composition asks for every character. */
const PUNCT_CLASS = new Map<string, PunctClass>();
for (const [marks, cls] of [
  [STOP_END, 'stop-end'], [STOP_IN, 'stop-in'], [OPEN, 'open'], [CLOSE, 'close'], [INTERPUNCT, 'interpunct'], [SOLIDUS, 'solidus'], [CONNECTOR, 'connector'],
] as const) for (const mark of marks) if (!PUNCT_CLASS.has(mark)) PUNCT_CLASS.set(mark, cls);

/** The class of one mark (one character; anything else is null). */
export function punctClassOf(ch: string): PunctClass | null {
  return PUNCT_CLASS.get(ch) ?? null;
}

/** A CJK ideograph by code point (the unified blocks and extensions, compatibility ideographs). */
export function isHanCodePoint(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f) || (cp >= 0xf900 && cp <= 0xfaff) || cp === 0x3007;
}

/** A CJK ideograph (its first code point). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && isHanCodePoint(ch.codePointAt(0)!);
}

/** A hanzi or a full-width Chinese punctuation mark: text that is set on the em grid. */
export function isWide(ch: string | undefined): boolean {
  return ch !== undefined && (isHan(ch) || FULLWIDTH_PUNCT.has(ch));
}
