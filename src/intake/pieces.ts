/**
 * mammoth's HTML → a flat list of pieces in reading order: headings,
 * paragraphs (as mdast phrasing, via hast-util-to-mdast), list items,
 * images and tables, each with the number of the Word paragraph it came
 * from. Soft line breaks are joined, indentation dropped, footnotes turned
 * into ① marks with their notes kept beside the paragraph. Text in any
 * other place is kept as a paragraph and reported: nothing that mammoth
 * read may vanish on the way.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { MARK_OPEN, PARAGRAPH_MARK } from './docx.ts';
import { type NoteList, paragraphPlace } from './notes.ts';

export type Piece =
  | { kind: 'heading'; level: number; text: string; para: number }
  | { kind: 'para'; children: PhrasingContent[]; para: number; notes: string[] }
  /** A Word list item: `list` tells lists apart, `depth` is 0 for the outer level, `index` counts from 1 within its list. */
  | { kind: 'item'; ordered: boolean; list: number; depth: number; index: number; children: PhrasingContent[]; para: number; notes: string[] }
  | { kind: 'image'; src: string; alt: string; para: number }
  | { kind: 'table'; rows: Cell[][]; para: number };

export interface Cell { text: string; colspan: number; rowspan: number; header: boolean; para: number }

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** The note mark for the n-th footnote (from 1): ①…⑳, then 〔21〕. */
export const noteMark = (n: number) => CIRCLED[n - 1] ?? `〔${n}〕`;

const isElement = (n: RootContent | ElementContent, tag?: string): n is Element => n.type === 'element' && (tag === undefined || n.tagName === tag);

/** The paragraph number stamped at the start of `node`'s text, removing every stamp under it. */
function takeMark(node: Element): number | undefined {
  let first: number | undefined;
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (c.type === 'text' && c.value.includes(MARK_OPEN)) {
        c.value = c.value.replace(PARAGRAPH_MARK, (_, d: string) => {
          first ??= Number(d);
          return '';
        });
      } else if (c.type === 'element') walk(c);
    }
  };
  walk(node);
  return first;
}

/** A paragraph's content: footnote references become ①, breaks are joined, indentation goes. */
function phrasing(p: Element, footnotes: Map<string, string>, notes: string[], counter: { n: number }): PhrasingContent[] {
  replaceFootnoteRefs(p, footnotes, notes, counter);
  const mdast = toMdast({ type: 'root', children: [{ ...p, tagName: 'p' }] }) as { children?: unknown[] };
  const para = mdast.children?.[0] as Paragraph | undefined;
  if (!para || para.type !== 'paragraph') return [];
  return tidyPhrasing(para.children);
}

function replaceFootnoteRefs(p: Element, footnotes: Map<string, string>, notes: string[], counter: { n: number }): void {
  p.children = p.children.map((c) => {
    if (!isElement(c)) return c;
    const link = isElement(c, 'sup') ? c.children.find((a) => isElement(a, 'a')) as Element | undefined : undefined;
    const href = String(link?.properties.href ?? '');
    if (link && (href.startsWith('#footnote-') || href.startsWith('#endnote-'))) {
      counter.n++;
      notes.push(`${noteMark(counter.n)}${footnotes.get(href.slice(1)) ?? ''}`);
      return { type: 'text', value: noteMark(counter.n) };
    }
    replaceFootnoteRefs(c, footnotes, notes, counter);
    return c;
  });
}

const LATIN = /[A-Za-z0-9]/;

/** Joins text across soft line breaks (a space only between two Latin letters or digits) and drops leading indentation. */
export function tidyPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const c of children) {
    if (c.type === 'break') {
      const before = toString(out.at(-1) ?? { type: 'text', value: '' }).at(-1) ?? '';
      out.push({ type: 'text', value: LATIN.test(before) ? ' ' : '' });
    } else if ('children' in c) out.push({ ...c, children: tidyPhrasing(c.children as PhrasingContent[]) } as PhrasingContent);
    else out.push(c);
  }
  return dropIndent(mergeTexts(out));
}

function mergeTexts(list: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const c of list) {
    const last = out.at(-1);
    if (c.type === 'text' && last?.type === 'text') last.value += c.value;
    else if (c.type !== 'text' || c.value !== '') out.push(c);
  }
  // A space after a join that was kept for Latin text, before Chinese text, is no space.
  for (const c of out) if (c.type === 'text') c.value = c.value.replace(/([A-Za-z0-9]) (?=[\u3400-\u9fff])/g, '$1');
  return out;
}

/** Full-width spaces, tabs and spaces that indent a paragraph, and those it ends with. */
function dropIndent(list: PhrasingContent[]): PhrasingContent[] {
  const first = list[0];
  if (first?.type === 'text') first.value = first.value.replace(/^[\s\u3000]+/, '');
  else if (first && 'children' in first) dropIndent(first.children as PhrasingContent[]);
  const last = list.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/[\s\u3000]+$/, '');
  return list.filter((c) => c.type !== 'text' || c.value !== '');
}

/** mammoth's footnote list: id → text, without the back link. */
function readFootnotes(list: Element): Map<string, string> {
  const notes = new Map<string, string>();
  for (const li of list.children) {
    if (!isElement(li, 'li')) continue;
    const id = String(li.properties.id ?? '');
    takeMark(li);
    const text = toText(li).replace(/↑\s*$/, '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    notes.set(id, text);
  }
  return notes;
}

const isFootnoteList = (e: Element) => isElement(e, 'ol') && e.children.some((li) => isElement(li, 'li') && /^(foot|end)note-/.test(String(li.properties.id ?? '')));

function cellsOf(table: Element): Cell[][] {
  const rows: Cell[][] = [];
  const visitRows = (e: Element) => {
    for (const c of e.children) {
      if (isElement(c, 'tr')) {
        rows.push(c.children.filter((td): td is Element => isElement(td) && (td.tagName === 'td' || td.tagName === 'th')).map((td) => {
          const para = takeMark(td) ?? 0;
          const text = td.children.filter((c): c is Element => isElement(c)).map((p) => toText(p).replace(/[\s\u3000]+/g, ' ').trim()).filter(Boolean).join(' ') || toText(td).trim();
          return { text, colspan: Number(td.properties.colSpan ?? 1), rowspan: Number(td.properties.rowSpan ?? 1), header: td.tagName === 'th', para };
        }));
      } else if (isElement(c)) visitRows(c);
    }
  };
  visitRows(table);
  return rows;
}

interface Walk { pieces: Piece[]; footnotes: Map<string, string>; counter: { n: number }; lastPara: number; lists: number; notes: NoteList }

interface ReadParagraph { children: PhrasingContent[]; notes: string[]; para: number; images: Element[] }

/** A paragraph's number, phrasing and footnotes, with its images taken out (they become pieces of their own). */
function readParagraph(w: Walk, p: Element): ReadParagraph {
  const para = takeMark(p) ?? w.lastPara;
  w.lastPara = para;
  const images: Element[] = [];
  const pull = (e: Element) => {
    e.children = e.children.filter((c) => {
      if (isElement(c, 'img')) { images.push(c); return false; }
      if (isElement(c)) pull(c);
      return true;
    });
  };
  pull(p);
  const notes: string[] = [];
  return { children: phrasing(p, w.footnotes, notes, w.counter), notes, para, images };
}

const hasText = (children: PhrasingContent[]) => toString({ type: 'paragraph', children }).trim() !== '';

function pushImages(w: Walk, images: Element[], para: number): void {
  for (const img of images) w.pieces.push({ kind: 'image', src: String(img.properties.src ?? ''), alt: String(img.properties.alt ?? '').trim(), para });
}

function onParagraph(w: Walk, p: Element): ReadParagraph {
  const read = readParagraph(w, p);
  if (hasText(read.children)) w.pieces.push({ kind: 'para', children: read.children, para: read.para, notes: read.notes });
  pushImages(w, read.images, read.para);
  return read;
}

/** Elements mammoth writes inside a paragraph: where they stand alone, they are a paragraph's text that lost its <p>. */
const INLINE = new Set(['a', 'strong', 'b', 'em', 'i', 'u', 's', 'sup', 'sub', 'span', 'br', 'img', 'code']);
const isInline = (n: RootContent | ElementContent) => n.type === 'text' || (isElement(n) && INLINE.has(n.tagName));

/** Text standing outside any paragraph, list or table: kept as a paragraph, and told, never dropped. */
function onStrayText(w: Walk, inline: ElementContent[]): void {
  const read = onParagraph(w, { type: 'element', tagName: 'p', properties: {}, children: inline });
  const text = toString({ type: 'paragraph', children: read.children }).trim();
  if (text) w.notes.warn('text-unplaced', paragraphPlace(read.para), `文字“${text.length > 40 ? `${text.slice(0, 40)}……` : text}”不在任何段落、列表或表格中，已作为一段导入。请核对它应放在哪里。`);
}

/**
 * A Word list (mammoth's <ol>/<ul>, nested for inner levels): each item's
 * own text is one item piece; its inner lists follow it one depth down.
 */
function onList(w: Walk, list: Element, depth: number): void {
  const id = ++w.lists;
  const ordered = list.tagName === 'ol';
  let index = Number(list.properties.start ?? 1) - 1;
  for (const li of list.children) {
    if (!isElement(li, 'li')) {
      if (isElement(li)) walk(w, [li]);
      continue;
    }
    index++;
    const own: ElementContent[] = li.children.filter(isInline);
    const read = readParagraph(w, { type: 'element', tagName: 'p', properties: {}, children: own });
    if (hasText(read.children)) w.pieces.push({ kind: 'item', ordered, list: id, depth, index, children: read.children, para: read.para, notes: read.notes });
    pushImages(w, read.images, read.para);
    for (const block of li.children.filter((c) => !isInline(c))) {
      if (isElement(block, 'ol') || isElement(block, 'ul')) onList(w, block, depth + 1);
      else walk(w, [block]);
    }
  }
}

function walk(w: Walk, nodes: (RootContent | ElementContent)[]): void {
  let inline: ElementContent[] = [];
  const flush = () => {
    if (inline.length > 0) onStrayText(w, inline);
    inline = [];
  };
  for (const n of nodes) {
    if (isInline(n)) {
      inline.push(n as ElementContent);
      continue;
    }
    flush();
    if (!isElement(n)) continue;
    const heading = /^h([1-6])$/.exec(n.tagName);
    if (heading) {
      const para = takeMark(n) ?? w.lastPara;
      w.lastPara = para;
      const text = toText(n).replace(/[ \t\r\n]+/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''); // a full-width space between names stays
      if (text) w.pieces.push({ kind: 'heading', level: Number(heading[1]), text, para });
    } else if (n.tagName === 'p') onParagraph(w, n);
    else if (n.tagName === 'table') {
      const rows = cellsOf(n);
      if (rows.length) w.pieces.push({ kind: 'table', rows, para: rows[0]?.[0]?.para ?? w.lastPara });
    } else if (isFootnoteList(n)) continue;
    else if (n.tagName === 'ol' || n.tagName === 'ul') onList(w, n, 0);
    else walk(w, n.children);
  }
  flush();
}

/** Reads mammoth's HTML into pieces; text found outside any paragraph is told in `notes`. */
export function htmlToPieces(html: string, notes: NoteList): Piece[] {
  const tree: HastRoot = fromHtml(html, { fragment: true });
  const lists = tree.children.filter((c): c is Element => isElement(c) && isFootnoteList(c));
  const footnotes = new Map<string, string>();
  for (const l of lists) for (const [k, v] of readFootnotes(l)) footnotes.set(k, v);
  const w: Walk = { pieces: [], footnotes, counter: { n: 0 }, lastPara: 0, lists: 0, notes };
  walk(w, tree.children);
  return w.pieces;
}
