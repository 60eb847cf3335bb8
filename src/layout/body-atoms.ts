/**
 * The content of a part → atoms for the column flow: headings (chapter,
 * section, article titles), paragraphs line by line, figures with their
 * captions and credits, credit lines, name lists. Tables are set apart
 * (table.ts); this returns them as breaks in the flow.
 */
import { attachNotes, footnotesByMark } from './footnotes.ts';
import {
  BODY, bodyParagraph, chronicleParagraph, creditParagraph, EMPHASIS, entryParagraph, type Line, RUN_IN_HEAD,
} from '../compose/index.ts';
import type { FontStyle } from '../font/index.ts';
import { type Block, blockKey, type Chapter, countedLength, type Entry, type Figure, type Inline, inlineText, isTableNoteText, type Paragraph, queriesIn, queriesOfBlock, type Section, type Source, type StatTable } from '../model/index.ts';
import { type Atom, blockOfLines, lineAtom } from './atoms.ts';
import { blockLine } from './block-line.ts';
import { spacedName } from '../derive/index.ts';
import { composeAt, composeInLines, type LayoutContext, MIN_IMAGE_DPI, plain, titleText } from './context.ts';
import { captionLines } from './caption.ts';
import { withHeadingSpace } from './heading-space.ts';
import { letterSpaced } from './spacing.ts';

/** A table with the paragraphs that follow it (说明, 注, 资料来源), set under it across the type area. */
export type FlowItem = Atom | { table: StatTable; notes: Paragraph[]; title: string; anchor?: string; marks?: string[] };

/** A block query (:::query): no room of its own; its id goes to what is printed before it (issue 23). */
type Item = FlowItem | { mark: string };

const HEADING: FontStyle = RUN_IN_HEAD;
/** Heading lines are set at 1.4 times their size (R-GRID-2's middle). */
const HEADING_LEADING = 1.4;

const textHeightOf = (lineCount: number, sizePt: number) => (lineCount - 1) * sizePt * HEADING_LEADING + sizePt;

function gridLinesFor(ctx: LayoutContext, lineCount: number, sizePt: number, minimum: number): number {
  return Math.max(minimum, Math.ceil(textHeightOf(lineCount, sizePt) / ctx.geometry.pitchPt) + 1);
}

/** A block heading: 黑体, centred in the column, a whole number of lines (R-HEAD-1..3); `source` names its lines in a proof's page map. */
export function headingAtom(ctx: LayoutContext, title: string, level: 'chapter' | 'section' | 'subsection', id: string, outlineLevel?: number, source?: Source): Atom {
  const style = ctx.template.headings[level];
  const align = level === 'subsection' ? 'start' : 'center';
  const lines = composeAt(ctx, titleText(title, HEADING, 'start'), style.size_pt, ctx.geometry.columnWidthPt, source);
  const gridLines = gridLinesFor(ctx, lines.length, style.size_pt, style.lines);
  return withHeadingSpace(ctx.geometry, (k) => ({
    lines: k, keepWithNextLines: ctx.template.headings.keep_lines_after, isFloat: false, anchors: [id],
    ...(outlineLevel !== undefined ? { outline: { title, level: outlineLevel } } : {}),
    draw: blockOfLines(lines, style.size_pt, style.size_pt * HEADING_LEADING, k, align, source && blockKey(source), 0, Math.max(0, k - gridLines)),
  }), gridLines, style.lines, textHeightOf(lines.length, style.size_pt));
}

/** `key`, `from`: the block they go on (an article's title) and the place of their first line in it (a proof's page map). */
function centredLines(ctx: LayoutContext, lines: Line[], sizePt: number, keep: number, key?: string, from = 0): Atom {
  const gridLines = Math.max(1, Math.ceil(((lines.length - 1) * sizePt * HEADING_LEADING + sizePt) / ctx.geometry.pitchPt));
  return { lines: gridLines, keepWithNextLines: keep, isFloat: false, anchors: [], draw: blockOfLines(lines, sizePt, sizePt * HEADING_LEADING, gridLines, 'center', key, from) };
}

/** 特载/专文: the title, then subtitle, dateline and byline centred (office, then name). */
function articleAtoms(ctx: LayoutContext, chapter: Chapter): Atom[] {
  const a = ctx.template.article;
  const w = ctx.geometry.columnWidthPt;
  const title = composeAt(ctx, titleText(chapter.title, HEADING), a.title_size_pt, w, chapter.source);
  const gridLines = gridLinesFor(ctx, title.length, a.title_size_pt, a.title_lines);
  const atoms: Atom[] = [withHeadingSpace(ctx.geometry, (k) => ({
    lines: k, keepWithNextLines: 2, isFloat: false, anchors: [chapter.id], outline: { title: chapter.title, level: 1 }, sources: [chapter.source],
    draw: blockOfLines(title, a.title_size_pt, a.title_size_pt * HEADING_LEADING, k, 'center', blockKey(chapter.source), 0, Math.max(0, k - gridLines)),
  }), gridLines, a.title_lines, textHeightOf(title.length, a.title_size_pt))];
  const info = chapter.article!;
  // Subtitle, dateline and byline go on the title's block in a proof's page map: they are written on its chapter.
  const key = blockKey(chapter.source);
  let next = title.length;
  for (const text of [info.subtitle, info.dateline ? `（${info.dateline}）` : undefined]) {
    if (!text) continue;
    const lines = composeAt(ctx, titleText(text, EMPHASIS), a.byline_size_pt, w, chapter.source);
    atoms.push(centredLines(ctx, lines, a.byline_size_pt, 2, key, next));
    next += lines.length;
  }
  const byline = [info.office, info.author].filter(Boolean).join('\u3000');
  if (byline) {
    const lines = composeAt(ctx, titleText(byline, EMPHASIS), a.byline_size_pt, w, chapter.source);
    const atom = centredLines(ctx, lines, a.byline_size_pt, 2, key, next);
    // The byline stands apart from the text under it by a blank line.
    atoms.push({ ...atom, lines: atom.lines + 1 });
  }
  return atoms;
}

/** A photo's extra line is about as visible as a paragraph spread by this much per gap (flow.ts weighs the make-up's give so). */
const FIGURE_GIVE_EM = 0.06;

/** A titled group's title over its first photo: 楷体 bold at caption size, so that title and photo float together. */
const GROUP_TITLE: FontStyle = { ...EMPHASIS, bold: true };

/**
 * A photo at column width with its caption and credit under it (R-YB-5);
 * floats if it does not fit. `group`: the :::gallery in a body part whose
 * first photo this is; its title is set over the photo.
 */
export function figureAtom(ctx: LayoutContext, fig: Figure, group?: { title: string; source: Source }): Atom {
  const g = ctx.geometry;
  const c = ctx.template.caption;
  const isWide = fig.width === 'page';
  const boxWidth = isWide ? g.typeWidthPt : g.columnWidthPt;
  const size = ctx.imageSize(fig.src) ?? { widthPx: 3, heightPx: 2 };
  const maxHeight = g.pitchPt * (g.linesPerColumn - 6);
  const height = Math.min(maxHeight, (boxWidth * size.heightPx) / size.widthPx);
  const width = (height * size.widthPx) / size.heightPx;
  const dpi = size.widthPx / (width / 72);
  if (ctx.imageSize(fig.src) && dpi < MIN_IMAGE_DPI) ctx.problems.push({ kind: 'image-low-resolution', src: fig.src, dpi, source: fig.source, anchor: fig.id });
  const caption = captionLines(ctx, fig, boxWidth);
  // The caption sits close under the photo on its own leading (小五 × 1.5), not on the body grid (issue 18).
  const captionPitch = c.size_pt * c.leading;
  const key = blockKey(fig.source);
  const title = group ? composeAt(ctx, titleText(group.title, GROUP_TITLE), c.size_pt, boxWidth, group.source) : [];
  // The title's lines, then the gap a caption has from its photo: the photo starts this far down the block.
  const titleHeight = title.length > 0 ? title.length * captionPitch + c.gap_above_pt : 0;
  const firstBaseline = titleHeight + height + c.gap_above_pt + 0.88 * c.size_pt;
  const blockHeight = firstBaseline + (caption.length - 1) * captionPitch + 0.12 * c.size_pt;
  const natural = Math.ceil((blockHeight + 0.12 * g.bodySizePt) / g.pitchPt) + c.gap_lines;
  // The photo is at most the column less six lines: a caption longer than what is left is printed past the column's foot.
  if (natural > g.linesPerColumn) ctx.problems.push({ kind: 'figure-too-tall', captionLines: caption.length, source: fig.source, anchor: fig.id });
  // A photo between text may take one grid line more, shared above it and under its caption (R-COL-1: the make-up's give, less seen than a spread paragraph).
  const inLines = (lines: number): Atom => ({
    lines, keepWithNextLines: 0, isFloat: true, anchors: [fig.id, ...queriesIn(fig.caption).map((q) => q.id)], spansColumns: isWide, placement: fig.placement,
    draw({ geometry, isRecto, column, line: at, afterFloat }) {
      // At a column or page foot the blank line goes above the photo, its caption's last line on the last grid line (R-COL-1, R-COL-2);
      // at a column's head, and under another photo, the photo starts at its band's top (two stacked photos had their first's room
      // and half the second's between them, twice what stood under the second's caption); between text, what the block leaves of
      // its grid lines is shared above the photo and under the caption (at the band's top a photo stood 4 pt under the text above,
      // a line and more over the text below).
      const atFoot = at + lines >= geometry.linesPerColumn;
      const left = geometry.columnLeft(isRecto, column);
      const bandTop = geometry.baseline(at) - 0.88 * geometry.bodySizePt;
      const shared = at === 0 || afterFloat ? 0 : Math.max(0, lines * geometry.pitchPt - blockHeight) / 2;
      const top = atFoot ? geometry.baseline(at + lines - 1) - firstBaseline - (caption.length - 1) * captionPitch : bandTop + shared;
      const titleKey = group && blockKey(group.source);
      const titleLines = title.map((l, i) => ({
        kind: 'glyphs' as const, x: left + (boxWidth - l.widthPt) / 2, y: top + 0.88 * c.size_pt + i * captionPitch, glyphs: l.glyphs, ...blockLine(titleKey!, i, true),
      }));
      const captionLines = caption.map((l, i) => ({
        kind: 'glyphs' as const,
        x: left + (caption.length === 1 ? (boxWidth - l.widthPt) / 2 : 0),
        y: top + firstBaseline + i * captionPitch,
        glyphs: l.glyphs,
        ...blockLine(key, i, true),
      }));
      return [...titleLines, { kind: 'image', src: fig.src, x: left + (boxWidth - width) / 2, y: top + titleHeight, width, height }, ...captionLines];
    },
    ...(isWide ? {} : { resize: (delta: 1 | -1) => (delta === 1 && lines === natural && lines < g.linesPerColumn ? inLines(lines + 1) : undefined), giveCost: FIGURE_GIVE_EM }),
  });
  return inLines(natural);
}

/** 名单: names in a grid of equal cells, the cell as wide as the longest name plus 1 em. */
/** `key`: the list's manuscript place; each name is a line of it in a proof's page map. */
export function nameGridAtoms(ctx: LayoutContext, names: readonly string[], source?: Source): Atom[] {
  const g = ctx.geometry;
  const em = g.bodySizePt;
  const key = source && blockKey(source);
  const cells = names.map((n) => composeAt(ctx, plain(spacedName(n), BODY), em, 100 * em)[0]!);
  // A name is set on one line: one wider than the column (names run together with a separator the list does not know, 张三；李四…) would run off it.
  names.forEach((name, i) => {
    if (cells[i]!.widthPt > g.columnWidthPt) ctx.problems.push({ kind: 'name-too-wide', name, ...(source ? { source } : {}) });
  });
  const cellWidth = (Math.ceil(Math.max(...cells.map((c) => c.widthPt)) / em) + 1) * em;
  const perRow = Math.max(1, Math.floor((g.columnWidthPt + em) / cellWidth));
  const rows: Line[][] = [];
  for (let i = 0; i < cells.length; i += perRow) rows.push(cells.slice(i, i + perRow));
  return rows.map((row, index) => ({
    lines: 1, keepWithNextLines: 0, isFloat: false, anchors: [], paragraph: { index, count: rows.length },
    draw: ({ geometry, isRecto, column, line }) => row.map((cell, k) => ({
      kind: 'glyphs' as const, x: geometry.columnLeft(isRecto, column) + k * cellWidth, y: geometry.baseline(line), glyphs: cell.glyphs, ...blockLine(key, index * perRow + k),
    })),
  }));
}

/**
 * The block a paragraph's lines belong to, and the run-in head (【条目】, a
 * date, a list mark) that the EPUB prints apart from the block's text.
 */
interface TextBlock {
  source: Source;
  head?: string;
}

/**
 * Each line's atom, knowing where its text begins in its block (issue 19: the
 * EPUB's page-list). A run-in head that turns over (a long 【条目】) is a
 * heading: its lines keep with the next one, so it is never parted by a
 * column break from itself or from the text it opens (R-HEAD-3).
 */
function lineAtoms(lines: readonly Line[], place: (index: number) => Atom['paragraph'], block: TextBlock): Atom[] {
  const key = blockKey(block.source);
  let offset = -countedLength(block.head ?? '');
  return lines.map((l, index) => {
    const atom = lineAtom(l, place(index));
    // The first line begins before the block's own text, at its head: a negative offset (the EPUB prints the head apart).
    if (key) atom.textStart = { block: key, offset: index === 0 ? offset : Math.max(0, offset) };
    offset += countedLength(l.text);
    if (offset <= 0 && index + 1 < lines.length) atom.keepWithNextLines = 1;
    return atom;
  });
}

/**
 * A paragraph's lines as atoms; justified ones can be set again one line
 * shorter or longer when the page needs it (R-PAR-4). The footnotes marked in
 * `inlines` go with the lines their marks are set in.
 */
function linesOf(ctx: LayoutContext, input: Parameters<typeof composeAt>[1], block: TextBlock, inlines: readonly Inline[] = []): Atom[] {
  const g = ctx.geometry;
  const notes = footnotesByMark(ctx, inlines);
  const lines = composeAt(ctx, input, g.bodySizePt, g.columnWidthPt);
  // One name for the block, in a proof's page map and the EPUB's page markers alike.
  const key = blockKey(block.source);
  const settings = new Map<number, Atom[] | undefined>();
  // The breaker's tables for other line counts are made for each count asked and not kept: these
  // closures live as long as the pages, and kept, the tables held 70 MB of the 10× sample's peak
  // (1.51 GB against 1.44 GB), while making them again for a second count cost no measurable time.
  // Each table goes up to the count asked and no further: a table's rows for fewer lines do not
  // depend on those for more, and a line shorter asks two rows fewer (the make-up's 先挤后推 about
  // 0.87 of its time before).
  const relines = (count: number): Atom[] | undefined => {
    if (!settings.has(count)) {
      const again = composeInLines(ctx, input, g.bodySizePt, g.columnWidthPt, count)(count);
      settings.set(count, again && attachNotes(lineAtoms(again, (index) => ({ index, count, relines, key }), block), notes));
    }
    return settings.get(count);
  };
  // A paragraph of more lines than a page holds is set as it is: its table of other settings grows with its lines times its
  // characters (a 279,000-character paragraph asked for gigabytes), and a line more or less in it helps no make-up.
  const resettable = input.align === 'justify' && lines.length <= MOST_RESET_LINES;
  const atoms = attachNotes(lineAtoms(lines, (index) => (resettable ? { index, count: lines.length, relines, key } : { index, count: lines.length, key }), block), notes);
  if (resettable) settings.set(lines.length, atoms);
  return atoms;
}

/** The longest paragraph, in lines, that the make-up may set a line shorter or longer (先挤后推): two full pages of two columns. */
const MOST_RESET_LINES = 200;

function blockAtoms(ctx: LayoutContext, block: Block): Item[] {
  switch (block.type) {
    case 'paragraph': return linesOf(ctx, bodyParagraph(block), block, block.children);
    case 'chronicleItem': return linesOf(ctx, chronicleParagraph(block), { source: block.source, head: block.date }, block.children);
    case 'credit': return linesOf(ctx, creditParagraph(block), block).map((a) => ({ ...a, keepWithPrevious: true }));
    case 'figure': return [figureAtom(ctx, block)];
    case 'gallery': return block.figures.map((f, i) => figureAtom(ctx, f, i === 0 && block.title.trim() !== '' ? block : undefined));
    case 'table': return [{ table: block, notes: [], title: block.caption ? inlineText(block.caption) : '' }];
    case 'nameList': return nameGridAtoms(ctx, block.names, block.source);
    case 'query': return [{ mark: block.id }];
    case 'note': return [];
    case 'list':
      return block.items.flatMap((item, i) => item.flatMap((p, j) => {
        const input = bodyParagraph(p);
        const mark = j === 0 ? (block.ordered ? `${i + 1}.` : '·') : '';
        if (mark) input.runs.unshift({ kind: 'text', text: mark, style: BODY });
        return linesOf(ctx, input, { source: p.source, head: mark }, p.children);
      }));
  }
}

function entryAtoms(ctx: LayoutContext, entry: Entry): Item[] {
  const lead = linesOf(ctx, entryParagraph(entry), { source: entry.source, head: `【${entry.title}】` }, entry.lead);
  // In an entry a table's notes are the paragraphs right after it that read as notes (isTableNoteText): 注： set under
  // the table in small type went to the next page as body text when the table did.
  return [...lead, ...withTableNotes(entry.blocks, (p) => isTableNoteText(inlineText(p.children)), (b) => blockAtoms(ctx, b))];
}

/** Paragraphs right after a table that `isNote` takes belong to it as notes (everywhere but in an entry, all of them). */
function takeTableNotes(items: ReadonlyArray<Section | Entry | Block>, from: number, isNote: (p: Paragraph) => boolean): Paragraph[] {
  const notes: Paragraph[] = [];
  for (let i = from; i < items.length && items[i]!.type === 'paragraph' && isNote(items[i] as Paragraph); i++) notes.push(items[i] as Paragraph);
  return notes;
}

/** The items' atoms, each table with its notes taken after it. */
function withTableNotes<T extends Section | Entry | Block>(items: readonly T[], isNote: (p: Paragraph) => boolean, atomsOf: (item: T) => Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.type === 'table') {
      const table = item as StatTable;
      const notes = takeTableNotes(items, i + 1, isNote);
      const marks = [table, ...notes].flatMap((b) => queriesOfBlock(b).map((q) => q.id));
      out.push({ table, notes, title: table.caption ? inlineText(table.caption) : '', ...(marks.length ? { marks } : {}) });
      i += notes.length;
      continue;
    }
    // One at a time: a paragraph of a hundred thousand lines spread as arguments overflowed the stack.
    for (const atom of atomsOf(item)) out.push(atom);
  }
  return out;
}

function childAtoms(ctx: LayoutContext, items: ReadonlyArray<Section | Entry | Block>): Item[] {
  return withTableNotes(items, () => true, (item) => childItem(ctx, item));
}

function childItem(ctx: LayoutContext, item: Section | Entry | Block): Item[] {
  {
    if (item.type === 'section') {
      const level = item.level === 3 ? 'section' : 'subsection';
      const title = level === 'section' ? letterSpaced(item.title) : item.title;
      return [{ ...headingAtom(ctx, title, level, item.id, undefined, item.source), sources: [item.source] }, ...childAtoms(ctx, item.children)];
    }
    if (item.type === 'entry') return entryAtoms(ctx, item);
    return blockAtoms(ctx, item);
  }
}

/**
 * All flow items of one chapter (章), heading first. A chapter that opens
 * with a table gives the table its title (附录: 2023年河西区中学名录).
 */
export function chapterAtoms(ctx: LayoutContext, chapter: Chapter): FlowItem[] {
  const children = withMarks(childAtoms(ctx, chapter.children));
  const first = children[0];
  if (first && 'table' in first && !chapter.article) {
    return [{ ...first, title: first.title || chapter.title, anchor: chapter.id }, ...children.slice(1)];
  }
  const head = chapter.article ? articleAtoms(ctx, chapter) : [{ ...headingAtom(ctx, letterSpaced(chapter.title), 'chapter', chapter.id, 1, chapter.source), sources: [chapter.source] }];
  return withMarks([...head, ...children]);
}

/**
 * The blocks between a part's title and its first chapter (a 篇's opening
 * words, a 大事记's 概述), at the head of its first page of columns. The EPUB
 * printed them; the PDF had left them out, with no message.
 */
export function introAtoms(ctx: LayoutContext, intro: readonly Block[]): FlowItem[] {
  return withMarks(childAtoms(ctx, intro));
}

/** Block queries given to the item printed before them: a line, a figure, a table (the chapter's heading at least). */
function withMarks(items: readonly Item[]): FlowItem[] {
  const out: FlowItem[] = [];
  for (const item of items) {
    if (!('mark' in item)) {
      out.push(item);
      continue;
    }
    const last = out.at(-1);
    if (!last) continue; // a query before anything printed: the chapter's heading takes it (below)
    out[out.length - 1] = 'table' in last ? { ...last, marks: [...(last.marks ?? []), item.mark] } : { ...last, anchors: [...last.anchors, item.mark] };
  }
  const leading = items.findIndex((i) => !('mark' in i));
  const before = (leading < 0 ? items : items.slice(0, leading)).flatMap((i) => ('mark' in i ? [i.mark] : []));
  if (before.length && out[0] && !('table' in out[0])) out[0] = { ...out[0], anchors: [...out[0].anchors, ...before] };
  return out;
}

