/**
 * What the composer takes and gives: a paragraph as styled runs in, lines
 * of positioned glyphs out, as plain data that layout and tests read
 * without any PDF.
 */
import type { KinsokuLevel, PunctuationStyle, SegmentClass } from '../cjk/index.ts';
import type { FontProvider, FontStyle, GlyphRef } from '../font/index.ts';
import type { Source } from '../model/index.ts';
import type { Point } from '../units/index.ts';
import type { GlyphRun } from './placed-glyph.ts';
import type { ComposeWorkspace } from './scratch.ts';

/** A run of text in one style; `anchor` marks where an index term or entry begins. */
export interface TextRun {
  kind: 'text';
  text: string;
  style: FontStyle;
  source?: Source;
  /** Offsets in `text` where a new source line begins, to report problems at their line. */
  lineStarts?: number[];
  anchor?: string;
  /** Also mark where the run ends (index terms: a term across a page break has two locators). */
  marksEnd?: boolean;
  /** A footnote's mark in the text: set smaller and raised, as one unit that never begins a line (R-KIN-1, build-units.ts). */
  superscript?: boolean;
  /** Never broken inside while it fits on a line: a caption's credit （区商务局提供） turns over whole. */
  unbroken?: boolean;
  /** Broken only between words, as a heading turns over (issue 18): an entry's run-in head 【…】 of more than a line (R-HEAD-4). */
  wordsWhole?: boolean;
}

/** A fixed space, e.g. the 1 em after a run-in head (R-HEAD-4). A line may break there. */
export interface FixedSpace {
  kind: 'space';
  widthEm: number;
}

/**
 * A place marked in the text without printing anything: an editor's query
 * (存疑, issue 23). It takes no room; the line that holds the character before
 * it lists `id` among its anchors (a proof's margin note goes there).
 */
export interface MarkRun {
  kind: 'mark';
  id: string;
}

/**
 * A line break typed in the text (Markdown's hard break: two spaces or a
 * backslash at a line's end, an address or a verse): the line ends there
 * and is set flush, as the last line of a paragraph is. The EPUB has <br>.
 */
export interface LineBreakRun {
  kind: 'break';
}

export type Run = TextRun | FixedSpace | MarkRun | LineBreakRun;

export interface ParagraphInput {
  runs: Run[];
  /** First-line indent in em (R-PAR-1: 2). */
  indentEm: number;
  /** justify: every line but the last flush on both edges (R-JUS-1); end: flush right (a credit line, R-YB-5). */
  align: 'justify' | 'start' | 'center' | 'end';
  /**
   * Headings, titles, TOC lines, captions (issue 18): break only between
   * words, never leave a runt of one or two characters; 'balanced' also
   * makes the lines of similar length. 'words-preferred' (a table's cells):
   * any break the rules allow, but of as many lines the one between words;
   * 'address' likewise, between an address's parts (cjk/address.ts).
   */
  turnover?: 'balanced' | 'words' | 'words-preferred' | 'address';
  /** A turnover that may break between the words of a short quoted name (“天津科普之夜”), kept whole otherwise: a caption asks when keeping it whole spreads a line. */
  quotesBroken?: boolean;
}

export interface ComposeOptions {
  fontSizePt: number;
  measurePt: number;
  punctuation: PunctuationStyle;
  kinsoku: KinsokuLevel;
  fonts: FontProvider;
  /** What composing carries from paragraph to paragraph with these fonts (scratch.ts); a paragraph composed without one gets its own. */
  workspace?: ComposeWorkspace;
}

/** One composition unit: a hanzi, a mark, a long mark, a Latin/number token. */
export interface Unit {
  seg: SegmentClass;
  style: FontStyle;
  glyphs: GlyphRef[];
  /** Box width in em after fixed compression (R-PUN-8, run-in heads). */
  widthEm: number;
  /** Glyph position in em from the box start. */
  drawEm: number;
  blankStartEm: number;
  blankEndEm: number;
  isCentred: boolean;
  anchor: string | undefined;
  /** Marks where an anchored run (an index term) ends: `<id>~end`. */
  endAnchor: string | undefined;
  /** Marks (queries) that stand after this unit: anchors at its end, zero width. */
  marks: string[] | undefined;
  /** Counts for R-PAR-3 (a hanzi, a token, a long mark). */
  isWord: boolean;
  /** One of two adjacent marks set at R-PUN-8's 1.5 em: not squeezed further in the line, so every pair is alike (issue 18). */
  isPaired: boolean;
}

/**
 * Shrink classes in the order they are used (R-JUS-4). The CJK–Latin gap
 * shrinks towards ⅛ em before any mark is squeezed (issue 18): a squeezed
 * mark shows more than a gap at ⅛ em.
 */
export type ShrinkClass = 'word-space' | 'bracket' | 'pause' | 'mixed' | 'stop';
export const SHRINK_ORDER: readonly ShrinkClass[] = ['word-space', 'mixed', 'bracket', 'pause', 'stop'];

/** The space between two units. */
export interface Gap {
  kind: 'none' | 'mixed' | 'word-space' | 'fixed';
  widthEm: number;
  canBreak: boolean;
  /** How much it may shrink (em) and under which class. */
  shrinkEm: number;
  /** How much it may stretch before the even spread (R-JUS-5 steps 1–2). */
  stretchEm: number;
  /** Takes part in the even spread of R-JUS-5 step 3. */
  isSpreadable: boolean;
  /** A line must break here (R-KIN-6: the doubled ellipsis stands on a line of its own). */
  isForced: boolean;
}

export interface PositionedGlyph extends GlyphRef {
  /** x of the glyph origin from the start of the line, in pt. */
  xPt: number;
  sizePt: number;
}

export interface Line {
  glyphs: GlyphRun;
  /** Set width in pt, from the line start to the end of the last box. */
  widthPt: number;
  measurePt: number;
  indentPt: number;
  isFirst: boolean;
  isLast: boolean;
  /** Extra space per spread gap in em (R-JUS-7 measures it). */
  spreadEm: number;
  /** Index terms and entry ids that begin on this line, with their x in pt. */
  anchors: ReadonlyArray<{ id: string; xPt: number }>;
  /** The manuscript places of the runs on this line. */
  sources: readonly Source[];
  /** The text of the line. */
  text: string;
}

export type ComposeProblem =
  | { kind: 'glyph-missing'; char: string; source?: Source; point?: Point }
  /** A stretch with no allowed break, wider than a line, was broken against R-KIN so that it wraps. */
  | { kind: 'kinsoku-forced'; text: string; source?: Source }
  | { kind: 'line-overfull'; overPt: number; text: string; source?: Source; line?: Line }
  | { kind: 'line-loose'; spreadEm: number; text: string; source?: Source; line?: Line };

export interface ComposedParagraph {
  lines: Line[];
  problems: ComposeProblem[];
}
