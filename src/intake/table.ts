/**
 * A table read from Word or a spreadsheet → a GFM table node. Merged header
 * cells become one header row whose labels name every level (“2023年／期数”):
 * the manuscript format has one header row and no merged cells, so the
 * merge is spelled out and reported; a merged body cell keeps its text in
 * its first cell, leaves the others empty, and is reported by place.
 */
import type { AlignType, Table, TableCell, TableRow } from 'mdast';
import type { NoteList } from './notes.ts';
import type { Cell } from './pieces.ts';

export interface TableSource {
  rows: Cell[][];
  /** Where row r, column c (from 0) is, for the report. */
  place: (row: number, col: number) => string;
}

/** Joins the levels of a merged header. */
export const HEADER_JOIN = '／';

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

/** The header labels, one per column: the distinct texts of the header rows, top down. */
function headerLabels(slots: Slot[][], depth: number, width: number): string[] {
  return Array.from({ length: width }, (_, c) => {
    const levels: string[] = [];
    for (let r = 0; r < depth; r++) {
      const t = slots[r]?.[c]?.text.trim() ?? '';
      if (t && levels.at(-1) !== t) levels.push(t);
    }
    return levels.join(HEADER_JOIN);
  });
}

/** The GFM table for `source`, with its merges reported. */
export function tableNode(source: TableSource, notes: NoteList): Table {
  const slots = grid(source.rows);
  const width = Math.max(...slots.map((r) => r.length));
  const depth = headerDepth(source.rows);
  const header = headerLabels(slots, depth, width);
  const headerMerged = source.rows.slice(0, depth).some((r) => r.some((c) => c.colspan > 1 || (c.rowspan > 1 && depth > 1)));
  if (depth > 1 && headerMerged) {
    notes.info('merged-header', source.place(0, 0), `表头有 ${depth} 层合并单元格，书稿格式只有一行表头，已写成“${header.find((h) => h.includes(HEADER_JOIN)) ?? header[0]}”式的表头。请核对。`);
  }
  const body = slots.slice(depth).map((row) => Array.from({ length: width }, (_, c) => {
    const slot = row[c];
    if (slot?.origin && (slot.cell.colspan > 1 || slot.cell.rowspan > 1)) {
      notes.warn('merged-cell', source.place(slot.row, slot.col), `合并单元格（${slot.cell.rowspan} 行 × ${slot.cell.colspan} 列）：书稿格式没有合并单元格，内容“${slot.text}”放在左上一格，其余留空。请核对。`);
    }
    return slot?.origin ? slot.text.trim() : '';
  }));
  const align: AlignType[] = header.map((_, c) => {
    const values = body.map((r) => r[c] ?? '').filter((v) => v !== '');
    return values.length > 0 && values.every((v) => NUMBER.test(v)) ? 'right' : null;
  });
  const rows: TableRow[] = [header, ...body].map((cells) => ({ type: 'tableRow', children: cells.map(cellNode) }));
  return { type: 'table', align, children: rows };
}
