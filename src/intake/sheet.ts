/**
 * Statistics spreadsheets → tables. An .xlsx is read with exceljs, each
 * sheet (or each named range, when the workbook names some) one table;
 * numbers are shown as Excel shows them (numfmt reads the cell's number
 * format); merged header cells become the header's levels; the title row
 * becomes the ::caption, with the 单位 line. Text tables (.csv) are read in csv.ts.
 */
import ExcelJS from 'exceljs';
import type { RootContent } from 'mdast';
import { format as formatNumber } from 'numfmt';
import { CONTROL } from './damaged.ts';
import { NoteList } from './notes.ts';
import type { Cell } from './pieces.ts';
import type { Submission } from './submission.ts';
import { captionedTable } from './table.ts';

/** A sheet as text cells with merges, rows and columns from 0. */
export interface SheetGrid {
  name: string;
  cells: string[][];
  /** Merged areas: top, left, bottom, right (inclusive, from 0). */
  merges: [number, number, number, number][];
  /** Column letters + row number for the report. */
  place: (row: number, col: number) => string;
}

export const columnName = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : columnName(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

function display(cell: ExcelJS.Cell): string {
  let value: unknown = cell.value;
  if (value && typeof value === 'object' && 'result' in value) value = (value as { result: unknown }).result; // a formula's last result
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || value instanceof Date) {
    try {
      return formatNumber(cell.numFmt || 'General', value);
    } catch {
      return String(value);
    }
  }
  if (typeof value === 'object' && 'richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (typeof value === 'object' && 'error' in value) return String((value as { error: unknown }).error);
  return String(value).trim();
}

function decodeRange(range: string): [number, number, number, number] | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range.replace(/^.*!/, '').replace(/'/g, ''));
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1, col(m[1]!), Number(m[4] ?? m[2]) - 1, col(m[3] ?? m[1]!)];
}

function worksheetGrid(ws: ExcelJS.Worksheet, area?: [number, number, number, number]): SheetGrid {
  const [top, left, bottom, right] = area ?? [0, 0, ws.rowCount - 1, ws.columnCount - 1];
  const cells: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: string[] = [];
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      row.push(cell.isMerged && cell.master !== cell ? '' : display(cell));
    }
    cells.push(row);
  }
  const merges = ((ws.model as { merges?: string[] }).merges ?? [])
    .map(decodeRange).filter((m): m is [number, number, number, number] => m !== undefined)
    .filter((m) => m[0] >= top && m[2] <= bottom && m[1] >= left && m[3] <= right)
    .map(([t, l, b, rt]) => [t - top, l - left, b - top, rt - left] as [number, number, number, number]);
  return { name: ws.name, cells, merges, place: (r, c) => `${ws.name}!${columnName(c + left)}${r + top + 1}` };
}

const filled = (row: string[]) => row.filter((t) => t.trim() !== '').length;

/** The grid's table: its title row and 单位 line taken off the top, the rest as cells with spans. */
export function gridTable(grid: SheetGrid, notes: NoteList, fallbackCaption = ''): RootContent[] {
  let first = grid.cells.findIndex((r) => filled(r) > 0);
  const last = grid.cells.findLastIndex((r) => filled(r) > 0);
  if (first < 0) {
    notes.warn('sheet-empty', grid.name, `工作表“${grid.name}”是空的，未导入。`);
    return [];
  }
  const width = Math.max(...grid.cells.map((r) => r.findLastIndex((t) => t.trim() !== '') + 1));
  let title = '';
  let unit = '';
  for (let guard = 0; guard < 3 && first < last && filled(grid.cells[first]!) === 1; guard++) {
    const text = grid.cells[first]!.find((t) => t.trim() !== '')!.trim();
    if (/^[（(]?单位[：:]/.test(text)) unit = text.replace(/^[（(]|[）)]$/g, '');
    else if (!title) title = text;
    else break;
    first++;
  }
  const unitCell = grid.cells[first]?.findIndex((t) => /^[（(]?单位[：:]/.test(t.trim()));
  if (unitCell !== undefined && unitCell >= 0 && !unit && filled(grid.cells[first]!) <= 2) {
    unit = grid.cells[first]![unitCell]!.trim().replace(/^[（(]|[）)]$/g, '');
    const rest = grid.cells[first]!.filter((t, i) => i !== unitCell && t.trim() !== '');
    if (rest.length === 1 && !title) title = rest[0]!.trim();
    first++;
  }
  const rows = spannedRows(grid, first, last, width);
  if (!title) title = fallbackCaption;
  const caption = title ? `${title}${unit ? `（${unit}）` : ''}` : '';
  if (!title) notes.info('table-caption', grid.place(first, 0), `工作表“${grid.name}”没有标题行，没有加 ::caption。请补上表题。`);
  return captionedTable({ rows, place: (r, c) => grid.place(first + r, c) }, notes, caption || undefined);
}

/** Rows first..last as cells, a merged area one cell with its spans. */
function spannedRows(grid: SheetGrid, first: number, last: number, width: number): Cell[][] {
  const covered = new Set<string>();
  const spanOf = new Map<string, [number, number]>();
  for (const [t, l, b, r] of grid.merges) {
    spanOf.set(`${t},${l}`, [b - t + 1, r - l + 1]);
    for (let i = t; i <= b; i++) for (let j = l; j <= r; j++) if (i !== t || j !== l) covered.add(`${i},${j}`);
  }
  const rows: Cell[][] = [];
  for (let r = first; r <= last; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const [rowspan, colspan] = spanOf.get(`${r},${c}`) ?? [1, 1];
      row.push({ text: (grid.cells[r]?.[c] ?? '').replace(CONTROL, '').replace(/\s+/g, ' ').trim(), rowspan: Math.min(rowspan, last - r + 1), colspan: Math.min(colspan, width - c), header: false, para: 0 });
    }
    rows.push(row);
  }
  return rows;
}

function namedRanges(wb: ExcelJS.Workbook): { name: string; sheet: string; area: [number, number, number, number] }[] {
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  return model.filter((d) => !d.name.startsWith('_xlnm')).flatMap((d) => d.ranges.map((range) => {
    const sheet = range.replace(/!.*$/, '').replace(/^'|'$/g, '');
    const area = decodeRange(range);
    return area ? [{ name: d.name, sheet, area }] : [];
  }).flat());
}

export async function importXlsx(bytes: Uint8Array, source: string): Promise<Submission> {
  const notes = new NoteList(source);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const content: RootContent[] = [];
  const ranges = namedRanges(wb);
  if (ranges.length > 0) {
    for (const r of ranges) {
      const ws = wb.getWorksheet(r.sheet);
      if (ws) content.push(...gridTable(worksheetGrid(ws, r.area), notes, r.name)); // a range's name is its table's title when no row gives one
    }
    notes.info('named-range', '', `按工作簿中的名称（${ranges.map((r) => r.name).join('、')}）导入了 ${ranges.length} 个表，其余单元格未导入。`);
  } else {
    wb.eachSheet((ws) => {
      if (ws.state !== 'visible') notes.warn('sheet-hidden', ws.name, `工作表“${ws.name}”是隐藏的，也已导入。请确认是否需要。`);
      content.push(...gridTable(worksheetGrid(ws), notes));
    });
  }
  if (content.length === 0) notes.error('empty', '', '工作簿中没有数据，未导入。');
  return { source, partTitle: undefined, content, photos: [], notes: notes.notes };
}
