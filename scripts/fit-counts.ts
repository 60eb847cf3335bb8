/**
 * How well table columns and list headings are fitted, counted on the
 * pages as laid out for print (the glyphs and rules the PDF draws; the PDF's
 * text extraction merges a table's cells): a proofreader's two complaints of
 * session 28. Used by `npm run bench` and test/e2e/makeup.test.ts.
 *
 * - Table cells turned over although the other columns of their table have
 *   the room to spare that the cell lacks to stand on one line (a column's
 *   spare room: its width less its padding and its widest line); and cells
 *   of short entries (numbers, codes, phone numbers, names) turned over.
 * - Index and TOC headings turned over with the line ending 2 em or more
 *   short of its measure (the column; in the TOC less the room kept for the
 *   page number) although the next word (up to the next place a heading may
 *   turn over) would have fitted there.
 */
import { addressBoundaries, isAddress, wordBoundaries } from '../src/cjk/index.ts';
import type { Template } from '../src/config/index.ts';
import { type GlyphItem, type Page, type PagedDocument, type RuleItem } from '../src/layout/index.ts';
import { turnoverPoints } from '../src/layout/index-lines.ts';

export interface FitCounts {
  /** Table cells looked at, and those turned over that the room to spare would have set on one line ("p<page> text"). */
  tableCells: number;
  tableCellsTurnedNeedlessly: string[];
  /** Table pieces looked at, and pages where two pieces of one table stand one above the other ("p<page>"): a table goes on to the next page, never under itself with its head again. */
  tablePieces: number;
  tablePiecesStacked: string[];
  /** Cells of columns of short entries (numbers, codes, phone numbers, names: no five hanzi in a row in any cell), and those turned over. */
  shortCells: number;
  shortCellsTurned: string[];
  /** Lines turned over in all the tables' cells (a cell of three lines turns two). */
  tableLinesTurned: number;
  /** Cells turned over inside a word (a word by the segmenter the composer uses: 小学 / 部; an address's part: 琼州 / 道, 2 / 号): "p<page> line / line". */
  tableCellsCutInWords: string[];
  /** Table columns looked at, and those with one cell flush left and another flush right ("p<page> text | text"): a column stands one way (a 〔？〕 among numbers too). */
  tableColumns: number;
  tableColumnsMixed: string[];
  /** Turned lines of index and TOC headings, and those ending short although the next word would have fitted ("p<page> line / next"). */
  listTurnovers: number;
  listTurnoversShort: string[];
  /** Turned headings whose last line (the one with the page number) holds fewer than five characters: a runt (讲话 | （节选）). */
  listRunts: string[];
  /** Block headings in body columns followed by text, and those (not opening their column) standing farther above their text than the most of their size do ("p<page> heading"): R-HEAD-1's give goes above a heading. */
  headingsOverText: number;
  headingsApart: string[];
}

/** Whether some turn of these lines falls where the segmenter finds no word boundary (in an address: no boundary between its parts). */
function turnedInsideWord(lines: readonly string[]): boolean {
  const texts = lines.map((t) => t.replace(/[\s\u3000]/g, ''));
  const joined = texts.join('');
  const cuts = isAddress(joined) ? addressBoundaries(joined) : wordBoundaries(joined);
  let at = 0;
  return texts.slice(0, -1).some((t) => !cuts.has((at += t.length)));
}

const textOf = (g: GlyphItem) => g.glyphs.refs.map((r) => r.text).join('');
/** Where a glyph item's last glyph ends, from the page's left. */
const endOf = (g: GlyphItem) => {
  const last = g.glyphs.length - 1;
  return last < 0 ? g.x : g.x + g.glyphs.xPt(last) + g.glyphs.refs[last]!.advanceEm * g.glyphs.sizePt(last);
};

export function fitCounts(paged: PagedDocument, t: Template): FitCounts {
  const counts: FitCounts = { tableCells: 0, tableCellsTurnedNeedlessly: [], tablePieces: 0, tablePiecesStacked: [], shortCells: 0, shortCellsTurned: [], tableLinesTurned: 0, tableCellsCutInWords: [], tableColumns: 0, tableColumnsMixed: [], listTurnovers: 0, listTurnoversShort: [], listRunts: [], headingsOverText: 0, headingsApart: [] };
  const tables = new Map<string, { edges: number[]; cells: TableCell[] }>();
  for (const page of paged.pages) {
    if (page.kind === 'body') tableCellsOf(page, tables, counts);
    if (page.kind === 'index' || page.kind === 'toc') listTurnovers(page, t.toc.line_pitch_pt, page.kind === 'toc' ? TOC_FOLIO_EM : 0, counts);
  }
  tableCells(tables, t.table.cell_padding_pt, counts);
  headingGaps(paged, t, counts);
  return counts;
}

/** The font most of the glyphs of `size` pt on body pages are set in. */
function commonFont(paged: PagedDocument, size: number): string | undefined {
  const n = new Map<string, number>();
  for (const page of paged.pages) {
    if (page.kind !== 'body') continue;
    for (const g of glyphItems(page)) for (let i = 0; i < g.glyphs.length; i++) if (Math.abs(g.glyphs.sizePt(i) - size) < 0.01) n.set(g.glyphs.refs[i]!.fontKey, (n.get(g.glyphs.refs[i]!.fontKey) ?? 0) + 1);
  }
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Each block heading's last line and the body line under it in its column
 * (a heading is a line all of the chapter heading's font at a heading's
 * size; body text a line at the body's size with some of the body's font), the gap between their
 * baselines by the heading's size, and the headings, not first in their
 * column, whose gap is more than a point wider than the most common one of
 * their size.
 */
function headingGaps(paged: PagedDocument, t: Template, counts: FitCounts): void {
  const headFont = commonFont(paged, t.headings.chapter.size_pt);
  const bodyFont = commonFont(paged, t.body.size_pt);
  const sizes = [t.headings.chapter, t.headings.section, t.headings.subsection].map((h) => h.size_pt);
  const headingSize = (g: GlyphItem) => (g.glyphs.length > 0 && g.glyphs.refs.every((r) => r.fontKey === headFont) ? sizes.find((s) => Math.abs(g.glyphs.sizePt(0) - s) < 0.01) : undefined);
  // Body text: a line in the body's size with some of the body's font (an entry opens with its 【title】 in the heading's).
  const isBodyLine = (g: GlyphItem) => g.glyphs.length > 0 && Math.abs(g.glyphs.sizePt(0) - t.body.size_pt) < 0.01 && g.glyphs.refs.some((r) => r.fontKey === bodyFont);
  const found: Array<{ size: number; gap: number; at: string }> = [];
  for (const page of paged.pages) {
    if (page.kind !== 'body') continue;
    const middle = (Math.min(...glyphItems(page).map((g) => g.x)) + Math.max(...glyphItems(page).map(endOf))) / 2;
    for (const side of [0, 1]) {
      const column = glyphItems(page).filter((g) => (g.x < middle ? 0 : 1) === side).sort((a, b) => a.y - b.y);
      column.forEach((g, k) => {
        const size = headingSize(g);
        const next = column[k + 1];
        if (size === undefined || !next || headingSize(next) !== undefined || !isBodyLine(next)) return;
        const first = column.findIndex((c) => c.block?.key !== undefined && c.block.key === g.block?.key);
        if (first === 0 || k === 0) return;
        found.push({ size, gap: next.y - g.y, at: `p${page.folio} ${textOf(g)}` });
      });
    }
  }
  counts.headingsOverText = found.length;
  for (const size of sizes) {
    const gaps = found.filter((f) => f.size === size);
    const tally = new Map<number, number>();
    for (const f of gaps) tally.set(Math.round(f.gap), (tally.get(Math.round(f.gap)) ?? 0) + 1);
    const usual = [...tally].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (usual !== undefined) counts.headingsApart.push(...gaps.filter((f) => f.gap > usual + 1).map((f) => f.at));
  }
}

/** A TOC keeps this much free for its leader and page number on every line of an item (leader-list.ts: 3-digit folios). */
const TOC_FOLIO_EM = 4;

/** Text that may turn over anywhere (an address, a school's name), not a name, a number or a code. */
const LONG_TEXT = /\p{Script=Han}{5}/u;

const glyphItems = (page: Page) => page.items.filter((i): i is GlyphItem => i.kind === 'glyphs');

interface TableCell {
  folio: string;
  /** Its piece's left edge on its page. */
  left: number;
  column: number;
  lines: GlyphItem[];
}

/**
 * The table pieces of a grid-ruled page: the vertical rules that end on one
 * foot, their x the column edges (the head's own rules, ending higher inside
 * a piece, are not a piece). A three-line table has no column rules: its
 * cells are not looked at.
 */
function tablePieces(page: Page): Array<{ top: number; foot: number; edges: number[] }> {
  const rules = page.items.filter((i): i is RuleItem => i.kind === 'rule' && Math.abs(i.x1 - i.x2) < 0.01 && i.y2 - i.y1 > 1);
  const byFoot = new Map<number, RuleItem[]>();
  for (const r of rules) byFoot.set(Math.round(r.y2 * 10), [...(byFoot.get(Math.round(r.y2 * 10)) ?? []), r]);
  const pieces = [...byFoot.values()].filter((rs) => rs.length >= 3).flatMap((rs) => sideBySide(page, rs)).map((rs) => ({
    top: Math.min(...rs.map((r) => r.y1)), foot: rs[0]!.y2, edges: [...new Set(rs.map((r) => Math.round(r.x1 * 100) / 100))].sort((a, b) => a - b),
  }));
  return pieces.filter((p) => !pieces.some((q) => q !== p && q.top <= p.top + 0.01 && q.foot > p.foot + 0.01 && q.edges[0]! <= p.edges[0]! + 0.01));
}

/**
 * Rules ending on one foot may be two column pieces of a table side by side
 * (a last page balanced: rows 1–7 | 续表 8–14), which end level: split where
 * two neighbouring rules hold no text between them over the rules' height
 * (the gutter); a column of a page-wide table always holds some.
 */
function sideBySide(page: Page, rules: RuleItem[]): RuleItem[][] {
  const xs = [...new Set(rules.map((r) => Math.round(r.x1 * 100) / 100))].sort((a, b) => a - b);
  const top = Math.min(...rules.map((r) => r.y1));
  const foot = rules[0]!.y2;
  const text = glyphItems(page).filter((g) => g.y > top && g.y < foot);
  const gap = xs.findIndex((x, k) => k + 1 < xs.length && !text.some((g) => g.x >= x && g.x < xs[k + 1]!));
  if (gap < 0) return [rules];
  const cut = (xs[gap]! + xs[gap + 1]!) / 2;
  return [rules.filter((r) => r.x1 < cut), rules.filter((r) => r.x1 > cut)].filter((side) => side.length >= 3);
}

/**
 * The cells of the page's table pieces, each under its table's name (its
 * column edges from its left: a table keeps its widths on every page it
 * goes on to). A cell: a block's first line in a column and the lines
 * after it (two head cells may share a source place).
 */
function tableCellsOf(page: Page, tables: Map<string, { edges: number[]; cells: TableCell[] }>, counts: FitCounts): void {
  const items = glyphItems(page).filter((g) => g.block).sort((a, b) => a.y - b.y);
  const pieces = tablePieces(page);
  const nameOf = (edges: number[]) => edges.map((x) => (x - edges[0]!).toFixed(1)).join(' ');
  counts.tablePieces += pieces.length;
  if (pieces.some((p, k) => pieces.some((q, j) => j !== k && nameOf(q.edges) === nameOf(p.edges) && q.edges[0] === p.edges[0] && q.top >= p.foot))) counts.tablePiecesStacked.push(`p${page.folio}`);
  for (const { top, foot, edges } of pieces) {
    const name = nameOf(edges);
    const table = tables.get(name) ?? { edges: edges.map((x) => x - edges[0]!), cells: [] };
    tables.set(name, table);
    const open = new Map<string, TableCell>();
    for (const g of items) {
      const column = edges.findIndex((x, c) => c + 1 < edges.length && g.x >= x && g.x < edges[c + 1]!);
      if (g.y < top || g.y > foot || column < 0) continue;
      const key = `${g.block!.key}@${column}`;
      if (g.block!.index === 0 || !open.has(key)) {
        open.set(key, { folio: page.folio, left: edges[0]!, column, lines: [] });
        table.cells.push(open.get(key)!);
      }
      open.get(key)!.lines.push(g);
    }
  }
}

/** Each table's turned cells against the spare room of its other columns (a column's measure less its widest line). */
function tableCells(tables: Map<string, { edges: number[]; cells: TableCell[] }>, pad: number, counts: FitCounts): void {
  for (const { edges, cells } of tables.values()) {
    const measure = (c: number) => edges[c + 1]! - edges[c]! - 2 * pad;
    const spare = edges.slice(1).map((_, c) => Math.max(0, measure(c) - Math.max(0, ...cells.filter((k) => k.column === c).flatMap((k) => k.lines.map((l) => endOf(l) - l.x)))));
    const spareTotal = spare.reduce((a, b) => a + b, 0);
    const long = edges.slice(1).map((_, c) => cells.filter((k) => k.column === c).some((k) => LONG_TEXT.test(k.lines.map(textOf).join(''))));
    columnsMixed(edges, cells, pad, counts);
    for (const cell of cells) {
      counts.tableCells++;
      if (!long[cell.column]) counts.shortCells++;
      if (cell.lines.length < 2) continue;
      counts.tableLinesTurned += cell.lines.length - 1;
      if (turnedInsideWord(cell.lines.map(textOf))) counts.tableCellsCutInWords.push(`p${cell.folio} ${cell.lines.map(textOf).join(' / ')}`);
      if (!long[cell.column]) counts.shortCellsTurned.push(`p${cell.folio} ${cell.lines.map(textOf).join(' / ')}`);
      const lacks = cell.lines.reduce((a, l) => a + endOf(l) - l.x, 0) - measure(cell.column);
      if (lacks <= spareTotal - spare[cell.column]!) counts.tableCellsTurnedNeedlessly.push(`p${cell.folio} ${cell.lines.map(textOf).join(' / ')}`);
    }
  }
}

/**
 * Columns whose one-line cells stand some flush left (at the padding, room
 * to the right) and some flush right (at the padding, room to the left).
 * Centred head cells and numbers standing on a decimal point are neither.
 */
function columnsMixed(edges: readonly number[], cells: readonly TableCell[], pad: number, counts: FitCounts): void {
  const atPad = (room: number) => Math.abs(room - pad) < 0.3;
  // A one-line cell's room to its column's edges, from its piece's own left (a table's pieces stand at their column's left on each page).
  const sideOf = ({ left, column, lines: [line] }: TableCell) => {
    const [before, after] = [line!.x - left - edges[column]!, left + edges[column + 1]! - endOf(line!)];
    return atPad(before) && after > pad + 0.5 ? 'left' : atPad(after) && before > pad + 0.5 ? 'right' : undefined;
  };
  for (let c = 0; c + 1 < edges.length; c++) {
    counts.tableColumns++;
    const oneLine = cells.filter((k) => k.column === c && k.lines.length === 1);
    const left = oneLine.find((k) => sideOf(k) === 'left');
    const right = oneLine.find((k) => sideOf(k) === 'right');
    if (left && right) counts.tableColumnsMixed.push(`p${right.folio} ${textOf(left.lines[0]!)} | ${textOf(right.lines[0]!)}`);
  }
}

/**
 * A list page's columns, line by line: a turned line is one with no page
 * number on its baseline whose next line, a pitch below, stands further in
 * (the hanging indent of its turnover lines).
 */
function listTurnovers(page: Page, pitch: number, keptEm: number, counts: FitCounts): void {
  const items = glyphItems(page);
  if (items.length === 0) return;
  const mid = (Math.min(...items.map((g) => g.x)) + Math.max(...items.map(endOf))) / 2;
  for (const column of [items.filter((g) => g.x < mid), items.filter((g) => g.x >= mid)]) {
    const byLine = new Map<number, GlyphItem[]>();
    for (const g of column) byLine.set(Math.round(g.y * 10), [...(byLine.get(Math.round(g.y * 10)) ?? []), g]);
    const lines = [...byLine.values()].map((gs) => gs.sort((a, b) => a.x - b.x)).sort((a, b) => a[0]!.y - b[0]!.y);
    // The column's right edge: where its page numbers end (the list's title, across both columns, is not in it).
    const right = Math.max(...lines.filter((l) => l.length > 1).map((l) => endOf(l.at(-1)!)));
    lines.forEach((line, k) => {
      const next = lines[k + 1];
      const size = line[0]!.glyphs.sizePt(0);
      if (line.length !== 1 || !next || Math.abs(next[0]!.y - line[0]!.y - pitch) > 1 || next[0]!.x < line[0]!.x + 0.5 * size) return;
      counts.listTurnovers++;
      const room = right - keptEm * size - endOf(line[0]!);
      const text = textOf(line[0]!);
      const nextText = textOf(next[0]!);
      // Turnover points of the two lines read as one: a word is known by its neighbours (嘉|年华 in 体育嘉年华).
      const word = (turnoverPoints(text + nextText).find((p) => p > text.length) ?? text.length + nextText.length) - text.length;
      // The next word's width: where the glyph after it starts (its whole line when it is one word).
      let chars = 0;
      let glyph = 0;
      while (glyph < next[0]!.glyphs.length && chars < word) chars += next[0]!.glyphs.refs[glyph++]!.text.length;
      const wordWidth = glyph < next[0]!.glyphs.length ? next[0]!.glyphs.xPt(glyph) : endOf(next[0]!) - next[0]!.x;
      // Half an em of give: an opening mark is trimmed at a line's start, or hung into the margin (leader-list.ts).
      // Not short by choice: taking the word up would leave the heading's last line a runt (讲话 | （节选）).
      const leavesRunt = next.length > 1 && [...nextText.slice(chars).replace(/\s/g, '')].length < 5;
      if (room >= 2 * size && wordWidth + size / 2 <= room && !leavesRunt) counts.listTurnoversShort.push(`p${page.folio} ${text} / ${nextText}`);
      if (next.length > 1 && [...nextText.replace(/\s/g, '')].length < 5) counts.listRunts.push(`p${page.folio} ${text} / ${nextText}`);
    });
  }
}
