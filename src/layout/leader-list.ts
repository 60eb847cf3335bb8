/**
 * Pages of two-column lists where each item ends in a number at the right
 * edge after a dot leader: the 目录 and the 索引. Long items wrap with a
 * hanging indent; headings (a part in the TOC, a letter in the index) are
 * centred or set apart and kept with the item after them.
 */
import { BODY, type Line, RUN_IN_HEAD } from '../compose/index.ts';
import type { FontStyle } from '../font/index.ts';
import { composeAt, type LayoutContext, plain } from './context.ts';
import { type Atom, spaceAtom } from './atoms.ts';
import { flowPageDraft, type PageDraft } from './draft.ts';
import { balanceLastPage, flowAtoms } from './flow.ts';
import type { Geometry } from './geometry.ts';
import { headingLines } from './index-lines.ts';
import type { DisplayItem } from './types.ts';

export interface LeaderItem {
  text: string;
  style: FontStyle;
  sizePt: number;
  indentEm: number;
  /** Indent of wrapped lines beyond the first (hanging indent). */
  hangEm: number;
  /** The number(s) at the right edge; none for group headings. */
  trailer?: string;
  /** Anchor the item links to (the whole item: a TOC line). */
  target?: string;
  /** Anchors of the trailer's numbers, in order: each number links to its own place (index locators). */
  numberTargets?: readonly string[];
  /** Group headings are centred and kept with the next item. */
  isHeading?: boolean;
  /** Kept with the next item (a main heading with sub-entries under it). */
  keepWithNext?: boolean;
  /** Blank lines above the item. */
  spaceBefore: number;
}

interface Block {
  item: LeaderItem;
  lines: Line[];
  /** The trailer, right-aligned; more than one line when it is too long (a heading on 100 pages). */
  trailer: Line[];
  /** Grid lines of the item's text and trailer (its space above is an atom of its own). */
  height: number;
}

/** A trailer wider than this share of the column goes on lines of its own under the heading. */
const LONG_TRAILER_SHARE = 0.5;

/** Room at the right for the leader and the trailer, in em of the item. */
function trailerRoomEm(trailer: string | undefined): number {
  return trailer ? Math.max(3, Math.ceil(trailer.length * 0.6) + 2) : 0;
}

/** Leader room at least this wide (em) between a heading and its numbers. */
const MIN_LEADER_EM = 1.5;

/** The numbers of an item set on one line (40 em at most): a list sets each text once, as many items end in the same page number. */
type NumbersOf = (trailer: string, sizePt: number) => Line[];

function numbersOnce(ctx: LayoutContext): NumbersOf {
  const set = new Map<string, Line[]>();
  return (trailer, sizePt) => {
    const key = `${sizePt}\u0000${trailer}`;
    let lines = set.get(key);
    if (!lines) set.set(key, (lines = composeAt(ctx, plain(trailer, BODY), sizePt, 40 * sizePt)));
    return lines;
  };
}

/** An index item: heading lines broken between words and never stretched, numbers on its last line when they fit. */
function indexBlockOf(ctx: LayoutContext, item: LeaderItem, numbersOf: NumbersOf): Block {
  const w = ctx.geometry.columnWidthPt;
  const first = w - item.indentEm * item.sizePt;
  const numbers = numbersOf(item.trailer ?? '', item.sizePt);
  const long = (numbers[0]?.widthPt ?? 0) > w * LONG_TRAILER_SHARE;
  const room = long || !item.trailer ? 0 : (numbers[0]?.widthPt ?? 0) + MIN_LEADER_EM * item.sizePt;
  const { lines, trailerFits } = headingLines(ctx, {
    text: item.text, style: item.style, sizePt: item.sizePt, firstMeasurePt: first, restMeasurePt: first - item.hangEm * item.sizePt, trailerRoomPt: room,
  });
  if (!item.trailer) return { item, lines, trailer: [], height: lines.length };
  if (!long && trailerFits) return { item, lines, trailer: numbers, height: lines.length };
  const trailer = long ? composeAt(ctx, plain(item.trailer, BODY, 'start'), item.sizePt, w - (item.indentEm + item.hangEm) * item.sizePt) : numbers;
  return { item, lines, trailer, height: lines.length + trailer.length };
}

function blockOf(ctx: LayoutContext, item: LeaderItem, numbersOf: NumbersOf): Block {
  if (item.numberTargets) return indexBlockOf(ctx, item, numbersOf);
  const w = ctx.geometry.columnWidthPt;
  const measure = Math.max(w - item.indentEm * item.sizePt - trailerRoomEm(item.trailer) * item.sizePt, 4 * item.sizePt);
  // A turned-over entry breaks where an index heading does (index-lines.ts), set ragged, its lines
  // after the first hung; the page number's room is kept free on every line (issue 18).
  const lines = item.isHeading
    ? composeAt(ctx, { ...plain(item.text, item.style, 'start'), turnover: 'balanced' }, item.sizePt, measure)
    : headingLines(ctx, { text: item.text, style: item.style, sizePt: item.sizePt, firstMeasurePt: measure, restMeasurePt: Math.max(measure - item.hangEm * item.sizePt, 4 * item.sizePt), trailerRoomPt: 0 }).lines;
  let trailer = item.trailer ? numbersOf(item.trailer, item.sizePt) : [];
  if ((trailer[0]?.widthPt ?? 0) > w * LONG_TRAILER_SHARE) {
    trailer = composeAt(ctx, plain(item.trailer!, BODY, 'start'), item.sizePt, w - (item.indentEm + item.hangEm) * item.sizePt);
    return { item, lines, trailer, height: lines.length + trailer.length };
  }
  return { item, lines, trailer, height: lines.length };
}

/** A leader's dots: 0.8 pt, one every 3 pt. */
const DOT = { on: 0.8, every: 3 } as const;

/**
 * The dots between a title and its page number, on a grid of the column's own
 * (from its left edge), so that they stand in columns from line to line as a
 * TOC's leaders do in print; started at each title's end they wandered.
 */
function leaderDots(left: number, from: number, to: number, y: number): DisplayItem[] {
  const x1 = left + Math.ceil((from - left) / DOT.every) * DOT.every;
  if (x1 + DOT.on > to) return []; // no grid point with room for a dot: none, rather than one against the number
  const x2 = x1 + Math.floor((to - x1 - DOT.on) / DOT.every) * DOT.every + DOT.on;
  return [{ kind: 'rule', x1, y1: y, x2, y2: y, widthPt: 0.8, dash: [DOT.on, DOT.every - DOT.on] }];
}

function drawBlock(ctx: LayoutContext, b: Block, left: number, firstBaseline: number, pitch: number, pageIndexOf: (id: string) => number | undefined): DisplayItem[] {
  const w = ctx.geometry.columnWidthPt;
  const { item } = b;
  const out: DisplayItem[] = b.lines.map((l, i) => {
    // A line opening with a full-width mark (“保交楼”) has its blank trimmed by the composer (R-PUN-9): the ink lines up.
    const indent = (item.indentEm + (i > 0 ? item.hangEm : 0)) * item.sizePt;
    const x = item.isHeading ? left + (w - l.widthPt) / 2 : left + indent;
    return { kind: 'glyphs', x, y: firstBaseline + i * pitch, glyphs: l.glyphs };
  });
  let lastY = firstBaseline + (b.lines.length - 1) * pitch;
  const lastIndent = (item.indentEm + (b.lines.length > 1 ? item.hangEm : 0)) * item.sizePt;
  const textEnd = left + lastIndent + (b.lines.at(-1)?.widthPt ?? 0);
  const isLong = b.trailer.length > 0 && b.height > b.lines.length;
  b.trailer.forEach((t, i) => {
    const y = isLong ? lastY + (i + 1) * pitch : lastY;
    const x = left + w - t.widthPt;
    const from = i === 0 && !isLong ? textEnd : left + (item.indentEm + item.hangEm) * item.sizePt;
    if (i === 0 && x - from > item.sizePt) out.push(...leaderDots(left, from + 0.5 * item.sizePt, x - 0.5 * item.sizePt, y - 0.25 * item.sizePt));
    out.push({ kind: 'glyphs', x, y, glyphs: t.glyphs });
  });
  if (isLong) lastY += b.trailer.length * pitch;
  if (item.numberTargets) out.push(...numberLinks(b, item.numberTargets, left + w, isLong ? lastY - (b.trailer.length - 1) * pitch : lastY, pitch, pageIndexOf));
  const target = item.target ? pageIndexOf(item.target) : undefined;
  if (target !== undefined) out.push({ kind: 'link', x: left, y: firstBaseline - item.sizePt, width: w, height: lastY - firstBaseline + 1.3 * item.sizePt, pageIndex: target });
  return out;
}

/** The x extent of each number in a line of glyphs (digits in a row), in order. */
function numberSpans(line: Line): Array<{ x1: number; x2: number }> {
  const spans: Array<{ x1: number; x2: number }> = [];
  let open = false;
  for (let i = 0; i < line.glyphs.length; i++) {
    const g = line.glyphs.refs[i]!;
    const x2 = line.glyphs.xPt(i) + g.advanceEm * line.glyphs.sizePt(i);
    if (/^\d+$/.test(g.text)) {
      if (open) spans.at(-1)!.x2 = x2;
      else spans.push({ x1: line.glyphs.xPt(i), x2 });
      open = true;
    } else open = false;
  }
  return spans;
}

/** One link per printed number of the trailer, to that number's own place (R-IDX: every locator a link). */
function numberLinks(b: Block, targets: readonly string[], right: number, firstY: number, pitch: number, pageIndexOf: (id: string) => number | undefined): DisplayItem[] {
  const out: DisplayItem[] = [];
  let n = 0;
  b.trailer.forEach((t, i) => {
    const y = firstY + i * pitch;
    const x0 = right - t.widthPt;
    for (const span of numberSpans(t)) {
      const target = targets[n++];
      const pageIndex = target === undefined ? undefined : pageIndexOf(target);
      if (pageIndex !== undefined) out.push({ kind: 'link', x: x0 + span.x1, y: y - b.item.sizePt, width: span.x2 - span.x1, height: 1.3 * b.item.sizePt, pageIndex });
    }
  });
  return out;
}

export interface LeaderPagesOptions {
  title: string;
  runningHead: string;
  pitchPt: number;
  anchor?: string;
  kind: PageDraft['kind'];
}

/** Grid lines the list's title takes across the columns of its first page. */
const TITLE_LINES = 4;

/**
 * The list's grid: the type area in lines of the list's own pitch; `baseline(i)`
 * is the top of line i, each item setting its baseline by its own size.
 */
function listGeometry(g: Geometry, pitchPt: number): Geometry {
  return { ...g, pitchPt, linesPerColumn: Math.floor(g.typeHeightPt / pitchPt), baseline: (i) => g.typeTopPt + i * pitchPt };
}

/** The title, centred across the columns: a page-wide band at the top of the list's first page. */
function titleAtom(ctx: LayoutContext, o: LeaderPagesOptions): Atom {
  const titleSize = ctx.template.headings.part.size_pt * 0.7;
  const title = composeAt(ctx, plain(o.title, RUN_IN_HEAD), titleSize, ctx.geometry.typeWidthPt)[0]!;
  return {
    lines: TITLE_LINES, keepWithNextLines: 0, isFloat: false, spansColumns: true, anchors: o.anchor ? [o.anchor] : [], outline: { title: o.runningHead, level: 0 },
    draw: ({ geometry: g, isRecto }) => [{ kind: 'glyphs', x: g.typeLeft(isRecto) + (g.typeWidthPt - title.widthPt) / 2, y: g.typeTopPt + titleSize, glyphs: title.glyphs }],
  };
}

/**
 * The list as the engine's items: each item an unbreakable block of grid
 * lines, its space above a discardable atom before it. A group heading (a
 * letter of the index) keeps the first two items of its group in its column
 * (R-HEAD-3: not one entry alone under a letter at a column's foot); an item
 * marked keepWithNext (a part or chapter of the 目录) the next one.
 */
function leaderAtoms(ctx: LayoutContext, items: readonly LeaderItem[], pitchPt: number): Atom[] {
  const numbersOf = numbersOnce(ctx);
  const blocks = items.map((item) => blockOf(ctx, item, numbersOf));
  return blocks.flatMap((block, i) => {
    const { item } = block;
    const inGroup = (b: (typeof blocks)[number] | undefined) => (b && !b.item.isHeading ? b.height : 0);
    const next = blocks[i + 1]?.height ?? 0;
    const second = inGroup(blocks[i + 1]) > 0 ? inGroup(blocks[i + 2]) : 0;
    const keeps = item.isHeading ? next + second : item.keepWithNext ? next : 0;
    const atom: Atom = {
      lines: block.height, keepWithNextLines: keeps, isFloat: false, anchors: [],
      draw: ({ geometry: g, isRecto, column, line, pageIndexOf }) => drawBlock(ctx, block, g.columnLeft(isRecto, column), g.baseline(line) + 0.88 * item.sizePt, pitchPt, pageIndexOf ?? (() => undefined)),
    };
    return item.spaceBefore > 0 ? [spaceAtom(item.spaceBefore), atom] : [atom];
  });
}

/** Lays `items` into pages of columns under a title on the first page, by the page make-up engine (flow.ts); the last page balanced. */
export function leaderPages(ctx: LayoutContext, items: readonly LeaderItem[], o: LeaderPagesOptions): PageDraft[] {
  const g = listGeometry(ctx.geometry, o.pitchPt);
  const pages = balanceLastPage(flowAtoms([titleAtom(ctx, o), ...leaderAtoms(ctx, items, o.pitchPt)], g), g);
  return pages.map((page, p) => flowPageDraft(ctx, page, o.runningHead, {
    // A list's first page opens under its title band (目　录, 索　引), with no running head over it, as a part's opener has none.
    geometry: g, page: { kind: o.kind, startsRecto: p === 0, ...(p === 0 ? { hidesRunningHead: true } : {}) },
  }));
}
