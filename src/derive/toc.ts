/**
 * The table of contents (目录) as data: parts, chapters, sections and
 * entries in reading order, down to 条目 level (R-YB-7).
 */
import type { Book, Chapter, Entry, Section } from '../model/index.ts';

export interface TocItem {
  /** The anchor id of the heading or entry. */
  id: string;
  title: string;
  /** 0 part, 1 chapter, 2 section, 3 entry. */
  level: 0 | 1 | 2 | 3;
  /**
   * How deep under its chapter: one step below what holds it. A chapter's
   * entries and ### sections are its children alike (1); a section's entries
   * and #### subsections stand under it (2), and so on. An entry was always
   * at 2, so those of a section stood level with 概况, its sibling (p. 27).
   */
  depth?: number;
}

function below(items: ReadonlyArray<Section | Entry | { type: string }>, out: TocItem[], depth = 0): void {
  for (const item of items) {
    if (item.type === 'section') {
      const s = item as Section;
      // A #### subsection stands under its ### section, not level with it (统计资料: 一、经济发展 › 经济总量).
      const sectionDepth = Math.max(depth + 1, s.level - 2);
      out.push({ id: s.id, title: s.title, level: 2, depth: sectionDepth });
      below(s.children, out, sectionDepth);
    } else if (item.type === 'entry') {
      const e = item as Entry;
      out.push({ id: e.id, title: e.title, level: 3, depth: depth + 1 });
    }
  }
}

/** An article (特载, 专文) is listed by its title; its own subheads stay out of the TOC. */
function chapterItems(c: Chapter, out: TocItem[]): void {
  out.push({ id: c.id, title: c.title, level: 1 });
  if (!c.article) below(c.children, out);
}

/** The TOC of the body of `book`. */
export function tableOfContents(book: Book): TocItem[] {
  const out: TocItem[] = [];
  for (const part of book.parts) {
    out.push({ id: part.id, title: part.title, level: 0 });
    for (const c of part.chapters) chapterItems(c, out);
  }
  return out;
}
