/**
 * Index order (chinese-layout-spec §11.2, R-IDX): entries starting with
 * digits first, by number; then character by character by the pinyin of
 * each character as read in that entry (pinyin-pro, with context and the
 * sandhi of 一), ü after u, then tone 1–4 (neutral last), then total
 * strokes, then stroke order 横竖撇点折 (cnchar's stroke data), then code
 * point; punctuation before hanzi; a prefix before its extensions.
 */
import cnchar from 'cnchar';
import order from 'cnchar-order';
import { isHan } from './classes.ts';
import { contextReadings, type ReadingDictionary, readingProblem, toneMarks, withReadings } from './readings.ts';

cnchar.use(order);

/** One comparable unit of an index heading. */
interface Unit {
  /** 0 punctuation, 1 Latin/digit, 2 hanzi: punctuation sorts first at any position (R-IDX step 5). */
  rank: number;
  /** Pinyin letters (ü as v, so that it follows u), or the Latin text. */
  letters: string;
  tone: number;
  strokes: number;
  /** Stroke order as digits 1 横 2 竖 3 撇 4 点 5 折. */
  strokeOrder: string;
  codePoint: number;
}

export interface IndexKey {
  /** The number a heading starts with (R-IDX-4), or -1. */
  leadingNumber: number;
  units: Unit[];
  /** The letter group: 'A'…'Z', or '' for headings that start with a digit. */
  group: string;
}

const STROKE_CLASS: Record<string, string> = { 一: '1', '㇀': '1', 丨: '2', 丿: '3', 丶: '4', '㇏': '4' };
const strokeCache = new Map<string, { strokes: number; order: string }>();

function strokesOf(ch: string): { strokes: number; order: string } {
  let s = strokeCache.get(ch);
  if (!s) {
    const shapes = (cnchar.stroke(ch, 'order', 'shape') as string[][] | undefined)?.[0] ?? [];
    s = { strokes: (cnchar.stroke(ch) as number) || shapes.length, order: shapes.map((x) => STROKE_CLASS[x] ?? '5').join('') };
    strokeCache.set(ch, s);
  }
  return s;
}

/** Readings like "gong1 re4": numbered pinyin, one per hanzi; a malformed one is not used (the parser reports it). */
function readingsOf(text: string, reading: string | undefined): string[] {
  if (reading !== undefined && readingProblem(text, reading) === undefined) return reading.trim().split(/\s+/);
  return contextReadings(text);
}

function hanUnit(ch: string, numbered: string): Unit {
  const m = /^([a-zü]+?)([0-5]?)$/.exec(numbered.toLowerCase().replace(/ü/g, 'v')) ?? [numbered, numbered, '0'];
  const tone = Number(m[2] || 0);
  const s = strokesOf(ch);
  return { rank: 2, letters: m[1]!, tone: tone === 0 ? 5 : tone, strokes: s.strokes, strokeOrder: s.order, codePoint: ch.codePointAt(0)! };
}

function plainUnit(rank: number, text: string): Unit {
  return { rank, letters: text.toLowerCase(), tone: 0, strokes: 0, strokeOrder: '', codePoint: text.codePointAt(0)! };
}

/**
 * The collation key of an index heading; `reading` overrides pinyin-pro (the
 * editor's word is final); `dictionary` reads words in context (index keys
 * built together share one: see indexKeys).
 */
export function indexKey(heading: string, reading?: string, dictionary?: ReadingDictionary): IndexKey {
  if (dictionary) return withReadings(dictionary, () => indexKey(heading, reading));
  const text = heading.replace(/[\s\u3000]/g, '');
  const stripped = text.replace(/^[^\p{L}\p{N}]+/u, ''); // R-IDX step 1: leading marks do not count
  const number = /^\d+/.exec(stripped);
  const rest = number ? stripped.slice(number[0].length) : stripped;
  const readings = readingsOf(rest, reading);
  let r = 0;
  const units: Unit[] = [];
  for (const ch of rest) {
    if (isHan(ch)) units.push(hanUnit(ch, readings[r++] ?? ch));
    else if (/[\p{L}\p{N}]/u.test(ch)) units.push(plainUnit(1, ch));
    else units.push(plainUnit(0, ch));
  }
  const first = units[0];
  const group = number ? '' : (first?.letters[0] ?? '').toUpperCase().replace('V', 'L');
  return { leadingNumber: number ? Number(number[0]) : -1, units, group };
}

function compareUnits(a: Unit, b: Unit): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank !== 2) return a.codePoint - b.codePoint;
  if (a.letters !== b.letters) return a.letters < b.letters ? -1 : 1;
  if (a.tone !== b.tone) return a.tone - b.tone;
  if (a.strokes !== b.strokes) return a.strokes - b.strokes;
  if (a.strokeOrder !== b.strokeOrder) return a.strokeOrder < b.strokeOrder ? -1 : 1;
  return a.codePoint - b.codePoint;
}

/** Total order of index keys (R-IDX): negative when `a` comes first. */
export function compareIndexKeys(a: IndexKey, b: IndexKey): number {
  const aDigits = a.leadingNumber >= 0;
  const bDigits = b.leadingNumber >= 0;
  if (aDigits !== bDigits) return aDigits ? -1 : 1;
  if (aDigits && a.leadingNumber !== b.leadingNumber) return a.leadingNumber - b.leadingNumber;
  const n = Math.min(a.units.length, b.units.length);
  for (let i = 0; i < n; i++) {
    const c = compareUnits(a.units[i]!, b.units[i]!);
    if (c !== 0) return c;
  }
  return a.units.length - b.units.length; // R-IDX step 6: a prefix first
}

/** The reading a key sorts by, in tone marks: "hé zhǎng zhì" (Latin and digits as written). */
export function keyReading(key: IndexKey): string {
  const numbered = key.units.filter((u) => u.rank === 2).map((u) => `${u.letters.replace(/v/g, 'ü')}${u.tone === 5 ? '' : u.tone}`);
  return toneMarks(numbered.join(' '));
}

/** Keys of many headings read with one dictionary (pinyin-pro's custom dictionary set once). */
export function indexKeys(items: ReadonlyArray<{ heading: string; reading?: string }>, dictionary: ReadingDictionary): IndexKey[] {
  return withReadings(dictionary, () => items.map((i) => indexKey(i.heading, i.reading)));
}

/** Compares two headings by R-IDX. */
export function compareIndexHeadings(a: string, b: string): number {
  return compareIndexKeys(indexKey(a), indexKey(b));
}
