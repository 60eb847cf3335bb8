/**
 * The glyphs of a line, as layout and the renderers read them. A yearbook
 * has half a million glyphs, all alive until the PDF is written, so a line
 * keeps them as two arrays: the shaped glyphs it shows (one object shared by
 * every occurrence of the same text in the same style) and their x and size
 * in pt, pairwise in one Float64Array. An object per glyph (as before) was
 * the largest thing on the heap after layout, 22.6 MB in 494,000 objects,
 * each copied twice by the young-generation collector before it settled.
 */
import type { GlyphRef } from '../font/index.ts';
import type { PositionedGlyph } from './types.ts';

export class GlyphRun implements Iterable<PositionedGlyph> {
  /** `at`: x0, size0, x1, size1, … */
  constructor(readonly refs: readonly GlyphRef[], readonly at: Float64Array) {}

  get length(): number {
    return this.refs.length;
  }

  xPt(i: number): number {
    return this.at[2 * i]!;
  }

  sizePt(i: number): number {
    return this.at[2 * i + 1]!;
  }

  /** Glyph i as one object (dumps, tests): made when asked for. */
  glyph(i: number): PositionedGlyph {
    return { ...this.refs[i]!, xPt: this.xPt(i), sizePt: this.sizePt(i) };
  }

  toArray(): PositionedGlyph[] {
    return this.refs.map((_, i) => this.glyph(i));
  }

  *[Symbol.iterator](): Iterator<PositionedGlyph> {
    for (let i = 0; i < this.refs.length; i++) yield this.glyph(i);
  }
}
