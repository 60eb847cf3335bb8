/**
 * The lines of an index heading (R-IDX-2): set flush left, never stretched;
 * turnovers broken between words, not inside one (哪吒, 嘉年华); the page
 * numbers kept on the heading's last line whenever they fit beside it.
 */
import { besideInterpunct, insideShortQuotes, wordBoundaries } from '../cjk/index.ts';
import type { Line } from '../compose/index.ts';
import type { FontStyle } from '../font/index.ts';
import { composeAt, type LayoutContext, plain } from './context.ts';

export interface HeadingLinesInput {
  text: string;
  style: FontStyle;
  sizePt: number;
  firstMeasurePt: number;
  /** Measure of the turnover lines (the hanging indent taken off). */
  restMeasurePt: number;
  /** Room the page numbers need on the last line (leader and numbers), 0 when they go below. */
  trailerRoomPt: number;
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });
const OPENING = /[“‘《（(〈「『【［]$/u;
const HAN = /^\p{Script=Han}/u;

const OPENS = /^[“‘《（(〈「『【［]/u;

/**
 * Where a heading may turn over: between two words of two or more
 * characters (or digits), after a mark that does not open, before an
 * opening mark (大会暨|“凝聚…”: an opening mark may begin a line, R-KIN-2),
 * or after 暨, which joins two titles.
 * Between two single characters the segmenter did not know the word
 * (哪|吒), so no.
 */
export function turnoverPoints(text: string): number[] {
  const segs = [...WORDS.segment(text)];
  const points: number[] = [];
  for (let i = 1; i < segs.length; i++) {
    const before = segs[i - 1]!;
    const after = segs[i]!;
    if (OPENS.test(after.segment) && !OPENING.test(before.segment)) {
      points.push(after.index);
      continue;
    }
    if (!after.isWordLike) continue;
    // 暨 joins two titles (…公益赛暨|消费帮扶…): the turn goes after it, though it is a word of one character.
    if (before.segment === '暨') {
      points.push(after.index);
      continue;
    }
    const shortHan = (s: Intl.SegmentData) => [...s.segment].length < 2 && HAN.test(s.segment);
    const ok = before.isWordLike ? !shortHan(before) && !shortHan(after) : !OPENING.test(before.segment);
    if (ok) points.push(after.index);
  }
  // An interpunct joins its words into one name (寻美·中国): no turn beside it (the TOC had “寻美·|中国”).
  // Nor inside a word of the yearbook's vocabulary that ICU splits (网络|安全, cjk/words.ts), nor inside a short quoted name (“天津|科普之夜”).
  const words = wordBoundaries(text);
  const quoted = new Set(insideShortQuotes(text));
  return points.filter((p) => !besideInterpunct(text, p) && !quoted.has(p) && (words.has(p) || !HAN.test(text[p] ?? '') || !HAN.test(text[p - 1] ?? '')));
}

/** The lines of a heading, and whether the page numbers fit on its last line. */
export function headingLines(ctx: LayoutContext, h: HeadingLinesInput): { lines: Line[]; trailerFits: boolean } {
  // Each text measured is set once, on one line as long as it is; a line printed from it on a wider measure is that line
  // (at exactly its width the composer fits it to the measure; test/e2e/natural-line.test.ts).
  const natural = new Map<string, Line | undefined>();
  const naturalOf = (s: string) => {
    if (!natural.has(s)) natural.set(s, composeAt(ctx, plain(s, h.style), h.sizePt, 1e6)[0]);
    return natural.get(s);
  };
  const widthOf = (s: string) => naturalOf(s)?.widthPt ?? 0;
  const texts: string[] = [];
  let rest = h.text;
  let measure = h.firstMeasurePt;
  let trailerFits = true;
  for (;;) {
    if (widthOf(rest) + h.trailerRoomPt <= measure) break;
    const points = turnoverPoints(rest).filter((p) => widthOf(rest.slice(0, p)) <= measure);
    const last = points.at(-1);
    if (widthOf(rest) <= measure && (last === undefined || texts.length > 3)) {
      trailerFits = false; // one word that fits, but not with its numbers: they go on a line below
      break;
    }
    const cut = last === undefined ? composerBreak(ctx, h, rest, measure) : notBeforeRunt(rest, points, h, widthOf);
    if (cut <= 0 || cut >= rest.length) {
      trailerFits = widthOf(rest) + h.trailerRoomPt <= measure;
      break;
    }
    texts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    measure = h.restMeasurePt;
  }
  texts.push(rest);
  const lines = texts.map((t, i) => {
    const measure = i === 0 ? h.firstMeasurePt : h.restMeasurePt;
    const line = natural.get(t);
    return line && line.widthPt < measure ? line : composeAt(ctx, plain(t, h.style), h.sizePt, measure)[0]!;
  });
  return { lines, trailerFits };
}

/** A last line of fewer characters than this is a runt (讲话 | （节选）): the turn goes a word earlier when the rest still fits. */
const RUNT_CHARS = 5;

/** The last turnover point, or an earlier one when the last would leave a runt and the text from the earlier one fits on the last line with its numbers. */
function notBeforeRunt(rest: string, points: readonly number[], h: HeadingLinesInput, widthOf: (s: string) => number): number {
  const fitsLast = (p: number) => widthOf(rest.slice(p)) + h.trailerRoomPt <= h.restMeasurePt;
  const last = points.at(-1)!;
  if ([...rest.slice(last)].length >= RUNT_CHARS || !fitsLast(last)) return last;
  for (let i = points.length - 2; i >= 0 && fitsLast(points[i]!); i--) if ([...rest.slice(points[i])].length >= RUNT_CHARS) return points[i]!;
  return last;
}

/** Where the composer would break `text` at `measure` (no word boundary fits: a long word or Latin). */
function composerBreak(ctx: LayoutContext, h: HeadingLinesInput, text: string, measure: number): number {
  const first = composeAt(ctx, plain(text, h.style), h.sizePt, measure)[0];
  return first ? first.text.replace(/\s+$/, '').length : text.length;
}
