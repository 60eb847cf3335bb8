/**
 * Whether the glyph a font maps a visible character to has nothing to draw.
 * Such a character prints as a gap while its text is still there to copy and
 * search (ToUnicode), so no reading-back of the PDF's text notices it. A
 * font can map characters it lacks to an empty glyph, and a file damaged in
 * its middle holds glyph records of zeros: the provider then takes the
 * character from the next font of the chain, or reports it missing
 * (glyph-missing), as for a character the font has no glyph for at all.
 */
import type { Font } from './index.ts';

/** The fontkit internals read here: a TrueType file's glyph offsets (loca) and its bytes. */
interface TrueTypeInternals {
  type?: string;
  directory?: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream?: { buffer: Uint8Array };
  loca?: { offsets: ArrayLike<number> };
}

/** A glyph record's header: numberOfContours and its box (int16 × 5). */
const HEADER_BYTES = 10;

/** Letters, digits, punctuation and symbols: every one has ink (spaces and format characters need none). */
const INKED = /^[\p{L}\p{N}\p{P}\p{S}]/u;

/** Whether `ch` should leave ink. */
export const shouldHaveInk = (ch: string): boolean => INKED.test(ch);

/**
 * True when glyph `id` of a TrueType font has no outline (an empty glyf
 * record) or a header of zeros. CFF outlines and fonts fontkit did not open
 * as plain TrueType are drawn as they are (false).
 */
export function isBlankGlyph(font: Font, id: number): boolean {
  const f = font as unknown as TrueTypeInternals;
  const glyf = f.type === 'TTF' ? f.directory?.tables.glyf : undefined;
  const offsets = glyf && f.stream && f.loca?.offsets;
  if (!glyf || !offsets || id + 1 >= offsets.length) return false;
  const start = offsets[id]!;
  const end = offsets[id + 1]!;
  if (end <= start) return true;
  const at = glyf.offset + start;
  const header = f.stream!.buffer.subarray(at, at + HEADER_BYTES);
  return header.length === HEADER_BYTES && header.every((b) => b === 0);
}
