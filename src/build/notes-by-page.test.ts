/**
 * Notes numbered from 1 on each page (footnotes.numbering: page, issue 17):
 * the book is laid out again until the marks it was laid out with are the
 * marks of the pages the notes fell on; a mark that moves its note to
 * another page and back again ends in a warning at that note, not in a
 * silent wrong number. The layout here is a stand-in whose pages follow the
 * marks, as a wider mark pushes a line over.
 */
import { describe, expect, test } from 'vitest';
import type { Template } from '../config/index.ts';
import type { PagedDocument } from '../layout/index.ts';
import type { Book, NoteRef } from '../model/index.ts';
import { type LaidOut, withNotesSettled } from './build-pdf.ts';

const rules: Template['footnotes'] = { style: 'circled', numbering: 'page' };
const ref = (id: string, line: number, mark: string): NoteRef =>
  ({ type: 'noteRef', id, number: 1, mark, note: [], source: { path: '01-特载.md', position: { start: { line, column: 1 }, end: { line, column: 5 } } } }) as NoteRef;
const bookOf = (refs: NoteRef[]) => ({ parts: [{ intro: [], chapters: [{ children: [{ type: 'paragraph', children: refs }] }] }] }) as unknown as Book;
/** A layout that puts each note on the page `pageOf` gives for the marks as they are now, counting its calls. */
function layoutBy(refs: NoteRef[], pageOf: (ref: NoteRef, all: NoteRef[]) => number) {
  const calls = { n: 0 };
  const layout = (): LaidOut => {
    calls.n++;
    const anchors = new Map(refs.map((r) => [r.id, { pageIndex: pageOf(r, refs) }]));
    return { paged: { anchors } as unknown as PagedDocument, problems: [], tocMismatches: [] };
  };
  return { layout, calls };
}

describe('notes numbered by page', () => {
  test('a note on the next page is numbered ① there, after one more layout', () => {
    const refs = [ref('a', 3, '①'), ref('b', 9, '②')];
    const { layout, calls } = layoutBy(refs, (r) => (r.id === 'a' ? 0 : 1));
    const laid = withNotesSettled(bookOf(refs), rules, layout);
    expect(refs.map((r) => r.mark)).toEqual(['①', '①']);
    expect(calls.n).toBe(2);
    expect(laid.unsettledNote).toBeUndefined();
  });

  test('a mark that moves its note across the page and back ends in a warning at that note after 3 more layouts', () => {
    // b falls on page 1 while it is marked ②, and back on page 0 once it is marked ①.
    const refs = [ref('a', 3, '①'), ref('b', 9, '②')];
    const { layout, calls } = layoutBy(refs, (r) => (r.id === 'b' && r.mark === '②' ? 1 : 0));
    const laid = withNotesSettled(bookOf(refs), rules, layout);
    expect(calls.n).toBe(4);
    expect(laid.unsettledNote).toEqual(refs[1]!.source);
  });

  test('numbered by article, the book is laid out once', () => {
    const refs = [ref('a', 3, '①'), ref('b', 9, '②')];
    const { layout, calls } = layoutBy(refs, (r) => (r.id === 'a' ? 0 : 1));
    withNotesSettled(bookOf(refs), { ...rules, numbering: 'article' }, layout);
    expect(calls.n).toBe(1);
    expect(refs.map((r) => r.mark)).toEqual(['①', '②']);
  });
});
