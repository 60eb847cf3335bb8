/**
 * Optimal line breaking over the whole paragraph (total fit, after Knuth
 * and Plass): every allowed break is a node; the chosen breaks minimise
 * the sum of demerits. Shrinking is cheaper than stretching (R-JUS-3), so
 * a mark is squeezed in before a character is pushed down (先挤进后推出,
 * R-KIN-10); a last line of one character is not allowed (R-PAR-3).
 */
import { Scratch } from './scratch.ts';
import type { Turnover } from './turnover.ts';
import type { Gap, Unit } from './types.ts';

export interface BreakInput {
  units: Unit[];
  /** The run of each unit. */
  runOf: readonly number[];
  /** Where each unit's text starts and ends in its run's text, when known (build-units.ts). */
  textStart?: readonly number[];
  textEnd?: readonly number[];
  gaps: Gap[];
  indentEm: number;
  measureEm: number;
  /** Ragged lines (align start/center) are not stretched, only kept within the measure. */
  isJustified: boolean;
  /** Headings, titles, captions: word breaks only (in `gaps`), runts and, when balanced, uneven lines cost (issue 18). */
  turnover?: Turnover;
}

/** A line from unit `from` to unit `to`, both inclusive. */
export interface LineRange {
  from: number;
  to: number;
}

/** Extra space per gap that the reader starts to notice: R-JUS-7 warns above ⅓ em. */
const LOOSE_EM = 1 / 3;
const LINE_PENALTY = 10;
/**
 * R-JUS-3 (先挤后拉): a line whose punctuation is squeezed to the limit
 * looks like 开明式 (the Founder default), which readers accept; it costs
 * what a line loosened by ⅛ em per gap costs.
 */
const SHRINK_COST = 5;
/**
 * A line that cannot be spread at all (no gap to spread) costs at least
 * this. Past R-JUS-7's limit a loose line costs more the looser it is, up to
 * LOOSEST_BADNESS: with one cost for every loose line the breaker could set
 * a run-in head 【乙】 alone, 9 em a gap, rather than two lines at 1 em.
 * Still below an overfull line's cost (OVERFULL_DEMERITS).
 */
const MAX_BADNESS = 10_000;
const LOOSEST_BADNESS = 100_000;
/** An overfull line is the last resort (a token wider than the measure). */
const OVERFULL_DEMERITS = 1e12;
/** R-PAR-3: a one-character last line is avoided at almost any price. */
const ORPHAN_DEMERITS = 1e9;
const EPS = 1e-9;

/** Prefix sums over units and gaps, so any line's totals cost O(1). */
export class LineMetrics {
  private readonly width: Float64Array;
  private readonly unitShrink: Float64Array;
  private readonly gapWidth: Float64Array;
  private readonly gapShrink: Float64Array;
  private readonly gapStretch: Float64Array;
  private readonly spread: Float64Array;
  private readonly words: Float64Array;
  /** Blank a mark loses at a line end or a wrapped line start (R-PUN-9, R-PUN-10). */
  private readonly endBlank: Float64Array;
  private readonly startBlank: Float64Array;
  /** The part of endBlank / startBlank that the line could have squeezed instead (none for an R-PUN-8 pair). */
  private readonly endSqueeze: Float64Array;
  private readonly startSqueeze: Float64Array;

  /** `buffers`: eleven arrays of at least n + 1 doubles, written over (composing reuses them, scratch.ts). */
  constructor(private readonly input: BreakInput, buffers: readonly Float64Array[] = Array.from({ length: 11 }, () => new Float64Array(input.units.length + 1))) {
    const n = input.units.length;
    const width = (this.width = buffers[0]!);
    const unitShrink = (this.unitShrink = buffers[1]!);
    const words = (this.words = buffers[2]!);
    const endBlank = (this.endBlank = buffers[3]!);
    const startBlank = (this.startBlank = buffers[4]!);
    const endSqueeze = (this.endSqueeze = buffers[5]!);
    const startSqueeze = (this.startSqueeze = buffers[6]!);
    width[0] = unitShrink[0] = words[0] = 0;
    // R-PUN-9: a paragraph's first opening mark keeps its blank after an indent (【 at 2 em); with no
    // indent (a TOC line, a heading, a caption, a cell) the first line starts as a wrapped one does.
    const firstTrims = input.indentEm === 0;
    for (let i = 0; i < n; i++) {
      const u = input.units[i]!;
      width[i + 1] = width[i]! + u.widthEm;
      // A paired mark is not squeezed (R-PUN-8), nor a paragraph's opening mark after its indent (R-PUN-9).
      endSqueeze[i] = u.isPaired ? 0 : u.blankEndEm;
      startSqueeze[i] = u.isPaired || (i === 0 && !firstTrims) ? 0 : u.blankStartEm;
      unitShrink[i + 1] = unitShrink[i]! + startSqueeze[i]! + endSqueeze[i]!;
      words[i + 1] = words[i]! + (u.isWord ? 1 : 0);
      endBlank[i] = u.blankEndEm;
      startBlank[i] = i > 0 || firstTrims ? u.blankStartEm : 0;
    }
    const gapWidth = (this.gapWidth = buffers[7]!);
    const gapShrink = (this.gapShrink = buffers[8]!);
    const gapStretch = (this.gapStretch = buffers[9]!);
    const spread = (this.spread = buffers[10]!);
    gapWidth[0] = gapShrink[0] = gapStretch[0] = spread[0] = 0;
    for (let i = 0; i + 1 < n; i++) {
      const g = input.gaps[i]!;
      gapWidth[i + 1] = gapWidth[i]! + g.widthEm;
      gapShrink[i + 1] = gapShrink[i]! + g.shrinkEm;
      // Only word spaces stretch before the even spread (a CJK–Latin gap takes its share of it, justify.ts).
      gapStretch[i + 1] = gapStretch[i]! + (g.kind === 'word-space' ? g.stretchEm : 0);
      spread[i + 1] = spread[i]! + (g.isSpreadable ? 1 : 0);
    }
  }

  /** R-PUN-9: an opening mark at a line start loses its start blank (not after the indent). */
  startTrim(from: number): number {
    return this.startBlank[from]!;
  }

  // Line totals take unit indexes, not a LineRange: the breaker asks millions of times.
  natural(from: number, to: number): number {
    const indent = from === 0 ? this.input.indentEm : 0;
    return this.width[to + 1]! - this.width[from]! + this.gapWidth[to]! - this.gapWidth[from]! + indent
      - this.endBlank[to]! - this.startBlank[from]!;
  }

  shrink(from: number, to: number): number {
    const startTrimmed = this.startSqueeze[from]!; // none at a paragraph's start after its indent
    return this.unitShrink[to + 1]! - this.unitShrink[from]! - this.endSqueeze[to]! - startTrimmed
      + this.gapShrink[to]! - this.gapShrink[from]!;
  }

  stretch(from: number, to: number): number {
    return this.gapStretch[to]! - this.gapStretch[from]!;
  }

  spreadGaps(from: number, to: number): number {
    return this.spread[to]! - this.spread[from]!;
  }

  wordCount(from: number, to: number): number {
    return this.words[to + 1]! - this.words[from]!;
  }
}

const cube = (x: number) => x * x * x;

/** Badness of a line: 0 when it fits as set; grows with the cube of the adjustment. */
export function badness(m: LineMetrics, from: number, to: number, isLast: boolean, input: BreakInput): number {
  const natural = m.natural(from, to);
  const over = natural - input.measureEm;
  if (over > EPS) {
    const shrink = m.shrink(from, to);
    if (over > shrink + EPS) return Infinity;
    return SHRINK_COST * cube(over / shrink);
  }
  if (isLast || !input.isJustified) return 0;
  const slack = -over;
  const stretch = m.stretch(from, to);
  if (slack <= stretch + EPS) return stretch > 0 ? 10 * cube(slack / stretch) : 0;
  const gaps = m.spreadGaps(from, to);
  if (gaps === 0) return Math.min(LOOSEST_BADNESS, Math.max(MAX_BADNESS, 100 * cube((slack - stretch) / LOOSE_EM)));
  const perGap = (slack - stretch) / gaps;
  return Math.min(LOOSEST_BADNESS, 100 * cube(perGap / LOOSE_EM));
}

/**
 * A break inside a word where words are preferred (a table's cell, set
 * ragged): a hundredth of what a line costs (demerits(0) = 100), so a cell
 * takes no more lines for it (that would take a hundred such breaks) and a
 * table's fitted widths stay; among covers of as many lines, the one that
 * breaks between words.
 */
const INSIDE_WORD_DEMERITS = 1;

/** A line of a heading or caption with fewer characters than this is a runt (issue 18). */
const RUNT_WORDS = 3;
const RUNT_DEMERITS = 1e8;
/** Each line of a turnover costs more than any imbalance, so no more lines are made than needed. */
const TURNOVER_LINE_DEMERITS = 1e6;

/**
 * A heading or caption line: a runt costs almost as much as an overfull
 * line. Balanced headings also pay the square of their slack (so lines come
 * out of similar length, the last one too), and a break at a word boundary
 * that is not a phrase boundary pays as much as a third of the measure of
 * imbalance.
 */
function turnoverDemerits(m: LineMetrics, from: number, to: number, isLast: boolean, input: BreakInput, t: Turnover, totalWords: number, bad: number): number {
  let d = demerits(bad);
  if (t.insideWord) return isLast || t.insideWord[to] !== 1 ? d : d + INSIDE_WORD_DEMERITS;
  if (t.isBalanced) {
    const slack = Math.max(0, input.measureEm - m.natural(from, to));
    d += TURNOVER_LINE_DEMERITS + slack * slack;
    if (!isLast && t.isPhrase[to] !== 1) d += (input.measureEm / 3) ** 2;
  }
  if (totalWords >= 2 * RUNT_WORDS && m.wordCount(from, to) < RUNT_WORDS) d += RUNT_DEMERITS;
  return d;
}

function demerits(b: number): number {
  return (LINE_PENALTY + b) * (LINE_PENALTY + b);
}

/**
 * R-JUS-7 in the breaker: the first pass tries only lines that are not loose
 * (at most ⅓ em more per gap once word spaces and CJK–Latin gaps are at
 * their widest), about half the lines a paragraph could have. When a
 * paragraph has no cover of such lines, the second pass tries every line.
 * A cover chosen by the first pass is the one the second would choose
 * whenever the best cover has no loose line, as on every paragraph of the
 * sample (tested: test/e2e/compose-sample.test.ts).
 */
function isNotLoose(m: LineMetrics, from: number, to: number, input: BreakInput): boolean {
  const slack = input.measureEm - m.natural(from, to);
  const stretch = m.stretch(from, to);
  if (slack <= stretch + EPS) return true;
  const gaps = m.spreadGaps(from, to);
  return gaps > 0 && (slack - stretch) / gaps <= LOOSE_EM + EPS;
}

/** Chooses the line breaks; always returns a cover of all units. */
export function breakLines(input: BreakInput, m = new LineMetrics(input), scratch = new Scratch()): LineRange[] {
  if (input.units.length === 0) return [];
  const gaps = gapFlags(input, scratch);
  return optimalBreaks(input, m, gaps, true, scratch) ?? optimalBreaks(input, m, gaps, false, scratch)!;
}

/** Every line tried, as the second pass does: the reference the first pass is tested against. */
export function breakLinesExhaustive(input: BreakInput): LineRange[] {
  if (input.units.length === 0) return [];
  const scratch = new Scratch();
  return optimalBreaks(input, new LineMetrics(input), gapFlags(input, scratch), false, scratch)!;
}

/** canBreak and isForced of every gap as bytes: the breaker reads them for every candidate line. */
function gapFlags(input: BreakInput, scratch: Scratch): { canBreak: Uint8Array; isForced: Uint8Array } {
  const n = input.gaps.length;
  const flags = scratch.byteSet(2, n);
  const canBreak = flags[0]!;
  const isForced = flags[1]!;
  for (let i = 0; i < n; i++) {
    canBreak[i] = input.gaps[i]!.canBreak ? 1 : 0;
    isForced[i] = input.gaps[i]!.isForced ? 1 : 0;
  }
  return { canBreak, isForced };
}

function optimalBreaks(input: BreakInput, m: LineMetrics, gaps: { canBreak: Uint8Array; isForced: Uint8Array }, notLooseOnly: boolean, scratch: Scratch): LineRange[] | null {
  const n = input.units.length;
  const { canBreak, isForced } = gaps;
  const totalWords = m.wordCount(0, n - 1);
  // best[k]: least demerits for lines covering units 0..k-1; start[k]: where the last of them starts (the scratch's, longer than n + 1).
  const table = scratch.floatSet(1, 2, n + 1);
  const best = table[0]!.fill(Infinity, 0, n + 1);
  const start = table[1]!.fill(-1, 0, n + 1);
  best[0] = 0;
  // Lines only get wider as they start earlier, so the latest start whose
  // line is not loose moves forward with `to`: a pointer instead of a search.
  let latestStart = 0;
  // R-KIN-6: no line runs across a forced break, so none starts at or before the last one passed.
  let forcedAt = -1;
  for (let to = 0; to < n; to++) {
    const isLast = to === n - 1;
    if (to > 0 && isForced[to - 1] === 1) forcedAt = to - 1;
    while (latestStart < to && (!notLooseOnly || isNotLoose(m, latestStart + 1, to, input))) latestStart++;
    if (!isLast && canBreak[to] === 0) continue;
    const isFlush = isLast || isForced[to] === 1; // endsAtForcedBreak, from the flags
    const firstTry = isFlush || !input.isJustified ? to : latestStart;
    let bestHere = best[to + 1]!;
    let startHere = start[to + 1]!;
    for (let from = firstTry; from > forcedAt; from--) {
      const before = best[from]!;
      if ((from > 0 && canBreak[from - 1] === 0) || before === Infinity) continue;
      const bad = badness(m, from, to, isFlush, input);
      let d: number;
      if (bad === Infinity) {
        // Too wide even when shrunk; longer lines only get wider. Kept as a last
        // resort for units that cannot break (a token wider than the measure).
        d = before + OVERFULL_DEMERITS;
        if (d < bestHere) {
          bestHere = d;
          startHere = from;
        }
        break;
      }
      d = before + (input.turnover ? turnoverDemerits(m, from, to, isFlush, input, input.turnover, totalWords, bad) : demerits(bad));
      if (isLast && totalWords >= 2 && m.wordCount(from, to) < 2) d += ORPHAN_DEMERITS;
      if (d < bestHere) {
        bestHere = d;
        startHere = from;
      }
    }
    best[to + 1] = bestHere;
    start[to + 1] = startHere;
  }
  // The first pass skips loose lines, so where only a loose one avoids an overfull line (a web
  // address that fits a line of its own, after a short run of hanzi) its cover is overfull, and where
  // its pointer let one loose line in, that line took all the slack (全区深入推进 alone at 3 em a gap,
  // before a long Latin word): the second pass, which tries every line, is asked then.
  if (best[n] === Infinity || (notLooseOnly && best[n]! >= OVERFULL_DEMERITS)) return null;
  const lines = collect(start, n);
  if (notLooseOnly && lines.some((l) => l.to < n - 1 && isForced[l.to] !== 1 && input.isJustified && !isNotLoose(m, l.from, l.to, input))) return null;
  return lines;
}

/**
 * Whether a line ending at unit `to` ends at a forced break (R-KIN-6: the line
 * before a doubled ellipsis, and the ellipsis on its own). Such a line is set
 * flush, as a paragraph's last line is: it is as much a line end as a hard
 * line break, and spread it would stand loose (R-JUS-7).
 */
export const endsAtForcedBreak = (gaps: readonly Gap[], to: number): boolean => gaps[to]?.isForced === true;

function collect(start: Float64Array, n: number): LineRange[] {
  const lines: LineRange[] = [];
  for (let k = n; k > 0; ) {
    const from = start[k]!;
    if (from < 0) throw new Error('breakLines: no cover of the paragraph'); // best[n] was finite
    lines.push({ from, to: k - 1 });
    k = from;
  }
  return lines.reverse();
}
