/**
 * Fonts as fontkit objects and shaping for the composer. Font bytes come
 * from io: nothing here reads the disk.
 */
import * as fontkit from 'fontkit';

export {
  createFontProvider, type FontProvider, type FontRole, type FontSet, type FontStyle, type GlyphRef, type RoleFonts,
  type ShapedUnit,
} from './provider.ts';
export { createMonospaceProvider } from './testing.ts';
export { layoutTableFault } from './layout-tables.ts';
export { isBlankGlyph } from './blank-glyph.ts';

/** The part of a fontkit font nianjian uses. */
export interface Font {
  postscriptName: string;
  unitsPerEm: number;
  numGlyphs: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  /** The horizontal metrics table (fontkit's), where glyph advances are read without decoding outlines. */
  hmtx?: { metrics: { length: number; get(index: number): { advance: number } } };
  layout(text: string, features?: string[]): unknown;
  /** OpenType features the font has (tnum for tabular figures). */
  availableFeatures?: string[];
  createSubset(): { includeGlyph(glyph: unknown): number; encode(): Uint8Array };
  /** Whether glyph `id` has nothing to draw (blank-glyph.ts); a wrapper answers for the fontkit font it holds. */
  isBlank?(id: number): boolean;
  /** A family of split subsets (issue 18): the subset font that has this character, which is then set and embedded. */
  pieceFor?(codePoint: number): Font | undefined;
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
export { textPathSvg } from './outline.ts';
