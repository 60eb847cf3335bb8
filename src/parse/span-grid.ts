/**
 * A table whose cells span rows and columns (Word's merged cells, HTML's
 * colspan and rowspan) → the format's GFM table: a head of several rows
 * (the caption's `{header=N}`) in which a slot merged with the cell on its
 * left holds `<` and one merged with the cell above holds `^` (table.ts
 * reads them), and a body whose merged cell keeps its text in its first slot
 * and leaves the others empty (the format has no merged body cells). Used
 * for HTML tables in a manuscript (html.ts) and by the Word import.
 */
import type { AlignType, Table, TableCell, TableRow } from 'mdast';

export interface SpanCell {
  text: string;
  colspan: number;
  rowspan: number;
  /** A header cell (HTML's th). */
  header: boolean;
}

/** A merged body cell, by its first slot (rows and columns from 0). */
export interface MergedBodyCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
}

export interface SpannedTable {
  table: Table;
  /** Rows of the head: more than 1 when it has levels (the caption's `header=`). */
  headRows: number;
  /** The head holds merged slots (`<`, `^`). */
  headMerged: boolean;
  mergedBody: MergedBodyCell[];
}

/** Merge marks of the head (table.ts reads them). */
const MERGE_LEFT = '<';
const MERGE_UP = '^';

interface Slot { text: string; origin: boolean; row: number; col: number; cell: SpanCell }

/** Spans expanded: every slot of the grid knows the cell that covers it. */
function grid(rows: SpanCell[][]): Slot[][] {
  const out: Slot[][] = [];
  rows.forEach((cells, r) => {
    out[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (out[r]![c]) c++;
      for (let dr = 0; dr < Math.max(1, cell.rowspan); dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colspan); dc++) {
          (out[r + dr] ??= [])[c + dc] = { text: cell.text, origin: dr === 0 && dc === 0, row: r, col: c, cell };
        }
      }
      c += Math.max(1, cell.colspan);
    }
  });
  return out.filter((row) => row !== undefined);
}

/** The head: the first row and whatever its cells span down, more rows while they are all header cells; never every row. */
function headerDepth(rows: SpanCell[][]): number {
  const first = rows[0] ?? [];
  let depth = Math.max(1, ...first.map((c) => c.rowspan));
  if (first.some((c) => c.colspan > 1)) depth = Math.max(depth, 2);
  while (rows[depth]?.length && rows[depth]!.every((c) => c.header)) depth++;
  return Math.min(depth, Math.max(1, rows.length - 1));
}

/** A number alone in a cell: 571,800, -3.5, 64.8%, .5 (written so that no two parts can match the same digits: linear on any text). */
const NUMBER = /^[-+−]?(?:\d(?:[\d,，]*\d)?(?:\.\d+)?|\.\d+)%?$/;

const cellNode = (text: string): TableCell => ({ type: 'tableCell', children: text ? [{ type: 'text', value: text }] : [] });

/** The head rows as the format writes them: a merged cell's text in its first slot, `<` right of it, `^` under it. */
function headRows(slots: Slot[][], depth: number, width: number): string[][] {
  return slots.slice(0, depth).map((row, r) => Array.from({ length: width }, (_, c) => {
    const slot = row[c];
    if (!slot) return '';
    if (slot.origin) return slot.text.trim();
    return slot.row < r ? MERGE_UP : MERGE_LEFT;
  }));
}

/** The GFM table of `rows` (cells in reading order, as HTML lists them); columns of numbers alone are set flush right. */
export function spannedTable(rows: SpanCell[][]): SpannedTable {
  const slots = grid(rows);
  const width = Math.max(0, ...slots.map((r) => r.length));
  const depth = headerDepth(rows);
  const head = headRows(slots, depth, width);
  const mergedBody: MergedBodyCell[] = [];
  const body = slots.slice(depth).map((row) => Array.from({ length: width }, (_, c) => {
    const slot = row[c];
    if (slot?.origin && (slot.cell.colspan > 1 || slot.cell.rowspan > 1)) {
      mergedBody.push({ row: slot.row, col: slot.col, rowspan: slot.cell.rowspan, colspan: slot.cell.colspan, text: slot.text });
    }
    return slot?.origin ? slot.text.trim() : '';
  }));
  const align: AlignType[] = Array.from({ length: width }, (_, c) => {
    const values = body.map((r) => r[c] ?? '').filter((v) => v !== '');
    return values.length > 0 && values.every((v) => NUMBER.test(v)) ? 'right' : null;
  });
  const tableRows: TableRow[] = [...head, ...body].map((cells) => ({ type: 'tableRow', children: cells.map(cellNode) }));
  return {
    table: { type: 'table', align, children: tableRows }, headRows: depth,
    headMerged: head.some((r) => r.some((t) => t === MERGE_LEFT || t === MERGE_UP)), mergedBody,
  };
}
