/**
 * Page make-up faults counted from a print PDF, as a proofreader finds them
 * (issue 17): short columns in the middle of a part (R-COL-1), pages that hold
 * only a part-empty table, figures between a text and its credit line, and
 * gallery rows whose photos do not share a top. Read with pdf.js: text with its
 * size and baseline, images with their boxes. Used by `npm run bench` and by
 * test/e2e/makeup.test.ts; the template's measures come in as arguments.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Template } from '../src/config/index.ts';
import { geometryOf } from '../src/layout/index.ts';

/** A box on a page, in pt from the page's top left, y down. */
export interface PdfBox {
  kind: 'text' | 'image';
  x: number;
  /** Text: the baseline; image: the top. */
  y: number;
  width: number;
  height: number;
  /** Text size in pt (0 for images). */
  size: number;
  /** Turned text (卧排表). */
  turned: boolean;
  text: string;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Every page's text and images. */
export async function readPdfBoxes(bytes: Uint8Array): Promise<PdfBox[][]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PdfBox[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3]!;
    const boxes: PdfBox[] = [];
    const text = await page.getTextContent();
    for (const item of text.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, , d, e, f] = item.transform as Matrix;
      const size = Math.hypot(a, b);
      boxes.push({ kind: 'text', x: e, y: height - f, width: item.width, height: Math.abs(d) || size, size, turned: Math.abs(b) > 0.01, text: item.str });
    }
    const ops = await page.getOperatorList();
    const stack: Matrix[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    ops.fnArray.forEach((fn, i) => {
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(ctm, ops.argsArray[i] as Matrix);
      else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
        const w = Math.hypot(ctm[0], ctm[1]);
        const h = Math.hypot(ctm[2], ctm[3]);
        const top = height - Math.max(ctm[5], ctm[5] + ctm[3]);
        boxes.push({ kind: 'image', x: Math.min(ctm[4], ctm[4] + ctm[0]), y: top, width: w, height: h, size: 0, turned: false, text: '' });
      }
    });
    pages.push(boxes);
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

/** The grid of template `t`, as the counts measure it. */
export function measuresOf(t: Template): GridMeasures {
  const g = geometryOf(t);
  return { pageWidthPt: g.widthPt, typeTopPt: g.typeTopPt, pitchPt: g.pitchPt, lines: g.linesPerColumn, bodySizePt: g.bodySizePt, tableSizePt: t.table.size_pt, captionSizePt: t.caption.size_pt, listPitchPt: t.toc.line_pitch_pt };
}

/** Counts of the print PDF `bytes` of a book set with template `t`. */
export async function makeupCounts(bytes: Uint8Array, t: Template): Promise<MakeupCounts> {
  return countMakeup(await readPdfBoxes(bytes), measuresOf(t));
}

/** The template's measures the counts need (templates/*.yaml). */
export interface GridMeasures {
  pageWidthPt: number;
  typeTopPt: number;
  pitchPt: number;
  lines: number;
  bodySizePt: number;
  tableSizePt: number;
  captionSizePt: number;
  /** Line pitch of the TOC and index. */
  listPitchPt: number;
}

export interface ShortColumn {
  /** 0-based page index in the PDF. */
  pageIndex: number;
  column: number;
  /** Grid lines left empty at the foot. */
  lines: number;
}

export interface MakeupCounts {
  bodyPages: number;
  shortColumns: ShortColumn[];
  /** Pages of an upright table and nothing else that leave more than a third of the type area empty (a part's last page apart). */
  tableOnlyPages: number[];
  /** Credit lines whose line above is a figure's caption. */
  figureBeforeCredit: number[];
  /** Gallery rows whose photos' tops differ by more than half a point. */
  galleryRowsMisaligned: number[];
  galleryRows: number;
  /** Pages of several rows of photos, and those whose rows' outer edges differ by more than half a point. */
  galleryEdgePages: number;
  galleryEdgesMisaligned: number[];
  /** Gallery pages (photos, no folio) whose photos and captions end more than three lines above the type area's foot (an empty band). */
  galleryBands: number[];
  /** Gallery pages whose photos' block (leftmost to rightmost photo) is not as wide as most gallery pages', within a point (one measure for the 彩页; before: 390–482 pt from page to page). */
  galleryWidthsOff: number[];
  /** Gallery pages with a photo or caption line below the type area's foot (the last body baseline's descent). */
  galleryPastFoot: number[];
  galleryPages: number;
  /** Body pages that end a part's flow (the next page is an opener, a blank or the index), and those whose right column ends lower than the left (R-COL-1: the right one is the short one). */
  partLastPages: number;
  partLastPagesRightLonger: number[];
  /** Of those, the ones whose left column ends two lines or more below the right (R-COL-1: within a line). */
  partLastPagesApart: number[];
  /** The last TOC page and the last index page (0-based), as found. */
  listLastPages: number[];
  /** Of those, the ones whose columns end more than a line apart. */
  listLastPagesUnbalanced: number[];
  /** TOC items that turn over, and the pages of those whose turnover line is not set in from the first (hanging indent). */
  tocTurnovers: number;
  tocTurnoversFlush: number[];
  /** TOC lines of a numbered section (一、…) with the line under it, a heading of the level below, at the same indent. */
  tocLevelsFlattened: number[];
  /** R-PUN-9: TOC and index lines beginning with an opening mark (“十四五”规划) next to a line of their level, and the pages of those whose mark keeps its ½ em blank (its ink half an em in) or loses a whole em (its ink half an em out). */
  listOpeningMarks: number;
  listOpeningMarksSetIn: number[];
  listOpeningMarksHungOut: number[];
  /** R-YB-4: credit lines（…）in the body columns, and those standing first in a column, parted from the text they credit (pages). */
  credits: number;
  creditsAtColumnTop: number[];
  /** R-PUN-10: credit lines（…）under text or a photo in a column, and the pages of those whose ） ends past where the column's lines end. */
  creditLines: number;
  creditsPastEdge: number[];
  /** R-COL-2: table headers side by side in the two columns of a page, begun level (their titles or 续表 bands overlap), and those whose rows are not level (pages). */
  tableHeadPairs: number;
  tableHeadsMisaligned: number[];
  /** Of those, pages where a piece's 续表 does not stand level with the title beside it (R-COL-2). */
  tableLabelsMisaligned: number[];
  /** R-YB-7: TOC page numbers, in reading order, and the TOC pages where one is lower than the one before it (a table or float set out of order). */
  tocNumbers: number;
  tocBackwards: number[];
  /** Photos on body pages; the pages of those whose caption starts more than half a line under the photo. */
  figures: number;
  captionGapsWide: number[];
  /** Photos with text above and below them in their column, and the pages of those with less room over the photo than half the room under the caption. */
  photosBetweenText: number;
  photosTightAbove: number[];
  /** Page-wide photos at a body page's foot (the caption's last line on the last grid line), and the pages of those whose columns above end more than a line apart. */
  wideFiguresAtFoot: number[];
  columnsUnbalancedOverFoot: number[];
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/** Is this a body page of two columns: a folio in Arabic figures under the type area, and no title above 20 pt. */
function isBodyPage(boxes: readonly PdfBox[], m: GridMeasures): boolean {
  const bottom = m.typeTopPt + (m.lines - 1) * m.pitchPt + m.bodySizePt;
  const folio = boxes.filter((b) => b.kind === 'text' && b.y > bottom + 5).map((b) => b.text).join('').trim();
  const isIndex = boxes.some((b) => b.text.replace(/\s/g, '') === '条目索引' || /^[A-Z]$/.test(b.text.trim()));
  return /^\d+$/.test(folio) && !isIndex;
}

/** A page whose text is all turned or all table-size, with nothing at body size but a title. */
function tableOnly(boxes: readonly PdfBox[], m: GridMeasures, inArea: (b: PdfBox) => boolean): 'turned' | 'upright' | undefined {
  const area = boxes.filter(inArea);
  if (area.some((b) => b.kind === 'image')) return undefined;
  if (area.some((b) => b.turned)) return 'turned';
  const table = area.filter((b) => near(b.size, m.tableSizePt, 0.05));
  const body = area.filter((b) => near(b.size, m.bodySizePt, 0.05));
  return table.length > 0 && body.length === 0 ? 'upright' : undefined;
}

export function countMakeup(pages: readonly PdfBox[][], m: GridMeasures): MakeupCounts {
  const mid = m.pageWidthPt / 2;
  const lastBaseline = m.typeTopPt + (m.lines - 1) * m.pitchPt + 0.88 * m.bodySizePt;
  const bottom = m.typeTopPt + (m.lines - 1) * m.pitchPt + m.bodySizePt;
  const inArea = (b: PdfBox) => b.y > m.typeTopPt - 2 && b.y - (b.kind === 'image' ? 0 : b.size) < bottom + 2 && (b.kind === 'image' || b.y <= bottom + 1);
  const body = pages.map((p) => isBodyPage(p, m));
  const counts: MakeupCounts = { bodyPages: 0, shortColumns: [], tableOnlyPages: [], figureBeforeCredit: [], galleryRowsMisaligned: [], galleryRows: 0, galleryEdgePages: 0, galleryEdgesMisaligned: [], galleryBands: [], galleryWidthsOff: [], galleryPastFoot: [], galleryPages: 0, partLastPages: 0, partLastPagesRightLonger: [], partLastPagesApart: [], listLastPages: [], listLastPagesUnbalanced: [], tocTurnovers: 0, tocTurnoversFlush: [], tocLevelsFlattened: [], listOpeningMarks: 0, listOpeningMarksSetIn: [], listOpeningMarksHungOut: [],
    credits: 0, creditsAtColumnTop: [], creditLines: 0, creditsPastEdge: [], tableHeadPairs: 0, tableHeadsMisaligned: [], tableLabelsMisaligned: [], tocNumbers: 0, tocBackwards: [], figures: 0, captionGapsWide: [], photosBetweenText: 0, photosTightAbove: [], wideFiguresAtFoot: [], columnsUnbalancedOverFoot: [] };
  const galleryWidths = new Map<number, number>();
  pages.forEach((boxes, i) => {
    if (!body[i]) {
      galleryRows(boxes, inArea, i, counts);
      const photos = boxes.filter((b) => b.kind === 'image' && inArea(b));
      if (photos.length > 0) galleryWidths.set(i, Math.max(...photos.map((b) => b.x + b.width)) - Math.min(...photos.map((b) => b.x)));
      galleryBand(boxes, inArea, { least: bottom - 3 * m.pitchPt, most: bottom + 1 }, i, counts);
      return;
    }
    counts.bodyPages++;
    // A part's last page ends its flow: the next page is an opener, a blank or the index.
    const endsFlow = !body[i + 1] || i + 1 === pages.length;
    const kind = tableOnly(boxes, m, inArea);
    if (kind === 'upright' && !endsFlow) {
      const lowest = Math.max(...boxes.filter(inArea).map((b) => b.y));
      if (lowest < m.typeTopPt + (2 / 3) * (bottom - m.typeTopPt)) counts.tableOnlyPages.push(i);
    }
    const area = boxes.filter(inArea);
    const columns = columnLines(area, mid);
    if (!endsFlow && kind === undefined) shortColumns(area, m, mid, lastBaseline, i, counts);
    if (endsFlow) rightLonger(area, m, mid, i, counts);
    creditsAfterFigures(area, m, mid, i, counts);
    creditsAtTop(columns, m, i, counts);
    creditsPastEdge(area, mid, i, counts);
    tableHeads(columns, m, i, counts);
    figures(area, m, mid, lastBaseline, i, counts);
  });
  listPages(pages, m, inArea, counts);
  counts.galleryWidthsOff = offTheMost(galleryWidths);
  return counts;
}

/** The keys whose value differs by over a point from the (whole-point) value most of them share. */
function offTheMost(values: ReadonlyMap<number, number>): number[] {
  const tally = new Map<number, number>();
  for (const v of values.values()) tally.set(Math.round(v), (tally.get(Math.round(v)) ?? 0) + 1);
  const most = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  return [...values].filter(([, v]) => Math.abs(v - most) > 1).map(([k]) => k);
}

/** A page's text lines in each column: its boxes grouped by baseline, top down, each with its left edge and text. */
function columnLines(boxes: readonly PdfBox[], mid: number): Array<Array<{ y: number; x: number; size: number; text: string }>> {
  return [boxes.filter((b) => b.x < mid), boxes.filter((b) => b.x >= mid)].map((column) => {
    const byLine = new Map<number, PdfBox[]>();
    for (const b of column) if (b.kind === 'text') byLine.set(Math.round(b.y), [...(byLine.get(Math.round(b.y)) ?? []), b]);
    return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([y, bs]) => {
      const sorted = [...bs].sort((a, b) => a.x - b.x);
      return { y, x: sorted[0]!.x, size: Math.max(...bs.map((b) => b.size)), text: sorted.map((b) => b.text).join('').trim() };
    });
  });
}

/** The pages of a list (目录, 索引): from the page under its title, while pages hold list text only. */
function listRun(pages: readonly PdfBox[][], title: string, m: GridMeasures, inArea: (b: PdfBox) => boolean): number[] {
  const first = pages.findIndex((p) => p.filter((b) => b.kind === 'text' && b.size > 15).map((b) => b.text).join('').replace(/[\s\u3000]/g, '') === title);
  if (first < 0) return [];
  const run = [first];
  for (let i = first + 1; i < pages.length; i++) {
    const area = pages[i]!.filter(inArea);
    if (area.length === 0 || area.some((b) => b.kind === 'image' || b.size > m.bodySizePt + 0.5)) break;
    run.push(i);
  }
  return run;
}

const NUMBERED = /^[一二三四五六七八九十]+、/;
const OPENING = /^[“‘《（〔【]/;

/**
 * A TOC or index line beginning with an opening mark, next to a line of its
 * level: the mark's glyph should stand half an em left of the other's first
 * (its blank trimmed, its ink on the indent). Untrimmed it stands at the same
 * place (set in); trimmed twice, a whole em left (hung out). Lines an em or
 * more apart are of other levels or turnovers.
 */
function openingMark(marked: { x: number; size: number }, other: { x: number }, page: number, counts: MakeupCounts): void {
  const shift = other.x - marked.x;
  const half = marked.size / 2;
  if (Math.abs(shift) < 1) counts.listOpeningMarksSetIn.push(page);
  else if (Math.abs(shift - 2 * half) < 1) counts.listOpeningMarksHungOut.push(page);
  else if (Math.abs(shift - half) >= 1) return;
  counts.listOpeningMarks++;
}

/** The last TOC and index pages balanced; TOC turnovers hung; TOC levels distinct. */
function listPages(pages: readonly PdfBox[][], m: GridMeasures, inArea: (b: PdfBox) => boolean, counts: MakeupCounts): void {
  const mid = m.pageWidthPt / 2;
  for (const title of ['目录', '索引']) {
    const run = listRun(pages, title, m, inArea);
    const last = run.at(-1);
    if (last === undefined) continue;
    counts.listLastPages.push(last);
    if (title === '目录') tocOrder(pages, run, m, inArea, counts);
    const feet = columnLines(pages[last]!.filter(inArea), mid).map((lines) => lines.at(-1)?.y ?? 0);
    if (Math.abs(feet[0]! - feet[1]!) > m.listPitchPt + 1) counts.listLastPagesUnbalanced.push(last);
    for (const i of run) {
      for (const lines of columnLines(pages[i]!.filter(inArea), mid)) {
        openingMarks(lines, m, i, counts);
        if (title === '目录') tocIndents(lines, m, i, counts);
      }
    }
  }
}

/** Each line opening with a mark next to one that does not, one list pitch apart (openingMark). */
function openingMarks(lines: readonly ColumnLine[], m: GridMeasures, page: number, counts: MakeupCounts): void {
  lines.forEach((line, k) => {
    const next = lines[k + 1];
    if (!next || Math.abs(next.y - line.y - m.listPitchPt) > 1 || OPENING.test(line.text) === OPENING.test(next.text)) return;
    const [marked, other] = OPENING.test(line.text) ? [line, next] : [next, line];
    openingMark(marked, other, page, counts);
  });
}

/** A TOC column's turnovers hung under their item's first line, and a numbered section's heading apart from the level under it. */
function tocIndents(lines: readonly ColumnLine[], m: GridMeasures, page: number, counts: MakeupCounts): void {
  let itemX = lines[0]?.x ?? 0;
  lines.forEach((line, k) => {
    const next = lines[k + 1];
    const turnsOver = !/\d$/.test(line.text) && line.size < 15;
    if (!next) return;
    if (Math.abs(next.y - line.y - m.listPitchPt) > 1) {
      itemX = next.x; // a blank line: the next item begins
      return;
    }
    if (turnsOver) {
      // A turnover line stands in from its item's first line.
      counts.tocTurnovers++;
      if (next.x < itemX + 0.5 * next.size) counts.tocTurnoversFlush.push(page);
    } else itemX = next.x;
    if (NUMBERED.test(line.text) && !NUMBERED.test(next.text) && Math.abs(next.x - line.x) < 1) counts.tocLevelsFlattened.push(page);
  });
}

/** Bottom of what a box prints, on the body grid's terms: a text's baseline, an image's foot. */
const footOf = (b: PdfBox) => (b.kind === 'image' ? b.y + b.height : b.y);

/** A part's last page whose right column ends more than a point lower than its left. */
function rightLonger(boxes: readonly PdfBox[], m: GridMeasures, mid: number, pageIndex: number, counts: MakeupCounts): void {
  counts.partLastPages++;
  const [left, right] = [boxes.filter((b) => b.x < mid), boxes.filter((b) => b.x >= mid)].map((column) => Math.max(m.typeTopPt, ...column.map(footOf)));
  if (right! > left! + 1) counts.partLastPagesRightLonger.push(pageIndex);
  if (right! > m.typeTopPt && left! - right! > 1.5 * m.pitchPt) counts.partLastPagesApart.push(pageIndex);
}

function shortColumns(boxes: readonly PdfBox[], m: GridMeasures, mid: number, lastBaseline: number, pageIndex: number, counts: MakeupCounts): void {
  // Things across the middle of the type area (a page-wide figure, table or heading) end the columns above them.
  const across = boxes.filter((b) => b.x < mid - 2 && b.x + b.width > mid + 2);
  for (const [column, inColumn] of [boxes.filter((b) => b.x + b.width <= mid + 2), boxes.filter((b) => b.x >= mid - 2)].entries()) {
    if (inColumn.length === 0) continue;
    const foot = Math.max(...inColumn.map(footOf));
    if (across.some((b) => b.y > foot)) continue;
    const lines = Math.round((lastBaseline - foot) / m.pitchPt);
    if (lines >= 1) counts.shortColumns.push({ pageIndex, column, lines });
  }
}

/** A credit line (（…）standing at the column's right edge) with a caption right above it in its column. */
function creditsAfterFigures(boxes: readonly PdfBox[], m: GridMeasures, mid: number, pageIndex: number, counts: MakeupCounts): void {
  for (const inColumn of [boxes.filter((b) => b.x + b.width <= mid + 2), boxes.filter((b) => b.x >= mid - 2)]) {
    const lines = new Map<number, PdfBox[]>();
    for (const b of inColumn) if (b.kind === 'text') lines.set(Math.round(b.y), [...(lines.get(Math.round(b.y)) ?? []), b]);
    const ys = [...lines.keys()].sort((a, b) => a - b);
    ys.forEach((y, k) => {
      const text = lines.get(y)!.map((b) => b.text).join('').trim();
      const isCredit = /^（[^）]*）$/.test(text) && lines.get(y)!.every((b) => near(b.size, m.bodySizePt, 0.05));
      const above = k > 0 ? lines.get(ys[k - 1]!)! : [];
      if (isCredit && above.length > 0 && above.every((b) => near(b.size, m.captionSizePt, 0.05))) counts.figureBeforeCredit.push(pageIndex);
    });
  }
}

/**
 * R-PUN-10, R-YB-5: a credit line（…提供）set flush right has its ） ink on
 * the column's edge, where most lines end: the glyph's box, 1 em, passes it
 * by its blank half. One that ends half an em further has its ink past the
 * edge (a caption's credit set with an indent that kept its （'s blank: 36
 * of them at 994c775).
 */
function creditsPastEdge(boxes: readonly PdfBox[], mid: number, pageIndex: number, counts: MakeupCounts): void {
  for (const inColumn of [boxes.filter((b) => b.x + b.width <= mid + 2), boxes.filter((b) => b.x >= mid - 2)]) {
    const lines = new Map<number, PdfBox[]>();
    for (const b of inColumn) if (b.kind === 'text') lines.set(Math.round(b.y), [...(lines.get(Math.round(b.y)) ?? []), b]);
    const ends = [...lines.values()].map((bs) => ({ text: bs.map((b) => b.text).join('').trim(), end: Math.max(...bs.map((b) => b.x + b.width)), size: bs[0]!.size }));
    // The edge: where most lines end (a justified line ending in a hanzi ends on it).
    const tally = new Map<number, number>();
    for (const l of ends) if (!/^（[^）]*）$/.test(l.text)) tally.set(Math.round(l.end), (tally.get(Math.round(l.end)) ?? 0) + 1);
    const [edge, most] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    if (most < 3) continue;
    for (const credit of ends.filter((l) => /^（[^）]*）$/.test(l.text))) {
      counts.creditLines++;
      if (credit.end > edge + credit.size / 2 + 1) counts.creditsPastEdge.push(pageIndex);
    }
  }
}

/** A page of photos without a folio whose photos and captions end above `least` (pt from the top), or run on below `most`. */
function galleryBand(boxes: readonly PdfBox[], inArea: (b: PdfBox) => boolean, foot: { least: number; most: number }, pageIndex: number, counts: MakeupCounts): void {
  const area = boxes.filter(inArea);
  if (!area.some((b) => b.kind === 'image')) return;
  counts.galleryPages++;
  if (Math.max(...area.map(footOf)) < foot.least) counts.galleryBands.push(pageIndex);
  if (boxes.some((b) => footOf(b) > foot.most)) counts.galleryPastFoot.push(pageIndex);
}

/** Photos on a page without a folio: those whose vertical extents overlap are a row, and should share their top. */
function galleryRows(boxes: readonly PdfBox[], inArea: (b: PdfBox) => boolean, pageIndex: number, counts: MakeupCounts): void {
  const images = boxes.filter((b) => b.kind === 'image' && inArea(b)).sort((a, b) => a.y - b.y);
  if (images.length < 2) return;
  const rows: PdfBox[][] = [];
  for (const img of images) {
    const row = rows.find((r) => r.some((o) => img.y < o.y + o.height - 1 && o.y < img.y + img.height - 1));
    if (row) row.push(img);
    else rows.push([img]);
  }
  for (const row of rows.filter((r) => r.length > 1)) {
    counts.galleryRows++;
    const tops = row.map((b) => b.y);
    if (Math.max(...tops) - Math.min(...tops) > 0.5) counts.galleryRowsMisaligned.push(pageIndex);
  }
  // The rows' outer edges: a page's rows stand flush with each other, left and right.
  if (rows.length < 2) return;
  counts.galleryEdgePages++;
  const lefts = rows.map((r) => Math.min(...r.map((b) => b.x)));
  const rights = rows.map((r) => Math.max(...r.map((b) => b.x + b.width)));
  if (Math.max(...lefts) - Math.min(...lefts) > 0.5 || Math.max(...rights) - Math.min(...rights) > 0.5) counts.galleryEdgesMisaligned.push(pageIndex);
}

/** The text lines of one column of a page, top down (columnLines), with whether each stands at the column's right edge. */
type ColumnLine = ReturnType<typeof columnLines>[number][number];

const isCreditText = (line: ColumnLine, m: GridMeasures) => /^（[^）]*）$/.test(line.text) && near(line.size, m.bodySizePt, 0.05);

/** R-YB-4: a credit line that is the first text of its column (its text is in the column before). */
function creditsAtTop(columns: readonly ColumnLine[][], m: GridMeasures, pageIndex: number, counts: MakeupCounts): void {
  columns.forEach((lines) => {
    counts.credits += lines.filter((l) => isCreditText(l, m)).length;
    const first = lines[0];
    // Flush right: it starts well in from the column's left edge (a body line starts at it, or 2 em in).
    const left = Math.min(...lines.map((l) => l.x));
    if (first && isCreditText(first, m) && (first.x > left + 3 * m.bodySizePt || lines.length === 1)) counts.creditsAtColumnTop.push(pageIndex);
  });
}

/** Each table piece's band (its title's or 续表's top), the baseline of its label (续表, or its title's last line) and its header's first baseline, in one column. */
function tablePieces(lines: readonly ColumnLine[], m: GridMeasures): Array<{ top: number; label: number; head: number }> {
  const pieces: Array<{ top: number; label: number; head: number }> = [];
  lines.forEach((line, k) => {
    const isLabel = line.text === '续表' && near(line.size, m.tableSizePt, 0.05);
    // A table's title: a line larger than body text over table-size lines (a heading has body text under it).
    const isTitle = line.size > m.bodySizePt + 0.5 && !(lines[k - 1] && lines[k - 1]!.size > m.bodySizePt + 0.5 && line.y - lines[k - 1]!.y < 2.5 * line.size);
    if (!isLabel && !isTitle) return;
    let j = k + 1;
    while (isTitle && lines[j] && lines[j]!.size > m.bodySizePt + 0.5) j++;
    const head = lines[j];
    if (head && near(head.size, m.tableSizePt, 0.05) && head.y - line.y < 4 * m.pitchPt) pieces.push({ top: line.y - line.size, label: lines[j - 1]!.y, head: head.y });
  });
  return pieces;
}

/** R-COL-2: pieces of tables side by side, begun level (their bands overlap), with their header rows, or their title and 续表, more than half a point apart. */
function tableHeads(columns: readonly ColumnLine[][], m: GridMeasures, pageIndex: number, counts: MakeupCounts): void {
  const [left, right] = columns.map((lines) => tablePieces(lines, m));
  for (const a of left!) {
    for (const b of right!) {
      if (!(a.top < b.head && b.top < a.head)) continue;
      counts.tableHeadPairs++;
      if (Math.abs(a.head - b.head) > 0.5) counts.tableHeadsMisaligned.push(pageIndex);
      if (Math.abs(a.label - b.label) > 0.5) counts.tableLabelsMisaligned.push(pageIndex);
    }
  }
}

/** R-YB-7: the TOC's page numbers read in order (column by column, page by page) never go down. */
function tocOrder(pages: readonly PdfBox[][], run: readonly number[], m: GridMeasures, inArea: (b: PdfBox) => boolean, counts: MakeupCounts): void {
  let last = 0;
  for (const i of run) {
    for (const lines of columnLines(pages[i]!.filter(inArea), m.pageWidthPt / 2)) {
      for (const line of lines) {
        const n = /(\d+)$/.exec(line.text);
        if (!n) continue;
        counts.tocNumbers++;
        if (Number(n[1]) < last) counts.tocBackwards.push(i);
        last = Number(n[1]);
      }
    }
  }
}

/**
 * A photo between lines of text in its column: the room over it (from the
 * text's baseline above to the photo) is at least half the room under its
 * caption (to the baseline of the text below, less a line). Set at the top
 * of its grid lines, a photo stood 4 pt under the text above, with a line
 * and more under its caption.
 */
function photoRoom(boxes: readonly PdfBox[], img: PdfBox, captionEnd: number, m: GridMeasures, pageIndex: number, counts: MakeupCounts): void {
  // Text of the body or a heading (not captions, running heads or folios) across the photo's width.
  const overlaps = (b: PdfBox) => b.kind === 'text' && b.size > m.captionSizePt + 0.5 && b.x < img.x + img.width - 2 && b.x + b.width > img.x + 2;
  const above = boxes.filter((b) => overlaps(b) && b.y < img.y && b.y > m.typeTopPt).map((b) => b.y);
  const below = boxes.filter((b) => overlaps(b) && b.y > captionEnd).map((b) => b.y - (b.size - m.bodySizePt));
  if (above.length === 0 || below.length === 0) return;
  counts.photosBetweenText++;
  const over = img.y - Math.max(...above);
  const under = Math.min(...below) - captionEnd - m.pitchPt;
  if (over < under / 2) counts.photosTightAbove.push(pageIndex);
}

/**
 * Photos on a body page: the caption's first line stands within half a line
 * under the photo; a page-wide photo whose caption ends on the last grid line
 * is at the page's foot, and the columns above it end within a line of each other.
 */
function figures(boxes: readonly PdfBox[], m: GridMeasures, mid: number, lastBaseline: number, pageIndex: number, counts: MakeupCounts): void {
  for (const img of boxes.filter((b) => b.kind === 'image')) {
    counts.figures++;
    const foot = img.y + img.height;
    const captions = boxes.filter((b) => b.kind === 'text' && near(b.size, m.captionSizePt, 0.05) && b.y > foot && b.y < foot + 3 * m.pitchPt && b.x >= img.x - 2 && b.x < img.x + img.width);
    if (captions.length === 0) continue;
    const ys = [...new Set(captions.map((b) => Math.round(b.y * 10) / 10))].sort((a, b) => a - b);
    if (ys[0]! - 0.88 * m.captionSizePt - foot > m.pitchPt / 2) counts.captionGapsWide.push(pageIndex);
    const isWide = img.x < mid - 2 && img.x + img.width > mid + 2;
    // The caption block: lines one caption pitch apart from the first.
    let end = ys[0]!;
    for (const y of ys.slice(1)) if (y - end < 2 * m.captionSizePt) end = y;
    photoRoom(boxes, img, end, m, pageIndex, counts);
    if (!isWide || Math.abs(end - lastBaseline) > 1) continue;
    counts.wideFiguresAtFoot.push(pageIndex);
    const above = boxes.filter((b) => b.kind === 'text' && b.y < img.y);
    const feet = [above.filter((b) => b.x + b.width <= mid + 2), above.filter((b) => b.x >= mid - 2)].map((col) => Math.max(0, ...col.map((b) => b.y)));
    if (Math.abs(feet[0]! - feet[1]!) > m.pitchPt + 1) counts.columnsUnbalancedOverFoot.push(pageIndex);
  }
}
