/**
 * The tag a glyph item carries when it prints manuscript text: the block's
 * key (`blockKey`, its place in the manuscript) and the line's place in the
 * block. A proof's page map (issue 23) is read from these tags, so every
 * kind of printed text (paragraphs, headings, captions, table cells and
 * titles, footnotes) gets change bars the same way.
 */
import type { Line } from '../compose/index.ts';
import type { BlockLine } from './types.ts';

/** `composed`: a body paragraph's line, which the book's own checks read back (issue 17). */
export function blockLine(key: string | undefined, index: number, floats?: boolean, composed?: Line): { block?: BlockLine } {
  return key ? { block: { key, index, ...(floats ? { floats } : {}), ...(composed ? { composed } : {}) } } : {};
}
