/**
 * A paragraph → justified lines of positioned glyphs. Pure: the fonts come
 * in through the options, problems go out as data.
 */
import { type BreakInput, breakLines, LineMetrics, type LineRange } from './break-lines.ts';
import { buildUnits } from './build-units.ts';
import { setLines } from './justify.ts';
import { type ComposeWorkspace, type Scratch, workspaceOf } from './scratch.ts';
import { closedGap, forcedBreak } from './gaps.ts';
import { turnoverGaps } from './turnover.ts';
import { besideInterpunct, canEndLine, canStartLine, type KinsokuLevel, wordBoundaries } from '../cjk/index.ts';
import type { ComposedParagraph, ComposeOptions, ComposeProblem, Gap, ParagraphInput, Unit } from './types.ts';

/** R-JUS-7: extra space per gap above ⅓ em is a loose line (warning). */
export const LOOSE_LINE_EM = 1 / 3;
/** R-JUS-1 tolerance: a justified line is flush within 0.05 pt. */
export const FLUSH_TOLERANCE_PT = 0.05;

function firstSource(input: ParagraphInput) {
  for (const run of input.runs) if (run.kind === 'text' && run.source) return run.source;
  return undefined;
}

/** What the line breaker works on: the paragraph's units and the gaps between them, a turnover's breaks between words only. */
export function breakInputOf(input: ParagraphInput, opts: ComposeOptions, workspace = workspaceOf(opts)): { breakInput: BreakInput; problems: ComposeProblem[] } {
  const built = plainBreakInputOf(input, opts, workspace);
  return input.turnover ? { ...built, breakInput: withTurnover(built.breakInput, input.turnover) } : built;
}

function withTurnover(plain: BreakInput, kind: NonNullable<ParagraphInput['turnover']>): BreakInput {
  const { gaps, turnover } = turnoverGaps(plain.units, plain.gaps, kind);
  return { ...plain, gaps, turnover };
}

/** The break input of the paragraph with every break the rules allow (a turnover's too). */
function plainBreakInputOf(input: ParagraphInput, opts: ComposeOptions, workspace: ComposeWorkspace): { breakInput: BreakInput; problems: ComposeProblem[] } {
  const list = buildUnits(input, opts, workspace);
  const { gaps } = list;
  keepRunsWhole(input, list.runOf, gaps);
  keepWordsWhole(input, list.runOf, list.textEnd, gaps);
  // Only a paragraph that has a doubled ellipsis (segment.ts makes one of exactly four): looking at every unit for one was 1 % of composing.
  if (input.runs.some((r) => r.kind === 'text' && (r.text.includes('…………') || r.text.includes('⋯⋯⋯⋯')))) ellipsisBreaks(list.units, gaps, opts.kinsoku);
  const measureEm = opts.measurePt / opts.fontSizePt;
  const problems = [...list.problems];
  for (const stretch of openLongStretches(list.units, gaps, measureEm)) {
    const run = input.runs[list.runOf[stretch.from]!];
    const text = list.units.slice(stretch.from, stretch.to + 1).map((u) => u.seg.text).join('');
    problems.push({ kind: 'kinsoku-forced', text, ...(run?.kind === 'text' && run.source ? { source: run.source } : {}) });
  }
  const breakInput: BreakInput = {
    units: list.units, runOf: list.runOf, textStart: list.textStart, textEnd: list.textEnd, gaps, indentEm: input.indentEm, measureEm, isJustified: input.align === 'justify',
  };
  return { breakInput, problems };
}

/** No break inside an unbroken run (a credit): its gaps are replaced by closed copies (gaps are shared); one wider than the line is opened again below. */
function keepRunsWhole(input: ParagraphInput, runOf: readonly number[], gaps: Gap[]): void {
  if (!input.runs.some((r) => r.kind === 'text' && r.unbroken)) return;
  for (let i = 0; i < gaps.length; i++) {
    const run = input.runs[runOf[i]!];
    if (run?.kind === 'text' && run.unbroken && runOf[i + 1] === runOf[i] && gaps[i]!.canBreak && !gaps[i]!.isForced) gaps[i] = { ...gaps[i]!, canBreak: false };
  }
}

/**
 * A run that turns over as a heading does (an entry's 【head】 longer than a
 * line: 10 of the sample's 21 such heads broke inside a word, 聘|任会): its
 * gaps inside a word are replaced by closed copies. A word wider than the
 * line is opened again below. A head too short to reach a line's end is not
 * segmented (the dictionary is most of a segmentation's cost).
 */
function keepWordsWhole(input: ParagraphInput, runOf: readonly number[], textEnd: readonly number[], gaps: Gap[]): void {
  for (let r = 0; r < input.runs.length; r++) {
    const run = input.runs[r]!;
    if (run.kind !== 'text' || !run.wordsWhole || run.text.length < SHORTEST_TURNING_HEAD) continue;
    const cuts = wordBoundaries(run.text);
    // As in a title (turnover.ts), an interpunct joins its words: no turn beside it.
    const isCut = (at: number) => cuts.has(at) && !besideInterpunct(run.text, at);
    for (let i = 0; i < gaps.length; i++) {
      if (runOf[i] === r && runOf[i + 1] === r && gaps[i]!.canBreak && !gaps[i]!.isForced && !isCut(textEnd[i]!)) gaps[i] = { ...gaps[i]!, canBreak: false };
    }
  }
}

/** R-KIN-6: the doubled ellipsis, a 4-em unit that stands on a line of its own. */
const isDoubledEllipsis = (u: Unit) => u.seg.kind === 'long' && u.seg.text.length === 4;

/**
 * R-KIN-6 with R-KIN-1 and R-KIN-2: the doubled ellipsis stands on a line of
 * its own, with the marks that hold on to it: an opening mark before it, a
 * closing or pause mark after it (“…………” and （…………） were split into
 * “ / ………… / ”, a quote ending one line and starting the next). The breaks
 * are forced past those marks; the gaps between are closed. The one place
 * the rule is kept (gaps.ts makes no forced break).
 */
function ellipsisBreaks(units: readonly Unit[], gaps: Gap[], level: KinsokuLevel): void {
  for (let e = 0; e < units.length; e++) {
    if (!isDoubledEllipsis(units[e]!)) continue;
    let last = e;
    while (last + 1 < units.length && !canStartLine(units[last + 1]!.seg, level)) last++;
    let first = e;
    while (first > 0 && !canEndLine(units[first - 1]!.seg)) first--;
    for (let g = first; g < last; g++) gaps[g] = closedGap(gaps[g]!);
    if (first > 0) gaps[first - 1] = forcedBreak(gaps[first - 1]!);
    if (last + 1 < units.length) gaps[last] = forcedBreak(gaps[last]!);
    e = last;
  }
}

/** A run-in head shorter than this always ends on its first line (after the 2 em indent, a column holds 21 more characters; a cell is no entry). */
const SHORTEST_TURNING_HEAD = 12;

/**
 * R-KIN as far as a line allows: a stretch with no break the rules allow
 * that is wider than the measure (a run of opening brackets typed by
 * mistake) would run off the page as one overfull line. Its gaps are opened
 * (gaps are shared, so each is replaced by an open copy): the text wraps,
 * and the broken rule is reported. A single token wider than the measure
 * is left to the overfull warning, which asks for a space in it.
 */
function openLongStretches(units: readonly Unit[], gaps: Gap[], measureEm: number): Array<{ from: number; to: number }> {
  const opened: Array<{ from: number; to: number }> = [];
  let from = 0;
  let width = 0;
  for (let i = 0; i < units.length; i++) {
    width += units[i]!.widthEm + (i > from ? gaps[i - 1]!.widthEm : 0);
    const gap = gaps[i];
    if (gap && !gap.canBreak && !gap.isForced) continue;
    if (width > measureEm && i > from) {
      for (let k = from; k < i; k++) gaps[k] = { ...gaps[k]!, canBreak: true };
      opened.push({ from, to: i });
    }
    from = i + 1;
    width = 0;
  }
  return opened;
}

/**
 * A turnover (heading, caption) that fits on one line, with no forced break:
 * the breaker would set it as one line whatever breaks its gaps allow, since
 * every further line costs more than any one line does (break-lines.ts). Its
 * word boundaries, looked for by ICU's segmenter (most of a heading's cost),
 * are then not needed.
 */
function isOneLineTurnover(plain: BreakInput, metrics: LineMetrics): boolean {
  const n = plain.units.length;
  return n > 0 && metrics.natural(0, n - 1) - plain.measureEm <= 1e-9 && plain.gaps.every((g) => !g.isForced);
}

/**
 * Turnover breaks, a short quoted name kept whole; where that leaves a line
 * too wide (the name and an unbroken credit after it, in a narrow caption),
 * breaks between words inside it too; where a word is wider than the
 * measure, any break the rules allow.
 */
function breakTurnover(plain: BreakInput, metrics: LineMetrics, input: ParagraphInput, scratch: Scratch): { input: BreakInput; ranges: LineRange[] } {
  const kind = input.turnover;
  if (!kind) return { input: plain, ranges: breakLines(plain, metrics, scratch) };
  if (isOneLineTurnover(plain, metrics)) return { input: plain, ranges: [{ from: 0, to: plain.units.length - 1 }] };
  const fits = (r: LineRange) => metrics.natural(r.from, r.to) - metrics.shrink(r.from, r.to) <= plain.measureEm + 1e-9;
  for (let quotesWhole = !input.quotesBroken; ; quotesWhole = false) {
    const { gaps, turnover, quotesKept } = turnoverGaps(plain.units, plain.gaps, kind, quotesWhole);
    const turned: BreakInput = { ...plain, gaps, turnover };
    const ranges = breakLines(turned, metrics, scratch);
    if (ranges.every(fits)) return { input: turned, ranges };
    if (!quotesKept) break; // without a quoted name kept whole, the same breaks again
  }
  return { input: plain, ranges: breakLines(plain, metrics, scratch) };
}

export function composeParagraph(input: ParagraphInput, opts: ComposeOptions): ComposedParagraph {
  // Nothing to set (a page's empty running head or folio, asked for hundreds of times): no units, no line, no problem.
  if (input.runs.length === 0) return { lines: [], problems: [] };
  const workspace = workspaceOf(opts);
  const built = plainBreakInputOf(input, opts, workspace);
  const { problems: unitProblems } = built;
  // Widths only: the same for the turnover's break input, made from these units and gap widths.
  const { scratch } = workspace;
  const metrics = new LineMetrics(built.breakInput, scratch.floatSet(0, 11, built.breakInput.units.length + 1));
  const { input: breakInput, ranges } = breakTurnover(built.breakInput, metrics, input, scratch);
  const { units, runOf, textStart, textEnd, gaps } = breakInput;
  const lines = setLines({ units, runOf, textStart, textEnd, gaps, input, fontSizePt: opts.fontSizePt, measurePt: opts.measurePt, metrics }, ranges, scratch);
  const problems: ComposeProblem[] = [...unitProblems];
  const source = firstSource(input);
  for (const line of lines) {
    const over = line.widthPt - line.measurePt;
    if (over > FLUSH_TOLERANCE_PT) problems.push({ kind: 'line-overfull', overPt: over, text: line.text, line, ...(source ? { source: line.sources[0] ?? source } : {}) });
    if (line.spreadEm > LOOSE_LINE_EM) problems.push({ kind: 'line-loose', spreadEm: line.spreadEm, text: line.text, line, ...(source ? { source: line.sources[0] ?? source } : {}) });
  }
  return { lines, problems };
}
