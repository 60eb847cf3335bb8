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
import type { DisplayItem, Page } from './types.ts';

/** Size of the proof stamp and the margin notes. */
const DRAFT_SIZE_PT = 6.5;
const NOTE_PITCH_PT = 8;
/** A margin note stands this far from the type area; a change bar stands between them. */
const NOTE_GAP_PT = 6;
const BAR_GAP_PT = 2.5;
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

/** What changed on a page since the proof compared with: its changed lines (indexes into `page.textLines`), or that it only moved. */
export interface PageChange {
  changedLines: readonly number[];
  moved: boolean;
}

const BAR_WIDTH_PT = 1.5;
const MOVED_COLOUR = '#a8a8a8';

/**
 * A change bar beside each changed line, in the margin on its column's side
 * (the left column's on the left, the right column's on the right: both
 * outside the type area, never in the gutter, and never beside the other
 * column's line), as tall as the line pitch so that bars of neighbouring
 * lines join. A page that only moved gets a thin, dashed, grey rule down
 * its outer margin.
 */
export function changeMarks(g: Geometry, page: Page, change: PageChange): DisplayItem[] {
  const left = g.typeLeft(page.isRecto);
  const lines = page.textLines ?? [];
  const bars: DisplayItem[] = change.changedLines.map((i) => {
    const line = lines[i]!;
    const x = line.column === 0 ? left - BAR_GAP_PT : left + g.typeWidthPt + BAR_GAP_PT;
    const top = line.y - 0.88 * g.bodySizePt - (g.pitchPt - g.bodySizePt) / 2;
    return { kind: 'rule', x1: x, y1: top, x2: x, y2: top + g.pitchPt, widthPt: BAR_WIDTH_PT };
  });
  if (!change.moved) return bars;
  const outer = page.isRecto ? left + g.typeWidthPt + BAR_GAP_PT : left - BAR_GAP_PT;
  return [...bars, { kind: 'rule', x1: outer, y1: g.typeTopPt, x2: outer, y2: g.typeTopPt + g.typeHeightPt, widthPt: 0.4, dash: [2, 2], colour: MOVED_COLOUR }];
}
