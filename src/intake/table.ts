/**
 * A table read from Word or a spreadsheet → a GFM table node under its
 * `::caption`. Merged header cells become the format's multi-level head:
 * `{header=N}` on the caption, and in the head rows `<` for a slot merged
 * with the cell on its left, `^` for one merged with the cell above
 * (docs/manuscript-format.md, Tables). A merged body cell keeps its text in
 * its first cell, leaves the others empty, and is reported by place.
 */
import type { RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { type SpannedTable, spannedTable } from '../parse/index.ts';
import type { NoteList } from './notes.ts';
import type { Cell } from './pieces.ts';

export interface TableSource {
  rows: Cell[][];
  /** Where row r, column c (from 0) is, for the report. */
  place: (row: number, col: number) => string;
}

export type ImportedTable = Pick<SpannedTable, 'table' | 'headRows'>;

/** The GFM table for `source` (parse/span-grid.ts), with its merges reported. */
export function tableNode(source: TableSource, notes: NoteList): ImportedTable {
  const { table, headRows: depth, headMerged, mergedBody } = spannedTable(source.rows);
  if (headMerged) {
    notes.info('merged-header', source.place(0, 0), `表头有 ${depth} 层、含合并单元格，已写成多层表头（表题后的 {header=${depth}}，“<”并入左格，“^”并入上格）。请核对。`);
  }
  for (const m of mergedBody) {
    notes.warn('merged-cell', source.place(m.row, m.col), `合并单元格（${m.rowspan} 行 × ${m.colspan} 列）：书稿格式没有合并单元格，内容“${m.text}”放在左上一格，其余留空。请核对。`);
  }
  return { table, headRows: depth };
}

/** A table under its `::caption` (a head of several rows needs one to carry `header=`: a placeholder title, reported). */
export function captionedTable(source: TableSource, notes: NoteList, caption: string | undefined): RootContent[] {
  const { table, headRows } = tableNode(source, notes);
  const title = caption ?? (headRows > 1 ? '〔表题待补〕' : undefined);
  if (title === undefined) return [table];
  const directive: LeafDirective = { type: 'leafDirective', name: 'caption', attributes: headRows > 1 ? { header: String(headRows) } : {}, children: [{ type: 'text', value: title }] };
  return [directive, table];
}
