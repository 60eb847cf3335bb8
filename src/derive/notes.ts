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
 * they are numbered by article until the pages are known (numbersByPage).
 */
export function markNotes(book: Book, rules: FootnoteRules): void {
  const groups: NoteRef[][] = rules.numbering === 'continuous'
    ? [noteRefsIn(book.parts.map((p) => [p.intro, p.chapters.map((c) => c.children)]))]
    : book.parts.flatMap((p) => [noteRefsIn(p.intro), ...p.chapters.map((c) => noteRefsIn(c.children))]);
  for (const refs of groups) refs.forEach((r, i) => Object.assign(r, { number: i + 1, mark: noteMark(i + 1, rules.style) }));
}

/** A note's number and mark counted from 1 on the page it was laid out on. */
export interface PageNumber {
  ref: NoteRef;
  number: number;
  mark: string;
}

/** Each note's number and mark counted from 1 on the page `pageOf` its mark's id gives. */
export function numbersByPage(book: Book, rules: FootnoteRules, pageOf: (id: string) => number | undefined): PageNumber[] {
  const counts = new Map<number | undefined, number>();
  return noteRefsIn(book.parts).map((ref) => {
    const page = pageOf(ref.id);
    const number = (counts.get(page) ?? 0) + 1;
    counts.set(page, number);
    return { ref, number, mark: noteMark(number, rules.style) };
  });
}

/** The first note whose mark as laid out is not its mark by page: the book must be laid out again with them. */
export const firstMoved = (numbers: readonly PageNumber[]): NoteRef | undefined => numbers.find((n) => n.mark !== n.ref.mark)?.ref;

/** Gives each note its number and mark by page. */
export function applyNumbers(numbers: readonly PageNumber[]): void {
  for (const { ref, number, mark } of numbers) Object.assign(ref, { number, mark });
}
