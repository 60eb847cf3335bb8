/**
 * The pipeline: manuscript files in → book, composed lines, statistics and
 * diagnostics out. No fs and no clock here; io reads, cli writes.
 */
import type { ComposeOptions } from '../compose/index.ts';
import type { BookSettings } from '../config/index.ts';
import type { VFile } from '../diagnostics/index.ts';
import type { FontProvider } from '../font/index.ts';
import { type ManuscriptFiles, type ParseCache, parseManuscript, type ParseResult } from '../parse/index.ts';
import { type ComposedBlock, composeBody, reportComposeProblems } from './compose-book.ts';

export { bodyParagraphs, type ComposedBlock, composeBody, reportComposeProblems, reportProblems } from './compose-book.ts';

export interface CheckResult extends ParseResult {
  files: VFile[];
}

/** Parses and validates a manuscript: the `check` command; a watch session passes its parse cache. */
export function checkManuscript(files: ManuscriptFiles, all: VFile[], cache?: ParseCache): CheckResult {
  return { ...parseManuscript(files, cache), files: all };
}

/** 五号: body text is 10.5 pt (R-YB-3, R-SIZE). */
export const BODY_SIZE_PT = 10.5;
/** The body column is 23 em wide (R-GRID-1; 2 columns × 23 characters, spec §10.4). Templates will set it. */
export const BODY_MEASURE_EM = 23;

/** Composer options for the body text of a book. */
export function bodyComposeOptions(settings: BookSettings, fonts: FontProvider): ComposeOptions {
  return {
    fontSizePt: BODY_SIZE_PT, measurePt: BODY_MEASURE_EM * BODY_SIZE_PT, punctuation: settings.punctuation,
    kinsoku: settings.kinsoku, fonts,
  };
}

export interface BuildResult extends CheckResult {
  composed: ComposedBlock[];
}

/** Check, then compose the body: what `build` does until pages and PDF land. */
export function buildBook(files: ManuscriptFiles, all: VFile[], fonts: FontProvider): BuildResult {
  const checked = checkManuscript(files, all);
  if (!checked.book) return { ...checked, composed: [] };
  const composed = composeBody(checked.book, bodyComposeOptions(checked.book.settings, fonts));
  reportComposeProblems(composed, all);
  return { ...checked, composed };
}
export { layoutForPrint, type PdfBuild, type PdfBuildInput, renderPrint } from './build-pdf.ts';
export { buildEpub, type EpubBuildInput, type ImageCache, loadSharp } from './build-epub.ts';
export { preflightReport, type ReportFacts } from './report.ts';
export { marginNotes, numberedQueries, shortPlace } from './proof-notes.ts';
export { pageOfSource, type SourcePlace } from './page-of-source.ts';
export { buildPress, checkFormatAgainstTemplate, outputIntentOf, type PressBuild, type PressFile, reportPress } from './build-press.ts';
