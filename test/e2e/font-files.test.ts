/**
 * Font files that open and check well but would print wrong: two files of
 * one PostScript name (a book's own subset of a font nianjian also sets; a subset must hold 中, as a role font must),
 * and a glyph with nothing to draw for a visible character. Real fonts:
 * Noto Sans SC from npm, subset by HarfBuzz (subset-font), which keeps the
 * PostScript name and numbers the glyphs anew.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { createFontProvider, openFont } from '../../src/font/index.ts';
import { loadFonts } from '../../src/io/index.ts';
import { writeManuscript } from '../helpers/manuscript.ts';

const require = createRequire(import.meta.url);
const noto = () => readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
const subsetFont = require('subset-font') as (font: Buffer, text: string, options: { targetFormat: string }) => Promise<Buffer>;

/** Noto Sans SC with only these characters, glyphs renumbered, under its own PostScript name. */
const notoSubset = (text: string) => subsetFont(noto(), `中${text}`, { targetFormat: 'truetype' });

/** `font` with the glyph record of `ch` changed by `damage` (the record's bytes and the glyph's id). */
function damageGlyph(font: Buffer, ch: string, damage: (record: Buffer, id: number) => void): Buffer {
  const copy = Buffer.from(font);
  const f = openFont(copy) as unknown as { directory: { tables: Record<string, { offset: number }> }; loca: { offsets: number[] }; glyphForCodePoint(cp: number): { id: number } };
  const id = f.glyphForCodePoint(ch.codePointAt(0)!).id;
  const glyf = f.directory.tables.glyf!.offset;
  damage(copy.subarray(glyf + f.loca.offsets[id]!, glyf + f.loca.offsets[id + 1]!), id);
  return copy;
}

/** Zeroed, as a file damaged in its middle has it. */
const zeroed = (record: Buffer) => record.fill(0);
/** A composite of one component, itself: fontkit draws nothing for it. */
const selfComposite = (record: Buffer, id: number) => {
  record.writeInt16BE(-1, 0);
  record.writeUInt16BE(0x0001, 10); // ARG_1_AND_2_ARE_WORDS, no more components
  record.writeUInt16BE(id, 12);
  record.writeInt32BE(0, 14);
};

const ENTRY = '# 区情概览\n\n## 综述\n\n【概况】 河西区位于天津市东南部，是中心城区之一，面积四十二平方公里，年末常住人口八十万。\n';
const fontsYaml = (fallback: boolean) => `roles:\n  body:\n    family: 书宋\n    regular: fonts/a.ttf\n${fallback ? '' : 'fallback: []\n'}`;

describe('font files that would print wrong', () => {
  test('a book font of the same PostScript name as the fallback is embedded as a font of its own, not drawn with the other\'s glyphs', async () => {
    const dir = writeManuscript({ 'fonts/a.ttf': await notoSubset('河西区位于天津市东南部概况，。'), 'fonts.yaml': fontsYaml(true), '01-区情.md': ENTRY });
    const out = join(dir, 'out');
    expect(await main(['build', dir, '--out', out], () => {})).toBe(0);
    const pdf = join(out, readdirSync(out).find((n) => n.endsWith('.pdf'))!);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').filter((l) => /\+NotoSansSC-Regular\s/.test(l));
    // The subset sets 河西区…, the npm font the rest (是中心城…): two fonts, each with its own glyph numbers.
    expect(fonts, execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toHaveLength(2);
    // Each glyph drawn with its own font's outlines reads back as typed (drawn with the other's, 河西 read back as “, .”).
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('河西区位于天津市东南部，是中心城区之一，面积四十二平方公里，年末常住人口八十万。');
  }, 60_000);

  test.each([['zeroed', zeroed], ['a composite of itself', selfComposite]] as const)('a character whose glyph is blank (%s) is set from the next font, or reported missing when there is none (glyph-missing)', async (_, damage) => {
    // Not a character the font check tries (中文年鉴，Ab1: one of those blank refuses the whole font).
    const blank = damageGlyph(await notoSubset('河西区位于天津市东南部概况，。年末'), '末', damage);
    const style = { role: 'body', bold: false } as const;
    const withFallback = await loadFonts({ bookDir: writeManuscript({ 'fonts/a.ttf': blank, 'fonts.yaml': fontsYaml(true) }) });
    const provider = createFontProvider(withFallback.set);
    const [end, year] = [provider.shape('末', style), provider.shape('年', style)];
    expect(end.missing).toEqual([]);
    expect(end.glyphs[0]!.fontKey).not.toBe(year.glyphs[0]!.fontKey);
    // fontkit's layout of a run (as for Latin words) meets the blank glyph too: the run is set character by character.
    expect(provider.shape('末年', style).glyphs[0]!.fontKey).toBe(end.glyphs[0]!.fontKey);
    const alone = await loadFonts({ bookDir: writeManuscript({ 'fonts/a.ttf': blank, 'fonts.yaml': fontsYaml(false) }) });
    expect(createFontProvider(alone.set).shape('末', style).missing).toEqual(['末']);
  }, 60_000);
});
