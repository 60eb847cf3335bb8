/**
 * A glyph placed on a line, as layout and the renderers read it. A yearbook
 * has half a million of them, all alive until the PDF is written, so each is
 * small: the shaped glyph it shows (one object shared by every occurrence of
 * the same text in the same style) and its index into its line's positions,
 * a Float64Array of x and size. Plain objects with nine fields and boxed
 * numbers took 2½ times the memory (heap snapshot of the sample: 106 MB).
 */
import type { GlyphRef } from '../font/index.ts';
import type { PositionedGlyph } from './types.ts';

export class PlacedGlyph implements PositionedGlyph {
  constructor(private readonly ref: GlyphRef, private readonly at: Float64Array, private readonly index: number) {}

  get fontKey(): string { return this.ref.fontKey; }
  get glyphId(): number { return this.ref.glyphId; }
  get advanceEm(): number { return this.ref.advanceEm; }
  get offsetEm(): number { return this.ref.offsetEm; }
  get scale(): number { return this.ref.scale; }
  get riseEm(): number { return this.ref.riseEm; }
  get text(): string { return this.ref.text; }
  get xPt(): number { return this.at[2 * this.index]!; }
  get sizePt(): number { return this.at[2 * this.index + 1]!; }
}

/** Places `refs` at the x positions and sizes given pairwise in `at` (x0, size0, x1, size1, …). */
export function placeGlyphs(refs: readonly GlyphRef[], at: Float64Array): PositionedGlyph[] {
  return refs.map((ref, i) => new PlacedGlyph(ref, at, i));
}
