/**
 * A paragraph set in a given number of lines (TeX's \looseness): page make-up
 * avoids a widow (R-PAR-4) by setting an earlier paragraph one line shorter
 * (squeezed: 先挤) or longer (stretched: 后推) instead of leaving a line empty.
 * Only lines within the composer's own limits are used: none overfull, none
 * loose (R-JUS-7), no one-character last line (R-PAR-3); when no such cover
 * has the asked number of lines there is none.
 */
import { badness, type BreakInput, endsAtForcedBreak, type LineRange, LineMetrics } from './break-lines.ts';
import { breakInputOf } from './compose-paragraph.ts';
import { setLines } from './justify.ts';
import type { ComposedParagraph, ComposeOptions, ParagraphInput } from './types.ts';

/** Badness of a line spread by ⅓ em a gap (R-JUS-7's warning): the loosest line allowed here. */
const MAX_BADNESS = 100 + 1e-6;

/** Spread past R-JUS-7's limit; an overfull line is not loose (nor allowed: the breaker stops there). */
function isLoose(m: LineMetrics, from: number, to: number, input: BreakInput): boolean {
  const bad = badness(m, from, to, false, input);
  return bad > MAX_BADNESS && bad !== Infinity;
}

/**
 * The least-demerit breaks of `input` into j lines, for every j up to `most`:
 * best[j][k] is the least demerits of j lines covering units 0..k-1, start[j][k]
 * where the last of them starts. Units 0..k-1 can be covered in only a few
 * numbers of lines (between their width over the longest line and over the
 * shortest), so each k keeps the least and most j it has been reached with,
 * and a line from k tries only those: the table's other entries are
 * Infinity and could never lead to a break (trying every j was most of the
 * cost of 先挤后推 in a build).
 */
function breaksUpTo(input: BreakInput, m: LineMetrics, most: number): { best: Float64Array[]; start: Int32Array[] } {
  const n = input.units.length;
  const { gaps } = input;
  const totalWords = m.wordCount(0, n - 1);
  // Rows of two buffers: a typed array of its own for each row cost more than all the rest (each a block outside the heap).
  const bestRows = new Float64Array((most + 1) * (n + 1)).fill(Infinity);
  const startRows = new Int32Array((most + 1) * (n + 1)).fill(-1);
  const best = Array.from({ length: most + 1 }, (_, j) => bestRows.subarray(j * (n + 1), (j + 1) * (n + 1)));
  const start = Array.from({ length: most + 1 }, (_, j) => startRows.subarray(j * (n + 1), (j + 1) * (n + 1)));
  const fewest = new Int32Array(n + 1).fill(most + 1);
  const mostLines = new Int32Array(n + 1).fill(-1);
  best[0]![0] = 0;
  fewest[0] = mostLines[0] = 0;
  // Starts after `latestStart` give a loose line to `to` (badness over the limit, not overfull):
  // lines only get wider as they start earlier, so it moves forward with `to` and the loose
  // starts, most of those a line end could have, are not tried (as in break-lines.ts).
  let latestStart = 0;
  let forcedAt = -1; // R-KIN-6: no line runs across a forced break
  for (let to = 0; to < n; to++) {
    const isLast = to === n - 1;
    if (to > 0 && gaps[to - 1]!.isForced) forcedAt = to - 1;
    while (latestStart < to && !isLoose(m, latestStart + 1, to, input)) latestStart++;
    if (!isLast && !gaps[to]!.canBreak) continue;
    const isFlush = isLast || endsAtForcedBreak(gaps, to);
    for (let from = isFlush ? to : latestStart; from > forcedAt; from--) {
      if (from > 0 && !gaps[from - 1]!.canBreak) continue;
      const bad = badness(m, from, to, isFlush, input);
      if (bad === Infinity) break; // longer lines only get wider
      if (bad > MAX_BADNESS) continue;
      if (isLast && totalWords >= 2 && m.wordCount(from, to) < 2) continue;
      const d = (10 + bad) * (10 + bad);
      const last = Math.min(most, mostLines[from]! + 1);
      for (let j = fewest[from]! + 1; j <= last; j++) {
        const before = best[j - 1]![from]!;
        if (before + d < best[j]![to + 1]!) {
          best[j]![to + 1] = before + d;
          start[j]![to + 1] = from;
          fewest[to + 1] = Math.min(fewest[to + 1]!, j);
          mostLines[to + 1] = Math.max(mostLines[to + 1]!, j);
        }
      }
    }
  }
  return { best, start };
}

/**
 * A paragraph's other settings: `(count)` gives it composed in exactly `count`
 * lines within the composer's limits (count ≤ `most`), or undefined when it
 * cannot be. The units and the table of breaks are made once, on the first ask.
 */
export function paragraphInLines(input: ParagraphInput, opts: ComposeOptions, most: number): (count: number) => ComposedParagraph | undefined {
  let table: { breakInput: BreakInput; metrics: LineMetrics; best: Float64Array[]; start: Int32Array[] } | undefined;
  return (count) => {
    if (input.align !== 'justify' || count < 1 || count > most) return undefined;
    if (!table) {
      const { breakInput } = breakInputOf(input, opts);
      const metrics = new LineMetrics(breakInput);
      table = { breakInput, metrics, ...breaksUpTo(breakInput, metrics, most) };
    }
    const { breakInput, metrics, best, start } = table;
    const n = breakInput.units.length;
    if (n === 0 || best[count]![n] === Infinity) return undefined;
    const ranges: LineRange[] = [];
    for (let j = count, k = n; j > 0; j--) {
      const from = start[j]![k]!;
      ranges.push({ from, to: k - 1 });
      k = from;
    }
    ranges.reverse();
    const { units, runOf, textStart, textEnd, gaps } = breakInput;
    const lines = setLines({ units, runOf, textStart, textEnd, gaps, input, fontSizePt: opts.fontSizePt, measurePt: opts.measurePt, metrics }, ranges);
    return { lines, problems: [] };
  };
}
