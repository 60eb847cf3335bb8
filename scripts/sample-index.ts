/** The index of a manuscript as the print layout builds it: for compare-index, bench and the e2e tests. */
import { checkManuscript, layoutForPrint } from '../src/build/index.ts';
import { loadTemplate } from '../src/config/index.ts';
import type { IndexEntry } from '../src/derive/index.ts';
import { createFontProvider } from '../src/font/index.ts';
import { imageSizeOf, loadFontSet, readManuscript, readTemplateFile } from '../src/io/index.ts';

export async function sampleIndex(dir: string): Promise<{ entries: IndexEntry[]; bodyPages: number }> {
  const read = await readManuscript(dir);
  const book = checkManuscript(read.files, read.all).book!;
  const template = loadTemplate(await readTemplateFile(dir, book.settings.template))!;
  const { paged } = layoutForPrint({ book, template, fonts: createFontProvider(await loadFontSet()), imageSize: imageSizeOf(read) });
  return { entries: paged.index.flatMap((g) => g.entries), bodyPages: paged.pages.filter((p) => /^\d+$/.test(p.number)).length };
}
