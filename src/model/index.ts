/**
 * The typed book: what the parser produces from the manuscript and every
 * later stage reads. Types and small constructors only. Every node carries
 * `source` (manuscript file and position) and blocks with a title carry a
 * stable `id`.
 */
import type { BookSettings } from '../config/index.ts';
import type { Position } from '../units/index.ts';

/** Where a node stands in the manuscript: path relative to the working directory. */
export interface Source {
  path: string;
  position?: Position;
}

/**
 * A text block's key by its place in the manuscript (file, line, column):
 * paragraphs have no ids, and the layout and the EPUB must name the same
 * one (a print page's start in the EPUB's page-list, issue 19).
 */
export function blockKey(source: Source): string | undefined {
  const start = source.position?.start;
  return start ? `${source.path}:${start.line}:${start.column}` : undefined;
}

/** Characters that are counted when a place in a block's text is given: spaces are not, as the composer sets them anew. */
export function countedLength(text: string): number {
  // Code points less white space, counted by two searches: a test per character was most of the layout's place-keeping (issue 24).
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return text.length - count(/\s/g) - count(/[\ud800-\udbff][\udc00-\udfff]/g);
}

/** Inline content of a paragraph, caption or title. */
export type Inline =
  /** `lineStarts`: offsets in `value` where a new source line begins (the source text was wrapped). */
  | { type: 'text'; value: string; source: Source; lineStarts?: number[] }
  | { type: 'emphasis'; children: Inline[]; source: Source }
  | { type: 'strong'; children: Inline[]; source: Source }
  | { type: 'indexTerm'; id: string; text: string; term: string; reading?: string; source: Source }
  | { type: 'break'; source: Source }
  /** A footnote reference `[^1]` (页下注): `number` counts from 1 in its chapter (or as the template numbers them); `mark` is what prints (①, 〔1〕, *…); `note` is the footnote's text. */
  | { type: 'noteRef'; id: string; number: number; mark: string; note: Inline[]; source: Source }
  | Query
  | EditorNote;

/**
 * 存疑: an editor's query to a unit (issue 23). `question`: `:q[问题]{to="区统计局"}`
 * inline or a `:::query{to=…}` block, never printed; `unreadable`: the 〔？〕
 * mark of an item that could not be read, printed as typed. Drafts print each in
 * the margin; the final build refuses to run while any is open.
 */
export interface Query {
  type: 'query';
  id: string;
  kind: 'question' | 'unreadable';
  /** The question, or for 〔？〕 what could not be read. */
  text: string;
  /** The unit (单位) that must answer it: 区统计局; the editorial office when not given. */
  to: string;
  /** What the final book prints in its place: '〔？〕' for an unreadable item, nothing for a question. */
  printed: string;
  source: Source;
}

/** 编者注: `:note[…]` or `:::note` — a note among editors, never printed anywhere. */
export interface EditorNote {
  type: 'note';
  text: string;
  source: Source;
}

/** Who answers a query that names no unit. */
export const DEFAULT_QUERY_UNIT = '编辑部';

export interface Paragraph {
  type: 'paragraph';
  children: Inline[];
  source: Source;
}

/** 图片: a photo with its caption (图注) and credit (提供单位/摄影者). */
export interface Figure {
  type: 'figure';
  id: string;
  src: string;
  caption: Inline[];
  credit: string;
  width: 'column' | 'page';
  placement: 'here' | 'top' | 'bottom';
  source: Source;
}

/** 彩页图片组: a group of photos under a group title. */
export interface Gallery {
  type: 'gallery';
  id: string;
  title: string;
  figures: Figure[];
  source: Source;
}

export type CellAlign = 'left' | 'right' | 'center' | null;

/**
 * A cell of a table's head, at row `row` and column `col` of the head's grid
 * (from 0), covering `rowspan` rows and `colspan` columns (表头合并单元格).
 */
export interface HeadCell {
  content: Inline[];
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/**
 * 统计表: a GFM table with an optional caption. `head` holds the cells of
 * its header rows in reading order (one row, or several with merged cells:
 * `::caption[…]{header=2}`); `columns` is how many columns it has.
 */
export interface StatTable {
  type: 'table';
  id: string;
  caption?: Inline[];
  align: CellAlign[];
  columns: number;
  /** Header rows (1 for a plain GFM table). */
  headRows: number;
  head: HeadCell[];
  rows: Inline[][][];
  source: Source;
}

export interface List {
  type: 'list';
  ordered: boolean;
  items: Paragraph[][];
  source: Source;
}

/** 名单: names in a grid (编委会, 名录). */
export interface NameList {
  type: 'nameList';
  title?: string;
  names: string[];
  source: Source;
}

/** 供稿单位/撰稿人 credit line at the end of a chapter or section: （区委组织部提供）. */
export interface Credit {
  type: 'credit';
  text: string;
  source: Source;
}

/** 大事记 date run-in: "6日　河西区召开……". */
export interface ChronicleItem {
  type: 'chronicleItem';
  date: string;
  children: Inline[];
  source: Source;
}

export type Block = Paragraph | Figure | Gallery | StatTable | List | NameList | Credit | ChronicleItem | Query | EditorNote;

/** 条目 — the smallest titled unit of a yearbook: 【标题】 run-in, then its text. */
export interface Entry {
  type: 'entry';
  id: string;
  title: string;
  /** The manuscript's {index} (true) or {index=false} (false): overrides book.yaml's index rules. */
  index?: boolean;
  /** The first paragraph's text after the run-in head; later blocks follow in `blocks`. */
  lead: Inline[];
  blocks: Block[];
  source: Source;
}

/** 分目 (### / ####) — a titled group of entries within a chapter. */
export interface Section {
  type: 'section';
  id: string;
  level: 3 | 4;
  title: string;
  /** The manuscript's {index} (true) or {index=false} (false): overrides book.yaml's index rules. */
  index?: boolean;
  children: Array<Section | Entry | Block>;
  source: Source;
}

/** Article header (特载/专文): subtitle, dateline and byline with the author's office. */
export interface ArticleInfo {
  subtitle?: string;
  dateline?: string;
  author?: string;
  office?: string;
}

/** 章 (##) — a chapter; in 特载/专文 a chapter with a byline is an article. */
export interface Chapter {
  type: 'chapter';
  id: string;
  title: string;
  /** The manuscript's {index} (true) or {index=false} (false): overrides book.yaml's index rules. */
  index?: boolean;
  article?: ArticleInfo;
  children: Array<Section | Entry | Block>;
  source: Source;
}

export type PartKind = 'general' | 'articles' | 'chronicle' | 'people' | 'statistics' | 'appendix';
export const PART_KINDS: readonly PartKind[] = ['general', 'articles', 'chronicle', 'people', 'statistics', 'appendix'];

/** 篇 (#) — a part, one manuscript file. */
export interface Part {
  type: 'part';
  id: string;
  title: string;
  /** The manuscript's {index} (true) or {index=false} (false): overrides book.yaml's index rules. */
  index?: boolean;
  kind: PartKind;
  /** Blocks before the first chapter. */
  intro: Block[];
  chapters: Chapter[];
  source: Source;
}

/** A front-matter section written in Markdown (编辑说明, 彩页). */
export interface FrontSection {
  type: 'front';
  id: string;
  title: string;
  kind: 'text' | 'galleries';
  blocks: Block[];
  source: Source;
}

export interface Book {
  settings: BookSettings;
  front: FrontSection[];
  parts: Part[];
}

export type Node = Part | Chapter | Section | Entry | Block | FrontSection;

/** Calls `visit` for every node below `book` (or some of its front sections and parts), in reading order. */
export function walkBook(book: Pick<Book, 'front' | 'parts'>, visit: (node: Node) => void): void {
  const walkBlocks = (items: ReadonlyArray<Section | Entry | Block>): void => {
    for (const item of items) {
      visit(item);
      if (item.type === 'section') walkBlocks(item.children);
      else if (item.type === 'entry') walkBlocks(item.blocks);
      else if (item.type === 'gallery') walkBlocks(item.figures);
    }
  };
  for (const f of book.front) {
    visit(f);
    walkBlocks(f.blocks);
  }
  for (const p of book.parts) {
    visit(p);
    walkBlocks(p.intro);
    for (const c of p.chapters) {
      visit(c);
      walkBlocks(c.children);
    }
  }
}

/**
 * A table's note by its words: 注：, 注1：, 说明：, 资料来源：, 数据来源：. Inside an
 * entry only a paragraph that opens so, right after a table, is the table's
 * note (the entry's text may go on after a table); elsewhere every paragraph
 * right after a table is.
 */
export const isTableNoteText = (text: string): boolean => /^\s*(注|说明|资料来源|数据来源)\s*[0-9０-９①-⑩]*\s*[:：]/.test(text);

/** Plain text of inline content (index terms give their printed text). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((n) => {
      switch (n.type) {
        case 'text': return n.value;
        case 'indexTerm': return n.text;
        case 'break': case 'note': case 'noteRef': return '';
        case 'query': return n.printed;
        default: return inlineText(n.children);
      }
    })
    .join('');
}

export { queriesIn, queriesOf, queriesOfBlock } from './queries.ts';
export type NoteRef = Extract<Inline, { type: 'noteRef' }>;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** How footnotes are marked (the template's footnotes.style): ①②…, 1 2…, 〔1〕〔2〕…, * ** ***… */
export type NoteMarkStyle = 'circled' | 'arabic' | 'bracketed' | 'asterisk';

/** The mark of note `n` (from 1) in `style`; circled: ①…⑳, then 〔21〕, as Chinese books number 页下注. */
export function noteMark(n: number, style: NoteMarkStyle = 'circled'): string {
  switch (style) {
    case 'circled': return n >= 1 && n <= 20 ? CIRCLED[n - 1]! : `〔${n}〕`;
    case 'arabic': return String(n);
    case 'bracketed': return `〔${n}〕`;
    // Beyond three stars a reader cannot count them: the number in brackets instead.
    case 'asterisk': return n >= 1 && n <= 3 ? '*'.repeat(n) : `〔${n}〕`;
  }
}

/** The note references below `node`, in reading order (not those inside a note's own text). */
export function noteRefsIn(node: unknown, out: NoteRef[] = []): NoteRef[] {
  if (Array.isArray(node)) {
    for (const n of node) noteRefsIn(n, out);
  } else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if (o.type === 'noteRef') out.push(o as unknown as NoteRef);
    // for…in, not Object.entries: every object of the book is walked, and a [key, value] array for each of its fields was most of the time.
    else for (const k in o) if (k !== 'source') noteRefsIn(o[k], out);
  }
  return out;
}
