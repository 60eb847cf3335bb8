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
  numGlyphs: number;
  directory?: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream?: { buffer: Uint8Array };
  loca?: { offsets: ArrayLike<number> };
}

/** A glyph record's header: numberOfContours and its box (int16 × 5). */
const HEADER_BYTES = 10;

/** Composite glyph flags (OpenType glyf): argument sizes, the scale that follows, and whether another component does. */
const ARG_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_2X2 = 0x0080;

/** The bytes a component takes after its flags and glyph index. */
const componentRest = (flags: number) => (flags & ARG_WORDS ? 4 : 2) + (flags & HAS_SCALE ? 2 : flags & HAS_XY_SCALE ? 4 : flags & HAS_2X2 ? 8 : 0);

/**
 * A composite glyph one of whose components is itself or a glyph the font
 * does not have: fontkit draws nothing for it (a glyph made to point at
 * itself printed 河 blank). Components are read up to the record's end.
 */
function hasBrokenComponent(record: Uint8Array, id: number, numGlyphs: number): boolean {
  const u16 = (at: number) => (record[at]! << 8) | record[at + 1]!;
  for (let at = HEADER_BYTES; at + 4 <= record.length; ) {
    const flags = u16(at);
    const component = u16(at + 2);
    if (component === id || component >= numGlyphs) return true;
    if (!(flags & MORE_COMPONENTS)) return false;
    at += 4 + componentRest(flags);
  }
  return true; // the components run past the record
}

/** Letters, digits, punctuation and symbols: every one has ink (spaces and format characters need none). */
const INKED = /^[\p{L}\p{N}\p{P}\p{S}]/u;

/** Whether `ch` should leave ink. */
export const shouldHaveInk = (ch: string): boolean => INKED.test(ch);

/**
 * True when glyph `id` of a TrueType font has no outline (an empty glyf
 * record), a header of zeros, or a component that cannot be drawn. CFF outlines and fonts fontkit did not open
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
  const record = f.stream!.buffer.subarray(at, glyf.offset + end);
  if (record.length < HEADER_BYTES) return false;
  if (record.subarray(0, HEADER_BYTES).every((b) => b === 0)) return true;
  const isComposite = record[0] === 0xff && record[1] === 0xff; // numberOfContours −1
  return isComposite && hasBrokenComponent(record, id, f.numGlyphs);
}
