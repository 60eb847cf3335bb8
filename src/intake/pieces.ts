/**
 * mammoth's HTML → a flat list of pieces in reading order: headings,
 * paragraphs (as mdast phrasing, via hast-util-to-mdast), images and
 * tables, each with the number of the Word paragraph it came from.
 * Soft line breaks are joined, indentation dropped, footnotes turned into
 * ① marks with their notes kept beside the paragraph.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { MARK_OPEN, PARAGRAPH_MARK } from './docx.ts';

export type Piece =
  | { kind: 'heading'; level: number; text: string; para: number }
  | { kind: 'para'; children: PhrasingContent[]; para: number; notes: string[] }
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

interface Walk { pieces: Piece[]; footnotes: Map<string, string>; counter: { n: number }; lastPara: number }

function onParagraph(w: Walk, p: Element): void {
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
  const children = phrasing(p, w.footnotes, notes, w.counter);
  if (toString({ type: 'paragraph', children }).trim() !== '') w.pieces.push({ kind: 'para', children, para, notes });
  for (const img of images) w.pieces.push({ kind: 'image', src: String(img.properties.src ?? ''), alt: String(img.properties.alt ?? '').trim(), para });
}

function walk(w: Walk, nodes: (RootContent | ElementContent)[]): void {
  for (const n of nodes) {
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
    } else if (!isFootnoteList(n)) walk(w, n.children);
  }
}

/** Reads mammoth's HTML into pieces. */
export function htmlToPieces(html: string): Piece[] {
  const tree: HastRoot = fromHtml(html, { fragment: true });
  const lists = tree.children.filter((c): c is Element => isElement(c) && isFootnoteList(c));
  const footnotes = new Map<string, string>();
  for (const l of lists) for (const [k, v] of readFootnotes(l)) footnotes.set(k, v);
  const w: Walk = { pieces: [], footnotes, counter: { n: 0 }, lastPara: 0 };
  walk(w, tree.children);
  return w.pieces;
}
