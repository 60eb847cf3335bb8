/**
 * From a manuscript line to its printed page (the preview opens there): on a
 * small book whose entries run over several pages, checked against where the
 * PDF's text actually prints each line.
 */
import { beforeAll, expect, test } from 'vitest';
import { checkManuscript, layoutForPrint, pageOfSource } from '../../src/build/index.ts';
import { loadTemplate } from '../../src/config/index.ts';
import { createFontProvider, type FontProvider } from '../../src/font/index.ts';
import { loadFontSet, readManuscript, readTemplateFile } from '../../src/io/index.ts';
import type { PagedDocument } from '../../src/layout/index.ts';
import { writeManuscript } from '../helpers/manuscript.ts';

let fonts: FontProvider;
beforeAll(async () => {
  fonts = createFontProvider(await loadFontSet());
});

/** The 0-based pages whose glyphs spell `text` (glyph runs joined per page). */
function pagesPrinting(paged: PagedDocument, text: string): number[] {
  return paged.pages.filter((p) => p.items.flatMap((i) => (i.kind === 'glyphs' ? i.glyphs.toArray().map((g) => g.text) : [])).join('').includes(text)).map((p) => p.index);
}

test('an edited line opens at the page that prints its paragraph, entry or index term, in its own file', async () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}段填充文字，用来把条目撑过一页又一页，看看行号能否对到页码。`.repeat(6)).join('\n\n');
  const part = [
    '# 篇', '', '## 章', '',
    `【甲条目】 甲的开头。\n\n${filler(40)}`, '',
    '这里有一个标引词:index[乙标引]，在甲条目的中间。', '',
    `${filler(40)}`, '',
    '甲条目后半的一段，没有标引词。', '',
    '【丙条目】 丙的开头。', '',
  ].join('\n');
  const dir = writeManuscript({ '01-篇.md': part, '02-另篇.md': '# 另篇\n\n## 另章\n\n【丁条目】 丁的开头。\n' });
  const read = await readManuscript(dir);
  const book = checkManuscript(read.files, read.all).book!;
  const template = loadTemplate(await readTemplateFile(dir, 'yearbook-16k'))!;
  const { paged } = layoutForPrint({ book, template, fonts, imageSize: () => undefined });
  const path = read.files.parts[0]!.path;
  const lines = part.split('\n');
  const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;

  const jia = pagesPrinting(paged, '甲的开头')[0]!;
  const yi = pagesPrinting(paged, '这里有一个标引词')[0]!;
  const late = pagesPrinting(paged, '甲条目后半的一段')[0]!;
  const bing = pagesPrinting(paged, '丙的开头')[0]!;
  // The fixture does what it is for: the places are on different pages.
  expect(new Set([jia, yi, late]).size).toBe(3);
  expect(bing).toBeGreaterThan(yi);
  expect(pageOfSource(book, paged, { path, line: lineOf('甲条目后半的一段') })).toBe(late);
  expect(pageOfSource(book, paged, { path, line: lineOf('甲的开头') })).toBe(jia);
  expect(pageOfSource(book, paged, { path, line: lineOf('这里有一个标引词') })).toBe(yi);
  expect(pageOfSource(book, paged, { path, line: lineOf('这里有一个标引词') + 2 })).toBe(yi);
  expect(pageOfSource(book, paged, { path, line: lineOf('丙的开头') })).toBe(bing);
  expect(pageOfSource(book, paged, { path, line: lines.length + 5 })).toBe(bing);
  // Another file's line goes to that file's pages, and an unknown file to none.
  expect(pageOfSource(book, paged, { path: read.files.parts[1]!.path, line: 5 })).toBe(pagesPrinting(paged, '丁的开头')[0]);
  expect(pageOfSource(book, paged, { path: 'elsewhere.md', line: 1 })).toBeUndefined();
});
