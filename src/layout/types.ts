/**
 * The paged document: what layout gives the renderers. A display list per
 * page in absolute positions (pt, origin at the top left of the page, y
 * down); rendering decides nothing.
 */
import type { GlyphRun, Line } from '../compose/index.ts';
import type { IndexGroup } from '../derive/index.ts';

/** A line of glyphs with its baseline at (x, y); `block` names the manuscript text it prints. */
export interface GlyphItem {
  kind: 'glyphs';
  x: number;
  y: number;
  glyphs: GlyphRun;
  block?: BlockLine;
}

/**
 * The manuscript block a printed line belongs to (a paragraph, a heading, a
 * caption, a table cell, a footnote: its `blockKey`) and the line's place
 * in it: a proof's page map is made of these (issue 23).
 */
export interface BlockLine {
  key: string;
  index: number;
  /** A float (a caption, a footnote) need not stand where its neighbours in the manuscript do. */
  floats?: boolean;
  /** A body paragraph's line as composed (TextLine.composed). */
  composed?: Line;
}

export interface ImageItem {
  kind: 'image';
  src: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  widthPt: number;
  /** Dash pattern in pt (dot leaders), solid when absent. */
  dash?: [number, number];
  /** A proof's marks only (highlights, change bars): an sRGB colour, #rrggbb; black when absent. */
  colour?: string;
}

/** A clickable area that goes to another page (TOC entries). */
export interface LinkItem {
  kind: 'link';
  x: number;
  y: number;
  width: number;
  height: number;
  pageIndex: number;
}

/**
 * Items drawn in a frame of their own: `transform` [a b c d e f] maps the
 * frame's (x, y) to the page's (a·x + c·y + e, b·x + d·y + f). A table set
 * turned on its page (卧排表) is drawn as a group.
 */
export interface GroupItem {
  kind: 'group';
  transform: [number, number, number, number, number, number];
  items: DisplayItem[];
}

export type DisplayItem = GlyphItem | ImageItem | RuleItem | LinkItem | GroupItem;

export type PageKind = 'title' | 'copyright' | 'front' | 'gallery' | 'toc' | 'part-opener' | 'body' | 'index' | 'blank';

/** A manuscript file and the first line of a text printed on a page. */
export interface SourceLine {
  path: string;
  line: number;
}

/**
 * Where a page begins in the book's text (issue 19): at a titled place (a
 * heading, an entry, a figure), or inside a block's text, `offset`
 * characters (spaces not counted) after the block's start, run-in head not
 * counted either (a page that begins with a line's head, a 大事记 date,
 * has a negative offset).
 */
export type PageBegin = { anchor: string } | { block: string; offset: number };
/**
 * A line of manuscript text as printed (a paragraph's, a heading's, a
 * caption's, a table cell's, a footnote's): the page map a proof's manifest
 * is made of (issue 23).
 */
export interface TextLine {
  /** The block's manuscript place, `path:line:column`. */
  key: string;
  /** The line's place in its block (0 = first). */
  index: number;
  /** The side of the type area it stands on (0 = left half or left column). */
  column: number;
  /** Baseline, and the line's left edge and set width, in pt. */
  y: number;
  x: number;
  widthPt: number;
  /** Type size in pt (the body's, a heading's, a table's). */
  sizePt: number;
  text: string;
  floats?: boolean;
  /** A body paragraph's line as composed, at the template's measure: the book's own checks read every line of the body from here. */
  composed?: Line;
}

/** 页: one page of the book block. */
export interface Page {
  index: number;
  kind: PageKind;
  /** The printed folio ('1', 'iv'), or '' when none is printed. */
  folio: string;
  /** The page number as counted (front matter in Roman numerals, body from 1). */
  number: string;
  isRecto: boolean;
  runningHead: string;
  items: DisplayItem[];
  /** The manuscript texts printed here (paragraphs, by their first line), for going from an edit to its page. */
  sources: SourceLine[];
  /** Where the page's text begins, for the EPUB's page-list; absent on pages with no text of the book. */
  begins?: PageBegin;
  /** The lines of manuscript text printed here, in the order drawn. */
  textLines?: TextLine[];
}

/** Where an anchor (part, chapter, entry, index term) is printed. */
export interface AnchorPlace {
  pageIndex: number;
  folio: string;
  y: number;
}

export interface OutlineItem {
  title: string;
  pageIndex: number;
  children: OutlineItem[];
}

/** 成书: the laid-out book. */
export interface PagedDocument {
  widthPt: number;
  heightPt: number;
  pages: Page[];
  anchors: Map<string, AnchorPlace>;
  outline: OutlineItem[];
  /** 字数 by layout capacity (R-CIP-11), in 千字. */
  wordsThousands: number;
  /** The subject index as laid out (its locators are body page numbers); the EPUB links the same model. */
  index: IndexGroup[];
}
