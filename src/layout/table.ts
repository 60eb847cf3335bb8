/**
 * Statistics tables (GFM) across the whole type area: column widths fitted
 * to the content, cell text wrapped by the composer, each column aligned one
 * way (the manuscript’s alignment, or right where most cells are numbers),
 * and on every page the table continues on, the header row again under a
 * 续表 label. A table too wide for the type area even at its narrowest is
 * set turned a quarter on pages of its own (卧排表), its head to the left,
 * where the type area's height is its width.
 */
import { isAddress } from '../cjk/index.ts';
import { BODY, bodyParagraph, EMPHASIS, inlineRuns, type Line, RUN_IN_HEAD } from '../compose/index.ts';
import { type ColumnAlign, columnAligns, isNumberText } from '../derive/index.ts';
import { blockKey, type Inline, inlineText, type Paragraph, type Source, type StatTable } from '../model/index.ts';
import { blockLine } from './block-line.ts';
import { composeAt, type LayoutContext, plain, titleText } from './context.ts';
import { drawHead, headRules, type SetHead, setHead } from './table-head.ts';
import { type ColumnFit, fittedWidths } from './table-widths.ts';
import type { DisplayItem } from './types.ts';

/** Leading of table text. */
const TABLE_LEADING = 1.35;
/** A column is never narrower than 2 em of table text. */
const MIN_COLUMN_EM = 2;

export interface TablePage {
  /** Height used on the page, in pt (across the type area when turned). */
  height: number;
  /** Set turned (卧排): drawn in a frame as wide as the type area is high. */
  turned?: boolean;
  draw(left: number, top: number): DisplayItem[];
}

/** The room a table is set in: the type area, upright or turned. */
interface Area {
  width: number;
  height: number;
}

interface Cell {
  lines: Line[];
  isNumeric: boolean;
  /** The cell's manuscript place: a proof's page map names its lines by it (issue 23). */
  key?: string;
}

/** A cell set on one line as long as it is: its natural width, and its line where that is all of it. */
interface Natural {
  width: number;
  /** The cell's one line: set at any measure wider, it is the same line (fitting counts such a cell one line without setting it; test/e2e/natural-line.test.ts). */
  line?: Line;
}

function naturalOf(ctx: LayoutContext, inl: Inline[], size: number): Natural {
  const lines = composeAt(ctx, { runs: inlineRuns(inl, TABLE_TEXT), indentEm: 0, align: 'start' }, size, 100_000);
  return { width: lines[0]?.widthPt ?? 0, ...(lines.length === 1 ? { line: lines[0] } : {}) };
}

/** A cell this short is a name or a term (张庆起, 学生数): it is never broken over two lines. */
const SHORT_CELL_CHARS = 4;

/** The widest thing in a cell that cannot break: a number, a code, a Latin word (R-KIN-8/9), or the whole of a short cell (`natural`: its width). */
function longestTokenWidth(ctx: LayoutContext, inl: Inline[], size: number, natural: number): number {
  const text = inlineText(inl).trim();
  if ([...text].length <= SHORT_CELL_CHARS && !/\s/.test(text)) return natural;
  const tokens = text.match(/[A-Za-z0-9.,:%+\-—～~/()（）]+/g) ?? [];
  const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest ? (composeAt(ctx, plain(longest, TABLE_TEXT), size, 100_000)[0]?.widthPt ?? 0) : 0;
}

interface Limits {
  natural: number[];
  floor: number[];
}

/** The head's cells over one column, row by row (a cell over several is broken to their width). */
function leafHeadRows(t: StatTable): Inline[][][] {
  return Array.from({ length: t.headRows }, (_, r) => {
    const row: Inline[][] = [];
    for (const c of t.head) if (c.row === r && c.colspan === 1) row[c.col] = c.content;
    return row;
  });
}

/**
 * Each column's natural width and the narrowest it can be (2 em, or its longest unbreakable token); `cells`: each cell's
 * natural width; `lines`: each cell's one line (in the table text's type, so the head's are not theirs), where it has one.
 */
function columnLimits(ctx: LayoutContext, t: StatTable, size: number, pad: number): Limits & { cells: number[][]; lines: Array<Array<Line | undefined>> } {
  // A head cell over one column counts with the rows.
  const rows = [...leafHeadRows(t), ...t.rows];
  const columns = Array.from({ length: t.columns });
  const set = rows.map((r) => columns.map((_, c) => naturalOf(ctx, r[c] ?? [], size)));
  const cells = set.map((r) => r.map((n) => n.width));
  const natural = columns.map((_, c) => Math.max(...cells.map((r) => r[c]!)) + 2 * pad);
  const floor = columns.map((_, c) => Math.max(MIN_COLUMN_EM * size, ...rows.map((r, k) => longestTokenWidth(ctx, r[c] ?? [], size, cells[k]![c]!))) + 2 * pad);
  return { natural, floor, cells, lines: set.map((r) => r.map((n) => n.line)) };
}

/** A run of hanzi this long is text that may turn over anywhere (an address, a school's name), not a name or a term. */
const LONG_TEXT = /\p{Script=Han}{5}/u;

/**
 * What fitting the columns needs (table-widths.ts): a column's cells set at
 * a width, the head's in its own type. A body cell narrower than the width is
 * one line without being set, and a cell whose lines at a wider width all fit
 * the narrower one unsqueezed keeps them.
 */
function columnFit(ctx: LayoutContext, t: StatTable, limits: Limits & { cells: number[][] }, size: number, pad: number): ColumnFit {
  const head = leafHeadRows(t);
  const rows = [...head, ...t.rows];
  // Keyed by the cell's place (row × columns + column): the search asks for every cell at each width it tries.
  const known = new Map<number, { width: number; lines: number; widest: number }>();
  const cellAt = (r: number, column: number, measure: number) => {
    if (r >= head.length && limits.cells[r]![column]! <= measure) return { lines: 1, widest: limits.cells[r]![column]! };
    const key = r * t.columns + column;
    const was = known.get(key);
    if (was && was.width >= measure && was.widest <= measure) return was;
    // Counted as set plainly: turning between words (cellOf) never takes a cell a line more, and costs a segmentation at each width tried.
    const lines = cellOf(ctx, rows[r]![column] ?? [], measure, size, { isHeader: r < head.length, betweenWords: false }).lines;
    const now = { width: measure, lines: Math.max(1, lines.length), widest: Math.max(0, ...lines.map((l) => l.widthPt)) };
    known.set(key, now);
    return now;
  };
  return {
    ...limits,
    short: limits.natural.map((_, c) => !t.rows.some((r) => LONG_TEXT.test(inlineText(r[c] ?? [])))),
    oneLine: limits.natural.map((_, c) => limits.cells.map((r) => r[c]! + 2 * pad)),
    stepPt: size / 4,
    set(column, width, only) {
      const cells = rows.map((_, r) => (only && !only.includes(r) ? { lines: 0, widest: 0 } : cellAt(r, column, width - 2 * pad)));
      return { lines: cells.map((c) => c.lines), widest: Math.max(...cells.map((c) => c.widest)) + 2 * pad };
    },
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Where a table is set: in a column, across the type area (通栏), or turned (卧排) where the type height is its width. */
export type TableSpan = 'column' | 'page' | 'turned';

/** A column table is one whose narrowest columns fit the column and whose natural ones are not much wider. */
function spanFor(ctx: LayoutContext, t: StatTable, limits: Limits): TableSpan {
  const g = ctx.geometry;
  if (g.columns > 1 && sum(limits.floor) <= g.columnWidthPt && sum(limits.natural) <= 1.5 * g.columnWidthPt) return 'column';
  if (sum(limits.floor) <= g.typeWidthPt) return 'page';
  ctx.problems.push({ kind: 'table-rotated', columns: limits.floor.length, source: t.source, anchor: t.id });
  return 'turned';
}

function areaOf(ctx: LayoutContext, span: TableSpan): Area {
  const g = ctx.geometry;
  if (span === 'turned') return { width: g.typeHeightPt, height: g.typeWidthPt };
  return { width: span === 'column' ? g.columnWidthPt : g.typeWidthPt, height: g.typeHeightPt };
}

/** Column widths that fill the area: natural widths, spread; fitted (table-widths.ts) when they are too wide; never below what cannot break. */
function columnWidths(ctx: LayoutContext, t: StatTable, fit: ColumnFit, total: number): number[] {
  const { natural, floor } = fit;
  if (sum(floor) > total) {
    // Too many columns even at their narrowest, even turned: reported, and set at equal widths.
    ctx.problems.push({ kind: 'table-too-wide', columns: natural.length, source: t.source, anchor: t.id });
    return natural.map(() => total / natural.length);
  }
  const widths = natural.map((w, c) => Math.max(floor[c]!, w));
  if (sum(widths) > total) return fittedWidths({ ...fit, natural: widths }, total);
  // Room to spare: every column widened in proportion.
  const factor = total / sum(widths);
  return widths.map((w) => w * factor);
}

/** Table text: tabular figures, so the digits of a column stand under each other (R-MIX-5). */
const TABLE_TEXT = { ...BODY, figures: 'tabular' } as const;

/**
 * `natural`: a body cell's one line at its natural width (columnLimits), which it keeps where the column is wider (at exactly its
 * width the composer fits it to the measure). `betweenWords`: a text cell of more lines turns between words where it can.
 */
function cellOf(ctx: LayoutContext, inl: Inline[], width: number, size: number, o: { isHeader: boolean; natural?: Line; betweenWords?: boolean }): Cell {
  const { isHeader, natural, betweenWords = true } = o;
  const text = inlineText(inl);
  const isNumeric = !isHeader && isNumberText(text);
  const key = inl[0] && blockKey(inl[0].source);
  const measure = Math.max(size, width);
  if (natural && !isHeader && natural.widthPt < measure) return { lines: [natural], isNumeric, ...(key ? { key } : {}) };
  const runs = isHeader ? plain(text, RUN_IN_HEAD).runs : inlineRuns(inl, TABLE_TEXT);
  // Of as many lines, the text turned between words: 新华圣功学校|（小学部）, not （小|学部）; an address between its parts: 琼州道|19号, not 琼州|道. No more lines for it, so the fitted widths stay.
  const turnover = isNumeric || !betweenWords ? {} : { turnover: isAddress(text) ? 'address' as const : 'words-preferred' as const };
  return { lines: composeAt(ctx, { runs, indentEm: 0, align: 'start', ...turnover }, size, measure), isNumeric, ...(key ? { key } : {}) };
}

/**
 * A table set at its width, to be cut into pieces of rows: the first piece
 * under the table's title, each later one under 续表, every one with the
 * header row, the last with the notes (注、资料来源) under it.
 */
export interface TableSet {
  span: TableSpan;
  /** Body rows. */
  rows: number;
  /** Height in pt of the piece of rows [from, to). */
  heightOf(from: number, to: number): number;
  /** The piece's rows each `rowExtra` pt taller than set (their text centred in them): a piece made to fill its grid lines. */
  drawPiece(from: number, to: number, left: number, top: number, rowExtra?: number): DisplayItem[];
}

export function setTable(ctx: LayoutContext, t: StatTable, title: string, notes: Paragraph[] = []): TableSet {
  const s = ctx.template.table;
  const size = s.size_pt;
  const pad = s.cell_padding_pt;
  const pitch = size * TABLE_LEADING;
  const limits = columnLimits(ctx, t, size, pad);
  const span = spanFor(ctx, t, limits);
  const area = areaOf(ctx, span);
  const widths = columnWidths(ctx, t, columnFit(ctx, t, limits, size, pad), area.width);
  const header = setHead(t.head, t.headRows, widths, pitch, pad, (cell, width) => cellOf(ctx, cell.content, width, size, { isHeader: true }).lines);
  const body = t.rows.map((cells, r) => widths.map((w, c) => cellOf(ctx, cells[c] ?? [], w - 2 * pad, size, { isHeader: false, natural: limits.lines[t.headRows + r]![c] })));
  const aligns = columnAligns(t);
  const rowHeight = (cells: Cell[]) => Math.max(1, ...cells.map((c) => c.lines.length)) * pitch + 2 * pad;
  const tops = [0];
  for (const r of body) tops.push(tops.at(-1)! + rowHeight(r));
  const titleSize = ctx.template.headings.section.size_pt;
  const titleLines = composeAt(ctx, titleText(title, RUN_IN_HEAD), titleSize, area.width, t.source);
  const continued = composeAt(ctx, plain('续表', RUN_IN_HEAD), size, area.width)[0]!;
  const noteSize = ctx.template.caption.size_pt;
  // 注：/ 资料来源： in 楷体 小五 (issue 18).
  const noteLines = notes.flatMap((n) => composeAt(ctx, { ...bodyParagraph(n), runs: inlineRuns(n.children, EMPHASIS) }, noteSize, area.width).map((line, index) => ({ line, ...blockLine(blockKey(n.source), index) })));
  const titleKey = blockKey(t.caption?.[0]?.source ?? t.source);
  const notesHeight = noteLines.length > 0 ? noteSize + noteLines.length * noteSize * 1.5 : 0;
  // R-COL-2: the band over the header is as tall under 续表 as under the title, so a piece's header rows line up with the first piece's across the columns of a page.
  const headHeight = Math.max(titleLines.length * titleSize * TABLE_LEADING + titleSize, pitch * 1.5);
  const tableHeight = (from: number, to: number) => headHeight + header.height + tops[to]! - tops[from]!;
  const tall = { head: tableHeight(0, 0) > area.height, row: (r: number) => tableHeight(r, r + 1) > area.height, notes: tableHeight(body.length - 1, body.length) + notesHeight > area.height };
  reportTallRows(ctx, t, notes, body, tall, titleLines.length, noteLines.length);
  return {
    span, rows: body.length,
    heightOf: (from, to) => tableHeight(from, to) + (to === body.length ? notesHeight : 0),
    drawPiece(from, to, left, top, rowExtra = 0) {
      const isFirst = from === 0;
      const used = tableHeight(from, to) + rowExtra * (to - from);
      const page = drawPage(ctx, { widths, aligns, header, rowsHere: body.slice(from, to), rowExtra, isFirst, titleLines, ...(titleKey ? { titleKey } : {}), titleSize, continued, headHeight, pitch, pad, size, used, total: area.width });
      const items = page.draw(left, top);
      if (to === body.length) {
        noteLines.forEach(({ line, block }, i) => items.push({ kind: 'glyphs', x: left, y: top + used + noteSize + 0.88 * noteSize + i * noteSize * 1.5, glyphs: line.glyphs, ...(block ? { block } : {}) }));
      }
      return items;
    },
  };
}

/**
 * Reports what makes a piece of the table taller than the page: the title
 * and the head alone (`headLines` of title), a row under them (`rowTooTall`),
 * or the notes (`noteLines`) under the last (`notesTooTall`). A piece holds
 * whole rows, so what is below the page's foot would be printed off it.
 */
function reportTallRows(ctx: LayoutContext, t: StatTable, notes: readonly Paragraph[], body: readonly Cell[][], tall: { head: boolean; row: (row: number) => boolean; notes: boolean }, headLines: number, noteLines: number): void {
  const problem = (lines: number, what: 'row' | 'notes' | 'head', source: Source | undefined) => {
    ctx.problems.push({ kind: 'table-row-too-tall', lines, what, source: source ?? t.source, anchor: t.id });
  };
  if (tall.head) {
    problem(headLines, 'head', t.caption?.[0]?.source);
    return;
  }
  body.forEach((cells, r) => {
    if (!tall.row(r)) return;
    const tallest = cells.reduce((a, c, k) => (c.lines.length > cells[a]!.lines.length ? k : a), 0);
    problem(cells[tallest]!.lines.length, 'row', t.rows[r]![tallest]?.[0]?.source);
  });
  if (tall.notes && body.length > 0 && !tall.row(body.length - 1)) problem(noteLines, 'notes', notes[0]?.source);
}

/** Rows [from, to) of the longest piece from `from` that is at most `height` high (at least one row). */
export function rowsThatFit(set: TableSet, from: number, height: number): number {
  let to = from + 1;
  while (to < set.rows && set.heightOf(from, to + 1) <= height) to++;
  return to;
}

/** Lays `t` out in pages of its area (turned tables: pages of their own). */
export function tablePages(ctx: LayoutContext, set: TableSet): TablePage[] {
  const area = areaOf(ctx, set.span);
  const pages: TablePage[] = [];
  for (let next = 0; next < set.rows || pages.length === 0;) {
    const from = next;
    const to = set.rows === 0 ? 0 : rowsThatFit(set, from, area.height);
    pages.push({ height: set.heightOf(from, to), turned: set.span === 'turned', draw: (left, top) => set.drawPiece(from, to, left, top) });
    if (to === from) break;
    next = to;
  }
  return pages;
}

/**
 * Width from a number's decimal point to its end: for a whole number, from
 * after its last digit (the 12 of 12% stands over the 3 of −3.2%, its % out
 * past the point, not in the place of .2).
 */
function fractionWidth(lines: readonly Line[]): number {
  const line = lines[0];
  if (!line || lines.length !== 1) return 0;
  const glyphs = line.glyphs.toArray();
  const point = glyphs.findIndex((g) => g.text === '.');
  const after = point >= 0 ? point : glyphs.findLastIndex((g) => /\d/.test(g.text)) + 1;
  return after <= 0 || after >= glyphs.length ? 0 : line.widthPt - glyphs[after]!.xPt;
}

/**
 * The rules of a table (template data, table.rules): 'grid' rules every row
 * and column, the outer frame and the rule under the head twice as heavy;
 * 'three-line' (三线表) has only a heavy top and bottom rule and a light one
 * under the head.
 */
function tableRules(style: 'grid' | 'three-line', rowTops: readonly number[], widths: readonly number[], left: number, total: number, rule: number): DisplayItem[] {
  const h = (y: number, widthPt: number): DisplayItem => ({ kind: 'rule', x1: left, y1: y, x2: left + total, y2: y, widthPt });
  const last = rowTops.length - 1;
  if (style === 'three-line') return [h(rowTops[0]!, rule * 2), h(rowTops[1]!, rule), h(rowTops[last]!, rule * 2)];
  const items = rowTops.map((y, k) => h(y, k === 0 || k === last ? rule * 2 : rule));
  let x = left;
  for (const [k, w] of [0, ...widths].entries()) {
    x += w;
    // Inner column rules run from under the head: inside it, merged cells have their own (table-head.ts).
    const frame = k === 0 || k === widths.length;
    items.push({ kind: 'rule', x1: x, y1: rowTops[frame ? 0 : 1]!, x2: x, y2: rowTops[last]!, widthPt: frame ? rule * 2 : rule });
  }
  return items;
}

interface PageParts {
  used: number;
  widths: number[];
  aligns: ColumnAlign[];
  header: SetHead;
  rowsHere: Cell[][];
  /** Added to each body row's height, shared above and under its text. */
  rowExtra: number;
  isFirst: boolean;
  titleLines: Line[];
  titleKey?: string;
  titleSize: number;
  continued: Line;
  headHeight: number;
  pitch: number;
  pad: number;
  size: number;
  /** The width the table is set across. */
  total: number;
}

function drawPage(ctx: LayoutContext, p: PageParts): TablePage {
  const rule = ctx.template.table.rule_width_pt;
  return {
    height: p.used,
    draw(left, top) {
      const items: DisplayItem[] = [];
      const total = p.total;
      // The label's baseline: 续表's, and the title's last line (it was 7 pt higher, p. 343).
      const labelBaseline = top + p.headHeight - p.pitch * 1.5 + 0.88 * p.size;
      if (p.isFirst) {
        // The title's last line on 续表's baseline, so that a piece beside the first is labelled level with it (R-COL-2).
        const first = labelBaseline - (p.titleLines.length - 1) * p.titleSize * TABLE_LEADING;
        p.titleLines.forEach((l, i) => items.push({ kind: 'glyphs', x: left + (total - l.widthPt) / 2, y: first + i * p.titleSize * TABLE_LEADING, glyphs: l.glyphs, ...blockLine(p.titleKey, i) }));
      } else {
        // 续表 stands right over its own header, at the foot of the band.
        items.push({ kind: 'glyphs', x: left + total - p.continued.widthPt, y: labelBaseline, glyphs: p.continued.glyphs });
      }
      const headTop = top + p.headHeight;
      items.push(...drawHead(p.header, p.widths, left, headTop, p.pitch, p.size));
      let y = headTop + p.header.height;
      const rowTops: number[] = [headTop, y];
      const isDecimal = (cell: Cell, c: number) => cell.isNumeric && p.aligns[c] === 'right';
      const fractions = p.widths.map((_, c) => Math.max(0, ...p.rowsHere.map((cells) => (isDecimal(cells[c]!, c) ? fractionWidth(cells[c]!.lines) : 0))));
      for (const cells of p.rowsHere) {
        const height = Math.max(1, ...cells.map((c) => c.lines.length)) * p.pitch + 2 * p.pad + p.rowExtra;
        let x = left;
        cells.forEach((cell, c) => {
          const w = p.widths[c]!;
          // Cells are centred in the height of their row (issue 18).
          const dy = ((Math.max(1, ...cells.map((k) => k.lines.length)) - cell.lines.length) * p.pitch + p.rowExtra) / 2;
          cell.lines.forEach((l, k) => {
            const free = w - 2 * p.pad - l.widthPt;
            // Numbers right-aligned on their decimal point: a number with fewer decimals stands left by the difference.
            const align = p.aligns[c];
            const dx = isDecimal(cell, c) ? free - (fractions[c]! - fractionWidth([l])) : align === 'right' ? free : align === 'center' ? free / 2 : 0;
            items.push({ kind: 'glyphs', x: x + p.pad + dx, y: y + dy + p.pad + 0.88 * p.size + k * p.pitch, glyphs: l.glyphs, ...blockLine(cell.key, k) });
          });
          x += w;
        });
        y += height;
        rowTops.push(y);
      }
      const style = ctx.template.table.rules;
      return [...items, ...headRules(p.header, style, p.widths, left, headTop, rule, p.pad), ...tableRules(style, rowTops, p.widths, left, total, rule)];
    },
  };
}
