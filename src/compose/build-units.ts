/**
 * Paragraph runs → composition units (shaped, with their punctuation boxes)
 * and the spaces typed between them. Fixed compressions happen here:
 * adjacent marks (R-PUN-8) and the mark before a run-in gap (R-HEAD-4).
 */
import { type KinsokuLevel, punctBox, type PunctClass, punctClassOf, type PunctuationStyle, type SegmentClass, SegmentCursor, type SegmentKind } from '../cjk/index.ts';
import type { FontStyle, ShapedUnit } from '../font/index.ts';
import type { Point } from '../units/index.ts';
import { type ComposeWorkspace, UnitsByCode, workspaceOf } from './scratch.ts';
import { BETWEEN_HANZI, forcedBreak, gapBetween } from './gaps.ts';
import type { ComposeOptions, ComposeProblem, Gap, ParagraphInput, TextRun, Unit } from './types.ts';

export interface UnitList {
  /** Units of the same character in the same style are one object, shared (see sharedUnitsFor): never changed here but through own(). */
  units: Unit[];
  /** The run each unit comes from. */
  runOf: number[];
  /** Where each unit's text starts and ends in its run's text (UTF-16): a line's text is a slice of it where its units stand side by side. */
  textStart: number[];
  textEnd: number[];
  /**
   * Width in em of a fixed space after unit i (run-in gap, U+3000), undefined
   * where there is none; and whether a word space was typed after unit i.
   * Read by index (a Map and a Set per paragraph cost more), written only
   * where there is one: the rest are holes, read as undefined.
   */
  fixedAfter: Array<number | undefined>;
  wordSpaceAfter: boolean[];
  /** The gap after each unit but the last (gaps.ts), made as the next unit is pushed: what it depends on is known by then. */
  gaps: Gap[];
  problems: ComposeProblem[];
}

/** R-PUN-8: two marks of 1 em side by side take 1.5 em together. */
const ADJACENT_PUNCT_CUT_EM = 0.5;
/** Full-width 1-em marks that take part in R-PUN-8 (R-PUN-3 ?! pairs excepted). */
const COMPRESSIBLE = new Set(['stop-end', 'stop-in', 'open', 'close']);

/**
 * The box of a 1-em mark assumes a CJK font's glyph, 1 em wide with its ink
 * on the side away from its blank (R-PUN-1). A font whose curly quotes are
 * proportional (LXGW WenKai's “ is 0.35 em, ink at its left) would draw an
 * opening mark at the start of its cell, against the word before it, and
 * half an em into the margin at a line start: its glyph goes to the end of
 * the cell instead, where a CJK font has the ink. A narrow closing mark
 * already stands at the start of its cell.
 */
function inkSideShift(cls: PunctClass, advanceEm: number): number {
  return cls === 'open' && advanceEm < 1 ? 1 - advanceEm : 0;
}

/** The unit of a segment as set in any paragraph: its box from the font and the punctuation rules alone. */
function unitOf(seg: SegmentClass, style: FontStyle, shaped: ShapedUnit, punctuation: PunctuationStyle): Unit {
  // One object literal of one shape (as copyOf's): every unit of the book has the same hidden class.
  const unit: Unit = {
    seg, style, glyphs: shaped.glyphs, widthEm: shaped.advanceEm, drawEm: 0, blankStartEm: 0, blankEndEm: 0,
    isCentred: false, anchor: undefined, endAnchor: undefined, marks: undefined, isWord: seg.kind !== 'punct' && seg.kind !== 'sup', isPaired: false,
  };
  if (seg.kind === 'punct') {
    const box = punctBox(seg.text, seg.punct!, punctuation);
    unit.widthEm = box.widthEm;
    unit.drawEm = box.isCentred ? (box.widthEm - shaped.advanceEm) / 2 : box.drawEm + inkSideShift(seg.punct!, shaped.advanceEm);
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

const copyOf = (u: Unit): Unit => ({
  seg: u.seg, style: u.style, glyphs: u.glyphs, widthEm: u.widthEm, drawEm: u.drawEm, blankStartEm: u.blankStartEm, blankEndEm: u.blankEndEm,
  isCentred: u.isCentred, anchor: u.anchor, endAnchor: u.endAnchor, marks: u.marks, isWord: u.isWord, isPaired: u.isPaired,
});

/**
 * The shared units of a style (the workspace's, scratch.ts): a single UTF-16
 * unit always segments the same way, so its unit depends on nothing but the
 * fonts, the punctuation style and the font style. A book of half a million
 * characters has a few thousand distinct ones; one object each instead of
 * one per character (with four boxed numbers each) was an eighth of the
 * build's allocation.
 */
function sharedUnitsFor(opts: ComposeOptions, workspace: ComposeWorkspace, style: FontStyle): UnitsByCode {
  // By the style object first: a book's runs share a few (BODY, EMPHASIS …), and making the key for each run was 3 % of composing.
  const seen = workspace.sharedUnitsOfStyle.get(style);
  if (seen?.punctuation === opts.punctuation) return seen.units;
  const key = `${opts.punctuation}|${style.role}|${style.bold ? 1 : 0}|${style.figures ?? ''}`;
  let units = workspace.sharedUnits.get(key);
  if (!units) workspace.sharedUnits.set(key, (units = new UnitsByCode()));
  workspace.sharedUnitsOfStyle.set(style, { punctuation: opts.punctuation, units });
  return units;
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

/** The units of a paragraph and the spaces typed after them, with a private copy of a shared unit made before it is changed. */
class UnitBuilder {
  readonly units: Unit[] = [];
  readonly gaps: Gap[] = [];
  readonly runOf: number[] = [];
  readonly textStart: number[] = [];
  readonly textEnd: number[] = [];
  readonly fixedAfter: Array<number | undefined> = [];
  readonly wordSpaceAfter: boolean[] = [];
  /** i where units i and i + 1 are both marks (R-PUN-8 looks at these pairs only). */
  readonly markPairs: number[] = [];
  /**
   * The units this paragraph made or copied, which it may change. A set of
   * the few, not a flag for each unit: a paragraph's arrays, pushed to for
   * every character, were a fifth of building its units.
   */
  private readonly owned = new Set<Unit>();

  /** `level` and `spaceEm`: what the gaps between the units depend on besides them (gaps.ts). */
  constructor(private readonly level: KinsokuLevel, private readonly spaceEm: number) {}

  push(unit: Unit, runIndex: number, isOwn: boolean, start: number, end: number, isMark: boolean): void {
    const i = this.units.length;
    if (isMark && this.lastMark === i - 1) this.markPairs.push(i - 1);
    if (isMark) this.lastMark = i;
    if (i > 0) this.gaps.push(this.gapBefore(unit));
    this.isSolidHanzi = unit.seg.kind === 'han';
    this.units.push(unit);
    this.runOf.push(runIndex);
    this.textStart.push(start);
    this.textEnd.push(end);
    if (isOwn) this.owned.add(unit);
  }

  /** The gap between the last unit pushed and `unit` (all it reads is known once `unit` comes). */
  private gapBefore(unit: Unit): Gap {
    const i = this.units.length;
    return gapBetween(this.units[i - 1]!, unit, this.fixedAfter[i - 1], this.wordSpaceAfter[i - 1] === true, this.level, this.spaceEm);
  }

  private lastMark = -2;
  /** The last unit is a hanzi with nothing typed after it (yet): the gap after it, before a hanzi, is BETWEEN_HANZI. */
  private isSolidHanzi = false;

  /**
   * A shared hanzi (one UTF-16 unit): what push() does, for most of a book's
   * units, without looking for marks (a hanzi is none).
   */
  pushHanzi(unit: Unit, runIndex: number, start: number): void {
    const i = this.units.length;
    if (this.isSolidHanzi) this.gaps.push(BETWEEN_HANZI);
    else if (i > 0) this.gaps.push(this.gapBefore(unit));
    this.isSolidHanzi = true;
    this.units.push(unit);
    this.runOf.push(runIndex);
    this.textStart.push(start);
    this.textEnd.push(start + 1);
  }

  /** A word space typed after the last unit (none before the first). */
  addWordSpace(): void {
    const last = this.units.length - 1;
    if (last < 0) return;
    this.wordSpaceAfter[last] = true;
    this.isSolidHanzi = false;
  }

  /** Units after which a line break was typed (LineBreakRun); none before the first. */
  readonly breaksAfter: number[] = [];

  breakAfterLast(): void {
    const last = this.units.length - 1;
    if (last >= 0 && this.breaksAfter.at(-1) !== last) this.breaksAfter.push(last);
  }

  /** A fixed space after the last unit (none before the first). */
  addFixed(widthEm: number): void {
    this.isSolidHanzi = false;
    const last = this.units.length - 1;
    if (last >= 0) this.fixedAfter[last] = (this.fixedAfter[last] ?? 0) + widthEm;
  }

  /** Nothing typed after unit i: neither a word space nor a fixed one. */
  isSolidAfter(i: number): boolean {
    return this.fixedAfter[i] === undefined && !this.wordSpaceAfter[i];
  }

  /** Unit i, made this paragraph's own to be changed. */
  own(i: number): Unit {
    if (!this.owned.has(this.units[i]!)) {
      this.units[i] = copyOf(this.units[i]!);
      this.owned.add(this.units[i]!);
    }
    return this.units[i]!;
  }
}

/** R-PUN-8: cut the blank between two adjacent 1-em marks. */
function compressAdjacent(b: UnitBuilder, i: number): void {
  const first = b.units[i]!;
  const second = b.units[i + 1]!;
  if (first.seg.kind !== 'punct' || second.seg.kind !== 'punct') return; // most pairs: one look, no set lookups
  if (!COMPRESSIBLE.has(first.seg.punct ?? '') || !COMPRESSIBLE.has(second.seg.punct ?? '')) return;
  if (/[？！?!]/.test(first.seg.text) && /[？！?!]/.test(second.seg.text)) return; // R-PUN-3 handles ?! pairs
  if (first.widthEm + second.widthEm < 2 - 1e-9) return; // 开明式 marks are already half
  if (first.blankEndEm > 0) {
    const a = b.own(i);
    a.widthEm -= ADJACENT_PUNCT_CUT_EM;
    a.blankEndEm = 0;
  } else if (second.blankStartEm > 0) {
    const c = b.own(i + 1);
    c.widthEm -= ADJACENT_PUNCT_CUT_EM;
    c.drawEm -= ADJACENT_PUNCT_CUT_EM;
    c.blankStartEm = 0;
  } else return;
  b.own(i).isPaired = true;
  b.own(i + 1).isPaired = true;
}

/** Compared, not matched by a regular expression: this runs for every unit of the book. */
const isQE = (u: Unit) => u.seg.text === '？' || u.seg.text === '！';

/** R-PUN-3: ？？ or ！！ or ？！ take 1 em together, three of them 2 em. */
function setDoubledMarks(b: UnitBuilder): void {
  const { units } = b;
  for (let i = 0; i < units.length; ) {
    let j = i;
    while (j < units.length && isQE(units[j]!) && (j === i || b.isSolidAfter(j - 1))) j++;
    const run = j - i;
    if (run === 2 || run === 3) {
      const each = run === 2 ? 0.5 : 2 / 3;
      for (let k = i; k < j; k++) {
        const u = b.own(k);
        u.widthEm = each;
        u.blankEndEm = 0;
      }
    }
    i = Math.max(j, i + 1);
  }
}

/** A new unit for the segment text[start, end) of `run`; a character no font has is reported at each place it stands. */
function newUnit(run: TextRun, kind: SegmentKind, start: number, end: number, punct: PunctClass | undefined, opts: ComposeOptions, problems: ComposeProblem[]): Unit {
  const text = run.text.slice(start, end);
  const seg: SegmentClass = punct ? { kind, text, punct } : { kind, text };
  const shaped = opts.fonts.shape(text, run.style);
  for (const char of shaped.missing) {
    const point = pointOf(run, start);
    problems.push({ kind: 'glyph-missing', char, ...(run.source ? { source: run.source } : {}), ...(point ? { point } : {}) });
  }
  return unitOf(seg, run.style, shaped, opts.punctuation);
}

/** A footnote's mark in the text is set at this share of the body size, its baseline raised this many em (of the body size). */
export const NOTE_REF_SCALE = 2 / 3;
export const NOTE_REF_RISE_EM = 0.33;

/**
 * A footnote's mark in the text (①, 〔1〕, **): one unit, whatever its
 * characters, in smaller glyphs on a raised baseline. Its class is 'sup', so
 * it stays with the character before it (R-KIN-1: a mark never begins a line),
 * does not count as a word for R-PAR-3, and takes no spread (gaps.ts).
 */
function superscriptUnit(run: TextRun, opts: ComposeOptions, problems: ComposeProblem[]): Unit {
  const unit = newUnit(run, 'sup', 0, run.text.length, undefined, opts, problems);
  const glyphs = unit.glyphs.map((g) => ({ ...g, advanceEm: g.advanceEm * NOTE_REF_SCALE, offsetEm: g.offsetEm * NOTE_REF_SCALE, scale: g.scale * NOTE_REF_SCALE, riseEm: NOTE_REF_RISE_EM }));
  // A bracket's blank half outside the mark (〔1〕) is cut, as at a line's edge (R-PUN-10): the mark stays close to its word.
  const box = (ch: string | undefined, cls: PunctClass) => (ch !== undefined && punctClassOf(ch) === cls ? punctBox(ch, cls, opts.punctuation) : undefined);
  const start = (box(glyphs[0]?.text, 'open')?.blankStartEm ?? 0) * NOTE_REF_SCALE;
  const end = (box(glyphs.at(-1)?.text, 'close')?.blankEndEm ?? 0) * NOTE_REF_SCALE;
  const widthEm = glyphs.reduce((w, g) => w + g.advanceEm, 0) - start - end;
  return { ...unit, glyphs, widthEm, drawEm: -start, blankStartEm: 0, blankEndEm: 0, isCentred: false, isWord: false };
}

/** Builds the units of a paragraph; spaces become gaps, not units. */
export function buildUnits(input: ParagraphInput, opts: ComposeOptions, workspace = workspaceOf(opts)): UnitList {
  const firstText = input.runs.find((r) => r.kind === 'text');
  const b = new UnitBuilder(opts.kinsoku, firstText?.kind === 'text' ? opts.fonts.spaceEm(firstText.style) : 0.25);
  const { units } = b;
  const problems: ComposeProblem[] = [];
  let pendingMarks: string[] = [];
  let shared: UnitsByCode | undefined;
  let sharedStyle: FontStyle | undefined;
  for (let runIndex = 0; runIndex < input.runs.length; runIndex++) {
    const run = input.runs[runIndex]!;
    if (run.kind === 'space') {
      b.addFixed(run.widthEm);
      continue;
    }
    if (run.kind === 'break') {
      b.breakAfterLast();
      continue;
    }
    if (run.kind === 'mark') {
      // After the character before it; a mark that opens the paragraph waits for the first character.
      if (units.length === 0) pendingMarks.push(run.id);
      else b.own(units.length - 1).marks = [...(units[units.length - 1]!.marks ?? []), run.id];
      continue;
    }
    const firstOfRun = units.length;
    if (run.style !== sharedStyle) [shared, sharedStyle] = [sharedUnitsFor(opts, workspace, run.style), run.style];
    if (run.superscript) b.push(superscriptUnit(run, opts, problems), runIndex, true, 0, run.text.length, false);
    else pushSegments(b, run, runIndex, shared!, opts, problems);
    if (pendingMarks.length > 0 && units.length > firstOfRun) {
      b.own(firstOfRun).marks = pendingMarks;
      pendingMarks = [];
    }
    if (!run.anchor || units.length === firstOfRun) continue;
    b.own(firstOfRun).anchor = run.anchor;
    if (run.marksEnd) b.own(units.length - 1).endAnchor = `${run.anchor}~end`;
  }
  for (const i of b.markPairs) {
    if (b.isSolidAfter(i)) compressAdjacent(b, i);
  }
  // Only a paragraph that has a ？ or ！ can hold a pair of them: reading every unit's text to find none was 3 % of composing.
  if (input.runs.some((r) => r.kind === 'text' && (r.text.includes('？') || r.text.includes('！')))) setDoubledMarks(b);
  // R-HEAD-4: the run-in gap is the whole space after 】, so its end blank goes.
  b.fixedAfter.forEach((width, i) => {
    if (width === undefined || units[i]!.blankEndEm === 0) return;
    const u = b.own(i);
    u.widthEm -= u.blankEndEm;
    u.blankEndEm = 0;
  });
  // A typed line break: the gap after it is a forced break (gaps are shared, so it is a copy).
  for (const i of b.breaksAfter) if (i < b.gaps.length) b.gaps[i] = forcedBreak(b.gaps[i]!);
  const last = units.length - 1;
  if (b.wordSpaceAfter[last]) b.wordSpaceAfter[last] = false;
  if (b.fixedAfter[last] !== undefined) b.fixedAfter[last] = undefined;
  return { units, runOf: b.runOf, textStart: b.textStart, textEnd: b.textEnd, fixedAfter: b.fixedAfter, wordSpaceAfter: b.wordSpaceAfter, gaps: b.gaps, problems };
}

/** The units of a text run's segments; its spaces go after the unit before them. */
function pushSegments(b: UnitBuilder, run: TextRun, runIndex: number, shared: UnitsByCode, opts: ComposeOptions, problems: ComposeProblem[]): void {
  const { text } = run;
  const seg = new SegmentCursor(text);
  for (let at = 0; ; at = seg.end) {
    // A hanzi of the unified block already seen is its shared unit whatever
    // stands around it (segment.ts tries the hanzi first): most of a book's
    // text, pushed without segmenting it character by character.
    for (let code = text.charCodeAt(at); code >= 0x4e00 && code <= 0x9fff; code = text.charCodeAt(++at)) {
      const known = shared.get(code);
      if (!known) break;
      b.pushHanzi(known, runIndex, at);
    }
    seg.skipTo(at);
    if (!seg.next()) break;
    const { kind, start, end } = seg;
    if (kind === 'space') {
      b.addWordSpace();
      continue;
    }
    if (kind === 'ideo-space') {
      b.addFixed(1);
      continue;
    }
    // One UTF-16 unit: shared, unless no font has it (then it is reported at each place).
    const code = end - start === 1 ? text.charCodeAt(start) : -1;
    const known = code >= 0 ? shared.get(code) : undefined;
    if (known) {
      b.push(known, runIndex, false, start, end, kind === 'punct');
      continue;
    }
    const problemCount = problems.length;
    const unit = newUnit(run, kind, start, end, seg.punct, opts, problems);
    const isShared = code >= 0 && problems.length === problemCount;
    if (isShared) shared.set(code, unit);
    b.push(unit, runIndex, !isShared, start, end, kind === 'punct');
  }
}
