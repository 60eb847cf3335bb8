/**
 * What every layout function needs: the template, the page geometry, the
 * fonts, the book's punctuation settings and the image sizes io found.
 */
import { composeParagraph, type ComposeProblem, type ComposeWorkspace, type Line, type ParagraphInput, paragraphInLines, type Run } from '../compose/index.ts';
import type { BookSettings, Template } from '../config/index.ts';
import type { FontProvider, FontStyle } from '../font/index.ts';
import type { Source } from '../model/index.ts';
import type { ShortCause } from './flow.ts';
import type { Geometry } from './geometry.ts';
import type { LayoutCaches } from './caches.ts';

export interface ImageSize {
  widthPx: number;
  heightPx: number;
}

export interface LayoutContext {
  template: Template;
  geometry: Geometry;
  fonts: FontProvider;
  /** What composing carries from paragraph to paragraph with these fonts (made once per build, with `fonts`). */
  workspace?: ComposeWorkspace;
  settings: BookSettings;
  imageSize(src: string): ImageSize | undefined;
  /** Where composition and layout problems go, to be reported on the manuscript files (with their page once known). */
  problems: BuildProblem[];
  /** A proof (校样): the stamp on every page, and where each entry's text is in the manuscript. */
  draft?: Draft;
  /** A watch session's layout caches: an unchanged paragraph is not composed again, nor an unchanged part laid out again. */
  caches?: LayoutCaches;
  /** Told after each part is laid out, for a progress bar (layout is synchronous and long). */
  progress?: (done: number, total: number, partTitle: string) => void;
}

export interface Draft {
  /** "校样　2026-11-24　a1b2c3d" */
  stamp: string;
  /** Margin notes by anchor id: "05:57" (part file, line). */
  sourceNotes: ReadonlyMap<string, string>;
  /** Queries and warnings to act on, by the anchor they are printed beside (issue 23). */
  marginNotes?: ReadonlyMap<string, readonly MarginNote[]>;
}

/** A note in a proof's margin: a query (存疑), highlighted, or a warning that must be acted on. */
export interface MarginNote {
  tone: 'query' | 'warning';
  text: string;
}

/** Where a problem is printed: the page (0-based), its page number, and the column on two-column pages. */
export interface PrintedAt {
  pageIndex: number;
  folio: string;
  column?: number;
}

/**
 * What layout finds: an image printed at less than 200 dpi, a table too wide
 * for the page even at its narrowest, a heading left at the foot of its column,
 * an index term that is on no body page. `anchor` finds the page of the first two.
 */
export type LayoutProblem =
  | { kind: 'image-low-resolution'; src: string; dpi: number; source?: Source; anchor?: string }
  | { kind: 'table-too-wide'; columns: number; source?: Source; anchor?: string }
  | { kind: 'table-rotated'; columns: number; source?: Source; anchor?: string }
  /** A figure whose caption makes it taller than a column, and a name wider than one: their foot or end would be printed off the column. */
  | { kind: 'figure-too-tall'; captionLines: number; source?: Source; anchor?: string }
  | { kind: 'name-too-wide'; name: string; source?: Source }
  /** A 彩页 group title longer than its banner's one line: what turned over was not printed. */
  | { kind: 'gallery-title-too-long'; chars: number; source?: Source }
  /** A row, the title and head, or the notes under the last row, taller than the page: a piece is never cut inside a row, so its foot would print off the page. */
  | { kind: 'table-row-too-tall'; lines: number; what: 'row' | 'notes' | 'head'; source?: Source; anchor?: string }
  | { kind: 'heading-stranded'; source: Source }
  /** R-COL-1: a column in mid-flow ends `lines` short; cause: a widow, a heading and its two lines, a block that would not fit, or a credit line going over with its text. */
  | { kind: 'column-short'; source: Source; lines: number; cause: ShortCause }
  | { kind: 'index-term-unplaced'; term: string; source?: Source }
  | { kind: 'index-reading-guess'; heading: string; chars: string; letter: string; source?: Source };

/** A problem of composition or layout, with the place it is printed once pages are numbered. */
export type BuildProblem = (ComposeProblem | LayoutProblem) & { at?: PrintedAt };

/** Below this an image prints soft: 200 dpi at its printed size. */
export const MIN_IMAGE_DPI = 200;

/**
 * Composes `input` at `sizePt` on a measure of `measurePt` with the book's
 * punctuation rules. A title's text carries no place of its own: its
 * problems (a word wider than the column, printed over the next one) are
 * reported at `source`, a problem with no place being reported nowhere.
 */
export function composeAt(ctx: LayoutContext, input: ParagraphInput, sizePt: number, measurePt: number, source?: Source): Line[] {
  const options = { fontSizePt: sizePt, measurePt, punctuation: ctx.settings.punctuation, kinsoku: ctx.settings.kinsoku, fonts: ctx.fonts, workspace: ctx.workspace };
  const composed = ctx.caches
    ? ctx.caches.composition.compose(input, options, () => composeParagraph(input, options))
    : composeParagraph(input, options);
  for (const p of composed.problems) ctx.problems.push(p.source || !source ? p : { ...p, source });
  return composed.lines;
}

/** `input` as it can be set in other numbers of lines, up to `most`, within the composer's limits (page make-up's 先挤后推). */
export function composeInLines(ctx: LayoutContext, input: ParagraphInput, sizePt: number, measurePt: number, most: number): (count: number) => Line[] | undefined {
  const options = { fontSizePt: sizePt, measurePt, punctuation: ctx.settings.punctuation, kinsoku: ctx.settings.kinsoku, fonts: ctx.fonts, workspace: ctx.workspace };
  const inLines = paragraphInLines(input, options, most);
  return (count) => inLines(count)?.lines;
}

/** A heading or title: turns over between words only, in lines of similar length (issue 18). */
export function titleText(text: string, style: FontStyle, align: ParagraphInput['align'] = 'start'): ParagraphInput {
  return { ...plain(text, style, align), turnover: 'balanced' };
}

/** A single-style paragraph of plain text. */
export function plain(text: string, style: FontStyle, align: ParagraphInput['align'] = 'start', indentEm = 0): ParagraphInput {
  const runs: Run[] = text ? [{ kind: 'text', text, style }] : [];
  return { runs, indentEm, align };
}
