/**
 * Footnote marks as the template sets them (footnotes.style, footnotes.numbering):
 * the parse numbers notes from 1 in each article (特载/专文 chapter); a
 * template may number them on through the whole book instead, and mark them
 * ①, 1, 〔1〕 or *. The PDF and the EPUB print the same marks (R-EPUB-4).
 */
import type { Template } from '../config/index.ts';
import { type Book, noteMark, noteRefsIn, type NoteRef } from '../model/index.ts';

export type FootnoteRules = Template['footnotes'];

/** Sets each note reference's number and mark in `book` by `rules` (the same rules give the same marks: a rebuild may do it again). */
export function markNotes(book: Book, rules: FootnoteRules): void {
  const groups: NoteRef[][] = rules.numbering === 'continuous'
    ? [noteRefsIn(book.parts.map((p) => [p.intro, p.chapters.map((c) => c.children)]))]
    : book.parts.flatMap((p) => [noteRefsIn(p.intro), ...p.chapters.map((c) => noteRefsIn(c.children))]);
  for (const refs of groups) refs.forEach((r, i) => Object.assign(r, { number: i + 1, mark: noteMark(i + 1, rules.style) }));
}
