/**
 * The queries (存疑) of a book in reading order, wherever they stand: in a
 * paragraph, an entry, a table's cells or caption, a figure's caption, a
 * list, or as a block of their own (issue 23).
 */
import { type Block, type Book, type Inline, type Query, walkBook } from './index.ts';

/** The queries among `inlines`, in order (inside emphasis and strong too). */
export function queriesIn(inlines: readonly Inline[]): Query[] {
  return inlines.flatMap((n): Query[] => {
    if (n.type === 'query') return [n];
    if (n.type === 'emphasis' || n.type === 'strong') return queriesIn(n.children);
    return [];
  });
}

/** The queries a block holds, itself one or in its text. */
export function queriesOfBlock(b: Block): Query[] {
  switch (b.type) {
    case 'query': return [b];
    case 'paragraph': case 'chronicleItem': return queriesIn(b.children);
    case 'figure': return queriesIn(b.caption);
    case 'table': return [...queriesIn(b.caption ?? []), ...b.head.flatMap((c) => queriesIn(c.content)), ...b.rows.flatMap((r) => r.flatMap(queriesIn))];
    case 'list': return b.items.flatMap((item) => item.flatMap((p) => queriesIn(p.children)));
    default: return [];
  }
}

/** Every query of the book, front matter first, in reading order. */
export function queriesOf(book: Pick<Book, 'front' | 'parts'>): Query[] {
  const out: Query[] = [];
  walkBook(book as Book, (n) => {
    if (n.type === 'entry') out.push(...queriesIn(n.lead));
    else if (n.type !== 'part' && n.type !== 'chapter' && n.type !== 'section' && n.type !== 'front' && n.type !== 'gallery') out.push(...queriesOfBlock(n));
  });
  return out;
}
