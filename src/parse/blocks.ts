/**
 * mdast block content → model blocks: paragraphs, figures, galleries,
 * tables, name lists, credits. Structure (parts, chapters, entries) is
 * decided in structure.ts.
 */
import { posix } from 'node:path';
import type { Image, Paragraph as MdParagraph, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { report } from '../diagnostics/index.ts';
import { misnestedQuoteAt, normalizeText } from '../cjk/index.ts';
import { type Block, type Figure, type Gallery, type Inline, inlineText, type NameList, type Paragraph } from '../model/index.ts';
import { codeAsText, footnoteAsText, headingAsText, sourceAsText } from './as-text.ts';
import { checkAttributes, directiveName } from './attributes.ts';
import { isComment, opensComment, printedText, queryNode, rawText, toInlines } from './inline.ts';
import { type ParseState, sourceOf } from './state.ts';
import { table } from './table.ts';

/** A paragraph that is only a credit: （区委组织部提供）, （王文振）. */
const CREDIT = /^[（(]([^（）()]{1,40})[）)]$/;

/** A paragraph set as a credit line (its text only, never a note: notes.ts). */
export const isCreditParagraph = (node: MdParagraph): boolean => CREDIT.test(rawText(node.children).trim());

export function isImageParagraph(node: MdParagraph): boolean {
  const content = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return content.length > 0 && content.every((c) => c.type === 'image');
}

/** A %-escape, as Markdown converters write a path's Chinese characters and spaces (照片/%E6%B2%B3%E8%A5%BF.jpg). */
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * The manuscript file an image's path names: the path as written, or, where
 * only that names a file, the path with its %-escapes decoded (a Markdown
 * link is a URL, and converters write one so; a file whose name has a % of
 * its own is still found as written).
 */
function imageFile(state: ParseState, src: string): string {
  const written = posix.normalize(src);
  if (!PERCENT_ESCAPE.test(src) || state.assets(written).status !== 'missing') return written;
  let decoded: string;
  try {
    decoded = posix.normalize(decodeURIComponent(src));
  } catch {
    return written; // a % that escapes nothing: the path is what was written
  }
  return state.assets(decoded).status === 'missing' ? written : decoded;
}

/** Checks an image path against the manuscript folder and reports what is wrong with it; gives the file it names. */
export function checkImage(state: ParseState, src: string, node: { position?: import('../units/index.ts').Position | undefined }): string {
  const file = imageFile(state, src);
  const isOutside = posix.isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file) || file.startsWith('..');
  const found = isOutside ? ({ status: 'outside' } as const) : state.assets(file);
  if (found.status === 'missing') report(state.file, node, 'figure-file-missing', { src, ...(found.like ? { like: found.like } : {}) });
  else if (found.status === 'outside') report(state.file, node, 'figure-outside-manuscript', { src });
  else if (found.status === 'unreadable') report(state.file, node, 'figure-unreadable', { src, reason: found.reason });
  else if (found.status === 'not-a-file') report(state.file, node, 'figure-not-a-file', { src, kind: found.kind });
  return found.status === 'ok' && found.file !== undefined ? found.file : file;
}

function figureFromImage(state: ParseState, image: Image): Figure {
  const src = checkImage(state, image.url, image);
  const caption = image.alt ?? '';
  if (caption.trim() === '') report(state.file, image, 'figure-caption-missing', { src: image.url });
  const credit = image.title?.trim() ?? '';
  if (credit === '') report(state.file, image, 'figure-credit-missing', { src: image.url });
  const captionNode: PhrasingContent = { type: 'text', value: caption, ...(image.position ? { position: image.position } : {}) };
  return {
    type: 'figure', id: state.nextId('fig'), src, caption: toInlines(state, [captionNode]),
    credit, width: 'column', placement: 'here', source: state.source(image),
  };
}

const WIDTHS = ['column', 'page'] as const;
const PLACEMENTS = ['here', 'top', 'bottom'] as const;

function pick<T extends string>(state: ParseState, node: LeafDirective, attr: string, allowed: readonly T[], fallback: T): T {
  const value = node.attributes?.[attr];
  if (value === undefined || value === null) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  report(state.file, node, 'directive-attribute-invalid', { name: '::figure', attribute: attr, value, expected: allowed.join(' 或 ') });
  return fallback;
}

/** ::figure[图注]{src="photos/a.jpg" credit="某某提供" width="page" place="top"} */
function figureDirective(state: ParseState, node: LeafDirective): Figure | null {
  const src = node.attributes?.src ?? '';
  if (src === '') {
    report(state.file, node, 'directive-attribute-invalid', { name: '::figure', attribute: 'src', value: '', expected: '图片路径' });
    return null;
  }
  const image: Image = {
    type: 'image', url: src, alt: printedText(state, node.children as PhrasingContent[]), title: node.attributes?.credit ?? null,
    ...(node.position ? { position: node.position } : {}),
  };
  return { ...figureFromImage(state, image), width: pick(state, node, 'width', WIDTHS, 'column'), placement: pick(state, node, 'place', PLACEMENTS, 'here') };
}

function gallery(state: ParseState, node: ContainerDirective): Gallery | null {
  const title = node.attributes?.title?.trim() ?? '';
  if (title === '') report(state.file, node, 'gallery-title-missing');
  let mistyped = false;
  const figures = node.children.flatMap((child) => {
    if (child.type === 'paragraph' && isImageParagraph(child)) {
      return child.children.filter((c): c is Image => c.type === 'image').map((img) => figureFromImage(state, img));
    }
    if (child.type === 'leafDirective' && child.name === 'figure') {
      checkAttributes(state, child);
      return figureDirective(state, child) ?? [];
    }
    // A photo typed so that CommonMark does not take it is told as such, not as text where only photos may stand.
    if (child.type === 'paragraph' && checkImageTyped(state, child)) mistyped = true;
    else report(state.file, child, 'directive-misplaced', { name: '文字', where: '图片组中只能放图片' });
    return [];
  });
  if (figures.length === 0 && !mistyped) report(state.file, node, 'gallery-empty');
  return { type: 'gallery', id: state.nextId('gallery'), title, figures, source: state.source(node) };
}

/** A name of one hanzi (with its （女）): Chinese personal names have two or more, so a space split it (韩洪 涛, from a scan). */
const ONE_HANZI_NAME = /^\p{Script=Han}(?:[（(][^）)]*[）)])*$/u;

/** :::names{title="…"}: the title is set as a line of its own above the grid of names. */
function nameList(state: ParseState, node: ContainerDirective): Block[] {
  const text = node.children.map((c) => ('children' in c ? printedText(state, c.children as PhrasingContent[]) : '')).join(' ');
  const names = text.split(/[\s\u3000、，,]+/).filter(Boolean);
  names.forEach((name, i) => {
    if (i > 0 && ONE_HANZI_NAME.test(name)) report(state.file, node.children[0] ?? node, 'name-split', { name, before: names[i - 1]! });
    if (noteTwice(name) !== undefined) report(state.file, node.children[0] ?? node, 'text-repeated', { excerpt: name });
  });
  const title = node.attributes?.title?.trim();
  const list: NameList = { type: 'nameList', names, source: state.source(node) };
  if (!title) return [list];
  const heading: Inline = { type: 'strong', children: [{ type: 'text', value: normalizeText(title).text, source: state.source(node) }], source: state.source(node) };
  return [{ type: 'paragraph', children: [heading], source: state.source(node) }, list];
}

/** Reads one paragraph: figures, a credit line, or text. */
function paragraph(state: ParseState, node: MdParagraph): Block[] {
  if (isImageParagraph(node)) {
    return node.children.filter((c): c is Image => c.type === 'image').map((img) => figureFromImage(state, img));
  }
  // Set as printed: an editor's comment in it is not.
  const credit = isCreditParagraph(node) ? CREDIT.exec(printedText(state, node.children).trim()) : null;
  if (credit) return [{ type: 'credit', text: credit[1]!.trim().replace(/\s+/g, '\u3000'), source: state.source(node) }];
  const children = toInlines(state, node.children);
  checkDirectiveAlone(state, node);
  checkImageTyped(state, node);
  checkParagraph(state, node, children);
  return [{ type: 'paragraph', children, source: state.source(node) }];
}

/**
 * `::figure[…]{…}。`: a block directive with text after it on its line (a
 * full stop typed out of habit) is no directive to CommonMark but a
 * paragraph, printed as typed, its photo or table title lost.
 */
function checkDirectiveAlone(state: ParseState, node: MdParagraph): void {
  const first = node.children[0];
  if (first?.type !== 'text') return;
  const name = BLOCK_DIRECTIVES.find((d) => first.value.startsWith(`${d}[`) || first.value.startsWith(`${d}{`));
  if (name) report(state.file, node, 'directive-not-alone', { name });
}

/**
 * Whether `text` holds `![图注](` or `![图注][`, or that with a full-width ！ or （: an
 * image's opening as an editor types it. A scan, not a regular expression:
 * one would try each `![` to the line's end (recheck: polynomial).
 */
function hasImageOpening(text: string): boolean {
  let opened = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' && (text[i - 1] === '!' || text[i - 1] === '！')) opened = true;
    else if (c === '\n') opened = false;
    else if (c === ']') {
      if (opened && (text[i + 1] === '(' || text[i + 1] === '（' || text[i + 1] === '[')) return true;
      opened = false;
    }
  }
  return false;
}

/** A path that names a photo file (io lists the same kinds). */
const PHOTO_PATH = /\.(?:jpe?g|png|tiff?|webp|gif|heic|heif|avif|svg|bmp)(?:[?#]|$)/i;

/** What follows the first image opening's `](` in `text`: the path and the title as typed. */
function afterOpening(text: string): string {
  const start = text.search(/\][(（]/);
  return start < 0 ? '' : text.slice(start + 2);
}

/** The path of the first image opening in `text`, as typed: up to the title or the closing bracket. */
function typedPath(text: string): string {
  const rest = afterOpening(text);
  const end = rest.search(/[)）"“'‘]/);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/**
 * `![图注](photos/a b.jpg "某某提供")` with a space in its path, a title in
 * “curly quotes”, （full-width brackets） or a full-width ！ is no image to
 * CommonMark: the paragraph was printed as typed (or, for ！[…](…), as a
 * link's words) and the photo left out, with no word. What went wrong is
 * guessed from the text, for the hint. Whether it said so.
 */
function checkImageTyped(state: ParseState, node: MdParagraph): boolean {
  // A link to a photo is taken for an image only when it stands alone (after a ！ at most): 见[附图](photos/a.jpg) in a sentence is a link, its words set.
  const content = node.children.filter((c) => !(c.type === 'text' && /^[\s!！]*$/.test(c.value)));
  const lone = content.length === 1 && content[0]!.type === 'link' && PHOTO_PATH.test(content[0]!.url);
  const typed = lone ? content[0] : node.children.find((c) => c.type === 'text' && hasImageOpening(c.value));
  if (!typed) return false;
  const text = sourceOf(state, node);
  const why = [
    /！\[|\]（/.test(text) ? '用了全角的“！”或括号“（）”' : '',
    /[“”‘’]/.test(afterOpening(text)) ? '署名用了中文引号' : '',
    typed.type === 'link' && !/[!！]\[/.test(text) ? '方括号前少了 !' : '',
    /\s/.test(typedPath(text)) ? '路径中有空格' : '',
    /\]\[/.test(text) && !/\][(（]/.test(text) ? '引用式图片的定义“[标签]: 路径”在本文件中找不到' : '',
  ].filter((w) => w !== '');
  report(state.file, node, 'figure-syntax-broken', { why: why.length > 0 ? why.join('，') : '写法不合规则' });
  return true;
}

/**
 * R-NORM-2 over the paragraph as printed: quotes typed curly (or converted
 * by another tool) are never paired by normalizeText, so a “ ” where ‘ ’ was
 * meant, or a mark left open, is found here, with the words around it.
 */
function checkQuotes(state: ParseState, node: MdParagraph, children: readonly Inline[]): void {
  const raw = rawText(node.children);
  // Every printed quote comes from one typed (most paragraphs have none); straight ones unpaired are already reported.
  if (!/["'“”‘’]/.test(raw) || (/["']/.test(raw) && !normalizeText(raw).quotesBalanced)) return;
  const text = inlineText(children);
  const at = misnestedQuoteAt(text);
  if (at === undefined) return;
  const mark = at < text.length ? `【${text[at]}】` : '【段末缺后引号】';
  // Twelve characters before and eight after, counted in code points (a hanzi outside the BMP is never cut in two).
  const before = [...text.slice(Math.max(0, at - 24), at)].slice(-12).join('');
  const after = [...text.slice(at + 1, at + 20)].slice(0, 8).join('');
  report(state.file, node, 'quotes-misnested', { excerpt: `……${before}${mark}${after}……` });
}

/** The shortest sentence whose doubling is reported: shorter ones repeat on purpose (好。好。). */
const SHORTEST_REPEATED_SENTENCE = 6;

/**
 * A sentence, or a note in brackets, typed twice in a row: text pasted twice
 * from a unit's Word file (the sample has 组织开展“五美”宣讲优秀志愿宣讲员推选活动。
 * twice, and 曹明丽（女）（女）). Said with the words, never changed: the
 * editor decides which stays.
 */
function checkRepeats(state: ParseState, node: MdParagraph, text: string): void {
  const sentences = sentencesOf(text);
  const sentence = sentences.find((x, i) => i > 0 && x.trim() === sentences[i - 1]!.trim() && [...x.trim()].length >= SHORTEST_REPEATED_SENTENCE);
  const twice = sentence?.trim() ?? noteTwice(text);
  // Twenty characters of a long sentence name it well enough.
  if (twice !== undefined) report(state.file, node, 'text-repeated', { excerpt: [...twice].length > 24 ? `${[...twice].slice(0, 20).join('')}……` : twice });
}

/** The sentences of `text` that end in 。！？ (a scan, not a regular expression: one would try each start to the end in a text without a stop). */
function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '。' || c === '！' || c === '？') {
      sentences.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  return sentences;
}

/** A note in brackets typed twice in a row (（女）（女）), or undefined. */
const noteTwice = (text: string) => /(（[^（）]{1,12}）)\1/.exec(text)?.[1];

/** A paragraph this long is almost always a lost paragraph break. */
export const LONG_PARAGRAPH_CHARS = 5000;

/** The checks of a paragraph's text as a whole (an entry's lead, a chronicle item, a plain paragraph): its length, its quotes, text typed twice. */
export function checkParagraph(state: ParseState, node: MdParagraph, children: readonly Inline[]): void {
  const length = children.reduce((n, c) => n + (c.type === 'text' ? c.value.length : 0), 0);
  if (length > LONG_PARAGRAPH_CHARS) report(state.file, node, 'paragraph-too-long', { length });
  checkQuotes(state, node, children);
  // The printed text once, for the checks that read it whole.
  const text = inlineText(children);
  checkRepeats(state, node, text);
  checkNoteLabels(state, node, text);
  checkNumbersApart(state, node, text);
}

/**
 * Two numbers with only a space between them after a hanzi or a Chinese mark (之比约为2.46 1):
 * text copied out of a PDF or a scan loses the sign between them (∶, ×).
 * A phone number in groups (022 28331234, more than six digits) and digit
 * groups of three (10 000) are typed so on purpose.
 */
const NUMBERS_APART = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef](\d+(?:\.\d+)?) (\d+(?:\.\d+)?)(?![\d.])/gu;

const isTypedSo = (a: string, b: string) => (a + b).replace(/\./g, '').length > 6 || (/^\d{1,3}$/.test(a) && /^\d{3}$/.test(b));

function checkNumbersApart(state: ParseState, node: MdParagraph, text: string): void {
  if (!text.includes(' ')) return;
  for (const [, a, b] of text.matchAll(NUMBERS_APART)) {
    if (isTypedSo(a!, b!)) continue;
    report(state.file, node, 'numbers-apart', { excerpt: `${a} ${b}` });
    return;
  }
}

/** `[^9]` left as text: a note mark whose note was never written (GFM makes a reference only of a defined label), printed as typed. */
function checkNoteLabels(state: ParseState, node: MdParagraph, text: string): void {
  const at = text.indexOf('[^');
  if (at === -1) return;
  const close = text.indexOf(']', at + 2);
  const label = close === -1 ? '' : text.slice(at + 2, close);
  if (label !== '' && !/[\s[\]]/.test(label)) report(state.file, node, 'footnote-undefined', { label });
}

export const BLOCK_DIRECTIVES = ['::figure', '::caption', '::byline', '::subtitle', '::dateline', ':::gallery', ':::names', ':::query', ':::note'];

/** :::query{to="区统计局"} … ::: asks a unit; :::note … ::: is an editor's note. Neither is ever printed (issue 23). */
function queryBlock(state: ParseState, node: ContainerDirective): Block[] {
  const text = normalizeText(node.children.map((c) => ('children' in c ? rawText(c.children as PhrasingContent[]) : '')).join('\n')).text.trim();
  if (node.name === 'note') return [{ type: 'note', text, source: state.source(node) }];
  if (text === '') report(state.file, node, 'query-empty', { name: ':::query' });
  return [queryNode(state, node, 'question', text)];
}

/** Converts block content; `::caption` applies to the table that follows it. */
export function toBlocks(state: ParseState, nodes: readonly RootContent[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'leafDirective' && node.name === 'caption') {
      checkAttributes(state, node);
      const caption = toInlines(state, node.children as PhrasingContent[]);
      const next = nodes[i + 1];
      if (next?.type === 'table') {
        out.push(table(state, next, caption, node));
        i++;
      } else {
        report(state.file, node, 'caption-without-table');
        out.push({ type: 'paragraph', children: caption, source: state.source(node) });
      }
      continue;
    }
    out.push(...block(state, node));
  }
  return out;
}

/**
 * The blocks of a list item or a text page of the front matter, as
 * paragraphs: a nested list is flattened into them, a credit or a name list
 * becomes a line of text; a figure or table cannot stand there and is
 * reported (`where`), not dropped unseen.
 */
export function asParagraphs(blocks: readonly Block[], misplaced: (b: Block) => void): Paragraph[] {
  return blocks.flatMap((b): Paragraph[] => {
    switch (b.type) {
      case 'paragraph': return [b];
      case 'list': return b.items.flatMap((item, i) => numbered(b.ordered ? i + 1 : undefined, item));
      case 'credit': return [{ type: 'paragraph', children: [{ type: 'text', value: `（${b.text}）`, source: b.source }], source: b.source }];
      case 'nameList': return [{ type: 'paragraph', children: [{ type: 'text', value: b.names.join('\u3000'), source: b.source }], source: b.source }];
      case 'chronicleItem': return [{ type: 'paragraph', children: [{ type: 'text', value: `${b.date}\u3000`, source: b.source }, ...b.children], source: b.source }];
      default:
        misplaced(b);
        return [];
    }
  });
}

/** The paragraphs of one list item, the first led by its number when the list is ordered. */
function numbered(n: number | undefined, item: readonly Paragraph[]): Paragraph[] {
  if (n === undefined || item.length === 0) return [...item];
  const [first, ...rest] = item as [Paragraph, ...Paragraph[]];
  return [{ ...first, children: [{ type: 'text', value: `${n}.`, source: first.source }, ...first.children] }, ...rest];
}

const BLOCK_NAMES: Partial<Record<Block['type'], string>> = { figure: '图片', gallery: '图片组', table: '表格' };

function listItem(state: ParseState, children: readonly RootContent[]): Paragraph[] {
  // A list in a list is set as paragraphs of the one level, its numbers typed in its items' text (1. 1. 1. 2.).
  for (const nested of children.filter((c) => c.type === 'list')) report(state.file, nested, 'list-nested');
  return asParagraphs(toBlocks(state, children), (b) =>
    report(state.file, b.source.position, 'directive-misplaced', { name: BLOCK_NAMES[b.type] ?? b.type, where: '列表项中只能放文字' }));
}

/** True when a container directive's last line is its closing `:::` (micromark runs an unclosed one to the end of its parent). */
function isClosed(state: ParseState, node: ContainerDirective): boolean {
  const last = sourceOf(state, node).split('\n').at(-1)!.trim();
  return /^:{3,}$/.test(last);
}

function container(state: ParseState, node: ContainerDirective): Block[] | undefined {
  checkAttributes(state, node);
  const closed = isClosed(state, node);
  if (!closed) report(state.file, node, 'directive-unclosed', { name: directiveName(node), what: node.name === 'gallery' ? '最后一张图片' : node.name === 'names' ? '最后一个名字' : '最后一行文字' });
  if (node.name === 'gallery') return [gallery(state, node)].filter((g): g is Gallery => g !== null);
  if (node.name === 'names') return nameList(state, node);
  if (node.name === 'query' || node.name === 'note') return queryBlock(state, node);
  return undefined;
}

function block(state: ParseState, node: RootContent): Block[] {
  switch (node.type) {
    case 'paragraph': return paragraph(state, node);
    case 'table': return [table(state, node, undefined)];
    case 'list': return [{ type: 'list', ordered: node.ordered ?? false, source: state.source(node), items: node.children.map((item) => listItem(state, item.children)) }];
    case 'containerDirective': {
      const blocks = BLOCK_DIRECTIVES.includes(directiveName(node)) ? container(state, node) : undefined;
      if (blocks) return blocks;
      break;
    }
    case 'leafDirective':
      checkAttributes(state, node);
      if (node.name === 'figure') return [figureDirective(state, node)].filter((f): f is Figure => f !== null);
      break;
    case 'html': {
      if (opensComment(node.value) && !node.value.includes('-->')) report(state.file, node, 'comment-unclosed');
      else if (!isComment(node.value)) report(state.file, node, 'raw-html');
      return [];
    }
    case 'blockquote':
      report(state.file, node, 'blockquote-as-text');
      return toBlocks(state, node.children);
    case 'yaml': return [];
    case 'code': return codeAsText(state, node);
    // A footnote is set where it is referenced (its text travels with the reference); one never referenced stays text.
    case 'footnoteDefinition': return state.referenced.has(node.identifier) ? [] : footnoteAsText(state, node, (nodes) => toBlocks(state, nodes));
    case 'heading': return headingAsText(state, node);
    case 'thematicBreak':
      report(state.file, node, 'thematic-break');
      return [];
    default: return sourceAsText(state, node);
  }
  report(state.file, node, 'directive-unknown', { name: directiveName(node), expected: BLOCK_DIRECTIVES.join('、') });
  return [];
}
