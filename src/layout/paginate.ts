/**
 * The whole book: front matter (own Roman folios, R-PAGE-7), then the body
 * from 1 on a recto, each part on a new recto; running heads (book title
 * and year on versos, the part title on rectos, R-PAGE-3) and folios on the
 * outer side (R-PAGE-6); the TOC from the page map of the body, checked
 * against it (the layout → page map → TOC loop).
 */
import type { IndexKey } from '../cjk/index.ts';
import { BODY, type Line } from '../compose/index.ts';
import { buildIndex, type PagesOf, type TocItem, unplacedIndexTerms, wordCountThousands } from '../derive/index.ts';
import type { Book } from '../model/index.ts';
import { mmToPt } from '../units/index.ts';
import { composeAt, type LayoutContext, plain } from './context.ts';
import { draftMarks, textLinesOf } from './proof-marks.ts';
import { blankDraft, type PageDraft } from './draft.ts';
import { frontDrafts } from './front.ts';
import { type BookFacts, committeeDrafts, copyrightPageDraft, titlePageDraft } from './front-matter.ts';
import { INDEX_ANCHOR, indexDrafts } from './index-pages.ts';
import { partDrafts } from './part.ts';
import { placeProblems } from './problems.ts';
import { tocDrafts } from './toc.ts';
import type { AnchorPlace, DisplayItem, OutlineItem, Page, PagedDocument } from './types.ts';

const ROMAN: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

/** Inserts blank pages so that every 另页起 page is a recto, counting from a recto. */
function withRectoStarts(drafts: readonly PageDraft[]): PageDraft[] {
  const out: PageDraft[] = [];
  for (const d of drafts) {
    if (d.startsRecto && out.length % 2 === 1) out.push(blankDraft());
    out.push(d);
  }
  return out;
}

/** A line of furniture text: set once for all the pages that print it (a part's title heads every recto of the part). */
type FurnitureLine = (text: string, sizePt: number) => Line | undefined;

function furnitureLines(ctx: LayoutContext): FurnitureLine {
  const set = new Map<string, Line | undefined>();
  return (text, sizePt) => {
    const key = `${sizePt}\u0000${text}`;
    if (!set.has(key)) set.set(key, composeAt(ctx, plain(text, BODY), sizePt, ctx.geometry.typeWidthPt)[0]);
    return set.get(key);
  };
}

function furniture(ctx: LayoutContext, page: Page, lineOf: FurnitureLine): DisplayItem[] {
  const g = ctx.geometry;
  const t = ctx.template;
  const left = g.typeLeft(page.isRecto);
  const head = lineOf(page.runningHead, t.running_head.size_pt);
  const folio = lineOf(page.folio, t.folio.size_pt);
  const items: DisplayItem[] = [];
  const ruleY = g.typeTopPt - mmToPt(t.running_head.rule_above_mm);
  if (head) {
    const x = page.isRecto ? left + g.typeWidthPt - head.widthPt : left;
    items.push({ kind: 'glyphs', x, y: g.typeTopPt - mmToPt(t.running_head.baseline_above_mm), glyphs: head.glyphs });
    items.push({ kind: 'rule', x1: left, y1: ruleY, x2: left + g.typeWidthPt, y2: ruleY, widthPt: t.running_head.rule_width_pt });
  }
  if (folio) {
    const x = page.isRecto ? left + g.typeWidthPt - folio.widthPt : left;
    items.push({ kind: 'glyphs', x, y: g.typeTopPt + g.typeHeightPt + mmToPt(t.folio.baseline_below_mm), glyphs: folio.glyphs });
  }
  return items;
}

interface Placed {
  draft: PageDraft;
  number: string;
}

/** Numbers drafts: `first` is the physical index of the first one. */
function numbered(drafts: PageDraft[], numberOf: (i: number) => string): Placed[] {
  return drafts.map((draft, i) => ({ draft, number: numberOf(i) }));
}

function anchorsOf(placed: readonly Placed[], offset: number): Map<string, AnchorPlace> {
  const anchors = new Map<string, AnchorPlace>();
  placed.forEach((p, i) => {
    for (const a of p.draft.anchors) if (!anchors.has(a.id)) anchors.set(a.id, { pageIndex: offset + i, folio: p.number, y: a.y });
  });
  return anchors;
}

function outlineOf(placed: readonly Placed[]): OutlineItem[] {
  const roots: OutlineItem[] = [];
  placed.forEach((p, pageIndex) => {
    for (const o of p.draft.outline) {
      const item: OutlineItem = { title: o.title, pageIndex, children: [] };
      if (o.level === 0 || roots.length === 0) roots.push(item);
      else roots.at(-1)!.children.push(item);
    }
  });
  return roots;
}

/**
 * R-CIP-11: characters a full page holds, running head and folio lines
 * counted: the body grid, or the TOC and index grid at its smaller size.
 */
function capacityOf(ctx: LayoutContext, kind: string): number {
  const g = ctx.geometry;
  const isList = kind === 'toc' || kind === 'index';
  const size = isList ? ctx.template.toc.size_pt : g.bodySizePt;
  const lines = (isList ? Math.floor(g.typeHeightPt / ctx.template.toc.line_pitch_pt) : g.linesPerColumn) + 2;
  return Math.floor(g.columnWidthPt / size) * g.columns * lines;
}

/** What orders a heading besides its characters: its leading number and the readings given to its hanzi. */
const readingsOf = (key: IndexKey) => `${key.leadingNumber}|${key.units.map((u) => `${u.letters}${u.tone}`).join(' ')}`;

/** The body page numbers an anchor's text stands on: its start, and its end when that is on another page. */
function pagesOf(anchors: ReadonlyMap<string, AnchorPlace>): PagesOf {
  return (id) => [id, `${id}~end`].flatMap((anchor) => {
    const a = anchors.get(anchor);
    return a ? [{ page: Number(a.folio), anchor }] : [];
  });
}

/**
 * Lays out the whole book. The index comes after the body and lists body
 * pages only, so adding it moves nothing: one pass gives exact numbers.
 */
export function layoutBook(ctx: LayoutContext, book: Book, toc: readonly TocItem[]): PagedDocument {
  const bodyOnly = withRectoStarts(book.parts.flatMap((p, i) => {
    const drafts = ctx.caches ? ctx.caches.parts.drafts(ctx, p, () => partDrafts(ctx, p)) : partDrafts(ctx, p);
    ctx.progress?.(i + 1, book.parts.length, p.title);
    return drafts;
  }));
  const bodyAnchorsOnly = anchorsOf(numbered(bodyOnly, (i) => String(i + 1)), 0);
  const index = buildIndex(book, pagesOf(bodyAnchorsOnly), ctx.caches ? { memo: ctx.caches.indexKeys } : {});
  for (const t of unplacedIndexTerms(book, pagesOf(bodyAnchorsOnly))) ctx.problems.push({ kind: 'index-term-unplaced', term: t.term, source: t.source });
  for (const e of index.flatMap((g) => g.entries)) {
    if (e.guesses) ctx.problems.push({ kind: 'index-reading-guess', heading: e.heading, chars: e.guesses.map((g) => `“${g.char}”（${g.reading}）`).join(''), letter: e.key.group || '数字', ...(e.source ? { source: e.source } : {}) });
  }
  // A watch session lays out the index and the TOC again only when what they list changed.
  const listed = (key: () => string, layOut: () => PageDraft[]) => (ctx.caches ? ctx.caches.lists.keyed(ctx, key(), layOut) : layOut());
  // (Where a heading stands in the manuscript is not printed: an edit above it does not lay the index out again.
  // Of its collation key only the readings are written: the rest follows from the heading's characters, and the
  // whole keys made this string five times as long, 7 ms of a 140 ms rebuild.)
  const indexKey = () => `index\u0000${JSON.stringify(index.map((g) => [g.letter, g.entries.map(({ source: _, key, ...printed }) => [readingsOf(key), printed])]))}`;
  const withIndex = index.length > 0 ? [...bodyOnly, ...listed(indexKey, () => indexDrafts(ctx, index))] : bodyOnly;
  const body = withRectoStarts(withIndex);
  const bodyPlaced = numbered(body, (i) => String(i + 1));
  const bodyAnchors = anchorsOf(bodyPlaced, 0);
  const facts: BookFacts = { pages: 0, wordsThousands: 0 };
  const s = book.settings;
  const opening = [
    titlePageDraft(ctx, s), copyrightPageDraft(ctx, s, facts),
    ...committeeDrafts(ctx, [s.committee, s.editorial_office].filter((l): l is NonNullable<typeof l> => l !== undefined)),
  ];
  const frontOnly = [...opening, ...frontDrafts(ctx, book.front)];
  const fullToc = index.length > 0 ? [...toc, { id: INDEX_ANCHOR, title: '索引', level: 0 as const }] : toc;
  const folioOf = (id: string) => bodyAnchors.get(id)?.folio ?? '';
  const tocPages = listed(() => `toc\u0000${JSON.stringify(fullToc.map((t) => [t, folioOf(t.id)]))}`, () => tocDrafts(ctx, fullToc, folioOf));
  const front = withRectoStarts([...frontOnly, ...tocPages]);
  if (front.length % 2 === 1) front.push(blankDraft()); // the body starts on a recto
  // R-CIP-10: the book block is printed in whole sheets; the last is filled with blank pages.
  const bodyFilled = [...bodyPlaced];
  while ((front.length + bodyFilled.length) % 4 !== 0) bodyFilled.push({ draft: blankDraft(), number: String(bodyFilled.length + 1) });
  const all = [...numbered(front, (i) => roman(i + 1)), ...bodyFilled];
  const anchors = anchorsOf(all, 0);
  placeProblems(ctx, all, anchors);
  facts.pages = all.length;
  facts.wordsThousands = wordCountThousands(all.map((p) => ({ kind: p.draft.kind, chars: capacityOf(ctx, p.draft.kind) })));
  const headFor = (d: PageDraft, isRecto: boolean, partTitle: string) => (!d.hasFurniture || d.hidesRunningHead ? '' : isRecto ? partTitle : `${book.settings.title}\u3000${book.settings.year}`);
  let partTitle = '';
  const lineOf = furnitureLines(ctx);
  const pages: Page[] = all.map((p, index) => {
    const isRecto = index % 2 === 0;
    partTitle = p.draft.partTitle ?? partTitle;
    const page: Page = {
      index, kind: p.draft.kind, number: p.number, folio: p.draft.hasFurniture ? p.number : '', isRecto,
      runningHead: headFor(p.draft, isRecto, partTitle), items: [], sources: p.draft.sources ?? [],
    };
    const marks = ctx.caches && ctx.draft ? [ctx.draft.stamp, ...p.draft.anchors.map((a) => `${ctx.draft!.sourceNotes.get(a.id) ?? ''}${JSON.stringify(ctx.draft!.marginNotes?.get(a.id) ?? '')}`)].join('\u0000') : '';
    const pageIndexOf = (id: string) => anchors.get(id)?.pageIndex;
    const kept = ctx.caches?.pages.kept(p.draft, page, marks, pageIndexOf);
    if (kept) return kept;
    const begins = p.draft.begins ?? (p.draft.anchors[0] ? { anchor: p.draft.anchors[0].id } : undefined);
    if (begins) page.begins = begins;
    const links: Array<[string, number | undefined]> = [];
    const drawn = p.draft.draw(isRecto, (id) => {
      const at = pageIndexOf(id);
      links.push([id, at]);
      return at;
    });
    const textLines = textLinesOf(ctx.geometry, isRecto, drawn);
    if (textLines.length > 0) page.textLines = textLines;
    page.items = [...drawn, ...furniture(ctx, page, lineOf), ...draftMarks(ctx, page, p.draft.anchors)];
    ctx.caches?.pages.assign(p.draft, page, marks, links);
    return page;
  });
  return { widthPt: ctx.geometry.widthPt, heightPt: ctx.geometry.heightPt, pages, anchors, outline: outlineOf(all), wordsThousands: facts.wordsThousands, index };
}
