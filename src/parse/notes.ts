/**
 * Footnotes (页下注, `[^1]` and `[^1]: 注文`): the file's definitions are
 * collected before its blocks are read, so a reference can carry its note's
 * text wherever the definition stands; references are then numbered from 1
 * in each chapter (an article of 特载/专文 numbers its own notes).
 */
import type { FootnoteDefinition, Root, RootContent } from 'mdast';
import { report } from '../diagnostics/index.ts';
import { isTableNoteText, noteMark, noteRefsIn, type NoteRef, type Part, type PartKind } from '../model/index.ts';
import { isCreditParagraph, isImageParagraph } from './blocks.ts';
import { opensComment, rawText } from './inline.ts';
import type { ParseState } from './state.ts';
import { itemStart } from './structure.ts';

/**
 * Where a note cannot be set, by the node it is typed in. Notes stand at a
 * column's foot under the lines of body text (a paragraph, an entry, a
 * dated item, a list item) that carry their marks; a mark typed anywhere
 * else made no note, and its definition, counted as referenced, was dropped:
 * the note's text was lost without a word.
 */
const NOTELESS: Record<string, string> = { heading: '标题', table: '表格', footnoteDefinition: '另一条脚注' };
const NOTELESS_DIRECTIVES: Record<string, string> = {
  caption: '表题', figure: '图注', byline: '署名', subtitle: '副题', dateline: '日期行', names: '名单', gallery: '图片组', index: '索引词', q: '存疑', query: '存疑', note: '批注',
};

function notelessPlace(node: Root | RootContent): string | undefined {
  if (node.type === 'leafDirective' || node.type === 'containerDirective' || node.type === 'textDirective') return NOTELESS_DIRECTIVES[node.name] ?? '指令';
  return NOTELESS[node.type];
}

/**
 * The paragraphs among `nodes` that are a table's notes (注：…, 资料来源：…):
 * those right after a table, which the layout sets under the table in small
 * type, where no footnote is set; in an entry, only those that read as notes
 * (isTableNoteText), as the layout takes them (layout/body-atoms.ts).
 */
function tableNoteParagraphs(nodes: readonly RootContent[], kind: PartKind): Set<RootContent> {
  const notes = new Set<RootContent>();
  // An entry before the first chapter is a paragraph of the part's intro (structure.ts): it holds no table.
  let [inChapter, inEntry, afterTable] = [false, false, false];
  for (const node of nodes) {
    const item = node.type === 'paragraph' ? itemStart(node, kind) : undefined;
    if (node.type === 'table') afterTable = true;
    else if (item) [inEntry, afterTable] = [inEntry || (item === 'entry' && inChapter), false];
    else if (node.type === 'paragraph' && isCreditParagraph(node)) [inEntry, afterTable] = [false, false];
    else if (node.type === 'paragraph' && !isImageParagraph(node) && afterTable && (!inEntry || isTableNoteText(rawText(node.children)))) notes.add(node);
    else if (node.type === 'paragraph' && afterTable) afterTable = false;
    else if (node.type === 'heading') [inChapter, inEntry, afterTable] = [inChapter || node.depth > 1, false, false];
    else if (!(node.type === 'footnoteDefinition' || (node.type === 'html' && opensComment(node.value)))) afterTable = false;
  }
  return notes;
}

export function collectFootnotes(state: ParseState, tree: Root, kind: PartKind = 'general'): void {
  const tableNotes = tableNoteParagraphs(tree.children, kind);
  const visit = (node: Root | RootContent, place: string | undefined): void => {
    if (node.type === 'footnoteDefinition' && !state.footnotes.has(node.identifier)) state.footnotes.set(node.identifier, node as FootnoteDefinition);
    if (node.type === 'footnoteReference') {
      if (place) {
        state.noteless.set(node, place);
        report(state.file, node, 'footnote-misplaced', { label: node.label ?? node.identifier, where: place });
      } else state.referenced.add(node.identifier);
    }
    const here = place ?? notelessPlace(node) ?? (tableNotes.has(node as RootContent) ? '表注' : node.type === 'paragraph' && isCreditParagraph(node) ? '供稿单位行' : undefined);
    if ('children' in node) for (const c of node.children) visit(c as RootContent, here);
  };
  visit(tree, undefined);
}

export function numberNotes(part: Part | undefined): Part | undefined {
  if (!part) return part;
  const number = (r: NoteRef, i: number) => Object.assign(r, { number: i + 1, mark: noteMark(i + 1) });
  noteRefsIn(part.intro).forEach(number);
  for (const chapter of part.chapters) noteRefsIn(chapter.children).forEach(number);
  return part;
}
