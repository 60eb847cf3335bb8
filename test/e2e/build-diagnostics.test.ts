/**
 * Diagnostics that need the composer and the real fonts, on small manuscripts.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildBook } from '../../src/build/index.ts';
import { createFontProvider, type FontProvider } from '../../src/font/index.ts';
import { loadFontSet, readManuscript } from '../../src/io/index.ts';
import { writeManuscript } from '../helpers/manuscript.ts';

let fonts: FontProvider;
beforeAll(async () => {
  fonts = createFontProvider(await loadFontSet());
});

async function build(body: string) {
  const dir = writeManuscript({ '01-篇.md': `# 篇\n\n## 章\n\n${body}\n` });
  const read = await readManuscript(dir);
  return buildBook(read.files, read.all, fonts);
}

describe('composition diagnostics', () => {
  test('a character no font has names itself, its code point and its line; a box stands in its place', async () => {
    const r = await build('【概况】 河西区\n有一个罕见字𪛖。');
    const file = r.files.find((f) => f.basename === '01-篇.md')!;
    const msg = file.messages.find((m) => m.ruleId === 'glyph-missing')!;
    expect(msg.reason).toContain('𪛖');
    expect(msg.reason).toContain('U+2A6D6');
    expect(msg.line).toBe(6);
    const glyph = r.composed[0]!.composed.lines.flatMap((l) => l.glyphs).find((g) => g.text === '𪛖')!;
    expect(glyph.glyphId).toBe(0);
  });

  test('superscript digits missing from the fonts are made from digits, raised and smaller', async () => {
    const r = await build('见名词解释⁵。');
    expect(r.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'glyph-missing')).toEqual([]);
    const sup = r.composed[0]!.composed.lines.flatMap((l) => l.glyphs).find((g) => g.text === '⁵')!;
    expect(sup.riseEm).toBeGreaterThan(0);
    expect(sup.sizePt).toBeLessThan(10.5);
  });

  test('a token wider than the column is reported as an overfull line at its place', async () => {
    const r = await build(`链接${'x'.repeat(80)}结束。`);
    expect(r.files.flatMap((f) => f.messages).some((m) => m.ruleId === 'line-overfull' && m.line === 5)).toBe(true);
  });
});
