/**
 * Numbers are set glyph by glyph only where fontkit sets every two
 * neighbours plainly: a font that kerns a pair of digits has its numbers
 * laid out whole (a fake font here, as the default fonts kern no digits).
 */
import { expect, test } from 'vitest';
import type { Font, FontSet } from './index.ts';
import { createFontProvider } from './index.ts';

/** Digits 500 units wide; the pair "17" kerned by -80 (on the 1), as a font with kerned figures would. */
function kerningFont(): Font & { layouts: string[] } {
  const glyph = (cp: number) => ({ id: cp, advanceWidth: 500, codePoints: [cp] });
  const layouts: string[] = [];
  return {
    layouts, postscriptName: 'Kerned', unitsPerEm: 1000, numGlyphs: 256, ascent: 800, descent: -200,
    hasGlyphForCodePoint: (cp) => cp >= 0x20 && cp < 0x7f,
    glyphForCodePoint: glyph,
    layout(text: string) {
      layouts.push(text);
      const glyphs = [...text].map((c) => glyph(c.codePointAt(0)!));
      const positions = glyphs.map((_, i) => ({ xAdvance: text[i] === '1' && text[i + 1] === '7' ? 420 : 500, xOffset: 0 }));
      return { glyphs, positions };
    },
    createSubset: () => ({ includeGlyph: () => 0, encode: () => new Uint8Array() }),
  };
}

test('a number with a kerned pair is laid out whole; one without is set by pairs already checked', () => {
  const font = kerningFont();
  const roles = { regular: font };
  const set: FontSet = { roles: { body: roles, heading: roles, caption: roles }, fallback: [] };
  const provider = createFontProvider(set);
  const style = { role: 'body', bold: false } as const;
  expect(provider.shape('2017', style).glyphs.map((g) => g.advanceEm)).toEqual([0.5, 0.5, 0.42, 0.5]);
  expect(font.layouts).toContain('2017');
  font.layouts.length = 0;
  expect(provider.shape('2020', style).glyphs.map((g) => g.advanceEm)).toEqual([0.5, 0.5, 0.5, 0.5]);
  expect(font.layouts).not.toContain('2020'); // its pairs 20 and 02 were checked already or now, not the number
  expect(provider.shape('20.5', style).advanceEm).toBeCloseTo(2, 9);
});

test('each character is looked up in the font once by role and weight, and a table’s text that is no number is the role’s own (issue 24)', () => {
  const font = kerningFont();
  const lookedUp: number[] = [];
  const counting: Font = { ...font, glyphForCodePoint: (cp) => (lookedUp.push(cp), font.glyphForCodePoint(cp)) };
  const roles = { regular: counting };
  const provider = createFontProvider({ roles: { body: roles, heading: roles, caption: roles }, fallback: [] });
  const plain = { role: 'body', bold: false } as const;
  const tabular = { role: 'body', bold: false, figures: 'tabular' } as const;
  provider.shape('2020', plain);
  provider.shape('0202', plain);
  provider.shape('02', tabular);
  expect(lookedUp.filter((cp) => cp === 0x32)).toHaveLength(1);
  expect(lookedUp.filter((cp) => cp === 0x30)).toHaveLength(1);
  const word = provider.shape('AB', plain);
  expect(provider.shape('AB', tabular)).toBe(word);
  // A number in a table still has its tabular figures (the widest digit's advance, here all 0.5 em).
  expect(provider.shape('17', tabular).glyphs.map((g) => g.advanceEm)).toEqual([0.5, 0.5]);
  expect(provider.shape('17', plain).glyphs.map((g) => g.advanceEm)).toEqual([0.42, 0.5]);
});
