/**
 * Footnote marks as the template sets them (footnotes.style, footnotes.numbering):
 * the parse numbers notes from 1 in each article (特载/专文 chapter); a
 * template may number them on through the whole book, or from 1 on each page,
 * and mark them ①, 1, 〔1〕 or *. The PDF and the EPUB print the same marks (R-EPUB-4).
 */
import type { Template } from '../config/index.ts';
import { type Book, noteMark, noteRefsIn, type NoteRef } from '../model/index.ts';

export type FootnoteRules = Template['footnotes'];

/**
 * Sets each note reference's number and mark in `book` by `rules` (the same
 * rules give the same marks: a rebuild may do it again). Numbered by page,
 * they are numbered by article until the pages are known (numberNotesByPage).
 */
export function markNotes(book: Book, rules: FootnoteRules): void {
  const groups: NoteRef[][] = rules.numbering === 'continuous'
    ? [noteRefsIn(book.parts.map((p) => [p.intro, p.chapters.map((c) => c.children)]))]
    : book.parts.flatMap((p) => [noteRefsIn(p.intro), ...p.chapters.map((c) => noteRefsIn(c.children))]);
  for (const refs of groups) refs.forEach((r, i) => Object.assign(r, { number: i + 1, mark: noteMark(i + 1, rules.style) }));
}

/**
 * Numbers the notes from 1 on each page they were laid out on (`pageOf` a
 * mark's id, the page its line is on); true when a mark changed, so that the
 * book must be laid out again with the new marks.
 */
export function numberNotesByPage(book: Book, rules: FootnoteRules, pageOf: (id: string) => number | undefined): boolean {
  const counts = new Map<number | undefined, number>();
  let changed = false;
  for (const ref of noteRefsIn(book.parts)) {
    const page = pageOf(ref.id);
    const number = (counts.get(page) ?? 0) + 1;
    counts.set(page, number);
    const mark = noteMark(number, rules.style);
    if (mark !== ref.mark) changed = true;
    Object.assign(ref, { number, mark });
  }
  return changed;
}
