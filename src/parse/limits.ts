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
/** Cells in one table (the sample's largest has about 600). */
export const MAX_TABLE_CELLS = 20_000;

const LIST_MARKER = new Set(['-', '*', '+']);

/**
 * How deep the line's prefix nests: each `>` and each list marker is a
 * level, and so is every two columns of indentation before a marker
 * (how nested list items are written). A scan of the prefix only, so a
 * file is measured before micromark sees it.
 */
export function prefixDepth(line: string): number {
  let depth = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4;
    else if (c === '>') depth++;
    else if (LIST_MARKER.has(c) && /[ \t]/.test(line[i + 1] ?? '')) depth++;
    else {
      let j = i;
      while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j === i || !(line[j] === '.' || line[j] === ')') || !/[ \t]/.test(line[j + 1] ?? '')) break;
      depth++;
      i = j;
    }
    i++;
  }
  return depth > 0 ? depth + Math.floor(columns / 2) : 0;
}

/** Reports the first line nested deeper than MAX_NESTING; false when the file must not be parsed. */
export function checkNesting(file: VFile): boolean {
  const lines = String(file.value).split('\n');
  for (let n = 0; n < lines.length; n++) {
    const depth = prefixDepth(lines[n]!);
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
