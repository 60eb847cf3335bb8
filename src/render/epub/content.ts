/**
 * The book model → hast, one handler per node type, for the EPUB: parts and
 * chapters as sections with headings, 【条目】 heads as headings with stable
 * ids, figures with figcaption and credit, tables with thead, 大事记 as
 * definition lists, name lists as lists, index terms as anchored spans.
 * Built from the same model as the PDF: there is no second parser.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { type Block, type Chapter, type ChronicleItem, type Entry, type Figure, type Inline, noteMark, noteRefsIn, type Part, type Section, type StatTable } from '../../model/index.ts';

export interface ContentContext {
  /** The EPUB path of an image in the manuscript (photos/a.jpg → images/a.jpg). */
  imageHref(src: string): string;
}

export function inlines(nodes: readonly Inline[]): ElementContent[] {
  return nodes.flatMap((n): ElementContent[] => {
    switch (n.type) {
      case 'text': return [{ type: 'text', value: n.value }];
      case 'emphasis': return [h('em', inlines(n.children))];
      case 'strong': return [h('strong', inlines(n.children))];
      case 'indexTerm': return [h('span', { id: n.id, className: ['index-term'] }, n.text)];
      case 'break': return [h('br')];
      case 'noteRef': return [h('a', { id: n.id, href: `#${n.id}-note`, 'epub:type': 'noteref', role: 'doc-noteref', className: ['noteref'] }, noteMark(n.number))];
    }
  });
}

export function figure(ctx: ContentContext, f: Figure): Element {
  const caption = inlines(f.caption);
  return h('figure', { id: f.id, className: [f.width === 'page' ? 'wide' : 'column'] }, [
    h('img', { src: ctx.imageHref(f.src), alt: caption.length ? f.caption.map((c) => ('value' in c ? c.value : '')).join('') : '图片' }),
    h('figcaption', [...caption, ...(f.credit ? [h('span', { className: ['credit'] }, `（${f.credit}）`)] : [])]),
  ]);
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

function table(t: StatTable): Element {
  const align = (i: number) => (t.align[i] ? { className: [`align-${t.align[i]}`] } : {});
  return h('table', { id: t.id }, [
    ...(t.caption ? [h('caption', inlines(t.caption))] : []),
    h('thead', headRows(t, align)),
    h('tbody', t.rows.map((r) => h('tr', r.map((c, i) => h('td', align(i), inlines(c)))))),
  ]);
}

function chronicle(items: ChronicleItem[]): Element {
  return h('dl', { className: ['chronicle'] }, items.flatMap((i) => [h('dt', i.date), h('dd', inlines(i.children))]));
}

/** Blocks in order; consecutive 大事记 items form one definition list. */
export function blocks(ctx: ContentContext, list: ReadonlyArray<Block>): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ChronicleItem[] = [];
  const flush = () => {
    if (run.length) out.push(chronicle(run));
    run = [];
  };
  for (const b of list) {
    if (b.type === 'chronicleItem') {
      run.push(b);
      continue;
    }
    flush();
    out.push(block(ctx, b));
  }
  flush();
  return out;
}

function block(ctx: ContentContext, b: Exclude<Block, ChronicleItem>): Element {
  switch (b.type) {
    case 'paragraph': return h('p', inlines(b.children));
    case 'figure': return figure(ctx, b);
    case 'gallery': return h('section', { id: b.id, className: ['gallery'] }, [h('h2', b.title), ...b.figures.map((f) => figure(ctx, f))]);
    case 'table': return table(b);
    case 'list': return h(b.ordered ? 'ol' : 'ul', b.items.map((item) => h('li', item.map((p) => h('p', inlines(p.children))))));
    case 'nameList': return h('ul', { className: ['names'] }, b.names.map((n) => h('li', n)));
    case 'credit': return h('p', { className: ['credit'] }, `（${b.text}）`);
  }
}

function entry(ctx: ContentContext, e: Entry, level: number): Element {
  return h('section', { className: ['entry'] }, [
    h(`h${level}`, { id: e.id, className: ['entry-title'] }, `【${e.title}】`),
    h('p', { className: ['lead'] }, inlines(e.lead)),
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
    h('p', [h('a', { href: `#${r.id}`, role: 'doc-backlink' }, noteMark(r.number)), ...inlines(r.note)]),
  ])))];
}

/** One part (篇) as the body of its XHTML document. */
export function partBody(ctx: ContentContext, p: Part): Element {
  return h('section', { id: p.id, 'epub:type': 'part', className: ['part', `kind-${p.kind}`] }, [
    h('h1', p.title), ...blocks(ctx, p.intro), ...footnotes(p.intro), ...p.chapters.map((c) => chapter(ctx, c)),
  ]);
}
