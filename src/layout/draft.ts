/**
 * A page before it has its place in the book: what it shows (drawn once it
 * knows whether it is a recto), what it anchors, and its furniture.
 */
import type { Line } from '../compose/index.ts';
import type { Source } from '../model/index.ts';
import type { Atom } from './atoms.ts';
import type { LayoutContext } from './context.ts';
import type { FlowPage, ShortCause } from './flow.ts';
import type { Geometry } from './geometry.ts';
import type { DisplayItem, PageBegin, PageKind, SourceLine } from './types.ts';

export interface PageDraft {
  kind: PageKind;
  /** 另页起: this page must be a recto (R-PAGE-2). */
  startsRecto: boolean;
  /** Running head and folio are printed (not on openers, galleries, blank pages: R-PAGE-4/5). */
  hasFurniture: boolean;
  /** The recto running head from this page on (the part title). */
  partTitle?: string;
  /** A page that opens with its own title (目录): its folio but no running head over the title (issue 18). */
  hidesRunningHead?: boolean;
  /** `column` is set on column pages: a proof's note goes into the margin beside that column. */
  anchors: Array<{ id: string; y: number; column?: number }>;
  outline: Array<{ title: string; level: number }>;
  /** The manuscript lines whose text starts or continues on this page. */
  sources?: SourceLine[];
  /** Body lines by column, to report a problem line at its page and column. */
  lines?: Array<{ line: Line; column: number }>;
  /** Headings left at the foot of a column with none of their text under them. */
  stranded?: Array<{ source: Source; column: number }>;
  /** Columns that end short in mid-flow (R-COL-1), at the text last printed in them. */
  shortColumns?: Array<{ source: Source; column: number; lines: number; cause: ShortCause }>;
  /** Where the page's text begins (the EPUB's page-list); by default its first anchor. */
  begins?: PageBegin;
  /** Draws the page; `pageIndexOf` resolves link targets once all pages are placed. */
  draw(isRecto: boolean, pageIndexOf: (anchorId: string) => number | undefined): DisplayItem[];
}

/** A flowed page that is not a body page (目录, 索引, front matter, 彩页): its kind and page attributes, and its grid when not the body's. */
export interface FlowDraftOptions {
  geometry?: Geometry;
  page?: Partial<Pick<PageDraft, 'kind' | 'startsRecto' | 'hasFurniture' | 'hidesRunningHead'>>;
}

/** A flowed page of columns as a draft: the one way the engine's pages become drafts. */
export function flowPageDraft(ctx: LayoutContext, page: FlowPage, partTitle: string, o: FlowDraftOptions = {}): PageDraft {
  const g = o.geometry ?? ctx.geometry;
  // One pass over the page's atoms in column order (every page of the book is made here: no array or copy per atom).
  const anchors: PageDraft['anchors'] = [];
  const outline: PageDraft['outline'] = [];
  const lines: NonNullable<PageDraft['lines']> = [];
  const sources = new SourceLines();
  page.columns.forEach((col, column) => {
    for (const { atom, line } of col) {
      for (const id of atom.anchors) anchors.push({ id, y: g.baseline(line), column });
      if (atom.outline) outline.push(atom.outline);
      sources.add(atom);
      if (atom.composed) lines.push({ line: atom.composed, column });
    }
  });
  return {
    kind: 'body', startsRecto: false, hasFurniture: true, partTitle, ...o.page,
    anchors, outline, sources: sources.out, lines,
    stranded: strandedHeadings(page),
    ...beginsOf(page),
    shortColumns: (page.short ?? []).flatMap((c) => {
      const source = page.columns[c.column]!.flatMap((p) => p.atom.sources ?? []).at(-1);
      return source ? [{ ...c, source }] : [];
    }),
    draw: (isRecto, pageIndexOf) => page.columns.flatMap((col, column) => col.flatMap((p, i) => {
      const above = col[i - 1];
      const afterFloat = above !== undefined && above.atom.isFloat && above.line + above.atom.lines === p.line;
      return p.atom.draw({ geometry: g, isRecto, column, line: p.line, pageIndexOf, ...(afterFloat ? { afterFloat } : {}) });
    })),
  };
}

/**
 * Where a flowed page begins in reading order: its first column's first
 * atom that is not a float (a photo set at the top may belong to text
 * further on). A line carried over from the page before begins inside its
 * paragraph; a heading or an entry's first line begins at its anchor.
 */
function beginsOf(page: FlowPage): { begins?: PageBegin } {
  for (const column of page.columns) {
    const first = [...column].sort((a, b) => a.line - b.line).find((p) => !p.atom.isFloat && (p.atom.textStart || p.atom.anchors.length > 0));
    if (!first) continue;
    const { textStart, anchors } = first.atom;
    if (textStart && (textStart.offset > 0 || anchors.length === 0)) return { begins: textStart };
    return { begins: { anchor: anchors[0]! } };
  }
  return {};
}

/**
 * A heading is stranded when it is the last thing in its column: its text
 * begins in the next column or page (R-HEAD-3 could not be kept, e.g. before a
 * table set on pages of its own, or a section left empty).
 */
export function strandedHeadings(page: FlowPage): Array<{ source: Source; column: number }> {
  return page.columns.flatMap((col, column) => {
    const last = col.at(-1)?.atom;
    const source = last?.sources?.[0];
    return last && source && last.keepWithNextLines > 0 && last.anchors.length > 0 ? [{ source, column }] : [];
  });
}

/** Each manuscript place once, in the order printed. */
class SourceLines {
  readonly out: SourceLine[] = [];
  private readonly seen = new Set<string>();
  /** The place last added: a paragraph's lines share theirs, so most lines need no key. */
  private last: Source | undefined;

  add(atom: Atom): void {
    for (const s of atom.sources ?? []) {
      if (s === this.last) continue;
      this.last = s;
      const line = s.position?.start.line;
      const key = `${s.path}:${line}`;
      if (line === undefined || this.seen.has(key)) continue;
      this.seen.add(key);
      this.out.push({ path: s.path, line });
    }
  }
}

export function blankDraft(): PageDraft {
  return { kind: 'blank', startsRecto: false, hasFurniture: false, anchors: [], outline: [], draw: () => [] };
}

export type { Atom };
