/**
 * The XHTML documents of the EPUB besides the parts: front matter (title,
 * copyright and CIP as text, committee, 编辑说明, 彩页), the index with every
 * locator a link, and the navigation document.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { BookSettings } from '../../config/index.ts';
import { ebookImprintOf, type IndexGroup, locatorParts, type TocItem } from '../../derive/index.ts';
import type { FrontSection } from '../../model/index.ts';
import { blocks, type ContentContext } from './content.ts';
import { xmlSafe } from './xml.ts';

/** A whole XHTML document around `body`. */
export function xhtml(title: string, body: ElementContent[], options: { bodyType?: string } = {}): string {
  const tree = h('html', { xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops', lang: 'zh-Hans', 'xml:lang': 'zh-Hans' }, [
    h('head', [h('meta', { charset: 'utf-8' }), h('title', title), h('link', { rel: 'stylesheet', type: 'text/css', href: 'style.css' })]),
    h('body', options.bodyType ? { 'epub:type': options.bodyType } : {}, body),
  ]);
  const html = toHtml(tree, { space: 'html', closeSelfClosing: true, closeEmptyElements: true, characterReferences: { useNamedReferences: false } })
    .replace(/ hidden(?=[ >/])/g, ' hidden="hidden"'); // XML has no bare boolean attributes
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${xmlSafe(html)}\n`;
}

export function titleDocument(s: BookSettings): string {
  return xhtml(s.title, [h('section', { 'epub:type': 'titlepage', className: ['titlepage'] }, [
    h('h1', s.title), h('p', { className: ['year'] }, String(s.year)), h('p', { className: ['compiler'] }, `${s.compiler}\u3000编`),
    h('p', { className: ['publisher'] }, s.publisher.name),
  ])]);
}

/** The ebook's copyright page as text: the CIP block as issued, then the ebook's 版本记录 with its own identifier (print-only lines dropped). */
export function copyrightDocument(s: BookSettings, wordsThousands: number, identifier: string): string {
  const imprint = ebookImprintOf(s, wordsThousands, identifier);
  return xhtml('版权页', [h('section', { 'epub:type': 'copyright-page', className: ['copyright'] }, [
    h('div', { className: ['cip'] }, [h('h2', imprint.cip.heading), h('p', imprint.cip.description), h('p', imprint.cip.classification), h('p', imprint.cip.record)]),
    h('div', { className: ['record'] }, [...imprint.record.map((l) => h('p', l)), ...(imprint.notice ? [h('p', imprint.notice)] : [])]),
  ])]);
}

export function committeeDocument(s: BookSettings): string | undefined {
  const lists = [s.committee, s.editorial_office].filter((l): l is NonNullable<typeof l> => l !== undefined);
  if (lists.length === 0) return undefined;
  return xhtml('编辑委员会', lists.map((l) => h('section', { className: ['committee'] }, [
    h('h2', l.title),
    h('dl', l.members.flatMap((m) => [h('dt', m.role), h('dd', [...(m.note ? [h('span', { className: ['note'] }, `（${m.note}）`)] : []), h('ul', { className: ['names'] }, m.names.map((n) => h('li', n)))])])),
  ])));
}

export function frontSectionDocument(ctx: ContentContext, f: FrontSection): string {
  return xhtml(f.title, [h('section', { id: f.id, className: [f.kind] }, [h('h1', f.title), ...blocks(ctx, f.blocks)])]);
}

/**
 * 索引: letter groups, each heading followed by its locators, each page
 * number a link to its own place: the anchor on that page, or (for the page
 * a long entry ends on) that page's marker.
 */
export function indexDocument(groups: readonly IndexGroup[], hrefOf: (anchor: string) => string | undefined, pageHref: (page: number) => string | undefined): string {
  const sections = groups.map((g) => h('section', { className: ['index-group'] }, [
    ...(g.letter ? [h('h2', g.letter)] : []),
    h('ul', { className: ['index'] }, g.entries.map((e) => {
      const anchorOf = new Map(e.locators.map((l) => [l.page, l.anchor]));
      const links: ElementContent[] = locatorParts(e.pages).map((part) => {
        if (part.page === undefined) return { type: 'text', value: part.text };
        const href = hrefOf(anchorOf.get(part.page)!) ?? pageHref(part.page);
        return href ? h('a', { href }, part.text) : { type: 'text', value: part.text };
      });
      return h('li', [h('span', { className: ['heading'] }, e.heading), { type: 'text', value: '\u3000' }, ...links]);
    })),
  ]));
  return xhtml('索引', [h('section', { 'epub:type': 'index', id: 'index' }, [h('h1', '索引'), h('h2', '条目索引'), ...sections])], { bodyType: 'backmatter' });
}

export interface NavInput {
  toc: readonly TocItem[];
  hrefOf(anchor: string): string | undefined;
  landmarks: Array<{ type: string; title: string; href: string }>;
  pages: Array<{ label: string; href: string }>;
  extra: Array<{ title: string; href: string }>;
  /** Items after the TOC's parts: the index. */
  tail?: Array<{ title: string; href: string }>;
}

/** Nested <ol> of the TOC down to 条目 level. */
function tocList(items: readonly TocItem[], hrefOf: (a: string) => string | undefined): Element {
  const root: Element = h('ol');
  const stack: Array<{ level: number; list: Element }> = [{ level: -1, list: root }];
  for (const item of items) {
    const href = hrefOf(item.id);
    if (!href) continue;
    // A #### subsection nests under its ### section, as in the print TOC (depth is counted under the chapter).
    const level = item.depth === undefined ? item.level : 1 + item.depth;
    while (stack.length > 1 && stack.at(-1)!.level >= level) stack.pop();
    const li = h('li', [h('a', { href }, item.title)]);
    stack.at(-1)!.list.children.push(li);
    const sub = h('ol');
    li.children.push(sub);
    stack.push({ level, list: sub });
  }
  prune(root);
  return root;
}

/** Empty <ol> are not allowed in a nav document. */
function prune(el: Element): void {
  el.children = el.children.filter((c) => !(c.type === 'element' && c.tagName === 'ol' && c.children.length === 0));
  for (const c of el.children) if (c.type === 'element') prune(c);
}

export function navDocument(n: NavInput): string {
  const toc = tocList(n.toc, n.hrefOf);
  toc.children.unshift(...n.extra.map((e) => h('li', [h('a', { href: e.href }, e.title)])));
  toc.children.push(...(n.tail ?? []).map((e) => h('li', [h('a', { href: e.href }, e.title)])));
  return xhtml('目录', [
    h('nav', { 'epub:type': 'toc', id: 'toc' }, [h('h1', '目录'), toc]),
    h('nav', { 'epub:type': 'landmarks', hidden: true }, [h('h2', '导航'), h('ol', n.landmarks.map((l) => h('li', [h('a', { 'epub:type': l.type, href: l.href }, l.title)])))]),
    h('nav', { 'epub:type': 'page-list', hidden: true }, [h('h2', '页码'), h('ol', n.pages.map((p) => h('li', [h('a', { href: p.href }, p.label)])))]),
  ]);
}
