/**
 * mdast block content → model blocks: paragraphs, figures, galleries,
 * tables, name lists, credits. Structure (parts, chapters, entries) is
 * decided in structure.ts.
 */
import { posix } from 'node:path';
import type { Image, Paragraph as MdParagraph, PhrasingContent, RootContent, Table } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { report } from '../diagnostics/index.ts';
import type { Block, CellAlign, Figure, Gallery, Inline, NameList, StatTable } from '../model/index.ts';
import { rawText, toInlines } from './inline.ts';
import type { ParseState } from './state.ts';

/** A paragraph that is only a credit: （区委组织部提供）, （王文振）. */
const CREDIT = /^[（(]([^（）()]{1,40})[）)]$/;

export function isImageParagraph(node: MdParagraph): boolean {
  const content = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return content.length > 0 && content.every((c) => c.type === 'image');
}

/** Checks an image path against the manuscript folder and reports what is wrong with it. */
export function checkImage(state: ParseState, src: string, node: { position?: import('../units/index.ts').Position | undefined }): void {
  const isOutside = posix.isAbsolute(src) || /^[A-Za-z]:[\\/]/.test(src) || posix.normalize(src).startsWith('..');
  const found = isOutside ? ({ status: 'outside' } as const) : state.assets(posix.normalize(src));
  if (found.status === 'missing') report(state.file, node, 'figure-file-missing', { src });
  else if (found.status === 'outside') report(state.file, node, 'figure-outside-manuscript', { src });
  else if (found.status === 'unreadable') report(state.file, node, 'figure-unreadable', { src, reason: found.reason });
}

function figureFromImage(state: ParseState, image: Image): Figure {
  checkImage(state, image.url, image);
  const caption = image.alt ?? '';
  if (caption.trim() === '') report(state.file, image, 'figure-caption-missing', { src: image.url });
  const credit = image.title?.trim() ?? '';
  if (credit === '') report(state.file, image, 'figure-credit-missing', { src: image.url });
  const captionNode: PhrasingContent = { type: 'text', value: caption, ...(image.position ? { position: image.position } : {}) };
  return {
    type: 'figure', id: state.nextId('fig'), src: posix.normalize(image.url), caption: toInlines(state, [captionNode]),
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
    type: 'image', url: src, alt: rawText(node.children as PhrasingContent[]), title: node.attributes?.credit ?? null,
    ...(node.position ? { position: node.position } : {}),
  };
  return { ...figureFromImage(state, image), width: pick(state, node, 'width', WIDTHS, 'column'), placement: pick(state, node, 'place', PLACEMENTS, 'here') };
}

function gallery(state: ParseState, node: ContainerDirective): Gallery | null {
  const title = node.attributes?.title?.trim() ?? '';
  if (title === '') report(state.file, node, 'gallery-title-missing');
  const figures = node.children.flatMap((child) => {
    if (child.type === 'paragraph' && isImageParagraph(child)) {
      return child.children.filter((c): c is Image => c.type === 'image').map((img) => figureFromImage(state, img));
    }
    if (child.type === 'leafDirective' && child.name === 'figure') return figureDirective(state, child) ?? [];
    report(state.file, child, 'directive-misplaced', { name: '文字', where: '图片组中只能放图片' });
    return [];
  });
  if (figures.length === 0) report(state.file, node, 'gallery-empty');
  return { type: 'gallery', id: state.nextId('gallery'), title, figures, source: state.source(node) };
}

function nameList(state: ParseState, node: ContainerDirective): NameList {
  const text = node.children.map((c) => ('children' in c ? rawText(c.children as PhrasingContent[]) : '')).join(' ');
  const names = text.split(/[\s\u3000、，,]+/).filter(Boolean);
  const title = node.attributes?.title;
  return { type: 'nameList', ...(title ? { title } : {}), names, source: state.source(node) };
}

function table(state: ParseState, node: Table, caption: Inline[] | undefined): StatTable {
  const [head, ...body] = node.children;
  const header = (head?.children ?? []).map((cell) => toInlines(state, cell.children));
  const rows = body.map((row, i) => {
    const cells = row.children.map((cell) => toInlines(state, cell.children));
    if (cells.length !== header.length) {
      report(state.file, row, 'table-ragged', { row: i + 1, found: cells.length, expected: header.length });
    }
    return cells;
  });
  if (!caption) report(state.file, node, 'table-caption-missing');
  const align = (node.align ?? []).map((a) => (a ?? null) as CellAlign);
  return { type: 'table', id: state.nextId('table'), ...(caption ? { caption } : {}), align, header, rows, source: state.source(node) };
}

/** Reads one paragraph: figures, a credit line, or text. */
function paragraph(state: ParseState, node: MdParagraph): Block[] {
  if (isImageParagraph(node)) {
    return node.children.filter((c): c is Image => c.type === 'image').map((img) => figureFromImage(state, img));
  }
  const credit = CREDIT.exec(rawText(node.children).trim());
  if (credit) return [{ type: 'credit', text: credit[1]!.trim().replace(/\s+/g, '\u3000'), source: state.source(node) }];
  const children = toInlines(state, node.children);
  checkLength(state, node, children);
  return [{ type: 'paragraph', children, source: state.source(node) }];
}

/** A paragraph this long is almost always a lost paragraph break. */
export const LONG_PARAGRAPH_CHARS = 5000;

export function checkLength(state: ParseState, node: { position?: import('../units/index.ts').Position | undefined }, children: Inline[]): void {
  const length = children.reduce((n, c) => n + (c.type === 'text' ? c.value.length : 0), 0);
  if (length > LONG_PARAGRAPH_CHARS) report(state.file, node, 'paragraph-too-long', { length });
}

export const BLOCK_DIRECTIVES = ['::figure', '::caption', '::byline', '::subtitle', '::dateline', ':::gallery', ':::names'];

/** Converts block content; `::caption` applies to the table that follows it. */
export function toBlocks(state: ParseState, nodes: readonly RootContent[]): Block[] {
  const out: Block[] = [];
  let caption: Inline[] | undefined;
  for (const node of nodes) {
    if (node.type === 'leafDirective' && node.name === 'caption') {
      caption = toInlines(state, node.children as PhrasingContent[]);
      continue;
    }
    out.push(...block(state, node, caption));
    caption = undefined;
  }
  return out;
}

function block(state: ParseState, node: RootContent, caption: Inline[] | undefined): Block[] {
  switch (node.type) {
    case 'paragraph': return paragraph(state, node);
    case 'table': return [table(state, node, caption)];
    case 'list':
      return [{
        type: 'list', ordered: node.ordered ?? false, source: state.source(node),
        items: node.children.map((item) => toBlocks(state, item.children).filter((b) => b.type === 'paragraph')),
      }];
    case 'containerDirective':
      if (node.name === 'gallery') return [gallery(state, node)].filter((g): g is Gallery => g !== null);
      if (node.name === 'names') return [nameList(state, node)];
      break;
    case 'leafDirective':
      if (node.name === 'figure') return [figureDirective(state, node)].filter((f): f is Figure => f !== null);
      break;
    case 'html':
      if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) report(state.file, node, 'raw-html');
      return [];
    case 'blockquote': return toBlocks(state, node.children);
    case 'yaml': return [];
    default:
      report(state.file, node, 'unsupported-markdown', { type: node.type });
      return [];
  }
  report(state.file, node, 'directive-unknown', { name: directiveName(node), expected: BLOCK_DIRECTIVES.join('、') });
  return [];
}

function directiveName(node: ContainerDirective | LeafDirective): string {
  return `${node.type === 'containerDirective' ? ':::' : '::'}${node.name}`;
}
