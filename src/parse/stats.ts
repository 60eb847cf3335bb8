/**
 * Counts for the `check` summary and for tests against the seed.
 */
import { type Book, inlineText, walkBook } from '../model/index.ts';

export interface BookStats {
  parts: number;
  chapters: number;
  sections: number;
  entries: number;
  figures: number;
  galleries: number;
  tables: number;
  indexTerms: number;
  /** Characters of text (titles, body, captions, cells), spaces excluded. */
  characters: number;
}

/** Characters (code points) other than white space, counted without an array of them: a watch counts the whole book on every save. */
function countChars(s: string): number {
  const text = s.replace(/\s/g, '');
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

export function countBook(book: Pick<Book, 'front' | 'parts'>): BookStats {
  const s: BookStats = { parts: 0, chapters: 0, sections: 0, entries: 0, figures: 0, galleries: 0, tables: 0, indexTerms: 0, characters: 0 };
  const terms = (inl: ReadonlyArray<{ type: string; children?: unknown }>): number =>
    inl.reduce((n, i) => n + (i.type === 'indexTerm' ? 1 : Array.isArray(i.children) ? terms(i.children) : 0), 0);
  walkBook(book, (node) => {
    switch (node.type) {
      case 'part': s.parts++; s.characters += countChars(node.title); break;
      case 'chapter': s.chapters++; s.characters += countChars(node.title); break;
      case 'section': s.sections++; s.characters += countChars(node.title); break;
      case 'entry': s.entries++; s.characters += countChars(node.title) + countChars(inlineText(node.lead)); s.indexTerms += terms(node.lead); break;
      case 'figure': s.figures++; s.characters += countChars(inlineText(node.caption) + node.credit); break;
      case 'gallery': s.galleries++; s.characters += countChars(node.title); break;
      case 'table':
        s.tables++;
        s.characters += [...node.head.map((c) => c.content), ...node.rows.flat()].reduce((n, c) => n + countChars(inlineText(c)), 0);
        break;
      case 'paragraph': case 'chronicleItem':
        s.characters += countChars(inlineText(node.children)) + (node.type === 'chronicleItem' ? countChars(node.date) : 0);
        s.indexTerms += terms(node.children);
        break;
      case 'credit': s.characters += countChars(node.text); break;
      case 'nameList': s.characters += node.names.reduce((n, x) => n + countChars(x), 0); break;
    }
  });
  return s;
}

/** The counts of several parts of a book, added up. */
export function addStats(all: readonly BookStats[]): BookStats {
  const sum: BookStats = { parts: 0, chapters: 0, sections: 0, entries: 0, figures: 0, galleries: 0, tables: 0, indexTerms: 0, characters: 0 };
  for (const s of all) for (const k of Object.keys(sum) as Array<keyof BookStats>) sum[k] += s[k];
  return sum;
}
