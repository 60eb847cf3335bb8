/**
 * The 条目索引 printed at the end of the seed (《天津市河西年鉴(2024)》), read
 * from its text extraction: headings with their page numbers, in printed
 * order. The extraction is rough: two columns joined by tabs, a heading's
 * number sometimes in a cell of its own or on the next line, turnover lines,
 * letter heads doubled by OCR (В, Р, ^, IX.), and one page (J–L) whose left
 * column exists only as OCR text repeated in long cells. This reads all of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The seed text: beside the repository (../shared/seed), or where NIANJIAN_SEED says. */
export const SEED_PATH = process.env.NIANJIAN_SEED ?? join(import.meta.dirname, '../../shared/seed/hexi-yearbook-2024.txt');

export interface PrintedHeading {
  heading: string;
  pages: number[];
  /** Read from the OCR page's text, so without a reliable place in the printed order. */
  ocr?: true;
}

/** Comparable form of a heading: no spaces, quotes or punctuation (the extraction mangles them). */
export const headingKey = (s: string): string => s.replace(/[\s\u3000"“”'‘’,，:：;；()（）、.。·・!！?？—《》]/g, '');

/** Display width in em: ASCII half, everything else whole. */
const widthOf = (s: string): number => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);
const hasHan = (s: string): boolean => /\p{Script=Han}/u.test(s);
/** A printed line without page numbers this wide (em) is a turnover: the heading goes on. */
const TURNOVER_EM = 15.5;
/** Cells this long are OCR text of a whole page, not a column cell. */
const OCR_CELL = 100;
const NUMBERS = /^(.*?)\s*(\d{1,3}(?:[\s、]+\d{1,3})*)[\s、]*$/s;

function split(text: string): { head: string; pages: number[] } {
  const clean = text.replace(/[^\p{Script=Han}\d"”》）)]+$/u, '').trim(); // 15°, [~]
  const m = NUMBERS.exec(clean);
  if (!m || (m[1] !== '' && !/[\p{Script=Han}"”》）)]$/u.test(m[1]!))) return { head: clean, pages: [] };
  const nums = m[2]!.split(/[\s、]+/).filter(Boolean);
  // "…百分百"2 285": the extraction repeats a number's first digit.
  const pages = nums.filter((n, i) => !(n.length === 1 && nums[i + 1]?.startsWith(n))).map(Number).filter((n) => n >= 10);
  return { head: m[1]!, pages };
}

/** The cells of one printed line as [left column, right column]; OCR cells set aside. */
function columnsOf(cells: string[], ocrPage: boolean, ocr: string[]): string[] {
  const c = cells.map((x) => x.trim());
  if (ocrPage) {
    ocr.push(c[0]!);
    return [c[1] ?? '', `${c[2] ?? ''} ${c[3] ?? ''}`];
  }
  if (c.length === 4) return [`${c[0]} ${c[1]}`, `${c[2]} ${c[3]}`];
  if (c.length === 3) return [c[0]!, `${c[1]} ${c[2]}`];
  return c;
}

/** Reads one column's cells in order into headings. */
function readColumn(cells: readonly string[], out: PrintedHeading[]): void {
  let open: PrintedHeading | undefined; // the heading a number-only cell or a turnover belongs to
  let turning = false;
  for (const raw of cells) {
    const cell = raw.trim();
    if (!hasHan(cell)) {
      const { head, pages } = split(cell);
      if (open && head === '' && pages.length > 0) open.pages.push(...pages);
      else open = undefined;
      turning = false;
      continue;
    }
    const { head, pages } = split(cell);
    if (turning && open) {
      open.heading += head;
      open.pages.push(...pages);
    } else {
      open = { heading: head, pages };
      out.push(open);
    }
    turning = pages.length === 0 && widthOf(head) >= TURNOVER_EM;
  }
}

/** Same length, one character different: an OCR misreading. */
function oneOff(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  return x.length === y.length && x.filter((c, i) => c !== y[i]).length === 1;
}

/**
 * The J–L page: its columns survive only as OCR text, "heading 123 heading
 * 45 …", repeated in many cells with different misreadings. A heading is
 * taken when three distinct cells read it alike (a cell's first heading, the
 * row it stands for, counts twice), unless it is one character off a
 * heading read cleanly.
 */
function fromOcr(cells: readonly string[], known: ReadonlySet<string>): PrintedHeading[] {
  const votes = new Map<string, { first: number; cells: Set<string>; pages: number[] }>();
  let order = 0;
  for (const cell of new Set(cells)) {
    let opening = true;
    for (const m of cell.matchAll(/([^\s\d。.][^\d]*?)[\s。.]*(\d{1,3}(?:、\s*\d{1,3})*)(?=\s|$)/g)) {
      const head = m[1]!.trim();
      if (!hasHan(head) || /[A-Z]/.test(head)) continue;
      const k = headingKey(head);
      const v = votes.get(k) ?? { first: order++, cells: new Set(), pages: m[2]!.split(/、\s*/).map(Number) };
      v.cells.add(cell);
      if (opening) v.cells.add(`${cell}\u0000`);
      opening = false;
      votes.set(k, v);
    }
  }
  return [...votes.entries()]
    .filter(([k, v]) => v.cells.size >= 3 && !known.has(k) && ![...known].some((h) => oneOff(h, k)))
    .sort((a, b) => a[1].first - b[1].first)
    .map(([k, v]) => ({ heading: k, pages: v.pages, ocr: true as const }));
}

/** The printed index of the seed, in printed order (the OCR page's extra headings inserted by order of first reading). */
export function readPrintedIndex(seedPath: string): PrintedHeading[] {
  const lines = readFileSync(seedPath, 'utf8').split('\n');
  const start = lines.lastIndexOf('条目索引') + 1;
  const pages: string[][][] = [[]];
  for (const line of lines.slice(start)) {
    if (line.trim() === '' && !line.includes('\t')) pages.push([]);
    else pages.at(-1)!.push(line.split('\t'));
  }
  const out: PrintedHeading[] = [];
  const ocr: string[] = [];
  for (const page of pages.filter((p) => p.length > 0)) {
    const ocrPage = page.some((cells) => cells.some((c) => c.length > OCR_CELL));
    const rows = page.map((cells) => columnsOf(cells, ocrPage, ocr));
    for (let col = 0; col < 2; col++) readColumn(rows.map((r) => r[col] ?? ''), out);
  }
  const known = new Set(out.map((h) => headingKey(h.heading)));
  return [...out, ...fromOcr(ocr, known)].map((h) => ({ ...h, heading: h.heading.trim(), pages: [...new Set(h.pages)] }));
}

export interface IndexComparison {
  printed: number;
  ours: number;
  /** Printed headings that ours has too. */
  shared: number;
  coverage: number;
  missing: string[];
  /** Our headings the printed index does not have. */
  extra: string[];
  /** Printed headings with the same page numbers in ours. */
  equalLocators: number;
  /** Neighbours in the printed order (shared headings only) that ours sorts the other way round. */
  orderDisagreements: Array<[string, string]>;
}

/** Compares our index (headings with pages, in our order) with the printed one. */
export function compareIndexes(ours: ReadonlyArray<{ heading: string; pages: readonly number[] }>, printed: readonly PrintedHeading[]): IndexComparison {
  const ourPlace = new Map(ours.map((e, i) => [headingKey(e.heading), i]));
  const printedKeys = new Set(printed.map((p) => headingKey(p.heading)));
  const shared = printed.filter((p) => ourPlace.has(headingKey(p.heading)));
  const inOrder = shared.filter((p) => !p.ocr);
  const orderDisagreements: Array<[string, string]> = [];
  for (let i = 0; i + 1 < inOrder.length; i++) {
    const a = inOrder[i]!;
    const b = inOrder[i + 1]!;
    if (ourPlace.get(headingKey(a.heading))! > ourPlace.get(headingKey(b.heading))!) orderDisagreements.push([a.heading, b.heading]);
  }
  const pagesOf = new Map(ours.map((e) => [headingKey(e.heading), e.pages.join()]));
  return {
    printed: printed.length, ours: ours.length, shared: shared.length, coverage: shared.length / printed.length,
    missing: printed.filter((p) => !ourPlace.has(headingKey(p.heading))).map((p) => p.heading),
    extra: ours.filter((e) => !printedKeys.has(headingKey(e.heading))).map((e) => e.heading),
    equalLocators: shared.filter((p) => pagesOf.get(headingKey(p.heading)) === p.pages.join()).length,
    orderDisagreements,
  };
}
