/**
 * The quickened TrueType subset writes the font program fontkit's own
 * subset writes, byte for byte, without decoding simple glyphs: for the
 * default fonts and every character of the sample (and the glyphs past the
 * font's last full hmtx record), and for a Latin font with composite glyphs
 * (accented letters, as a publisher's licensed font may have).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Font } from '../../font/index.ts';
import { openFont } from '../../font/index.ts';
import { DEFAULT_FONTS_DIR, loadFontFile, readFontConfig } from '../../io/index.ts';
import { quickenSubset } from './ttf-subset.ts';

interface Glyf {
  numGlyphs: number;
  hmtx: { metrics: { length: number } };
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readUInt8(): number };
  getGlyph(gid: number): unknown;
}

function sampleText(): string {
  const dir = join(import.meta.dirname, '../../../manuscript');
  return readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => readFileSync(join(dir, n), 'utf8')).join('');
}

/** The first `count` glyphs whose numberOfContours is negative (made of other glyphs). */
function compositeGlyphs(font: Font, count: number): number[] {
  const f = font as unknown as Glyf;
  const out: number[] = [];
  for (let gid = 0; gid < f.numGlyphs && out.length < count; gid++) {
    if (f.loca.offsets[gid + 1]! - f.loca.offsets[gid]! < 2) continue;
    const stream = f._getTableStream('glyf');
    stream.pos += f.loca.offsets[gid]!;
    if ((stream.readUInt8() & 0x80) !== 0) out.push(gid);
  }
  return out;
}

function encode(font: Font, gids: number[], quicken: boolean): { bytes: Uint8Array; decoded: number } {
  const f = font as unknown as Glyf;
  const getGlyph = f.getGlyph;
  let decoded = 0;
  f.getGlyph = (gid: number) => {
    decoded++;
    return getGlyph.call(font, gid);
  };
  try {
    const subset = font.createSubset();
    if (quicken) quickenSubset(subset);
    for (const gid of gids) subset.includeGlyph(gid);
    return { bytes: subset.encode(), decoded };
  } finally {
    f.getGlyph = getGlyph;
  }
}

const fonts = new Map<string, Font>();
beforeAll(async () => {
  const { config } = await readFontConfig();
  for (const role of ['body', 'heading'] as const) fonts.set(role, await loadFontFile(DEFAULT_FONTS_DIR, config!.roles[role].regular));
});

describe('TrueType subset without decoding outlines', () => {
  for (const role of ['body', 'heading']) {
    test(`${role} font: the sample's glyphs give fontkit's bytes`, () => {
      const font = fonts.get(role)!;
      const gids = [...new Set([...sampleText()].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id))];
      expect(gids.length).toBeGreaterThan(2500);
      const f = font as unknown as Glyf;
      const pastMetrics = Array.from({ length: f.numGlyphs - f.hmtx.metrics.length }, (_, i) => f.hmtx.metrics.length + i).slice(-20);
      const plain = encode(font, [...gids, ...pastMetrics], false);
      const quick = encode(font, [...gids, ...pastMetrics], true);
      expect(Buffer.from(quick.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
      expect(quick.decoded).toBe(0);
    });
  }

  test('a font with composite glyphs: they and their parts go through fontkit, with the same bytes', () => {
    const font = openFont(readFileSync(join(import.meta.dirname, '../../../node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf')));
    const composites = compositeGlyphs(font, 40);
    expect(composites.length).toBe(40);
    const gids = [...[...'Yearbook 2024 ÀÉÎÕÜçñ'].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id), ...composites];
    const plain = encode(font, gids, false);
    const quick = encode(font, gids, true);
    expect(Buffer.from(quick.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
    expect(quick.decoded).toBeGreaterThan(0);
    expect(quick.decoded).toBeLessThan(plain.decoded);
  });
});
