/**
 * mdast phrasing content → model inlines, with §2 normalisation applied to
 * every text node and each change reported at its place.
 */
import type { FootnoteReference, PhrasingContent, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { normalizeText, readingProblem, sourceLineStarts, type TextChange } from '../cjk/index.ts';
import { report } from '../diagnostics/index.ts';
import { DEFAULT_QUERY_UNIT, type Inline, inlineText, type Query } from '../model/index.ts';
import type { Point } from '../units/index.ts';
import { checkAttributes } from './attributes.ts';
import { type ParseState, sourceOf } from './state.ts';

/** The place of `offset` characters into a text node that starts at `start`. */
function pointIn(value: string, start: Point, offset: number): Point {
  let line = start.line;
  let column = start.column;
  for (let i = 0; i < offset && i < value.length; i++) {
    if (value[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

function reportChange(state: ParseState, node: Text, change: TextChange): void {
  const start = node.position?.start;
  const place = start ? pointIn(node.value, start, change.offset) : undefined;
  switch (change.rule) {
    case 'R-NORM-1': report(state.file, place, 'normalize-punctuation', { from: change.from, to: change.to }); break;
    case 'R-NORM-2': break; // reported once per paragraph, see below
    case 'R-NORM-3': report(state.file, place, 'normalize-ellipsis-dash', { from: change.from, to: change.to }); break;
    case 'R-NORM-5': report(state.file, place, 'normalize-full-stop', {}); break;
    case 'R-MIX-5': report(state.file, place, 'normalize-fullwidth-latin', { from: change.from, to: change.to }); break;
    case 'R-NORM-4':
      if (change.from.includes('\n') && change.to === '') break; // a line break in the source is no change
      report(state.file, place, 'normalize-space', {
        what: change.to === '\u3000' ? '将汉字间的空格改为全角空格' : '删去汉字与字母、数字或标点之间的空格',
      });
      break;
    case 'control':
      report(state.file, place, 'control-character', { code: `U+${change.from.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
  }
}

function text(state: ParseState, node: Text): Inline {
  const result = normalizeText(node.value);
  for (const change of result.changes) reportChange(state, node, change);
  if (result.changes.some((c) => c.rule === 'R-NORM-2')) report(state.file, node, 'normalize-quotes');
  if (!result.quotesBalanced) report(state.file, node, 'normalize-quotes-unbalanced');
  const lineStarts = sourceLineStarts(node.value, result.changes);
  return { type: 'text', value: result.text, source: state.source(node), ...(lineStarts.length ? { lineStarts } : {}) };
}

function indexTerm(state: ParseState, node: TextDirective): Inline | null {
  const shown = toInlines(state, node.children as PhrasingContent[]);
  // All its words, not only its plain text: in :index[**河西**] or :index[:index[河西]区] they were dropped (an empty term, or 区 alone printed).
  const printed = inlineText(shown);
  if (printed.trim() === '') {
    report(state.file, node, 'index-term-empty');
    return null;
  }
  const attrs = node.attributes ?? {};
  const term = attrs.term?.trim() || printed;
  const problem = attrs.pinyin ? readingProblem(term, attrs.pinyin) : undefined;
  if (problem) report(state.file, node, 'index-reading-invalid', { term, reading: attrs.pinyin!, problem });
  return {
    type: 'indexTerm',
    id: state.nextId('term'),
    text: printed,
    term,
    ...(attrs.pinyin && !problem ? { reading: attrs.pinyin } : {}),
    source: state.source(node),
  };
}

const TEXT_DIRECTIVES = ['index', 'q', 'note'];

/** 〔？〕: an item that could not be read (issue 23). It is printed as typed, and it is a query until answered. */
export const UNREADABLE = '〔？〕';

/** A text inline with each 〔？〕 in it made a query of its own (the mark is still printed). */
function withUnreadable(state: ParseState, node: Text, inline: Inline): Inline[] {
  if (inline.type !== 'text' || !inline.value.includes(UNREADABLE)) return [inline];
  const out: Inline[] = [];
  const pieces = inline.value.split(UNREADABLE);
  let offset = 0;
  pieces.forEach((piece, i) => {
    if (piece) out.push({ type: 'text', value: piece, source: inline.source });
    offset += piece.length;
    if (i === pieces.length - 1) return;
    const at = node.position ? pointIn(node.value, node.position.start, node.value.indexOf(UNREADABLE, offset)) : undefined;
    const source = at ? { path: state.file.path, position: { start: at, end: at } } : inline.source;
    out.push({ type: 'query', id: state.nextId('query'), kind: 'unreadable', text: '原稿此处无法辨认', to: DEFAULT_QUERY_UNIT, printed: UNREADABLE, source });
    offset += UNREADABLE.length;
  });
  return out;
}

/** :q[问题]{to="区统计局"}: a question to a unit, never printed; :note[…]: an editor's note, never printed. */
function queryOrNote(state: ParseState, node: TextDirective): Inline[] {
  const text = normalizeText(rawText(node.children as PhrasingContent[])).text.trim();
  if (node.name === 'note') return [{ type: 'note', text, source: state.source(node) }];
  if (text === '') report(state.file, node, 'query-empty', { name: ':q' });
  return [queryNode(state, node, 'question', text)];
}

/** A query of `kind` at `node`, to the unit its `to` names (the editorial office by default). */
export function queryNode(state: ParseState, node: TextDirective | { attributes?: Record<string, string | null | undefined> | null; position?: Text['position'] }, kind: Query['kind'], text: string): Query {
  const to = normalizeText(node.attributes?.to ?? '').text.trim() || DEFAULT_QUERY_UNIT;
  return { type: 'query', id: state.nextId('query'), kind, text, to, printed: '', source: state.source(node) };
}

function one(state: ParseState, node: PhrasingContent): Inline[] {
  switch (node.type) {
    case 'text': return withUnreadable(state, node, text(state, node));
    case 'emphasis': return [{ type: 'emphasis', children: toInlines(state, node.children), source: state.source(node) }];
    case 'strong': return [{ type: 'strong', children: toInlines(state, node.children), source: state.source(node) }];
    case 'break': return [{ type: 'break', source: state.source(node) }];
    case 'inlineCode': return [{ type: 'text', value: node.value, source: state.source(node) }];
    case 'link': return toInlines(state, node.children);
    case 'footnoteReference': return noteRef(state, node);
    case 'html':
      // <br> is how a GFM table breaks a line in a cell (two phone numbers, an address and its
      // unit): dropped, 23559435<br>23559436 printed as one number of 16 digits. It is the
      // backslash line end, a line break of the cell or paragraph.
      if (isLineBreak(node.value)) return [{ type: 'break', source: state.source(node) }];
      if (!isComment(node.value)) report(state.file, node, 'raw-html');
      return [];
    case 'textDirective': {
      checkAttributes(state, node);
      if (node.name === 'q' || node.name === 'note') return queryOrNote(state, node);
      if (node.name !== 'index') {
        report(state.file, node, 'directive-unknown', { name: `:${node.name}`, expected: TEXT_DIRECTIVES.map((d) => `:${d}`).join('、') });
        return toInlines(state, node.children as PhrasingContent[]);
      }
      const term = indexTerm(state, node);
      return term ? [term] : [];
    }
    case 'image':
      report(state.file, node, 'directive-misplaced', { name: '图片', where: '图片须单独成段，不能夹在文字中' });
      return [];
    default:
      report(state.file, node, 'unsupported-markdown', { type: node.type });
      // Set as typed: its words when it has some, else its source (an image reference ![图][1]).
      if ('children' in node) return toInlines(state, node.children as PhrasingContent[]);
      return [{ type: 'text', value: sourceOf(state, node), source: state.source(node) }];
  }
}

export function toInlines(state: ParseState, nodes: readonly PhrasingContent[]): Inline[] {
  return typedText(state, nodes).flatMap((n) => one(state, n));
}

/** A bare text directive whose name nianjian does not know: text typed with a colon in it (typedText). */
const isTypedColon = (state: ParseState, n: PhrasingContent): boolean =>
  n.type === 'textDirective' && !TEXT_DIRECTIVES.includes(n.name) && sourceOf(state, n) === `:${n.name}`;

/**
 * micromark-extension-directive takes any word after a colon for a text
 * directive's name: `上午10:30召开`, `3:2`, `abc:def`. A bare one (no label, no
 * attributes) whose name nianjian does not know is the text the editor typed:
 * it goes back into the text around it, so that R-NORM-1 sees the whole run
 * (a colon inside a number is kept). With a label or attributes
 * (`:indx[河西]`) it is a misspelt directive, an error as before.
 */
function typedText(state: ParseState, nodes: readonly PhrasingContent[]): readonly PhrasingContent[] {
  const isTyped = (n: PhrasingContent) => isTypedColon(state, n);
  if (!nodes.some(isTyped)) return nodes;
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const piece: PhrasingContent = isTyped(node) ? { type: 'text', value: sourceOf(state, node), ...(node.position ? { position: node.position } : {}) } : node;
    const before = out.at(-1);
    if (piece.type === 'text' && before?.type === 'text' && before.position && piece.position && before.position.end.offset === piece.position.start.offset) {
      out[out.length - 1] = { type: 'text', value: before.value + piece.value, position: { start: before.position.start, end: piece.position.end } };
    } else out.push(piece);
  }
  return out;
}

/** <br>, <br/>, <BR /> (HTML's line break, as converters and editors write it). */
export const isLineBreak = (html: string): boolean => /^<br\s*\/?>$/i.test(html.trim());

/** An HTML comment, closed: an editor's note, never printed. */
export const isComment = (html: string): boolean => /^<!--[\s\S]*-->$/.test(html.trim());
/** HTML that opens a comment, closed or not (an unclosed one swallows the rest of the file: blocks.ts says so). */
export const opensComment = (html: string): boolean => html.trimStart().startsWith('<!--');

/** Plain text of phrasing content before normalisation, but an editor's comment (to look at; to print: printedText). */
export function rawText(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => {
    if (n.type === 'html' && isComment(n.value)) return '';
    if (n.type === 'textDirective' && n.children.length === 0 && !TEXT_DIRECTIVES.includes(n.name)) return `:${n.name}`; // typed text (typedText)
    return 'value' in n ? String(n.value) : 'children' in n ? rawText(n.children as PhrasingContent[]) : '';
  }).join('');
}

/**
 * The text of phrasing content that is set as plain text (titles, bylines,
 * names, credit lines, a ::figure's caption), before normalisation. What a
 * paragraph never prints is left out here too, and reported as there: an
 * editor's comment (silently), other HTML, an image, a query or note. rawText
 * printed them as typed: a <!-- 待核 --> in a heading stood in the heading, the
 * TOC and the running heads.
 */
export function printedText(state: ParseState, nodes: readonly PhrasingContent[]): string {
  return nodes.map((n): string => {
    switch (n.type) {
      case 'html':
        if (!isComment(n.value)) report(state.file, n, 'raw-html');
        return '';
      case 'image':
        report(state.file, n, 'directive-misplaced', { name: '图片', where: '图片须单独成段，不能夹在标题、署名、名单或图注中' });
        return '';
      case 'footnoteReference':
        return `[${n.label ?? n.identifier}]`; // reported with its place (notes.ts), its note set as text
      case 'textDirective':
        if (isTypedColon(state, n)) return sourceOf(state, n); // 上午10:30 in a title
        if (n.name !== 'q' && n.name !== 'note') return printedText(state, n.children as PhrasingContent[]);
        report(state.file, n, 'directive-misplaced', { name: `:${n.name}`, where: '存疑与编辑批注须放在正文段落中，不能放在标题、署名、名单或图注中' });
        return '';
      default:
        return 'value' in n ? String(n.value) : 'children' in n ? printedText(state, n.children as PhrasingContent[]) : '';
    }
  }).join('');
}

/** `[^1]` → a note reference carrying its footnote's text (numbered per chapter afterwards: notes.ts). */
function noteRef(state: ParseState, node: FootnoteReference): Inline[] {
  const definition = state.footnotes.get(node.identifier);
  if (!definition || state.usedNotes.has(node.identifier) || state.noteless.has(node)) return [{ type: 'text', value: `[${node.label ?? node.identifier}]`, source: state.source(node) }];
  state.usedNotes.add(node.identifier);
  const note = definition.children.flatMap((c, i) => [
    ...(i > 0 ? [{ type: 'text' as const, value: ' ', source: state.source(c) }] : []),
    ...('children' in c && c.type === 'paragraph' ? toInlines(state, c.children) : [{ type: 'text' as const, value: rawText('children' in c ? (c.children as PhrasingContent[]) : []), source: state.source(c) }]),
  ]);
  return [{ type: 'noteRef', id: state.nextId('note'), number: 0, mark: '', note, source: state.source(node) }];
}
