/**
 * Pieces → the manuscript's mdast: chapters and sections from Word's heading
 * styles and from numbered or bold stand-alone lines (一、 （一）), entries
 * from 【标题】 and bold run-in titles, figures with caption and credit,
 * tables with ::caption, footnotes as 注 paragraphs. Every guess that an
 * editor should see becomes a note with its paragraph number.
 */
import type { Heading, Image, List, ListItem, Paragraph, PhrasingContent, RootContent, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type NoteList, paragraphPlace } from './notes.ts';
import { normalizeInto, normalizePhrasing } from './normalize.ts';
import type { Piece } from './pieces.ts';
import { captionedTable, type TableSource } from './table.ts';

export interface Placeholder { paragraph: number; what: string; src: string }

export interface StructureInput {
  pieces: Piece[];
  notes: NoteList;
  /** The name for a chapter the submission lacks: the unit, from the file name. */
  fallbackTitle: string;
  /** True when the submission goes under a part named by --part: its top heading is then a chapter. */
  underPart: boolean;
  placeholders: Placeholder[];
}

export interface Structured {
  /** The submission's own part title (its one top heading), when it is not going under --part. */
  partTitle: string | undefined;
  content: RootContent[];
}

const SHORT = 40;
const NUMBERED_1 = /^[一二三四五六七八九十百]+、/;
const NUMBERED_2 = /^[（(][一二三四五六七八九十百]+[）)]/;
const ENTRY = /^【([^【】]+)】\s*/;
const CREDIT_LINE = /^[（(][^（）()]{1,40}[）)]$/;
const CREDIT_TAIL = /[（(]([^（）()]{1,40}?(?:提供|摄|供图|供稿))[）)]$/;
const SENTENCE_END = /[。；！？]$/;

/** A heading rank: Word's heading levels 1–6, then 一、 (7), （一） (8), bold lines (9). */
function headingRank(p: Extract<Piece, { kind: 'para' }>): number | undefined {
  const text = toString({ type: 'paragraph', children: p.children }).trim();
  if (text.length > SHORT || SENTENCE_END.test(text) || text.includes('。')) return undefined;
  if (NUMBERED_1.test(text)) return 7;
  if (NUMBERED_2.test(text)) return 8;
  const allBold = p.children.length > 0 && p.children.every((c) => c.type === 'strong' || (c.type === 'text' && c.value.trim() === ''));
  return allBold && !CREDIT_LINE.test(text) ? 9 : undefined;
}

/** A bold run-in title: the paragraph opens with bold text, more follows. */
function runInTitle(p: Extract<Piece, { kind: 'para' }>): { title: string; rest: PhrasingContent[] } | undefined {
  const [first, ...rest] = p.children;
  if (first?.type !== 'strong' || rest.length === 0) return undefined;
  const title = toString(first as Strong).replace(/[\s\u3000：:。．.]+$/, '').trim();
  if (!title || title.length > 30 || toString({ type: 'paragraph', children: rest }).trim() === '') return undefined;
  return { title: title.replace(/^【|】$/g, ''), rest };
}

type Classified =
  | { kind: 'heading'; rank: number; text: string; para: number }
  | { kind: 'entry'; title: string; rest: PhrasingContent[]; para: number; notes: string[] }
  | Exclude<Piece, { kind: 'heading' }>;

function classify(pieces: Piece[]): Classified[] {
  return pieces.map((p): Classified => {
    if (p.kind === 'heading') return { kind: 'heading', rank: p.level, text: p.text, para: p.para };
    if (p.kind !== 'para') return p;
    const text = toString({ type: 'paragraph', children: p.children }).trim();
    const entry = ENTRY.exec(text);
    if (entry) return { kind: 'entry', title: entry[1]!.trim(), rest: stripPrefix(p.children, entry[0].length), para: p.para, notes: p.notes };
    const runIn = runInTitle(p);
    if (runIn) return { kind: 'entry', title: runIn.title, rest: runIn.rest, para: p.para, notes: p.notes };
    const rank = headingRank(p);
    return rank ? { kind: 'heading', rank, text, para: p.para } : p;
  });
}

/** The phrasing with its first `n` characters of text removed. */
function stripPrefix(children: PhrasingContent[], n: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let left = n;
  for (const c of children) {
    if (left <= 0) { out.push(c); continue; }
    const len = toString(c).length;
    if (len <= left) { left -= len; continue; }
    if (c.type === 'text') out.push({ ...c, value: c.value.slice(left) });
    else if ('children' in c) out.push({ ...c, children: stripPrefix(c.children as PhrasingContent[], left) } as PhrasingContent);
    left = 0;
  }
  return out;
}

/** The phrasing without the spaces, full-width spaces and tabs it opens with (after a run-in title). */
function trimStart(list: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = list;
  if (first?.type !== 'text') return list;
  const value = first.value.replace(/^[\s\u3000]+/, '');
  return value ? [{ ...first, value }, ...rest] : trimStart(rest);
}

interface Emit {
  input: StructureInput;
  out: RootContent[];
  depthOf: Map<number, number>;
  depth: number;
  hasChapter: boolean;
  /** The Markdown lists written, each with the Word list it came from. */
  lists: Map<List, number>;
}

function heading(e: Emit, text: string, wanted: number, para: number): void {
  // Never skip a level (heading-level-skipped): a section before any chapter becomes a chapter.
  const depth = Math.min(wanted, e.depth + 1, 4);
  if (depth < wanted) e.input.notes.warn('heading-level', paragraphPlace(para), `标题“${text}”前没有上一级标题，已升为${depth === 2 ? '章' : '上一级'}。请核对层级。`);
  e.depth = depth;
  if (depth === 2) e.hasChapter = true;
  e.out.push({ type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value: normalizeInto(text, para, e.input.notes) }] });
}

function ensureChapter(e: Emit, para: number, why: string): void {
  if (e.hasChapter) return;
  e.input.notes.warn('chapter-added', paragraphPlace(para), `${why}不在任何章之下，已加一章“${e.input.fallbackTitle}”。请改为合适的章名。`);
  heading(e, e.input.fallbackTitle, 2, para);
}

function paragraphWithNotes(e: Emit, children: PhrasingContent[], notes: string[], para: number): void {
  e.out.push({ type: 'paragraph', children: normalizePhrasing(children, para, e.input.notes) }, ...noteParagraphs(e, notes, para));
}

/** A paragraph's footnotes as 注 paragraphs to follow it. */
function noteParagraphs(e: Emit, notes: string[], para: number): Paragraph[] {
  return notes.map((note) => {
    e.input.notes.info('footnote', paragraphPlace(para), `脚注已改为段后的注文“注：${note.slice(0, 20)}……”，正文中以 ${note[0]} 标出。`);
    return { type: 'paragraph', children: [{ type: 'text', value: normalizeInto(`注：${note}`, para, e.input.notes) }] };
  });
}

type Item = Extract<Piece, { kind: 'item' }>;

/** The list `item` continues: the one just written, when it came from the same Word list. */
function openList(e: Emit, item: Item): List | undefined {
  const last = e.out.at(-1);
  return last?.type === 'list' && e.lists.get(last) === item.list ? last : undefined;
}

/**
 * A Word list item. The outer level is a Markdown list item (numbered: `1.`,
 * bullets: `-`). Lists are one level in the manuscript (docs/manuscript-format.md),
 * so an inner item becomes a paragraph of the item above it, its number typed
 * as （1）, and the report says so.
 */
function listItem(e: Emit, item: Item): void {
  const paragraph: Paragraph = { type: 'paragraph', children: normalizePhrasing(item.children, item.para, e.input.notes) };
  const outer = e.out.at(-1);
  const above = outer?.type === 'list' && e.lists.has(outer) ? outer.children.at(-1) : undefined;
  let into: ListItem;
  if (item.depth > 0 && above) {
    if (item.ordered) paragraph.children.unshift({ type: 'text', value: `（${item.index}）` });
    above.children.push(paragraph);
    into = above;
    e.input.notes.info('list-nested', paragraphPlace(item.para), `第 ${item.depth + 1} 级列表项已作为上一项下的段落导入${item.ordered ? `，编号写成“（${item.index}）”` : ''}：书稿中的列表只有一级。请核对。`);
  } else {
    into = { type: 'listItem', spread: false, children: [paragraph] };
    (openList(e, item) ?? newList(e, item)).children.push(into);
  }
  // Footnotes stay in the item, so that a numbered list goes on counting after them.
  into.children.push(...noteParagraphs(e, item.notes, item.para));
  // One paragraph a line: without a blank line between them, the next would run on into the first.
  if (into.children.length > 1) into.spread = true;
}

function newList(e: Emit, item: Item): List {
  const list: List = { type: 'list', ordered: item.ordered, start: item.ordered ? 1 : null, spread: false, children: [] };
  e.lists.set(list, item.list);
  e.out.push(list);
  return list;
}

function figure(e: Emit, src: string, caption: string, credit: string, para: number): void {
  const image: Image = { type: 'image', url: src, alt: normalizeInto(caption, para, e.input.notes), ...(credit ? { title: credit } : {}) };
  if (!caption) e.input.notes.warn('figure-caption', paragraphPlace(para), `图片 ${src} 没有图注（图后一段或图片的替代文字）。请补上。`);
  if (!credit) e.input.notes.warn('figure-credit', paragraphPlace(para), `图片 ${src} 没有署名（“（某某提供）”或“（某某摄）”）。请补上。`);
  e.out.push({ type: 'paragraph', children: [image] } satisfies Paragraph);
}

/** The caption of the image at `i`: the next paragraph when it is short, else the alt text. Returns how many pieces it used. */
function imageCaption(list: Classified[], i: number): { caption: string; credit: string; used: number } {
  const img = list[i] as Extract<Piece, { kind: 'image' }>;
  const next = list[i + 1];
  let caption = img.alt;
  let used = 0;
  if (next?.kind === 'para') {
    const text = toString({ type: 'paragraph', children: next.children }).trim();
    if (text.length <= 80 && !text.includes('。')) { caption = text; used = 1; }
  }
  const credit = CREDIT_TAIL.exec(caption);
  if (credit) return { caption: caption.slice(0, credit.index).trim(), credit: credit[1]!, used };
  return { caption, credit: '', used };
}

/** A title line before a table (and a 单位 line) become its ::caption. */
function tableCaption(list: Classified[], i: number): { caption: string; consumed: number[] } {
  const title = (k: number) => {
    const p = list[k];
    if (p?.kind !== 'para' && p?.kind !== 'heading') return undefined;
    const text = p.kind === 'para' ? toString({ type: 'paragraph', children: p.children }).trim() : p.text;
    return text.length <= 50 && !SENTENCE_END.test(text) ? text : undefined;
  };
  const unitLine = (t: string | undefined) => t !== undefined && /^[（(]?单位[：:]/.test(t);
  const before = title(i - 1);
  if (unitLine(before)) {
    const head = title(i - 2);
    const unit = before!.replace(/^[（(]|[）)]$/g, '');
    return head && /表/.test(head) ? { caption: `${head}（${unit}）`, consumed: [i - 2, i - 1] } : { caption: '', consumed: [] };
  }
  return before && /表/.test(before) && list[i - 1]?.kind === 'para' ? { caption: before, consumed: [i - 1] } : { caption: '', consumed: [] };
}

function emitAll(e: Emit, list: Classified[]): void {
  const skip = new Set<number>();
  list.forEach((p, i) => { if (p.kind === 'table') for (const k of tableCaption(list, i).consumed) skip.add(k); });
  const pending = [...e.input.placeholders].sort((a, b) => a.paragraph - b.paragraph);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    while (pending.length && pending[0]!.paragraph < p.para) placeholder(e, pending.shift()!);
    if (skip.has(i)) continue;
    switch (p.kind) {
      case 'heading': heading(e, p.text, e.depthOf.get(p.rank) ?? 4, p.para); break;
      case 'entry':
        ensureChapter(e, p.para, `条目【${p.title}】`);
        paragraphWithNotes(e, [{ type: 'text', value: `【${normalizeInto(p.title, p.para, e.input.notes)}】` }, ...trimStart(p.rest)], p.notes, p.para);
        break;
      case 'para': paragraphWithNotes(e, p.children, p.notes, p.para); break;
      case 'item': listItem(e, p); break;
      case 'image': {
        const c = imageCaption(list, i);
        figure(e, p.src, c.caption, c.credit, p.para);
        i += c.used;
        break;
      }
      case 'table': {
        const caption = tableCaption(list, i).caption;
        const source: TableSource = { rows: p.rows, place: (r, c) => `${paragraphPlace(p.rows[r]?.[0]?.para ?? p.para)}（表格第 ${r + 1} 行第 ${c + 1} 列）` };
        if (!caption) e.input.notes.info('table-caption', paragraphPlace(p.para), '表格前没有表题（含“表”字的一行），没有加 ::caption。请补上表题。');
        e.out.push(...captionedTable(source, e.input.notes, caption ? normalizeInto(caption, p.para, e.input.notes) : undefined));
        break;
      }
    }
  }
  for (const rest of pending) placeholder(e, rest);
}

function placeholder(e: Emit, p: Placeholder): void {
  figure(e, p.src, `〔此处原有${p.what}，待补〕`, '待补', p.paragraph);
}

/** The manuscript content of one Word submission. */
export function structure(input: StructureInput): Structured {
  let list = classify(input.pieces);
  let partTitle: string | undefined;
  const ranks = list.filter((p) => p.kind === 'heading').map((p) => (p as { rank: number }).rank);
  const top = Math.min(...ranks);
  const first = list[0];
  // The one top heading that opens the file, with headings below it, is the unit's title: the part's.
  if (!input.underPart && first?.kind === 'heading' && first.rank === top && ranks.filter((r) => r === top).length === 1 && ranks.some((r) => r > top)) {
    partTitle = normalizeInto(first.text, first.para, input.notes);
    list = list.slice(1);
  }
  const distinct = [...new Set(list.filter((p) => p.kind === 'heading').map((p) => (p as { rank: number }).rank))].sort((a, b) => a - b);
  const depthOf = new Map(distinct.map((r, i) => [r, Math.min(2 + i, 4)]));
  const e: Emit = { input, out: [], depthOf, depth: 1, hasChapter: false, lists: new Map() };
  const structured = list.some((p) => p.kind === 'heading' || p.kind === 'entry');
  if (!structured && list.length > 0) {
    input.notes.warn('no-structure', '', `没有认出任何标题或条目（Word 标题样式、“一、”“（一）”、加粗标题或【】条目），全文已作为一章“${input.fallbackTitle}”下的普通段落导入。请补上章节与条目标题。`);
    heading(e, input.fallbackTitle, 2, list[0]!.para);
  }
  emitAll(e, list);
  return { partTitle, content: e.out };
}
