/**
 * The subject index (索引) as data: every 条目 title and every marked index
 * term, one entry per heading with its locators merged, sorted by R-IDX and
 * grouped under letters (R-IDX-1..8).
 */
import { compareIndexKeys, type IndexKey, indexKey } from '../cjk/index.ts';
import { type Book, type Inline, type Source, walkBook } from '../model/index.ts';

export interface IndexEntry {
  heading: string;
  key: IndexKey;
  /** Page numbers in ascending order. */
  pages: number[];
  /** The anchors this entry points at, to link its locators. */
  anchors: string[];
}

export interface IndexGroup {
  /** 'A'…'Z', or '' for the headings that start with a digit (before A, no letter, R-IDX-4). */
  letter: string;
  entries: IndexEntry[];
}

/** Where an anchor is printed: the body page numbers its text stands on. */
export type PagesOf = (anchorId: string) => number[];

interface Occurrence {
  heading: string;
  reading?: string;
  anchor: string;
}

function termsIn(inlines: readonly Inline[], out: Occurrence[]): void {
  for (const n of inlines) {
    if (n.type === 'indexTerm') out.push({ heading: n.term, anchor: n.id, ...(n.reading ? { reading: n.reading } : {}) });
    else if (n.type === 'emphasis' || n.type === 'strong') termsIn(n.children, out);
  }
}

/** Every heading the index lists, with the anchor of each place it stands; chapter and section titles when asked. */
export function indexOccurrences(book: Book, includeHeadings = false): Occurrence[] {
  const out: Occurrence[] = [];
  walkBook({ ...book, front: [] }, (node) => {
    if (includeHeadings && (node.type === 'chapter' || node.type === 'section')) out.push({ heading: node.title, anchor: node.id });
    if (node.type === 'entry') {
      out.push({ heading: node.title, anchor: node.id });
      termsIn(node.lead, out);
    } else if (node.type === 'paragraph' || node.type === 'chronicleItem') termsIn(node.children, out);
    else if (node.type === 'list') for (const item of node.items) for (const p of item) termsIn(p.children, out);
  });
  return out;
}

/** Every index term marked anywhere in the book (front matter, tables and photo pages too), with its place. */
function allMarkedTerms(book: Book): Array<{ term: string; id: string; source: Source }> {
  const out: Array<{ term: string; id: string; source: Source }> = [];
  const visit = (inlines: readonly Inline[] | undefined) => {
    for (const n of inlines ?? []) {
      if (n.type === 'indexTerm') out.push({ term: n.term, id: n.id, source: n.source });
      else if (n.type === 'emphasis' || n.type === 'strong') visit(n.children);
    }
  };
  walkBook(book, (node) => {
    switch (node.type) {
      case 'entry': visit(node.lead); break;
      case 'paragraph': case 'chronicleItem': visit(node.children); break;
      case 'list': for (const item of node.items) for (const p of item) visit(p.children); break;
      case 'table': visit(node.caption); for (const row of [node.header, ...node.rows]) for (const cell of row) visit(cell); break;
    }
  });
  return out;
}

/**
 * Marked terms the index cannot give a page: marked in the front matter, on
 * photo pages or in a table, or never printed. The report lists them; the
 * index leaves them out rather than print a heading without a locator.
 */
export function unplacedIndexTerms(book: Book, pagesOf: PagesOf): Array<{ term: string; source: Source }> {
  return allMarkedTerms(book).filter((t) => pagesOf(t.id).length === 0).map(({ term, source }) => ({ term, source }));
}

/** Builds the index; `readings` are the editor's (book.yaml index_readings). */
export function buildIndex(book: Book, pagesOf: PagesOf, readings: Record<string, string> = {}, includeHeadings = false): IndexGroup[] {
  const byHeading = new Map<string, IndexEntry>();
  for (const o of indexOccurrences(book, includeHeadings)) {
    const heading = o.heading.trim();
    let entry = byHeading.get(heading);
    if (!entry) {
      entry = { heading, key: indexKey(heading, readings[heading] ?? o.reading), pages: [], anchors: [] };
      byHeading.set(heading, entry);
    }
    entry.anchors.push(o.anchor);
    entry.pages.push(...pagesOf(o.anchor));
  }
  const entries = [...byHeading.values()]
    .filter((e) => e.pages.length > 0)
    .map((e) => ({ ...e, pages: [...new Set(e.pages)].sort((a, b) => a - b) }))
    .sort((a, b) => compareIndexKeys(a.key, b.key) || (a.heading < b.heading ? -1 : a.heading > b.heading ? 1 : 0));
  const groups: IndexGroup[] = [];
  for (const e of entries) {
    if (groups.at(-1)?.letter !== e.key.group) groups.push({ letter: e.key.group, entries: [] });
    groups.at(-1)!.entries.push(e);
  }
  return groups;
}

/** R-IDX-5/6: "94、173"; three or more consecutive pages as a range "45—48". */
export function formatLocators(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${pages[i]}—${pages[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(pages[k]));
    i = j + 1;
  }
  return parts.join('、');
}
