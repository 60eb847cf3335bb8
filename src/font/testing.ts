/**
 * A fake monospace provider for composer tests (react-pdf's test font):
 * every hanzi and full-width mark is exactly 1 em, Latin letters and
 * digits ½ em, a word space ¼ em, · ¼ em, a single — ¾ em; —— is one 2-em
 * glyph. Widths are exact, so tests can assert positions to the point.
 * Characters in `missing` behave as if no font had them.
 */
import type { FontProvider, GlyphRef, ShapedUnit } from './provider.ts';

const MONO_KEY = 'Mono';

function advanceOf(ch: string): number {
  if (ch === ' ') return 0.25;
  if (ch === '·') return 0.25;
  if (ch === '—') return 0.75;
  if (/[\x21-\x7e]/.test(ch)) return 0.5;
  return 1;
}

export function createMonospaceProvider(options: { missing?: string } = {}): FontProvider {
  const missing = new Set([...(options.missing ?? '')]);
  const glyph = (ch: string, advanceEm: number): GlyphRef => ({
    fontKey: MONO_KEY, glyphId: missing.has(ch) ? 0 : ch.codePointAt(0)!, advanceEm, offsetEm: 0, scale: 1, riseEm: 0, text: ch,
  });
  return {
    shape(text): ShapedUnit {
      if (text === '——') return { glyphs: [glyph('——', 2)], advanceEm: 2, missing: [] };
      const glyphs = [...text].map((ch) => glyph(ch, missing.has(ch) ? 1 : advanceOf(ch)));
      return { glyphs, advanceEm: glyphs.reduce((w, g) => w + g.advanceEm, 0), missing: [...text].filter((c) => missing.has(c)) };
    },
    spaceEm: () => 0.25,
  };
}
