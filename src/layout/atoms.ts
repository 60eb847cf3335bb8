/**
 * Atoms: the page make-up engine's vocabulary, what the column flow places.
 * Each takes a whole number of grid lines (R-HEAD-1) and draws itself once it
 * knows its column and line: a grid line of composed text (lineAtom), an
 * unbreakable block (a heading, a figure), a breakable block (`split`: a table
 * whose header repeats), a float (`isFloat`, column-wide or `spansColumns`,
 * `placement` top or bottom), a heading's keep rule (`keepWithNextLines`), the
 * widow penalty of a paragraph's lines (`paragraph`), a forced break (`breakBefore`),
 * discardable space (`spaceAtom`).
 */
import type { Line } from '../compose/index.ts';
import type { Source } from '../model/index.ts';
import { blockLine } from './block-line.ts';
import type { PageDraft } from './draft.ts';
import type { NoteText } from './footnotes.ts';
import type { Geometry } from './geometry.ts';
import type { DisplayItem } from './types.ts';

/** A line's place in its paragraph; all lines of a paragraph share `relines`. */
export interface ParagraphPlace {
  index: number;
  count: number;
  /** The paragraph's lines set in `count` lines within the composer's limits (先挤后推), or undefined when it cannot be. */
  relines?: (count: number) => Atom[] | undefined;
  /** The paragraph's manuscript place (`path:line:column`): a proof's page map names its lines by it (issue 23). */
  key?: string;
}

export interface Placement {
  geometry: Geometry;
  isRecto: boolean;
  column: number;
  /** First grid line (0-based) the atom occupies. */
  line: number;
  /** A float (a photo) ends on the grid line right above: a photo stacked under another starts as one at the column's head does. */
  afterFloat?: boolean;
  /** Resolves a link target once all pages are placed (a TOC line links to its page). */
  pageIndexOf?: (anchorId: string) => number | undefined;
}

export interface Atom {
  /** Height in grid lines. */
  lines: number;
  /** Headings keep this many lines of what follows in the same column (R-HEAD-3). */
  keepWithNextLines: number;
  /** Figures may float to the top of the next column instead of splitting the text (never reordered among themselves). */
  isFloat: boolean;
  /** Spans all columns: goes to the top of the next page, its lines kept free in every column. */
  spansColumns?: boolean;
  /** A float's place: top of the next column, or the foot of this column (else the next). */
  placement?: 'here' | 'top' | 'bottom';
  /** Ids printed in this atom (entries, headings, index terms). */
  anchors: readonly string[];
  /** Part, chapter… titles this atom opens, for the outline. */
  outline?: { title: string; level: number };
  /** The manuscript places of the text in this atom (a preview goes to the page of an edit). */
  sources?: readonly Source[];
  /** A body line: the composed line it prints (a problem with the line is reported at its page and column). */
  composed?: Line;
  /** For a line of a paragraph: its place in the paragraph (widow control, R-PAR-4). */
  paragraph?: ParagraphPlace;
  /** A heading set one grid line taller or shorter (its space around the text, R-HEAD-1), or a photo a line taller (its room): the make-up's give besides paragraphs; undefined when it cannot be. */
  resize?: (delta: 1 | -1) => Atom | undefined;
  /** How visible the line `resize` adds is, as the spread per gap (em) of a paragraph set a line longer (flow.ts); a heading's when absent. */
  giveCost?: number;
  /** A breakable block: the part that fits in `lines` grid lines and the rest (its header repeated), or undefined when no good break fits. */
  split?: (lines: number) => { first: Atom; rest: Atom } | undefined;
  /** A body line: where its text begins in its block (a page that opens with this line begins there, issue 19). */
  textStart?: { block: string; offset: number };
  /** Stays with the text before it: no float is set between them (a section's credit line, R-YB-5). */
  keepWithPrevious?: boolean;
  /** Pages of their own (a turned table, 卧排表) that follow the page this zero-line atom falls on. */
  pagesAfter?: PageDraft[];
  /** A footnote, or the part of one set in a column (footnotes.ts): its lines, stacked with the column's other notes under one rule. */
  footnote?: NoteText;
  /** A line's footnotes (their marks are on it): set at the foot of the column the line is set in, or begun there and continued. */
  notes?: readonly Atom[];
  /** A forced break before this atom: a new column, or a new page (另页起). */
  breakBefore?: 'column' | 'page';
  /** Space that is dropped at the top of a column, under page-wide bands (the blank line before an index letter). */
  discardable?: boolean;
  draw(at: Placement): DisplayItem[];
}

/** The anchors of most lines: none, one list for all (each line's atom lives as long as the pages). */
const NO_ANCHORS: readonly string[] = Object.freeze([]);

/** One composed body line on the grid, at the column's left edge (a credit line stands right by its composition: align 'end'). */
export function lineAtom(line: Line, paragraph?: ParagraphPlace): Atom {
  return {
    lines: 1, keepWithNextLines: 0, isFloat: false, anchors: line.anchors.length > 0 ? line.anchors.map((a) => a.id) : NO_ANCHORS, sources: line.sources, composed: line, ...(paragraph ? { paragraph } : {}),
    draw({ geometry: g, isRecto, column, line: at }) {
      return [{ kind: 'glyphs', x: g.columnLeft(isRecto, column), y: g.baseline(at), glyphs: line.glyphs, ...blockLine(paragraph?.key, paragraph?.index ?? 0, false, line) }];
    },
  };
}

/** Blank grid lines before an item, dropped where they would open a column (the discardable glue of TeX and SILE). */
export function spaceAtom(lines: number): Atom {
  return { lines, keepWithNextLines: 0, isFloat: false, discardable: true, anchors: [], draw: () => [] };
}

/**
 * Lines of another size (headings, captions) centred vertically in a block
 * of `gridLines` body lines, each line centred or at the start of the column;
 * `key` names the manuscript block they print (a proof's page map), the
 * first of them its line `from`. `grown`: lines the make-up added to the
 * block (a heading's give, R-HEAD-1). They go above the text, which keeps
 * its distance to the text it heads, as a compositor opens the space before
 * a section; centred, a heading given a line stood half a line farther from
 * its own text than the others (统计资料, 32 pt against 47). At a column's
 * head, where space above would open the column, they are shared as before.
 */
export function blockOfLines(lines: Line[], sizePt: number, pitchPt: number, gridLines: number, align: 'start' | 'center', key?: string, from = 0, grown = 0): (at: Placement) => DisplayItem[] {
  return ({ geometry: g, isRecto, column, line }) => {
    const above = line > 0 ? grown : 0;
    const top = g.baseline(line + above) - 0.88 * g.bodySizePt;
    const bottom = g.baseline(line + gridLines - 1) + 0.12 * g.bodySizePt;
    const textHeight = (lines.length - 1) * pitchPt + sizePt;
    const firstBaseline = (top + bottom) / 2 - textHeight / 2 + 0.88 * sizePt;
    return lines.map((l, i) => ({
      kind: 'glyphs' as const,
      x: g.columnLeft(isRecto, column) + (align === 'center' ? (g.columnWidthPt - l.widthPt) / 2 : 0),
      y: firstBaseline + i * pitchPt,
      glyphs: l.glyphs,
      ...blockLine(key, from + i),
    }));
  };
}
