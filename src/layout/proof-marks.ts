/**
 * What a proof (校样) prints outside the type area (issue 23): the stamp at
 * the head of every page (the round, the date, the manuscript's revision);
 * beside each entry its manuscript place; beside the line that holds it each
 * query (存疑), highlighted and numbered, and each warning that must be acted
 * on; and, against an earlier proof, a change bar in the outer margin beside
 * every changed line and a lighter mark on pages that only moved.
 */
import { BODY, type Line } from '../compose/index.ts';
import { mmToPt } from '../units/index.ts';
import { composeAt, type LayoutContext, type MarginNote, plain } from './context.ts';
import type { PageDraft } from './draft.ts';
import type { Geometry } from './geometry.ts';
import type { DisplayItem, Page, TextLine } from './types.ts';

/** Size of the proof stamp and the margin notes. */
const DRAFT_SIZE_PT = 6.5;
const NOTE_PITCH_PT = 8;
/** A margin note stands this far from the type area; a change bar stands between them. */
const NOTE_GAP_PT = 7;
const BAR_GAP_PT = 3.5;
/** A note longer than this many lines is cut (its whole text is in the report). */
const NOTE_MOST_LINES = 6;
const HIGHLIGHT: Record<MarginNote['tone'], string> = { query: '#fff066', warning: '#ffc4b8' };

interface NoteBlock {
  onLeft: boolean;
  y: number;
  lines: Array<{ line: Line; tone?: MarginNote['tone'] }>;
}

/** The lines of one note, set to the margin's width, at most NOTE_MOST_LINES. */
function noteLines(ctx: LayoutContext, text: string, width: number): Line[] {
  const lines = composeAt(ctx, plain(text, BODY), DRAFT_SIZE_PT, width);
  if (lines.length <= NOTE_MOST_LINES) return lines;
  return [...lines.slice(0, NOTE_MOST_LINES - 1), ...composeAt(ctx, plain('……（全文见报告）', BODY), DRAFT_SIZE_PT, width)];
}

/** Each note block at its anchor's height or below the one before it on its side, never over it. */
function stacked(blocks: NoteBlock[]): NoteBlock[] {
  const free = { left: -Infinity, right: -Infinity };
  return [...blocks].sort((a, b) => a.y - b.y).map((b) => {
    const side = b.onLeft ? 'left' : 'right';
    const y = Math.max(b.y, free[side]);
    free[side] = y + b.lines.length * NOTE_PITCH_PT;
    return { ...b, y };
  });
}

function drawBlock(g: Geometry, left: number, b: NoteBlock): DisplayItem[] {
  return b.lines.flatMap(({ line, tone }, i): DisplayItem[] => {
    const y = b.y + i * NOTE_PITCH_PT;
    const x = b.onLeft ? left - NOTE_GAP_PT - line.widthPt : left + g.typeWidthPt + NOTE_GAP_PT;
    const glyphs: DisplayItem = { kind: 'glyphs', x, y, glyphs: line.glyphs };
    if (!tone) return [glyphs];
    const mid = y - 0.34 * DRAFT_SIZE_PT;
    return [{ kind: 'rule', x1: x - 1, y1: mid, x2: x + line.widthPt + 1, y2: mid, widthPt: NOTE_PITCH_PT, colour: HIGHLIGHT[tone] }, glyphs];
  });
}

/**
 * 校样: the stamp, and beside its own column (the left column's on the left)
 * each anchor's notes: an entry's manuscript place, the queries and warnings
 * printed there. Pages without columns take them in the outer margin.
 */
export function draftMarks(ctx: LayoutContext, page: Page, anchors: PageDraft['anchors']): DisplayItem[] {
  const draft = ctx.draft;
  if (!draft) return [];
  const g = ctx.geometry;
  const left = g.typeLeft(page.isRecto);
  const stamp = composeAt(ctx, plain(draft.stamp, BODY), DRAFT_SIZE_PT, g.typeWidthPt)[0];
  const items: DisplayItem[] = stamp ? [{ kind: 'glyphs', x: page.isRecto ? left : left + g.typeWidthPt - stamp.widthPt, y: mmToPt(6), glyphs: stamp.glyphs }] : [];
  const width = { left: left - NOTE_GAP_PT - 4, right: g.widthPt - left - g.typeWidthPt - NOTE_GAP_PT - 4 };
  const blocks: NoteBlock[] = [];
  for (const a of anchors) {
    const onLeft = a.column === undefined ? !page.isRecto : a.column === 0;
    const measure = onLeft ? width.left : width.right;
    const source = draft.sourceNotes.get(a.id);
    const lines: NoteBlock['lines'] = source ? composeAt(ctx, plain(source, BODY), DRAFT_SIZE_PT, 100).slice(0, 1).map((line) => ({ line })) : [];
    for (const note of draft.marginNotes?.get(a.id) ?? []) lines.push(...noteLines(ctx, note.text, measure).map((line) => ({ line, tone: note.tone })));
    if (lines.length > 0) blocks.push({ onLeft, y: a.y, lines });
  }
  for (const b of stacked(blocks)) items.push(...drawBlock(g, left, b));
  return items;
}

/**
 * The lines of manuscript text a page prints, from its glyph items that name
 * their block, in the order drawn. A line whose middle is left of the type
 * area's middle stands on the left (column 0); a line centred on the page (a
 * part title on its 篇章页, R-YB-8) on the outer side (a recto's right,
 * R-PAGE-1). Lines inside a group (a turned table) are not in the map: a bar
 * beside them would run across the page.
 */
export function textLinesOf(g: Geometry, isRecto: boolean, items: readonly DisplayItem[]): TextLine[] {
  const middle = g.typeLeft(isRecto) + g.typeWidthPt / 2;
  // A plain loop: every build makes these for its 30,000 lines (flatMap's arrays and object spreads for
  // each were 4 % of the layout).
  const out: TextLine[] = [];
  for (const item of items) {
    if (item.kind !== 'glyphs' || !item.block || item.glyphs.length === 0) continue;
    const run = item.glyphs;
    const last = run.length - 1;
    const x0 = run.xPt(0);
    const widthPt = run.xPt(last) + run.refs[last]!.advanceEm * run.sizePt(last) - x0;
    const centre = item.x + x0 + widthPt / 2;
    const column = Math.abs(centre - middle) < 1 ? (isRecto ? 1 : 0) : centre < middle ? 0 : 1;
    const { key, index, floats, composed } = item.block;
    const line: TextLine = { key, index, column, y: item.y, x: item.x + x0, widthPt, sizePt: run.sizePt(0), text: glyphText(run.refs, composed) };
    if (floats) line.floats = floats;
    if (composed) line.composed = composed;
    out.push(line);
  }
  return out;
}

/**
 * The text of a line's glyphs. A body line's composed text, when its glyphs
 * spell it out (most lines: the glyphs hold no word space), is the same
 * string: checked glyph by glyph, it is used as it is, not joined again
 * from some 750,000 one-character strings (two thirds of the time, and no
 * second copy of the book's text kept with the pages).
 */
function glyphText(refs: readonly { text: string }[], composed: Line | undefined): string {
  if (composed && spells(refs, composed.text)) return composed.text;
  return refs.map((r) => r.text).join(''); // one flat string (+= would keep a chain of pieces with the page)
}

const spells = (refs: readonly { text: string }[], text: string): boolean => {
  let at = 0;
  for (const r of refs) {
    if (!text.startsWith(r.text, at)) return false;
    at += r.text.length;
  }
  return at === text.length;
};

/** What changed on a page since the proof compared with: its changed lines (indexes into `page.textLines`), where text was deleted, or that it only moved. */
export interface PageChange {
  changedLines: readonly number[];
  /** Under these lines (indexes into `page.textLines`) text of the earlier proof was deleted. */
  deletedAfter?: readonly number[];
  /** Above these lines text was deleted (a block deleted before the first that remains of its file). */
  deletedBefore?: readonly number[];
  moved: boolean;
}

const BAR_WIDTH_PT = 1.5;
const MOVED_COLOUR = '#a8a8a8';
/**
 * The deletion mark: a short heavy red stroke from the margin to the place
 * between two lines, and across its inner end a thin red tick over the
 * boundary (⊣ beside the left column, ⊢ beside the right).
 */
const DELETION_WIDTH_PT = 2;
const DELETION_LENGTH_PT = 9;
const DELETION_TICK_PT = 7;
const DELETION_COLOUR = '#d0021b';

/** The bar's x: outside the type area on the line's side (never in the gutter). */
const barX = (g: Geometry, page: Page, line: TextLine) => {
  const left = g.typeLeft(page.isRecto);
  return line.column === 0 ? left - BAR_GAP_PT : left + g.typeWidthPt + BAR_GAP_PT;
};

/**
 * The slot a line fills from top to bottom: a body line its grid line (the
 * bars of neighbouring lines join), a line of another size (a heading, a
 * table cell, a footnote) its type size and a fifth of it above and below.
 */
function slotOf(g: Geometry, line: TextLine): { top: number; bottom: number } {
  const body = Math.abs(line.sizePt - g.bodySizePt) < 0.01;
  const lead = body ? g.pitchPt - g.bodySizePt : 0.4 * line.sizePt;
  const top = line.y - 0.88 * line.sizePt - lead / 2;
  return { top, bottom: top + line.sizePt + lead };
}

/**
 * A change bar beside each changed line, in the margin on its side (the left
 * column's on the left, the right column's on the right: both outside the
 * type area, never in the gutter, and never beside the other column's line),
 * as tall as the line's slot so that bars of neighbouring lines join; where
 * text was deleted, a red stroke from the margin at the boundary between the
 * lines it stood between. A page that only moved gets a thin, dashed, grey
 * rule down its outer margin.
 */
export function changeMarks(g: Geometry, page: Page, change: PageChange): DisplayItem[] {
  const lines = page.textLines ?? [];
  const bars: DisplayItem[] = change.changedLines.map((i) => {
    const line = lines[i]!;
    const x = barX(g, page, line);
    const { top, bottom } = slotOf(g, line);
    return { kind: 'rule', x1: x, y1: top, x2: x, y2: bottom, widthPt: BAR_WIDTH_PT };
  });
  const deletion = (line: TextLine, y: number): DisplayItem[] => {
    const x = barX(g, page, line);
    const out = line.column === 0 ? -DELETION_LENGTH_PT : DELETION_LENGTH_PT;
    return [
      { kind: 'rule', x1: x, y1: y, x2: x + out, y2: y, widthPt: DELETION_WIDTH_PT, colour: DELETION_COLOUR },
      { kind: 'rule', x1: x, y1: y - DELETION_TICK_PT / 2, x2: x, y2: y + DELETION_TICK_PT / 2, widthPt: 1, colour: DELETION_COLOUR },
    ];
  };
  for (const i of change.deletedAfter ?? []) bars.push(...deletion(lines[i]!, slotOf(g, lines[i]!).bottom));
  for (const i of change.deletedBefore ?? []) bars.push(...deletion(lines[i]!, slotOf(g, lines[i]!).top));
  if (!change.moved) return bars;
  const left = g.typeLeft(page.isRecto);
  const outer = page.isRecto ? left + g.typeWidthPt + BAR_GAP_PT : left - BAR_GAP_PT;
  return [...bars, { kind: 'rule', x1: outer, y1: g.typeTopPt, x2: outer, y2: g.typeTopPt + g.typeHeightPt, widthPt: 0.4, dash: [2, 2], colour: MOVED_COLOUR }];
}
