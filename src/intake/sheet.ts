/**
 * Statistics spreadsheets → tables. An .xlsx is read with exceljs, each
 * sheet (or each named range, when the workbook names some) one table;
 * numbers are shown as Excel shows them (cell-text.ts); merged header cells become the header's levels; the title row
 * becomes the ::caption, with the 单位 line. Text tables (.csv) are read in csv.ts.
 */
import ExcelJS from 'exceljs';
import type { RootContent } from 'mdast';
import { cellText } from './cell-text.ts';
import { withoutInvisible } from '../cjk/index.ts';
import { NoteList } from './notes.ts';
import type { Cell } from './pieces.ts';
import type { Submission } from './submission.ts';
import { guardXlsx } from './xlsx-guard.ts';
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

/** top, left, bottom, right (inclusive, from 0). */
type Area = [number, number, number, number];

function decodeRange(range: string): Area | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range.replace(/^.*!/, '').replace(/'/g, ''));
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1, col(m[1]!), Number(m[4] ?? m[2]) - 1, col(m[3] ?? m[1]!)];
}

/** The smallest area (top, left, bottom, right from 0) holding every cell with something to show, or undefined for an empty sheet. Only cells that exist are visited. */
function usedArea(ws: ExcelJS.Worksheet): Area | undefined {
  let area: Area | undefined;
  ws.eachRow((row, r) => row.eachCell((cell, c) => {
    const shown = cellText(cell);
    if ((cell.isMerged && cell.master !== cell) || (shown.text.trim() === '' && !shown.problem)) return; // a formula with no result still counts: it is reported
    area = area ? [Math.min(area[0], r - 1), Math.min(area[1], c - 1), Math.max(area[2], r - 1), Math.max(area[3], c - 1)] : [r - 1, c - 1, r - 1, c - 1];
  }));
  return area;
}

/** The common part of two areas, or undefined when they do not meet. */
function overlap(a: Area, b: Area): Area | undefined {
  const cut: Area = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return cut[0] <= cut[2] && cut[1] <= cut[3] ? cut : undefined;
}

/** A statistics table this big is no table for a yearbook page: most likely stray cells far from the data, or a whole-column range. */
export const MAX_TABLE_ROWS = 2000;
export const MAX_TABLE_COLUMNS = 200;

/** False, with an error note, when `rows` × `cols` is more than a yearbook table can be. */
export function fitsBook(name: string, rows: number, cols: number, range: string, notes: NoteList): boolean {
  if (rows <= MAX_TABLE_ROWS && cols <= MAX_TABLE_COLUMNS) return true;
  notes.error('sheet-too-large', name, `“${name}”的内容占 ${rows} 行 × ${cols} 列（${range}），超出年鉴表格的上限（${MAX_TABLE_ROWS} 行、${MAX_TABLE_COLUMNS} 列），未导入。请删去远离数据的单元格（按 Ctrl+End 可找到最后一格），或把它拆成几张表。`);
  return false;
}

const rangeName = ([t, l, b, r]: Area) => `${columnName(l)}${t + 1}:${columnName(r)}${b + 1}`;

/** The sheet's cells within `area` (its used area when none is given) as a grid; undefined, with a note, when it is empty or too big. */
function worksheetGrid(ws: ExcelJS.Worksheet, notes: NoteList, area?: Area): SheetGrid | undefined {
  const used = usedArea(ws);
  const wanted = used && (area ? overlap(area, used) : used);
  if (!wanted) {
    notes.warn('sheet-empty', ws.name, `工作表“${ws.name}”${area ? `的区域 ${rangeName(area)}` : ''}是空的，未导入。`);
    return undefined;
  }
  const [top, left, bottom, right] = wanted;
  if (!fitsBook(ws.name, bottom - top + 1, right - left + 1, rangeName(wanted), notes)) return undefined;
  const cells: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: string[] = [];
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      const shown = cell.isMerged && cell.master !== cell ? { text: '' } : cellText(cell);
      if (shown.problem) notes.warn('cell-value', `${ws.name}!${columnName(c)}${r + 1}`, shown.problem);
      row.push(shown.text);
    }
    cells.push(row);
  }
  const merges = ((ws.model as { merges?: string[] }).merges ?? [])
    .map(decodeRange).filter((m): m is Area => m !== undefined)
    .map((m) => overlap(m, wanted)).filter((m): m is Area => m !== undefined && (m[0] !== m[2] || m[1] !== m[3]))
    .map(([t, l, b, rt]) => [t - top, l - left, b - top, rt - left] as Area);
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
  const width = grid.cells.reduce((w, r) => Math.max(w, r.findLastIndex((t) => t.trim() !== '') + 1), 0); // no spread: a sheet may have more rows than the stack has room for arguments
  if (!fitsBook(grid.name, last - first + 1, width, `${grid.place(first, 0)} 起`, notes)) return [];
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
      row.push({ text: withoutInvisible(grid.cells[r]?.[c] ?? '').text.replace(/\s+/g, ' ').trim(), rowspan: Math.min(rowspan, last - r + 1), colspan: Math.min(colspan, width - c), header: false, para: 0 });
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
  const guarded = await guardXlsx(bytes);
  if (guarded.cut > 0) notes.info('merge-cut', '', `${guarded.cut} 处合并单元格伸到了数据之外（如整列、整行合并），已截到有数据的范围。请核对。`);
  await wb.xlsx.load(Buffer.from(guarded.bytes) as unknown as ArrayBuffer);
  const content: RootContent[] = [];
  const ranges = namedRanges(wb);
  if (ranges.length > 0) {
    for (const r of ranges) {
      const ws = wb.getWorksheet(r.sheet);
      const grid = ws && worksheetGrid(ws, notes, r.area);
      if (grid) content.push(...gridTable(grid, notes, r.name)); // a range's name is its table's title when no row gives one
    }
    notes.info('named-range', '', `按工作簿中的名称（${ranges.map((r) => r.name).join('、')}）导入了 ${ranges.length} 个表，其余单元格未导入。`);
  } else {
    wb.eachSheet((ws) => {
      if (ws.state !== 'visible') notes.warn('sheet-hidden', ws.name, `工作表“${ws.name}”是隐藏的，也已导入。请确认是否需要。`);
      const grid = worksheetGrid(ws, notes);
      if (grid) content.push(...gridTable(grid, notes));
    });
  }
  if (content.length === 0 && !notes.notes.some((n) => n.severity === 'error')) notes.error('empty', '', '工作簿中没有数据，未导入。');
  return { source, partTitle: undefined, content, photos: [], notes: notes.notes };
}
