/**
 * Fonts as fontkit objects, by role. The composer (a later stage) shapes
 * with these; here is only what loading and coverage need. Font bytes come
 * from io: nothing here reads the disk.
 */
import * as fontkit from 'fontkit';

/** The part of a fontkit font nianjian uses. */
export interface Font {
  postscriptName: string;
  unitsPerEm: number;
  numGlyphs: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  createSubset(): { includeGlyph(glyph: unknown): number; encode(): Uint8Array };
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
}

/** Opens a TrueType/OpenType font from its bytes. */
export function openFont(bytes: Uint8Array): Font {
  return fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Font;
}

/** Characters of `text` that none of `fonts` has, each once, in order of appearance. */
export function missingCharacters(text: string, fonts: readonly Font[]): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x21 || ch === '\u3000') continue;
    if (!fonts.some((f) => f.hasGlyphForCodePoint(cp))) missing.add(ch);
  }
  return [...missing];
}
