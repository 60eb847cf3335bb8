/**
 * Bounds on what one manuscript file may ask of the parser and the layout
 * (issue 16, “every read is bounded”). Each is far above anything a
 * yearbook holds and far below what breaks: micromark recurses once per
 * level of list or blockquote and overflows the stack at a few thousand.
 */
import { type Place, report, type VFile } from '../diagnostics/index.ts';

/** Levels of list and blockquote (indentation counted as in prefixDepth). A yearbook uses two or three. */
export const MAX_NESTING = 50;
/** Characters in a heading (the longest in the sample has 40). */
export const MAX_HEADING_CHARS = 200;
/** Cells in one table (the sample's largest has about 600; micromark takes about 0.3 ms a cell). */
export const MAX_TABLE_CELLS = 10_000;

/**
 * Levels of HTML tags in one HTML block (html.ts): Word's and pandoc's
 * tables reach ten or so; the HTML parser (parse5, through
 * hast-util-from-html) recurses once a level and overflowed the stack at
 * 2,000 nested <div>s.
 */
export const MAX_HTML_NESTING = 200;

/** Tags that hold nothing, and tags a sibling closes (a <p> or <td> left open does not nest the next one). */
const HTML_NOT_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot']);

/** How deep an HTML text's tags nest, by a scan of its tags alone (no parser: a file is measured before one sees it). */
export function htmlDepth(html: string): number {
  let depth = 0;
  let most = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const closing = html[at + 1] === '/';
    const name = /^[A-Za-z][A-Za-z0-9-]*/.exec(html.slice(at + (closing ? 2 : 1), at + 20))?.[0]?.toLowerCase();
    if (!name || HTML_NOT_NESTING.has(name)) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (html[html.indexOf('>', at) - 1] !== '/') most = Math.max(most, ++depth);
  }
  return most;
}

const LIST_MARKER = new Set(['-', '*', '+']);

/**
 * How deep the line's prefix nests: each `>` and each list marker is a
 * level, and so is every two columns of indentation among them (how nested
 * list items are written); the one space after a marker is not counted. A scan of the prefix only, so a
 * file is measured before micromark sees it.
 */
export function prefixDepth(line: string): number {
  let depth = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    const blank = (k: number) => line[k] === ' ' || line[k] === '\t';
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4;
    else if (c === '>' || (LIST_MARKER.has(c) && blank(i + 1))) {
      depth++;
      if (blank(i + 1)) i++; // the space a marker takes is not indentation
    } else {
      let j = i;
      while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j === i || !(line[j] === '.' || line[j] === ')') || !blank(j + 1)) break;
      depth++;
      i = j + 1;
    }
    i++;
  }
  return depth > 0 ? depth + Math.floor(columns / 2) : 0;
}

/** A GFM delimiter row: only pipes, dashes, colons and spaces, with at least one pipe and one dash. */
function isDelimiterRow(line: string): boolean {
  let pipe = false;
  let dash = false;
  for (const c of line) {
    if (c === '|') pipe = true;
    else if (c === '-') dash = true;
    else if (c !== ':' && c !== ' ' && c !== '\t') return false;
  }
  return pipe && dash;
}

/** Cells of a table row as GFM counts them: between pipes, outer pipes not opening a cell. */
function cellsOf(line: string): number {
  const trimmed = line.trim();
  let pipes = 0;
  for (const c of trimmed) if (c === '|') pipes++;
  return pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && trimmed.length > 1 ? 1 : 0);
}

interface TableRun {
  start: number;
  rows: number;
  columns: number;
  delimiter: boolean;
}

/**
 * Measures the file before micromark sees it: nesting by each line's prefix,
 * tables by runs of lines with pipes (one with a delimiter row is a table).
 * Reports the first excess at its line; false when the file must not be parsed.
 */
/**
 * NUL is no text. CommonMark has the parser put U+FFFD in its place, so it
 * printed as a box, told only as a missing glyph “�”: it is taken out
 * before parsing, each at its line and column (control-character).
 */
export function dropNulls(file: VFile): void {
  const text = String(file.value);
  if (!text.includes('\0')) return;
  text.split('\n').forEach((line, i) => {
    for (let at = line.indexOf('\0'); at >= 0; at = line.indexOf('\0', at + 1)) report(file, { line: i + 1, column: at + 1 }, 'control-character', { code: 'U+0000' });
  });
  file.value = text.replaceAll('\0', '');
}

/** A character followed by its combining marks (e and U+0301). */
const MARKED = /\P{M}\p{M}+/gu;
/** CJK compatibility ideographs: NFC would swap each for its unified twin, a different character to a name's bearer. */
const isCompatibilityIdeograph = (c: number) => (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2f800 && c <= 0x2fa1f);

/**
 * A letter and its combining marks are composed where Unicode has the
 * letter (e and U+0301 → é, as text copied from macOS or a PDF arrives): the
 * fonts draw é, but a combining mark beside its letter, not over it (e´).
 * Only such runs are composed, never a whole text (NFC changes CJK
 * compatibility ideographs); what has no composed form stays as typed.
 */
export function composeMarks(file: VFile): void {
  const text = String(file.value);
  if (!/\p{M}/u.test(text)) return;
  file.value = text.replace(MARKED, (run) => (isCompatibilityIdeograph(run.codePointAt(0)!) ? run : run.normalize('NFC')));
}

export function checkBounds(file: VFile): boolean {
  const lines = String(file.value).split('\n');
  let run: TableRun | undefined;
  for (let n = 0; n <= lines.length; n++) {
    const line = lines[n];
    if (line !== undefined && line.includes('|')) {
      run ??= { start: n, rows: 0, columns: 0, delimiter: false };
      run.rows++;
      run.columns = Math.max(run.columns, cellsOf(line));
      run.delimiter ||= isDelimiterRow(line);
    } else if (run) {
      if (run.delimiter && run.rows * run.columns > MAX_TABLE_CELLS) {
        const cells = run.rows * run.columns;
        report(file, { line: run.start + 1, column: 1 }, 'table-too-large', { rows: run.rows, columns: run.columns, cells, limit: MAX_TABLE_CELLS });
        return false;
      }
      run = undefined;
    }
    const depth = line === undefined ? 0 : prefixDepth(line);
    if (depth > MAX_NESTING) {
      report(file, { line: n + 1, column: 1 }, 'nesting-too-deep', { depth, limit: MAX_NESTING });
      return false;
    }
  }
  return true;
}

/** Reports a heading longer than MAX_HEADING_CHARS (most often body text typed after a stray #). */
export function checkHeadingLength(file: VFile, place: Place, text: string): void {
  const length = [...text].length;
  if (length > MAX_HEADING_CHARS) report(file, place, 'heading-too-long', { length, limit: MAX_HEADING_CHARS });
}
