/**
 * From a place in the manuscript to the page it is printed on: the preview
 * opens at the page of the last edit. The nearest printed thing of the same
 * file at or before the line decides: a paragraph (each page lists the first
 * lines of the texts it prints), or an anchored node (a part, chapter,
 * section, entry, figure, table or index term), whichever starts later. So an
 * edit in the middle of an entry that runs over four pages lands on the page
 * of its own paragraph, not of the entry's title.
 */
import type { PagedDocument } from '../layout/index.ts';
import { type Book, type Inline, walkBook } from '../model/index.ts';

export interface SourcePlace {
  /** The manuscript file as the model records it (relative to the working directory). */
  path: string;
  line: number;
}

interface Anchored {
  id: string;
  line: number;
}

function indexTermsIn(inlines: readonly Inline[], path: string, into: Anchored[]): void {
  for (const n of inlines) {
    if (n.type === 'indexTerm' && n.source.path === path && n.source.position) into.push({ id: n.id, line: n.source.position.start.line });
    else if (n.type === 'emphasis' || n.type === 'strong') indexTermsIn(n.children, path, into);
  }
}

/** Every anchored node of one manuscript file, with its first line. */
function anchoredIn(book: Book, path: string): Anchored[] {
  const found: Anchored[] = [];
  walkBook(book, (n) => {
    if ('id' in n && n.source.path === path && n.source.position) found.push({ id: n.id, line: n.source.position.start.line });
    if (n.type === 'paragraph') indexTermsIn(n.children, path, found);
    else if (n.type === 'entry') indexTermsIn(n.lead, path, found);
  });
  return found;
}

/** The 0-based index of the page that prints `place`, or undefined when nothing of that file is on a page. */
export function pageOfSource(book: Book, paged: PagedDocument, place: SourcePlace): number | undefined {
  const printed: Printed[] = [];
  for (const a of anchoredIn(book, place.path)) {
    const at = paged.anchors.get(a.id);
    if (at) printed.push({ line: a.line, pageIndex: at.pageIndex });
  }
  for (const page of paged.pages) {
    for (const s of page.sources) if (s.path === place.path) printed.push({ line: s.line, pageIndex: page.index });
  }
  // The latest start at or before the line; a paragraph over a page break counts from its first page.
  const before = (a: Printed, b: Printed) => a.line > b.line || (a.line === b.line && a.pageIndex < b.pageIndex);
  let best: Printed | undefined;
  let first: Printed | undefined;
  for (const p of printed) {
    if (!first || p.line < first.line || (p.line === first.line && p.pageIndex < first.pageIndex)) first = p;
    if (p.line <= place.line && (!best || before(p, best))) best = p;
  }
  return (best ?? first)?.pageIndex;
}

interface Printed {
  line: number;
  pageIndex: number;
}
