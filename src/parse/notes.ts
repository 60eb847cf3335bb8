/**
 * Footnotes (页下注, `[^1]` and `[^1]: 注文`): the file's definitions are
 * collected before its blocks are read, so a reference can carry its note's
 * text wherever the definition stands; references are then numbered from 1
 * in each chapter (an article of 特载/专文 numbers its own notes).
 */
import type { FootnoteDefinition, FootnoteReference, Root, RootContent } from 'mdast';
import { noteMark, noteRefsIn, type NoteRef, type Part } from '../model/index.ts';
import type { ParseState } from './state.ts';

export function collectFootnotes(state: ParseState, tree: Root): void {
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'footnoteDefinition' && !state.footnotes.has(node.identifier)) state.footnotes.set(node.identifier, node as FootnoteDefinition);
    if (node.type === 'footnoteReference') state.referenced.add((node as FootnoteReference).identifier);
    if ('children' in node) for (const c of node.children) visit(c as RootContent);
  };
  visit(tree);
}

export function numberNotes(part: Part | undefined): Part | undefined {
  if (!part) return part;
  const number = (r: NoteRef, i: number) => Object.assign(r, { number: i + 1, mark: noteMark(i + 1) });
  noteRefsIn(part.intro).forEach(number);
  for (const chapter of part.chapters) noteRefsIn(chapter.children).forEach(number);
  return part;
}
