/**
 * The pipeline: manuscript files in → book, composed lines, statistics and
 * diagnostics out. No fs and no clock here; io reads, cli writes.
 */
import type { VFile } from '../diagnostics/index.ts';
import { type ManuscriptFiles, type ParseCache, parseManuscript, type ParseResult } from '../parse/index.ts';

export { reportProblems, type SetParagraph, setParagraphs } from './compose-book.ts';

export interface CheckResult extends ParseResult {
  files: VFile[];
}

/** Parses and validates a manuscript: the `check` command; a watch session passes its parse cache. */
export function checkManuscript(files: ManuscriptFiles, all: VFile[], cache?: ParseCache): CheckResult {
  return { ...parseManuscript(files, cache), files: all };
}

export { type LaidOut, layoutForPrint, type PdfBuild, type PdfBuildInput, renderPrint } from './build-pdf.ts';
export { buildEpub, type EpubBuildInput, type ImageCache, loadSharp } from './build-epub.ts';
export { preflightReport, type ReportFacts } from './report.ts';
export { marginNotes, numberedQueries, shortPlace } from './proof-notes.ts';
export { pageOfSource, type SourcePlace } from './page-of-source.ts';
export { buildPress, checkFormatAgainstTemplate, outputIntentOf, type PressBuild, type PressFile, reportPress } from './build-press.ts';
