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
import { tableDigits, tableRoomUnder } from '../../scripts/print-quality.ts';

const MANUSCRIPT = join(import.meta.dirname, '../../manuscript');
let digits: Array<{ page: number; advanceEm: number; text: string }>;
let roomUnder: Array<{ page: number; lines: number }>;
let tableSize: number;

beforeAll(async () => {
  const read = await readManuscript(MANUSCRIPT);
  const book = checkManuscript(read.files, read.all).book!;
  const template = loadTemplate(await readTemplateFile(MANUSCRIPT, book.settings.template))!;
  tableSize = template.table.size_pt;
  const { paged } = layoutForPrint({ book, template, fonts: createFontProvider(await loadFontSet()), imageSize: imageSizeOf(read) });
  digits = tableDigits(paged, template);
  roomUnder = tableRoomUnder(paged, template);
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

  test('R-COL-1: every table piece with text under it ends half a line over the grid line where that text starts (p. 338 had a line and a half, p. 340 half)', () => {
    // The sample has three: 中学名录 over 中职院校名录 (p. 338), 小学名录 over 幼儿园名录 (p. 340), the 市场监管所 table (p. 343).
    expect(roomUnder.length).toBeGreaterThanOrEqual(3);
    for (const r of roomUnder) expect({ page: r.page, lines: Number(r.lines.toFixed(2)) }).toEqual({ page: r.page, lines: 0.5 });
  });
});
