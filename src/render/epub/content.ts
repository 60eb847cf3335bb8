/**
 * The book model → hast, one handler per node type, for the EPUB: parts and
 * chapters as sections with headings, 【条目】 heads as headings with stable
 * ids, figures with figcaption and credit, tables with thead, 大事记 as
 * definition lists, name lists as lists, index terms as anchored spans.
 * Built from the same model as the PDF: there is no second parser.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { columnAligns } from '../../derive/index.ts';
import { type Block, type Chapter, type ChronicleItem, type Entry, type Figure, type Inline, inlineText, noteRefsIn, type Part, type Section, type Source, type StatTable } from '../../model/index.ts';
import { type PageBreak, withPageBreaks } from './page-breaks.ts';

export interface ContentContext {
  /** The EPUB path of an image in the manuscript (photos/a.jpg → images/a.jpg). */
  imageHref(src: string): string;
  /** Print pages that begin inside the text of the block at `source` (issue 19). */
  pageBreaks?(source: Source): readonly PageBreak[] | undefined;
}

/** A block's text with the markers of the print pages that begin in it. */
const text = (ctx: ContentContext, source: Source, content: ElementContent[]) => withPageBreaks(content, ctx.pageBreaks?.(source));

export function inlines(nodes: readonly Inline[]): ElementContent[] {
  return nodes.flatMap((n): ElementContent[] => {
    switch (n.type) {
      case 'text': return [{ type: 'text', value: n.value }];
      case 'emphasis': return [h('em', inlines(n.children))];
      case 'strong': return [h('strong', inlines(n.children))];
      case 'indexTerm': return [h('span', { id: n.id, className: ['index-term'] }, n.text)];
      case 'break': return [h('br')];
      case 'query': return n.printed ? [{ type: 'text', value: n.printed }] : [];
      case 'note': return [];
      case 'noteRef': return [h('a', { id: n.id, href: `#${n.id}-note`, 'epub:type': 'noteref', role: 'doc-noteref', className: ['noteref'] }, n.mark)];
    }
  });
}

/** Alt text (issue 22): the caption as plain text, emphasis and index terms included; a figure without one says what it is. */
export function altText(f: Figure): string {
  return inlineText(f.caption).trim() || (f.credit ? `图片（${f.credit}）` : '图片');
}

export function figure(ctx: ContentContext, f: Figure): Element {
  const caption = inlines(f.caption);
  return h('figure', { id: f.id, className: [f.width === 'page' ? 'wide' : 'column'] }, [
    h('img', { src: ctx.imageHref(f.src), alt: altText(f) }),
    h('figcaption', [...caption, ...(f.credit ? [h('span', { className: ['credit'] }, `（${f.credit}）`)] : [])]),
  ]);
}

/** Width of a text in em at the table's size: CJK a full em, Latin and digits about half. */
const emWidth = (text: string) => [...text].reduce((w, c) => w + (/[\u2e80-\uffef]/u.test(c) ? 1 : 0.55), 0);

/**
 * The widest a phone's text column is, in em of the table's text (0.8 of the
 * body's 1em at 390 px, less margins, ÷ 0.8): a table wider than this reflows
 * on narrow screens (style.css: each row a block, each cell with its column's
 * heading), and scrolls sideways on readers without container queries.
 */
export const NARROW_TABLE_EM = 26;

/** Each column's heading as a reflowed cell is labelled: the head cells over it, top to bottom (2023年 数值). */
function columnLabels(t: StatTable): string[] {
  return Array.from({ length: t.columns }, (_, i) => t.head
    .filter((c) => c.col <= i && i < c.col + c.colspan)
    .sort((a, b) => a.row - b.row)
    .map((c) => inlineText(c.content).trim())
    .filter((text, k, all) => text && all.indexOf(text) === k)
    .join(' '));
}

/** The table's width with every column as wide as its widest cell, padding and borders included. */
export function naturalWidthEm(t: StatTable): number {
  const widths = columnLabels(t).map((label) => Math.max(0, ...label.split(' ').map(emWidth)));
  for (const r of t.rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, emWidth(inlineText(c)))));
  return widths.reduce((a, w) => a + w + 0.8, 0);
}

/** The head's rows, a merged cell with its colspan/rowspan (a cell over several columns heads a colgroup). */
function headRows(t: StatTable, align: (i: number) => object): Element[] {
  return Array.from({ length: t.headRows }, (_, r) => h('tr', t.head.filter((c) => c.row === r).map((c) => h('th', {
    scope: c.colspan > 1 ? 'colgroup' : 'col',
    ...(c.colspan > 1 ? { colSpan: c.colspan } : {}),
    ...(c.rowspan > 1 ? { rowSpan: c.rowspan } : {}),
    ...align(c.col),
  }, inlines(c.content)))));
}

/**
 * A table inside a box that scrolls sideways (no page wider than the
 * screen), inside a wrapper whose width the narrow-screen rules query; a
 * wide one is marked for reflow, each cell labelled with its column's
 * heading (data-label). Reflowed, the box no longer scrolls: a scrolling
 * box cannot be split between screens, a reflowed table can.
 */
function table(t: StatTable): Element {
  const aligns = columnAligns(t);
  const align = (i: number) => (aligns[i] !== 'left' ? { className: [`align-${aligns[i]}`] } : {});
  const labels = columnLabels(t);
  const wide = naturalWidthEm(t) > NARROW_TABLE_EM;
  const cell = (c: Inline[], i: number) => h('td', { ...align(i), ...(wide && labels[i] ? { dataLabel: labels[i] } : {}) }, inlines(c));
  return h('div', { className: ['table-wrap'] }, [h('div', { className: wide ? ['table-scroll', 'wide'] : ['table-scroll'] }, [h('table', { id: t.id, ...(wide ? { className: ['wide'] } : {}) }, [
    ...(t.caption ? [h('caption', inlines(t.caption))] : []),
    h('thead', headRows(t, align)),
    h('tbody', t.rows.map((r) => h('tr', r.map(cell)))),
  ])])]);
}

function chronicle(ctx: ContentContext, items: ChronicleItem[]): Element {
  return h('dl', { className: ['chronicle'] }, items.flatMap((i) => {
    // A page that begins with the item begins at its date.
    const breaks = ctx.pageBreaks?.(i.source);
    const atDate = breaks?.filter((b) => b.offset < 0);
    return [h('dt', withPageBreaks([{ type: 'text', value: i.date }], atDate)), h('dd', withPageBreaks(inlines(i.children), breaks?.filter((b) => b.offset >= 0)))];
  }));
}

/** Blocks in order; consecutive 大事记 items form one definition list. */
export function blocks(ctx: ContentContext, list: ReadonlyArray<Block>): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ChronicleItem[] = [];
  const flush = () => {
    if (run.length) out.push(chronicle(ctx, run));
    run = [];
  };
  for (const b of list) {
    if (b.type === 'chronicleItem') {
      run.push(b);
      continue;
    }
    flush();
    out.push(...block(ctx, b));
  }
  flush();
  return out;
}

function block(ctx: ContentContext, b: Exclude<Block, ChronicleItem>): ElementContent[] {
  switch (b.type) {
    case 'paragraph': return [h('p', text(ctx, b.source, inlines(b.children)))];
    case 'figure': return [figure(ctx, b)];
    case 'gallery': return [h('section', { id: b.id, className: ['gallery'] }, [h('h2', b.title), ...b.figures.map((f) => figure(ctx, f))])];
    case 'table': return [table(b)];
    case 'list': return [h(b.ordered ? 'ol' : 'ul', b.items.map((item) => h('li', item.map((p) => h('p', text(ctx, p.source, inlines(p.children)))))))];
    case 'nameList': return [h('ul', { className: ['names'] }, b.names.map((n) => h('li', n)))];
    case 'query': case 'note': return []; // queries and editors' notes are never in a reader's book
    case 'credit': return [h('p', { className: ['credit'] }, text(ctx, b.source, [{ type: 'text', value: `（${b.text}）` }]))];
  }
}

function entry(ctx: ContentContext, e: Entry, level: number): Element {
  return h('section', { className: ['entry'] }, [
    h(`h${level}`, { id: e.id, className: ['entry-title'] }, `【${e.title}】`),
    h('p', { className: ['lead'] }, text(ctx, e.source, inlines(e.lead))),
    ...blocks(ctx, e.blocks),
  ]);
}

function children(ctx: ContentContext, items: ReadonlyArray<Section | Entry | Block>, level: number): ElementContent[] {
  const out: ElementContent[] = [];
  const pending: Block[] = [];
  const flush = () => {
    out.push(...blocks(ctx, pending));
    pending.length = 0;
  };
  for (const item of items) {
    if (item.type === 'section') {
      flush();
      const l = Math.min(6, level + item.level - 3);
      out.push(h('section', { id: item.id }, [h(`h${l}`, item.title), ...children(ctx, item.children, l + 1)]));
    } else if (item.type === 'entry') {
      flush();
      out.push(entry(ctx, item, Math.min(6, level)));
    } else pending.push(item);
  }
  flush();
  return out;
}

function chapter(ctx: ContentContext, c: Chapter): Element {
  const a = c.article;
  const head = a
    ? [h('h2', c.title), ...(a.subtitle ? [h('p', { className: ['subtitle'] }, a.subtitle)] : []), ...(a.dateline ? [h('p', { className: ['dateline'] }, `（${a.dateline}）`)] : []),
      ...(a.author ? [h('p', { className: ['byline'] }, [a.office ? `${a.office}\u3000` : '', a.author])] : [])]
    : [h('h2', c.title)];
  return h('section', { id: c.id, className: a ? ['article'] : ['chapter'] }, [...head, ...children(ctx, c.children, 3), ...footnotes(c.children)]);
}

/** The notes referenced in `items`, each an aside the reader pops up from its mark (epub:type footnote) and links back. */
function footnotes(items: unknown): Element[] {
  const refs = noteRefsIn(items);
  if (refs.length === 0) return [];
  return [h('section', { className: ['footnotes'] }, refs.map((r) => h('aside', { id: `${r.id}-note`, 'epub:type': 'footnote', role: 'doc-footnote' }, [
    h('p', [h('a', { href: `#${r.id}`, role: 'doc-backlink' }, r.mark), ...inlines(r.note)]),
  ])))];
}

/** One part (篇) as the body of its XHTML document. */
export function partBody(ctx: ContentContext, p: Part): Element {
  return h('section', { id: p.id, 'epub:type': 'part', className: ['part', `kind-${p.kind}`] }, [
    h('h1', p.title), ...blocks(ctx, p.intro), ...footnotes(p.intro), ...p.chapters.map((c) => chapter(ctx, c)),
  ]);
}
