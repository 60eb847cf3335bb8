/**
 * A workbook made safe to open before exceljs reads it. exceljs makes a cell
 * object for every cell of a merged area, so one merge A7:XFD1048576 (valid
 * OOXML: 17 billion cells) runs the heap out. Each sheet's merges are cut to
 * the extent of the cells that hold a value or a formula, and a merge left
 * with one cell or none is dropped: a merge over empty cells shows nothing.
 */
import JSZip from 'jszip';

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Column letters → number from 1 (A → 1, XFD → 16384). */
export const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The last row and column (from 1) of a sheet's cells that hold a value, inline text or a formula. */
export function filledExtent(xml: string): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  const start = /<((?:\w+:)?)c\s[^>]*>/g; // a cell's start tag; `<col`, `<cols` have no space after the c
  for (let m = start.exec(xml); m; m = start.exec(xml)) {
    if (m[0].endsWith('/>')) continue; // style only
    const end = xml.indexOf(`</${m[1]}c>`, start.lastIndex);
    const body = xml.slice(start.lastIndex, end < 0 ? xml.length : end);
    if (!/<(?:\w+:)?(?:v|f|is)[\s>]/.test(body)) continue;
    const at = /\sr="([A-Z]{1,3})(\d{1,7})"/.exec(m[0]);
    if (!at) return { rows: Infinity, cols: Infinity }; // a cell without its address: positions unknown, nothing is cut
    rows = Math.max(rows, Number(at[2]));
    cols = Math.max(cols, columnNumber(at[1]!));
  }
  return { rows, cols };
}

const columnLetters = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** A merge's range cut to `extent`, or undefined when one cell or none of it is left. */
function cutMerge(ref: string, extent: { rows: number; cols: number }): string | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return ref;
  const [top, left] = [Number(m[2]), columnNumber(m[1]!)];
  const [bottom, right] = [Math.min(Number(m[4]), extent.rows), Math.min(columnNumber(m[3]!), extent.cols)];
  if (bottom < top || right < left || (bottom === top && right === left)) return undefined;
  return `${m[1]}${top}:${columnLetters(right)}${bottom}`;
}

/** The sheet's XML with its merges cut to its filled extent; the count of merges changed. */
function cutMerges(xml: string): { xml: string; cut: number } {
  const extent = filledExtent(xml);
  let cut = 0;
  const out = xml.replace(/<((?:\w+:)?)mergeCell\s+ref="([^"]*)"\s*\/>/g, (whole, prefix: string, ref: string) => {
    const kept = cutMerge(ref, extent);
    if (kept === ref) return whole;
    cut++;
    return kept === undefined ? '' : `<${prefix}mergeCell ref="${kept}"/>`;
  });
  return { xml: out, cut };
}

/** The workbook's bytes with every sheet's merges cut to its filled cells (the same bytes when none needed it); and how many were. */
export async function guardXlsx(bytes: Uint8Array): Promise<{ bytes: Uint8Array; cut: number }> {
  const zip = await JSZip.loadAsync(bytes);
  let cut = 0;
  for (const name of Object.keys(zip.files).filter((n) => SHEET.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (!xml.includes('mergeCell')) continue;
    const done = cutMerges(xml);
    if (done.cut === 0) continue;
    cut += done.cut;
    zip.file(name, done.xml);
  }
  return cut === 0 ? { bytes, cut } : { bytes: await zip.generateAsync({ type: 'uint8array' }), cut };
}
