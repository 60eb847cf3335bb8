/**
 * Sets one line: trims at its edges, then shrinks (R-JUS-4, class by class)
 * or stretches (R-JUS-5: word spaces, CJK–Latin gaps, then every gap
 * evenly) until the line is flush with the measure, and places every glyph.
 */
import type { GlyphRef } from '../font/index.ts';
import type { Source } from '../model/index.ts';
import { endsAtForcedBreak, type LineRange, LineMetrics } from './break-lines.ts';
import { gapShrinkClass, unitShrinkClass } from './gaps.ts';
import { GlyphRun } from './placed-glyph.ts';
import type { Scratch } from './scratch.ts';
import { type Gap, type Line, type ParagraphInput, SHRINK_ORDER, type ShrinkClass, type Unit } from './types.ts';

export interface SetLineInput {
  units: Unit[];
  /** The run of each unit. */
  runOf: readonly number[];
  /** Where each unit's text starts and ends in its run's text, when known. */
  textStart?: readonly number[];
  textEnd?: readonly number[];
  gaps: Gap[];
  range: LineRange;
  isLast: boolean;
  input: ParagraphInput;
  fontSizePt: number;
  measurePt: number;
  metrics: LineMetrics;
}

/**
 * Mutable widths of one line while it is adjusted, n units and n - 1 gaps.
 * A paragraph's lines reuse one draft (setLines): five arrays made for each
 * of the book's 20,000 lines were a tenth of setting them. Plain arrays of
 * doubles, written from index 0 up: cheaper to make than typed arrays.
 */
class Draft {
  n = 0;
  /** The glyphs of the line's units. */
  glyphs = 0;
  readonly unitWidth: number[] = [];
  readonly unitDraw: number[] = [];
  /** Remaining adjustable blank per unit: start side and end side. */
  readonly blankStart: number[] = [];
  readonly blankEnd: number[] = [];
  readonly gapWidth: number[] = [];
  /** Each unit's and gap's shrink class (its place in SHRINK_ORDER, -1 for none), while shrinking. */
  readonly siteClass: number[] = [];
  readonly gapClass: number[] = [];
}

/** The line's widths as set before adjusting, trimmed at its edges, in `d`. */
function draftOf(s: SetLineInput, d: Draft): void {
  const { units, gaps, range } = s;
  const n = (d.n = range.to - range.from + 1);
  let glyphs = 0;
  for (let i = 0; i < n; i++) {
    const u = units[range.from + i]!;
    glyphs += u.glyphs.length;
    d.unitWidth[i] = u.widthEm;
    d.unitDraw[i] = u.drawEm;
    d.blankStart[i] = u.blankStartEm;
    d.blankEnd[i] = u.blankEndEm;
    if (i < n - 1) d.gapWidth[i] = gaps[range.from + i]!.widthEm;
  }
  d.glyphs = glyphs;
  const last = n - 1;
  d.unitWidth[last]! -= d.blankEnd[last]!; // R-PUN-10
  d.blankEnd[last] = 0;
  const startTrim = s.metrics.startTrim(range.from); // R-PUN-9
  d.unitWidth[0]! -= startTrim;
  d.unitDraw[0]! -= startTrim;
  d.blankStart[0]! -= startTrim;
  if (range.from === 0) d.blankStart[0] = 0; // R-PUN-9: a paragraph's opening mark after its indent keeps its blank (【 at 2 em), never squeezed
}

/** The first n of `xs`, left to right from 0, as Array.reduce adds: the same sums to the last bit. */
function sum(xs: ArrayLike<number>, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += xs[i]!;
  return total;
}

/** A shrink class's place in SHRINK_ORDER, -1 for none. */
const orderOf = (cls: ShrinkClass | null): number => (cls === null ? -1 : SHRINK_ORDER.indexOf(cls));

/**
 * R-JUS-4: take `need` em out of the line, class by class, evenly within a
 * class. Each site has one class and loses blank only in its class's turn, so
 * every class's capacity is summed in one pass over the units and one over
 * the gaps, in index order as before (the same bits: a class shrinks marks
 * or gaps, never both), and a class the line does not have costs nothing:
 * five passes over each side for every shrunk line were most of shrinking.
 */
function shrink(s: SetLineInput, d: Draft, need: number): number {
  const { n, siteClass, gapClass } = d;
  const from = s.range.from;
  const capacity = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const c = (siteClass[i] = orderOf(unitShrinkClass(s.units[from + i]!)));
    if (c >= 0) capacity[c]! += d.blankStart[i]! + d.blankEnd[i]!;
  }
  for (let i = 0; i < n - 1; i++) {
    const g = s.gaps[from + i]!;
    const c = (gapClass[i] = orderOf(gapShrinkClass(g)));
    if (c >= 0) capacity[c]! += g.shrinkEm;
  }
  for (let cls = 0; cls < SHRINK_ORDER.length && need > 0; cls++) {
    const total = capacity[cls]!;
    if (total <= 0) continue;
    const take = Math.min(need, total);
    const ratio = take / total;
    for (let i = 0; i < n; i++) {
      if (siteClass[i] !== cls) continue;
      const c = d.blankStart[i]! + d.blankEnd[i]!;
      if (c <= 0) continue;
      const fromStart = d.blankStart[i]! * ratio;
      d.unitWidth[i]! -= c * ratio;
      d.unitDraw[i]! -= fromStart; // an opening mark loses blank before its ink
      d.blankStart[i]! -= fromStart;
      d.blankEnd[i]! -= d.blankEnd[i]! * ratio;
    }
    for (let i = 0; i < n - 1; i++) if (gapClass[i] === cls) d.gapWidth[i]! -= s.gaps[from + i]!.shrinkEm * ratio;
    need -= take;
  }
  return need;
}

/**
 * R-JUS-5: add `need` em: word spaces to their maximum, then every gap
 * evenly (R-JUS-6), a CJK–Latin gap only up to its ⅓ em (issue 18): what it
 * cannot take goes to the gaps between hanzi. A line with no other gap
 * spreads its CJK–Latin gaps past ⅓ em rather than stay short.
 */
function stretch(s: SetLineInput, d: Draft, need: number): number {
  const { from, to } = s.range;
  let cap = 0;
  for (let i = from; i < to; i++) cap += s.gaps[i]!.kind === 'word-space' ? s.gaps[i]!.stretchEm : 0;
  if (cap > 0 && need > 0) {
    const ratio = Math.min(1, need / cap);
    for (let i = from; i < to; i++) if (s.gaps[i]!.kind === 'word-space') d.gapWidth[i - from]! += s.gaps[i]!.stretchEm * ratio;
    need -= cap * ratio;
  }
  let plain = 0;
  let mixed = 0;
  let mixedCap = Infinity;
  for (let i = from; i < to; i++) {
    const g = s.gaps[i]!;
    if (!g.isSpreadable) continue;
    if (g.kind === 'mixed') {
      mixed++;
      mixedCap = Math.min(mixedCap, g.stretchEm);
    } else plain++;
  }
  if (need <= 0 || plain + mixed === 0) return 0;
  let each = need / (plain + mixed);
  const mixedEach = plain > 0 && each > mixedCap ? mixedCap : each;
  if (mixedEach < each) each = (need - mixed * mixedEach) / plain;
  for (let i = from; i < to; i++) {
    const g = s.gaps[i]!;
    if (g.isSpreadable) d.gapWidth[i - from]! += g.kind === 'mixed' ? mixedEach : each;
  }
  return each;
}

/** The number of glyphs of the units from..to. */
function glyphCount(units: readonly Unit[], from: number, to: number): number {
  let count = 0;
  for (let i = from; i <= to; i++) count += units[i]!.glyphs.length;
  return count;
}

/**
 * Most lines have no anchor and one source: they share one empty list and
 * their run's list of one, instead of two arrays each kept with the line
 * until the PDF is written (for the collector to copy).
 */
const NO_ANCHORS: Line['anchors'] = Object.freeze([]);
const NO_SOURCES: Line['sources'] = Object.freeze([]);

/** Places the line's glyphs, their x and size into `at` (two numbers a glyph). */
function place(s: SetLineInput, d: Draft, startEm: number, at: Float64Array): { glyphs: GlyphRun; anchors: Line['anchors'] } {
  const size = s.fontSizePt;
  const { n } = d;
  const refs: GlyphRef[] = new Array<GlyphRef>(at.length / 2);
  let anchors: Array<Line['anchors'][number]> | undefined;
  let x = startEm;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const u = s.units[s.range.from + i]!;
    if (u.anchor) (anchors ??= []).push({ id: u.anchor, xPt: x * size });
    if (u.endAnchor) (anchors ??= []).push({ id: u.endAnchor, xPt: (x + d.unitWidth[i]!) * size });
    if (u.marks) for (const id of u.marks) (anchors ??= []).push({ id, xPt: (x + d.unitWidth[i]!) * size });
    let pen = x + d.unitDraw[i]!;
    const { glyphs } = u;
    for (let j = 0; j < glyphs.length; j++) {
      const g = glyphs[j]!;
      refs[k] = g;
      at[2 * k] = (pen + g.offsetEm) * size;
      at[2 * k + 1] = size * g.scale;
      k++;
      pen += g.advanceEm;
    }
    x += d.unitWidth[i]! + (i < n - 1 ? d.gapWidth[i]! : 0);
  }
  return { glyphs: new GlyphRun(refs, at), anchors: anchors ?? NO_ANCHORS };
}

/**
 * The line's text: a slice of its run's text when its units stand side by
 * side in it (one run, no space typed between them: most lines), which
 * copies nothing; otherwise joined from its parts, one flat string (added up
 * with += it was a chain of a dozen cons strings a line, all kept with the
 * line until the PDF is written, for the collector to copy).
 */
function lineText(s: SetLineInput): string {
  const { from, to } = s.range;
  const { textStart, textEnd } = s;
  const run = s.input.runs[s.runOf[from]!]!;
  if (textStart && textEnd && run.kind === 'text' && s.runOf[to] === s.runOf[from] && isSideBySide(textStart, textEnd, from, to)) {
    return run.text.slice(textStart[from], textEnd[to]);
  }
  const parts: string[] = [];
  for (let i = from; i <= to; i++) {
    parts.push(s.units[i]!.seg.text);
    const g = s.gaps[i];
    if (i < to && g && (g.kind === 'word-space' || g.kind === 'fixed')) parts.push(' ');
  }
  return parts.join('');
}

/** Does each of the units from..to end where the next starts in their run's text (no space typed between them, so no word space or fixed gap)? */
function isSideBySide(textStart: readonly number[], textEnd: readonly number[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (textEnd[i] !== textStart[i + 1]) return false;
  return true;
}

/** The sources of the runs on the line, once each (a line's units go through runs in order). */
function sourcesOf(s: SetLineInput, runSources: ReadonlyArray<Line['sources']>): Line['sources'] {
  const { from, to } = s.range;
  if (s.runOf[from] === s.runOf[to]) return runSources[s.runOf[from]!]!;
  const out: Source[] = [];
  let last = -1;
  for (let i = from; i <= to; i++) {
    const runIndex = s.runOf[i]!;
    if (runIndex === last) continue;
    last = runIndex;
    const run = s.input.runs[runIndex]!;
    if (run.kind === 'text' && run.source) out.push(run.source);
  }
  return out;
}

/** Each run's sources as a line within it lists them, shared by those lines. */
function runSourcesOf(input: ParagraphInput): Array<Line['sources']> {
  return input.runs.map((run) => (run.kind === 'text' && run.source ? [run.source] : NO_SOURCES));
}

/** Sets the line `s.range` of a paragraph. */
export function setLine(s: SetLineInput): Line {
  return setLineIn(s, new Draft(), new Float64Array(2 * glyphCount(s.units, s.range.from, s.range.to)), 0, runSourcesOf(s.input));
}

/** What setting a paragraph's lines reads, but for the line itself. */
export type ParagraphSetting = Omit<SetLineInput, 'range' | 'isLast'>;

/**
 * Sets the lines of a paragraph broken at `ranges`. They share one draft and
 * one buffer for their glyph positions (each line's `at` a view of it): the
 * sample's lines then hold 2 MB less heap than with a typed array each
 * (scripts/bench-compose.ts). With `scratch`, that buffer is a part of its
 * slab of kept positions.
 */
export function setLines(p: ParagraphSetting, ranges: readonly LineRange[], scratch?: Scratch): Line[] {
  const draft = new Draft();
  const length = 2 * glyphCount(p.units, 0, p.units.length - 1);
  const at = scratch ? scratch.kept(length) : new Float64Array(length);
  const runSources = runSourcesOf(p.input);
  let next = 0;
  // One input for all the lines, its range moved from line to line (a literal: an object spread for each line costs more).
  const s: SetLineInput = {
    units: p.units, runOf: p.runOf, textStart: p.textStart, textEnd: p.textEnd, gaps: p.gaps, range: ranges[0]!, isLast: false, input: p.input, fontSizePt: p.fontSizePt,
    measurePt: p.measurePt, metrics: p.metrics,
  };
  return ranges.map((range, i) => {
    s.range = range;
    s.isLast = i === ranges.length - 1;
    const line = setLineIn(s, draft, at, next, runSources);
    next += 2 * draft.glyphs;
    return line;
  });
}

/** Sets the line `s.range`, its glyph positions into `at` from `offset` on (its view of `at` is the line's). */
function setLineIn(s: SetLineInput, d: Draft, at: Float64Array, offset: number, runSources: ReadonlyArray<Line['sources']>): Line {
  draftOf(s, d);
  const isFirst = s.range.from === 0;
  const indentEm = isFirst ? s.input.indentEm : 0;
  const measureEm = s.measurePt / s.fontSizePt;
  const natural = indentEm + sum(d.unitWidth, d.n) + sum(d.gapWidth, d.n - 1);
  let spreadEm = 0;
  if (natural > measureEm) shrink(s, d, natural - measureEm);
  else if (s.input.align === 'justify' && !s.isLast && !endsAtForcedBreak(s.gaps, s.range.to)) spreadEm = stretch(s, d, measureEm - natural);
  const setWidth = indentEm + sum(d.unitWidth, d.n) + sum(d.gapWidth, d.n - 1);
  const free = Math.max(0, measureEm - setWidth);
  const offsetEm = s.input.align === 'center' ? free / 2 : s.input.align === 'end' ? free : 0;
  const { glyphs, anchors } = place(s, d, indentEm + offsetEm, at.subarray(offset, offset + 2 * d.glyphs));
  return {
    glyphs, anchors, widthPt: (setWidth + offsetEm) * s.fontSizePt, measurePt: s.measurePt, indentPt: indentEm * s.fontSizePt,
    isFirst, isLast: s.isLast, spreadEm, sources: sourcesOf(s, runSources), text: lineText(s),
  };
}
