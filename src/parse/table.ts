/**
 * Statistics tables: a GFM table, its caption from the `::caption[…]` line
 * before it. Multi-level headers (多层表头) are written as GFM can carry them:
 * `{header=2}` on the caption makes the first two rows the head, and in the
 * head a cell holding only `<` is merged with the cell on its left, one
 * holding only `^` with the cell above (MultiMarkdown's `^^` is read too):
 *
 *     ::caption[财政收支情况（单位：万元）]{header=2}
 *     | 项目 | 2023年 | <    | 比上年增长 |
 *     | ---- | -----: | ---: | ---------: |
 *     | ^    | 金额   | 占比 | ^          |
 *
 * is typst's `table.cell(colspan: 2)` / `rowspan: 2`, HTML's colspan/rowspan.
 */
import type { LeafDirective } from 'mdast-util-directive';
import type { Table } from 'mdast';
import { report } from '../diagnostics/index.ts';
import type { CellAlign, HeadCell, Inline, StatTable } from '../model/index.ts';
import { rawText, toInlines } from './inline.ts';
import type { HtmlTableData } from './html.ts';
import type { ParseState } from './state.ts';

const MERGE_LEFT = /^\s*<\s*$/;
const MERGE_UP = /^\s*\^{1,2}\s*$/;

/** How many rows form the head: the caption's `header=N`, else what an HTML table's spans said (html.ts), else 1; an invalid one is reported. */
function headRowsOf(state: ParseState, caption: LeafDirective | undefined, table: Table): number {
  const rowCount = table.children.length;
  const value = caption?.attributes?.header;
  if (value === undefined || value === null) return Math.min((table.data as HtmlTableData | undefined)?.headRows ?? 1, Math.max(1, rowCount - 1));
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n < rowCount) return n;
  report(state.file, caption!, 'directive-attribute-invalid', { name: '::caption', attribute: 'header', value, expected: `表头行数（1 至 ${Math.max(1, rowCount - 1)} 的整数）` });
  return 1;
}

/**
 * The head's cells from its rows of raw cell text: `<` and `^` cells grow the
 * cell they merge with. A marker with nothing to merge with (first column or
 * row), or one that would make a merged area other than a rectangle, is kept
 * as text and reported.
 */
export function headCells(texts: readonly string[][], contents: readonly Inline[][][], columns: number, onBadMerge: (row: number, col: number) => void): HeadCell[] {
  const cells: HeadCell[] = [];
  const owner: (HeadCell | undefined)[][] = texts.map(() => []);
  const own = (cell: HeadCell) => {
    for (let r = cell.row; r < cell.row + cell.rowspan; r++) for (let c = cell.col; c < cell.col + cell.colspan; c++) owner[r]![c] = cell;
  };
  texts.forEach((row, r) => {
    for (let c = 0; c < columns; c++) {
      const text = row[c] ?? '';
      if (owner[r]![c]) {
        // Covered by a cell merged across and down (a 2×2 area): only a marker may stand here.
        if (!MERGE_LEFT.test(text) && !MERGE_UP.test(text)) onBadMerge(r, c);
        continue;
      }
      const left = c > 0 ? owner[r]![c - 1] : undefined;
      const above = r > 0 ? owner[r - 1]![c] : undefined;
      if (MERGE_LEFT.test(text) && left?.row === r) {
        left.colspan++;
        own(left);
        continue;
      }
      if (MERGE_UP.test(text) && above && above.col === c && above.row + above.rowspan === r) {
        above.rowspan++;
        own(above);
        continue;
      }
      if (MERGE_LEFT.test(text) || MERGE_UP.test(text)) onBadMerge(r, c);
      const cell: HeadCell = { content: [...(contents[r]?.[c] ?? [])], row: r, col: c, rowspan: 1, colspan: 1 };
      cells.push(cell);
      own(cell);
    }
  });
  return cells;
}

export function table(state: ParseState, node: Table, caption: Inline[] | undefined, captionNode?: LeafDirective): StatTable {
  const columns = node.children[0]?.children.length ?? 0;
  const headRows = headRowsOf(state, captionNode, node);
  const [headNodes, bodyNodes] = [node.children.slice(0, headRows), node.children.slice(headRows)];
  const texts = headNodes.map((row) => row.children.map((cell) => rawText(cell.children)));
  const contents = headNodes.map((row) => row.children.map((cell) => toInlines(state, cell.children)));
  const head = headCells(texts, contents, columns, (r, c) => report(state.file, headNodes[r]!, 'table-merge-invalid', { row: r + 1, col: c + 1 }));
  const rows = bodyNodes.map((row, i) => {
    const cells = row.children.map((cell) => toInlines(state, cell.children));
    if (cells.length === columns) return cells;
    report(state.file, row, 'table-ragged', { row: i + 1, found: cells.length, expected: columns });
    // As the message says: cells short are empty, cells over go into the last one (the PDF set only the
    // columns the head has, and the cells over were lost from it; the EPUB printed them in columns of their own).
    const gap: Inline = { type: 'text', value: ' ', source: state.source(row) };
    const over = cells.slice(columns).flatMap((cell) => [gap, ...cell]);
    return Array.from({ length: columns }, (_, c) => (c === columns - 1 ? [...(cells[c] ?? []), ...over] : cells[c] ?? []));
  });
  if (!caption) report(state.file, node, 'table-caption-missing');
  const align = (node.align ?? []).map((a) => (a ?? null) as CellAlign);
  return { type: 'table', id: state.nextId('table'), ...(caption ? { caption } : {}), align, columns, headRows, head, rows, source: state.source(node) };
}
