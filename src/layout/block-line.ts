/**
 * The tag a glyph item carries when it prints manuscript text: the block's
 * key (`blockKey`, its place in the manuscript) and the line's place in the
 * block. A proof's page map (issue 23) is read from these tags, so every
 * kind of printed text (paragraphs, headings, captions, table cells and
 * titles, footnotes) gets change bars the same way.
 */
import type { BlockLine } from './types.ts';

export function blockLine(key: string | undefined, index: number, floats?: boolean): { block?: BlockLine } {
  return key ? { block: { key, index, ...(floats ? { floats } : {}) } } : {};
}
