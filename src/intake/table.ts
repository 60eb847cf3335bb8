/**
 * A table read from Word or a spreadsheet → a GFM table node under its
 * `::caption`. Merged header cells become the format's multi-level head:
 * `{header=N}` on the caption, and in the head rows `<` for a slot merged
 * with the cell on its left, `^` for one merged with the cell above
 * (docs/manuscript-format.md, Tables). A merged body cell keeps its text in
 * its first cell, leaves the others empty, and is reported by place.
 */
import type { AlignType, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { NoteList } from './notes.ts';
import type { Cell } from './pieces.ts';

export interface TableSource {
  rows: Cell[][];
  /** Where row r, column c (from 0) is, for the report. */
  place: (row: number, col: number) => string;
}

interface Slot { text: string; origin: boolean; row: number; col: number; cell: Cell }

/** Spans expanded: every slot of the grid knows the cell that covers it. */
function grid(rows: Cell[][]): Slot[][] {
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

function headerDepth(rows: Cell[][]): number {
  const first = rows[0] ?? [];
  let depth = Math.max(1, ...first.map((c) => c.rowspan));
  if (first.some((c) => c.colspan > 1)) depth = Math.max(depth, 2);
  while (rows[depth]?.length && rows[depth]!.every((c) => c.header)) depth++;
  return Math.min(depth, Math.max(1, rows.length - 1));
}

const NUMBER = /^[-+−]?[\d,，]*\.?\d+%?$/;

const cellNode = (text: string): TableCell => ({ type: 'tableCell', children: text ? [{ type: 'text', value: text }] : [] });

/** Merge marks of the head (src/parse/table.ts reads them). */
export const MERGE_LEFT = '<';
export const MERGE_UP = '^';

/** The head rows as the format writes them: a merged cell's text in its first slot, `<` right of it, `^` under it. */
function headRows(slots: Slot[][], depth: number, width: number): string[][] {
  return slots.slice(0, depth).map((row, r) => Array.from({ length: width }, (_, c) => {
    const slot = row[c];
    if (!slot) return '';
    if (slot.origin) return slot.text.trim();
    return slot.row < r ? MERGE_UP : MERGE_LEFT;
  }));
}

export interface ImportedTable {
  table: Table;
  /** Header rows: more than 1 when the head has levels (the caption's `header=`). */
  headRows: number;
}

/** The GFM table for `source`, with its merges reported. */
export function tableNode(source: TableSource, notes: NoteList): ImportedTable {
  const slots = grid(source.rows);
  const width = Math.max(...slots.map((r) => r.length));
  const depth = headerDepth(source.rows);
  const head = headRows(slots, depth, width);
  const headMerged = head.some((r) => r.some((t) => t === MERGE_LEFT || t === MERGE_UP));
  if (headMerged) {
    notes.info('merged-header', source.place(0, 0), `表头有 ${depth} 层、含合并单元格，已写成多层表头（表题后的 {header=${depth}}，“<”并入左格，“^”并入上格）。请核对。`);
  }
  const body = slots.slice(depth).map((row) => Array.from({ length: width }, (_, c) => {
    const slot = row[c];
    if (slot?.origin && (slot.cell.colspan > 1 || slot.cell.rowspan > 1)) {
      notes.warn('merged-cell', source.place(slot.row, slot.col), `合并单元格（${slot.cell.rowspan} 行 × ${slot.cell.colspan} 列）：书稿格式没有合并单元格，内容“${slot.text}”放在左上一格，其余留空。请核对。`);
    }
    return slot?.origin ? slot.text.trim() : '';
  }));
  const align: AlignType[] = Array.from({ length: width }, (_, c) => {
    const values = body.map((r) => r[c] ?? '').filter((v) => v !== '');
    return values.length > 0 && values.every((v) => NUMBER.test(v)) ? 'right' : null;
  });
  const rows: TableRow[] = [...head, ...body].map((cells) => ({ type: 'tableRow', children: cells.map(cellNode) }));
  return { table: { type: 'table', align, children: rows }, headRows: depth };
}

/** A table under its `::caption` (a head of several rows needs one to carry `header=`: a placeholder title, reported). */
export function captionedTable(source: TableSource, notes: NoteList, caption: string | undefined): RootContent[] {
  const { table, headRows } = tableNode(source, notes);
  const title = caption ?? (headRows > 1 ? '〔表题待补〕' : undefined);
  if (title === undefined) return [table];
  const directive: LeafDirective = { type: 'leafDirective', name: 'caption', attributes: headRows > 1 ? { header: String(headRows) } : {}, children: [{ type: 'text', value: title }] };
  return [directive, table];
}
