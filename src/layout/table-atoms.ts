/**
 * Statistics tables in the flow. A table that fits the column is set in it
 * where it is referenced, a breakable block that goes on in the next column
 * under 续表 with its header repeated; a short one that does not fit what is
 * left of the column floats to the top of the next, the text going on. A wider
 * table spans the page (通栏) as a float at the top of the page (the next, unless
 * only floats are on this one), cut where the page ends, the text in both
 * columns under its last piece. No continuation keeps fewer than a
 * third of the rows when moving the break can help. Notes stay under the table.
 */
import type { Atom, Placement } from './atoms.ts';
import type { LayoutContext } from './context.ts';
import type { Geometry } from './geometry.ts';
import { rowsThatFit, type TableSet } from './table.ts';

/** What the table atoms print besides the table: the heading it stands for (a chapter that is one table), its own id. */
export interface TableMarks {
  anchors: string[];
  outline?: { title: string; level: number };
}

/** Grid lines a piece of `height` pt takes, with half a line of room around it. */
const linesFor = (g: Geometry, height: number) => Math.ceil(height / g.pitchPt + 1);

/**
 * The most a row is made taller so that a piece fills its grid lines, as a
 * share of the grid's pitch: more reads as a looser table than its like.
 */
const MOST_ROW_EXTRA = 1 / 5;

/**
 * How much taller each of a piece's `rows` is set, so that the piece ends half
 * a line over its last grid line as it starts half a line under its first:
 * the room under a table (and over the next one's title) is then the same
 * everywhere, not anything from half a line to a line and a half (p. 340).
 * What the rows cannot take stays under the piece.
 */
function rowExtraOf(g: Geometry, lines: number, height: number, rows: number): number {
  const leftover = (lines - 1) * g.pitchPt - height;
  return rows > 0 ? Math.min(leftover / rows, MOST_ROW_EXTRA * g.pitchPt) : 0;
}

/** A piece of rows [from, to): at the column's left or across the type area, half a line under its first grid line, its rows filling its lines. */
function pieceAtom(g: Geometry, set: TableSet, from: number, to: number, marks: TableMarks | undefined, wide: boolean): Atom {
  const height = set.heightOf(from, to);
  const lines = linesFor(g, height);
  const rowExtra = rowExtraOf(g, lines, height, to - from);
  return {
    lines, keepWithNextLines: 0, isFloat: wide, ...(wide ? { spansColumns: true } : {}), anchors: marks?.anchors ?? [],
    ...(marks?.outline ? { outline: marks.outline } : {}),
    draw({ geometry, isRecto, column, line }: Placement) {
      const left = wide ? geometry.typeLeft(isRecto) : geometry.columnLeft(isRecto, column);
      const blockTop = geometry.baseline(line) - 0.88 * geometry.bodySizePt;
      // Set from half a line under its first grid line, not centred in its lines: pieces that start on one grid line have their headers level (R-COL-2).
      return set.drawPiece(from, to, left, blockTop + geometry.pitchPt / 2, rowExtra);
    },
  };
}

/** The fewest rows a piece under a column's text keeps before it goes on. */
const FEWEST_ROWS = 4;

/** The fewest rows a piece keeps (a third of the table, R-TAB: no thin continuation), and never fewer than one. */
const minimumRows = (set: TableSet) => Math.max(1, Math.ceil(set.rows / 3));

/**
 * A table from row `from` on, in a column or across the page (`wide`): whole
 * when it fits, else split where the room ends. A column table no taller than
 * a column floats to the next column's top rather than leave this one short.
 */
function tableBlock(g: Geometry, set: TableSet, from: number, marks: TableMarks | undefined, wide: boolean): Atom {
  const whole = pieceAtom(g, set, from, set.rows, marks, wide);
  const least = minimumRows(set);
  const floats = wide || (whole.lines <= g.linesPerColumn && from === 0);
  return {
    ...whole,
    isFloat: floats,
    split(lines) {
      const height = (lines - 1) * g.pitchPt;
      let to = rowsThatFit(set, from, height);
      if (set.heightOf(from, to) > height || to >= set.rows) return undefined;
      // Leave the continuation a third of the rows; a piece ending a column or page keeps a few rows at least.
      // Only when the piece itself still keeps its share: moving the break to one row a page would print a row a page.
      // A page-wide table leaves its continuation a few rows only: the room a moved break leaves on its page takes
      // nothing but text under the piece, so a third would leave the page part-empty or the table split by text.
      const few = Math.min(least, FEWEST_ROWS);
      const keep = wide ? few : least;
      if (set.rows - to < keep && set.rows - keep - from >= few) to = set.rows - keep;
      if (lines < g.linesPerColumn && to - from < few) return undefined;
      // A table that fits a column is shared between two (a last page balanced) only in pieces of a third at least.
      if (floats && !wide && to - from < least) return undefined;
      return { first: pieceAtom(g, set, from, to, marks, wide), rest: tableBlock(g, set, to, undefined, wide) };
    },
  };
}

/** The atoms of a column or page-wide table (a turned one has pages of its own: part.ts). */
export function tableAtoms(ctx: LayoutContext, set: TableSet, marks: TableMarks): Atom[] {
  const g = ctx.geometry;
  return [tableBlock(g, set, 0, marks, set.span === 'page')];
}
