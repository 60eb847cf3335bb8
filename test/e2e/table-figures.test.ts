/**
 * Tables of the sample as laid out for print (the glyph positions the PDF
 * draws): tabular figures, numbers on their decimal point, 小五 text (issue 18,
 * R-MIX-5).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkManuscript, layoutForPrint } from '../../src/build/index.ts';
import { loadTemplate } from '../../src/config/index.ts';
import { createFontProvider } from '../../src/font/index.ts';
import { imageSizeOf, loadFontSet, readManuscript, readTemplateFile } from '../../src/io/index.ts';
import type { DisplayItem, GlyphItem } from '../../src/layout/index.ts';

const MANUSCRIPT = join(import.meta.dirname, '../../manuscript');
/** Digit glyphs of table text: 小五 body type inside the type area of body pages (folios and heads are outside). */
let digits: Array<{ page: number; advanceEm: number; text: string }>;
let tableSize: number;

function glyphItems(items: readonly DisplayItem[]): GlyphItem[] {
  return items.flatMap((i) => (i.kind === 'glyphs' ? [i] : i.kind === 'group' ? glyphItems(i.items) : []));
}

beforeAll(async () => {
  const read = await readManuscript(MANUSCRIPT);
  const book = checkManuscript(read.files, read.all).book!;
  const template = loadTemplate(await readTemplateFile(MANUSCRIPT, book.settings.template))!;
  tableSize = template.table.size_pt;
  const { paged } = layoutForPrint({ book, template, fonts: createFontProvider(await loadFontSet()), imageSize: imageSizeOf(read) });
  const top = 56;
  const bottom = top + template.body.lines * template.body.line_pitch_pt;
  digits = paged.pages.flatMap((page, p) => (page.kind !== 'body' ? [] : glyphItems(page.items)
    .filter((item) => item.y > top && item.y < bottom)
    .flatMap((item) => item.glyphs.toArray().filter((g) => /^[0-9]$/.test(g.text) && Math.abs(g.sizePt - tableSize) < 1e-6 && g.fontKey.startsWith('NotoSerif'))
      .map((g) => ({ page: p + 1, advanceEm: g.advanceEm, text: g.text })))));
}, 240_000);

describe('tables of the sample (issue 18)', () => {
  test('table text is 小五 (9 pt)', () => {
    expect(tableSize).toBe(9);
  });

  test('R-MIX-5: every digit in the tables has the same advance (tabular figures)', () => {
    expect(digits.length).toBeGreaterThan(2000);
    expect(digits.filter((d) => d.text === '1').length).toBeGreaterThan(100);
    const advances = new Set(digits.map((d) => d.advanceEm.toFixed(4)));
    expect([...advances]).toHaveLength(1);
  });
});
