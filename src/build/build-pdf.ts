/**
 * The print PDF of a parsed book: layout (with the TOC from the page map),
 * a check that every TOC folio is the page its heading is printed on, and
 * rendering. Pure: files, fonts and the date come in as values.
 */
import type { Template } from '../config/index.ts';
import { tableOfContents } from '../derive/index.ts';
import type { Font, FontProvider } from '../font/index.ts';
import { type BuildProblem, geometryOf, type ImageSize, type LayoutCaches, type LayoutContext, layoutBook, type Page, type PagedDocument } from '../layout/index.ts';
import { type Book, walkBook } from '../model/index.ts';
import { type RenderCache, renderPdf } from '../render/index.ts';
import { marginNotes, shortPlace } from './proof-notes.ts';

export interface PdfBuildInput {
  book: Book;
  template: Template;
  fonts: FontProvider;
  fontFiles: ReadonlyMap<string, Uint8Array | Font>;
  imageBytes: ReadonlyMap<string, Uint8Array>;
  imageSize: (src: string) => ImageSize | undefined;
  date: Date;
  /** A proof (校样): the stamp text; margin notes come from the model's sources. */
  draftStamp?: string;
  /** A watch session's layout caches: composed paragraphs, laid-out parts, page identities (layout/caches.ts). */
  layoutCaches?: LayoutCaches;
  /** A watch session's deflated pages and font subsets (render/pdf/streams.ts). */
  renderCache?: RenderCache;
  progress?: LayoutContext['progress'];
}

/** "05:57": the part file's number and the line of each entry, for the proof's margin. */
export function sourceNotes(book: Book): Map<string, string> {
  const notes = new Map<string, string>();
  walkBook({ ...book, front: [] }, (n) => {
    if (n.type !== 'entry') return;
    notes.set(n.id, shortPlace(n.source));
  });
  return notes;
}

export interface PdfBuild {
  bytes: Uint8Array;
  paged: PagedDocument;
  problems: BuildProblem[];
  /** TOC entries whose printed folio is not the page of their heading (should be none). */
  tocMismatches: string[];
}

export function layoutForPrint(input: Omit<PdfBuildInput, 'fontFiles' | 'imageBytes' | 'date'>): { paged: PagedDocument; problems: PdfBuild['problems']; tocMismatches: string[] } {
  const problems: BuildProblem[] = [];
  const draft = input.draftStamp ? { stamp: input.draftStamp, sourceNotes: sourceNotes(input.book), marginNotes: marginNotes(input.book) } : undefined;
  const ctx = { template: input.template, geometry: geometryOf(input.template), fonts: input.fonts, settings: input.book.settings, imageSize: input.imageSize, problems, ...(draft ? { draft } : {}),
    ...(input.layoutCaches ? { caches: input.layoutCaches } : {}), ...(input.progress ? { progress: input.progress } : {}) };
  const toc = tableOfContents(input.book);
  const paged = layoutBook(ctx, input.book, toc);
  const tocMismatches = toc.filter((t) => !paged.anchors.has(t.id)).map((t) => t.title);
  return { paged, problems, tocMismatches };
}

/** The PDF of a book laid out by layoutForPrint (a build starts the EPUB between the two). */
export async function renderPrint(input: PdfBuildInput, laid: ReturnType<typeof layoutForPrint>): Promise<PdfBuild> {
  const s = input.book.settings;
  const bytes = await renderPdf({
    document: laid.paged,
    fontFiles: input.fontFiles,
    imageBytes: (src) => input.imageBytes.get(src),
    metadata: { title: `${s.title}（${s.year}）`, author: s.compiler, subject: `${s.title} ${s.year}`, language: s.language, date: input.date },
    ...(input.renderCache ? { cache: input.renderCache } : {}),
    ...(input.layoutCaches ? { pageIdentity: (page: Page) => input.layoutCaches!.pages.of(page) } : {}),
  });
  return { bytes, ...laid };
}
