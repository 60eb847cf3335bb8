/**
 * The print PDF of a parsed book: layout (with the TOC from the page map),
 * a check that every TOC folio is the page its heading is printed on, and
 * rendering. Pure: files, fonts and the date come in as values.
 */
import type { Template } from '../config/index.ts';
import { applyNumbers, firstMoved, type FootnoteRules, markNotes, numbersByPage, tableOfContents } from '../derive/index.ts';
import { ComposeWorkspace } from '../compose/index.ts';
import type { Font, FontProvider } from '../font/index.ts';
import { type BuildProblem, geometryOf, type ImageSize, type LayoutCaches, type LayoutContext, layoutBook, type Page, type PagedDocument } from '../layout/index.ts';
import { type Book, type Source, walkBook } from '../model/index.ts';
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

/** The book laid out for print, with what layout found. */
export interface LaidOut {
  paged: PagedDocument;
  problems: BuildProblem[];
  /** TOC entries whose printed folio is not the page of their heading (should be none). */
  tocMismatches: string[];
  /** Notes numbered by page that still moved after the last layout allowed: the first of them (its marks stay as printed). */
  unsettledNote?: Source;
}

export interface PdfBuild extends LaidOut {
  bytes: Uint8Array;
}

/**
 * Layouts after the first, for notes numbered from 1 on each page: a mark's
 * width can move a line, and the note with it, to the next page and back.
 */
const MOST_RELAYOUTS = 3;

/**
 * The book laid out with its notes marked as the template says
 * (footnotes.style, footnotes.numbering). Numbered by page, the notes are
 * numbered from the pages they fell on and the book laid out again until no
 * mark changes; after MOST_RELAYOUTS the marks stay as printed and the first
 * note still moving is returned, for a warning.
 */
export function layoutForPrint(input: Omit<PdfBuildInput, 'fontFiles' | 'imageBytes' | 'date'>): LaidOut {
  markNotes(input.book, input.template.footnotes);
  // The layouts of one build compose with one workspace: units shaped once, buffers reused (compose/scratch.ts).
  const workspace = new ComposeWorkspace(input.fonts);
  return withNotesSettled(input.book, input.template.footnotes, () => layoutOnce(input, workspace));
}

/** `layout()`'s book, laid out again until its notes numbered by page keep their marks, at most MOST_RELAYOUTS times more. */
export function withNotesSettled(book: Book, rules: FootnoteRules, layout: () => LaidOut): LaidOut {
  let laid = layout();
  for (let relayouts = 0; rules.numbering === 'page'; relayouts++) {
    const numbers = numbersByPage(book, rules, (id) => laid.paged.anchors.get(id)?.pageIndex);
    const moved = firstMoved(numbers);
    if (!moved) break;
    if (relayouts === MOST_RELAYOUTS) return { ...laid, unsettledNote: moved.source };
    applyNumbers(numbers);
    laid = layout();
  }
  return laid;
}

function layoutOnce(input: Omit<PdfBuildInput, 'fontFiles' | 'imageBytes' | 'date'>, workspace: ComposeWorkspace): LaidOut {
  const problems: BuildProblem[] = [];
  const draft = input.draftStamp ? { stamp: input.draftStamp, sourceNotes: sourceNotes(input.book), marginNotes: marginNotes(input.book) } : undefined;
  const ctx = { template: input.template, geometry: geometryOf(input.template), fonts: input.fonts, workspace, settings: input.book.settings, imageSize: input.imageSize, problems, ...(draft ? { draft } : {}),
    ...(input.layoutCaches ? { caches: input.layoutCaches } : {}), ...(input.progress ? { progress: input.progress } : {}) };
  const toc = tableOfContents(input.book);
  const paged = layoutBook(ctx, input.book, toc);
  const tocMismatches = toc.filter((t) => !paged.anchors.has(t.id)).map((t) => t.title);
  return { paged, problems, tocMismatches };
}

/** The PDF of a book laid out by layoutForPrint (a build starts the EPUB between the two). */
export async function renderPrint(input: PdfBuildInput, laid: LaidOut): Promise<PdfBuild> {
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
