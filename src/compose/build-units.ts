/**
 * Paragraph runs → composition units (shaped, with their punctuation boxes)
 * and the spaces typed between them. Fixed compressions happen here:
 * adjacent marks (R-PUN-8) and the mark before a run-in gap (R-HEAD-4).
 */
import { punctBox, segmentText } from '../cjk/index.ts';
import type { Point } from '../units/index.ts';
import type { ComposeOptions, ComposeProblem, ParagraphInput, TextRun, Unit } from './types.ts';

export interface UnitList {
  units: Unit[];
  /** Width in em of a fixed space after unit i (run-in gap, U+3000). */
  fixedAfter: Map<number, number>;
  /** A word space was typed after unit i. */
  wordSpaceAfter: Set<number>;
  problems: ComposeProblem[];
}

/** R-PUN-8: two marks of 1 em side by side take 1.5 em together. */
const ADJACENT_PUNCT_CUT_EM = 0.5;
/** Full-width 1-em marks that take part in R-PUN-8 (R-PUN-3 ?! pairs excepted). */
const COMPRESSIBLE = new Set(['stop-end', 'stop-in', 'open', 'close']);

function unitOf(seg: ReturnType<typeof segmentText>[number], runIndex: number, input: ParagraphInput, opts: ComposeOptions, problems: ComposeProblem[]): Unit {
  const run = input.runs[runIndex]!;
  if (run.kind !== 'text') throw new Error('unitOf: not a text run');
  const shaped = opts.fonts.shape(seg.text, run.style);
  for (const char of shaped.missing) {
    const point = pointOf(run, seg.offset);
    problems.push({ kind: 'glyph-missing', char, ...(run.source ? { source: run.source } : {}), ...(point ? { point } : {}) });
  }
  // One object literal of one shape: half a million of these are made for the book.
  const unit: Unit = {
    seg, style: run.style, glyphs: shaped.glyphs, widthEm: shaped.advanceEm, drawEm: 0, blankStartEm: 0, blankEndEm: 0,
    isCentred: false, runIndex, anchor: undefined, isWord: seg.kind !== 'punct' && seg.kind !== 'sup',
  };
  if (seg.kind === 'punct') {
    const box = punctBox(seg.text, seg.punct!, opts.punctuation);
    unit.widthEm = box.widthEm;
    unit.drawEm = box.isCentred ? (box.widthEm - shaped.advanceEm) / 2 : box.drawEm;
    unit.blankStartEm = box.blankStartEm;
    unit.blankEndEm = box.blankEndEm;
    unit.isCentred = box.isCentred;
  } else if (seg.kind === 'long') {
    // R-PUN-2: 2 em (4 em for the doubled ellipsis), never compressed; the glyphs centred in it.
    unit.widthEm = seg.text.length === 4 ? 4 : 2;
    unit.drawEm = (unit.widthEm - shaped.advanceEm) / 2;
    unit.isCentred = true;
  }
  return unit;
}

/** The manuscript place of `offset` in a run: its source start, moved down by the wrapped lines before it. */
function pointOf(run: TextRun, offset: number): Point | undefined {
  const start = run.source?.position?.start;
  if (!start) return undefined;
  const starts = run.lineStarts ?? [];
  let line = 0;
  while (line < starts.length && starts[line]! <= offset) line++;
  return line === 0 ? { line: start.line, column: start.column + offset } : { line: start.line + line, column: offset - starts[line - 1]! + 1 };
}

/** R-PUN-8: cut the blank between two adjacent 1-em marks. */
function compressAdjacent(a: Unit, b: Unit): void {
  if (!COMPRESSIBLE.has(a.seg.punct ?? '') || !COMPRESSIBLE.has(b.seg.punct ?? '')) return;
  if (/[？！?!]/.test(a.seg.text) && /[？！?!]/.test(b.seg.text)) return; // R-PUN-3 handles ?! pairs
  if (a.widthEm + b.widthEm < 2 - 1e-9) return; // 开明式 marks are already half
  if (a.blankEndEm > 0) {
    a.widthEm -= ADJACENT_PUNCT_CUT_EM;
    a.blankEndEm = 0;
  } else if (b.blankStartEm > 0) {
    b.widthEm -= ADJACENT_PUNCT_CUT_EM;
    b.drawEm -= ADJACENT_PUNCT_CUT_EM;
    b.blankStartEm = 0;
  }
}

/** R-PUN-3: ？？ or ！！ or ？！ take 1 em together, three of them 2 em. */
function setDoubledMarks(units: Unit[], fixedAfter: Map<number, number>, wordSpaceAfter: Set<number>): void {
  const isQE = (u: Unit | undefined) => u !== undefined && /^[？！]$/.test(u.seg.text);
  for (let i = 0; i < units.length; ) {
    let j = i;
    while (isQE(units[j]) && (j === i || (!fixedAfter.has(j - 1) && !wordSpaceAfter.has(j - 1)))) j++;
    const run = j - i;
    if (run === 2 || run === 3) {
      const each = run === 2 ? 0.5 : 2 / 3;
      for (let k = i; k < j; k++) Object.assign(units[k]!, { widthEm: each, blankEndEm: 0 });
    }
    i = Math.max(j, i + 1);
  }
}

/** Builds the units of a paragraph; spaces become gaps, not units. */
export function buildUnits(input: ParagraphInput, opts: ComposeOptions): UnitList {
  const units: Unit[] = [];
  const fixedAfter = new Map<number, number>();
  const wordSpaceAfter = new Set<number>();
  const problems: ComposeProblem[] = [];
  const addFixed = (widthEm: number) => {
    if (units.length > 0) fixedAfter.set(units.length - 1, (fixedAfter.get(units.length - 1) ?? 0) + widthEm);
  };
  input.runs.forEach((run, runIndex) => {
    if (run.kind === 'space') return addFixed(run.widthEm);
    let isFirstOfRun = true;
    for (const seg of segmentText(run.text)) {
      if (seg.kind === 'space') {
        if (units.length > 0) wordSpaceAfter.add(units.length - 1);
        continue;
      }
      if (seg.kind === 'ideo-space') {
        addFixed(1);
        continue;
      }
      const unit = unitOf(seg, runIndex, input, opts, problems);
      if (isFirstOfRun && run.anchor) unit.anchor = run.anchor;
      isFirstOfRun = false;
      units.push(unit);
    }
    if (run.anchor && run.marksEnd && !isFirstOfRun) units.at(-1)!.endAnchor = `${run.anchor}~end`;
  });
  for (let i = 0; i + 1 < units.length; i++) {
    if (!fixedAfter.has(i) && !wordSpaceAfter.has(i)) compressAdjacent(units[i]!, units[i + 1]!);
  }
  setDoubledMarks(units, fixedAfter, wordSpaceAfter);
  // R-HEAD-4: the run-in gap is the whole space after 】, so its end blank goes.
  for (const i of fixedAfter.keys()) {
    const u = units[i]!;
    u.widthEm -= u.blankEndEm;
    u.blankEndEm = 0;
  }
  wordSpaceAfter.delete(units.length - 1);
  fixedAfter.delete(units.length - 1);
  return { units, fixedAfter, wordSpaceAfter, problems };
}
