/**
 * A manuscript laid out as a build lays it out: its own template, the real
 * fonts, problems reported on its files. The golden, sample and property
 * tests read the lines the layout set, at the template's measure (issue 17),
 * never a composition of their own.
 */
import { checkManuscript, layoutForPrint, reportProblems, type SetParagraph, setParagraphs } from '../../src/build/index.ts';
import { loadTemplate } from '../../src/config/index.ts';
import type { VFile } from '../../src/diagnostics/index.ts';
import { createFontProvider, type FontProvider } from '../../src/font/index.ts';
import { imageSizeOf, loadFontSet, readManuscript, readTemplateFile } from '../../src/io/index.ts';
import type { PagedDocument } from '../../src/layout/index.ts';
import type { Book } from '../../src/model/index.ts';

export interface SetBook {
  book: Book;
  paged: PagedDocument;
  /** Every body paragraph with the lines it was printed in, in reading order. */
  paragraphs: SetParagraph[];
  /** The manuscript's files, with the parse's and the layout's messages. */
  files: VFile[];
}

export async function setBook(dir: string, fonts?: FontProvider): Promise<SetBook> {
  const read = await readManuscript(dir);
  const { book } = checkManuscript(read.files, read.all);
  if (!book) throw new Error(read.all.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}: ${m.reason}`)).join('\n'));
  const template = loadTemplate(await readTemplateFile(dir, book.settings.template));
  if (!template) throw new Error(`template ${book.settings.template} does not load`);
  const { paged, problems } = layoutForPrint({ book, template, fonts: fonts ?? createFontProvider(await loadFontSet()), imageSize: imageSizeOf(read) });
  reportProblems(problems, read.all);
  return { book, paged, paragraphs: setParagraphs(book, paged), files: read.all };
}
