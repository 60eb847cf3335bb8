/**
 * The head of a statistics table (表头), one row or several with merged
 * cells: each cell set across the columns it spans and centred in its box,
 * a cell spanning rows as high as those rows (the last row grows when its
 * text needs more), and the head's rules — in a grid table every cell
 * framed, in a three-line table (三线表) a light rule under each cell that
 * spans columns above others. The whole head repeats under 续表.
 */
import type { Line } from '../compose/index.ts';
import { blockKey, type HeadCell } from '../model/index.ts';
import { blockLine } from './block-line.ts';
import type { DisplayItem } from './types.ts';

export interface SetHeadCell {
  cell: HeadCell;
  lines: Line[];
}

export interface SetHead {
  cells: SetHeadCell[];
  /** Height of each head row, in pt. */
  rowHeights: number[];
  height: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Left edge of column `col` from the table's left, and the width of `span` columns from it. */
export const columnX = (widths: readonly number[], col: number) => sum(widths.slice(0, col));
export const spanWidth = (widths: readonly number[], col: number, span: number) => sum(widths.slice(col, col + span));

/** Sets the head: `compose` breaks a cell's text to a width. */
export function setHead(cells: readonly HeadCell[], rows: number, widths: readonly number[], pitch: number, pad: number, compose: (cell: HeadCell, width: number) => Line[]): SetHead {
  const set = cells.map((cell) => ({ cell, lines: compose(cell, spanWidth(widths, cell.col, cell.colspan) - 2 * pad) }));
  const need = (s: SetHeadCell) => Math.max(1, s.lines.length) * pitch + 2 * pad;
  const rowHeights = Array.from({ length: rows }, (_, r) => Math.max(pitch + 2 * pad, ...set.filter((s) => s.cell.row === r && s.cell.rowspan === 1).map(need)));
  for (const s of set.filter((k) => k.cell.rowspan > 1)) {
    const last = s.cell.row + s.cell.rowspan - 1;
    const short = need(s) - sum(rowHeights.slice(s.cell.row, last + 1));
    if (short > 0) rowHeights[last]! += short;
  }
  return { cells: set, rowHeights, height: sum(rowHeights) };
}

/** Glyphs of the head with its top at `top`: each cell centred in its box. */
export function drawHead(head: SetHead, widths: readonly number[], left: number, top: number, pitch: number, size: number): DisplayItem[] {
  const rowTop = (r: number) => top + sum(head.rowHeights.slice(0, r));
  return head.cells.flatMap(({ cell, lines }) => {
    const x = left + columnX(widths, cell.col);
    const w = spanWidth(widths, cell.col, cell.colspan);
    const h = rowTop(cell.row + cell.rowspan) - rowTop(cell.row);
    const y = rowTop(cell.row) + (h - lines.length * pitch) / 2;
    const key = cell.content[0] && blockKey(cell.content[0].source);
    return lines.map((l, k): DisplayItem => ({ kind: 'glyphs', x: x + (w - l.widthPt) / 2, y: y + 0.88 * size + k * pitch, glyphs: l.glyphs, ...blockLine(key, k) }));
  });
}

/**
 * The rules inside the head, between `top` and its bottom (the frame, the
 * rule under the head and the body's rules are the table's): in a grid the
 * right and bottom edge of each cell; in a three-line table a light rule
 * under each cell that spans columns above other cells, short of its ends.
 */
export function headRules(head: SetHead, style: 'grid' | 'three-line', widths: readonly number[], left: number, top: number, rule: number, inset: number): DisplayItem[] {
  const rowTop = (r: number) => top + sum(head.rowHeights.slice(0, r));
  const rows = head.rowHeights.length;
  const items: DisplayItem[] = [];
  for (const { cell } of head.cells) {
    const x1 = left + columnX(widths, cell.col);
    const x2 = x1 + spanWidth(widths, cell.col, cell.colspan);
    const y2 = rowTop(cell.row + cell.rowspan);
    const inside = cell.row + cell.rowspan < rows;
    if (style === 'three-line') {
      if (inside && cell.colspan > 1) items.push({ kind: 'rule', x1: x1 + inset, y1: y2, x2: x2 - inset, y2, widthPt: rule });
      continue;
    }
    if (inside) items.push({ kind: 'rule', x1, y1: y2, x2, y2, widthPt: rule });
    if (cell.col + cell.colspan < widths.length) items.push({ kind: 'rule', x1: x2, y1: rowTop(cell.row), x2, y2, widthPt: rule });
  }
  return items;
}
