/**
 * Pages of two-column lists where each item ends in a number at the right
 * edge after a dot leader: the 目录 and the 索引. Long items wrap with a
 * hanging indent; headings (a part in the TOC, a letter in the index) are
 * centred or set apart and kept with the item after them.
 */
import { BODY, type Line, RUN_IN_HEAD } from '../compose/index.ts';
import type { FontStyle } from '../font/index.ts';
import { composeAt, type LayoutContext, plain } from './context.ts';
import type { PageDraft } from './draft.ts';
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

/** An index item: heading lines broken between words and never stretched, numbers on its last line when they fit. */
function indexBlockOf(ctx: LayoutContext, item: LeaderItem): Block {
  const w = ctx.geometry.columnWidthPt;
  const first = w - item.indentEm * item.sizePt;
  const numbers = composeAt(ctx, plain(item.trailer ?? '', BODY), item.sizePt, 40 * item.sizePt);
  const long = (numbers[0]?.widthPt ?? 0) > w * LONG_TRAILER_SHARE;
  const room = long || !item.trailer ? 0 : (numbers[0]?.widthPt ?? 0) + MIN_LEADER_EM * item.sizePt;
  const { lines, trailerFits } = headingLines(ctx, {
    text: item.text, style: item.style, sizePt: item.sizePt, firstMeasurePt: first, restMeasurePt: first - item.hangEm * item.sizePt, trailerRoomPt: room,
  });
  if (!item.trailer) return { item, lines, trailer: [], height: lines.length + item.spaceBefore };
  if (!long && trailerFits) return { item, lines, trailer: numbers, height: lines.length + item.spaceBefore };
  const trailer = long ? composeAt(ctx, plain(item.trailer, BODY, 'start'), item.sizePt, w - (item.indentEm + item.hangEm) * item.sizePt) : numbers;
  return { item, lines, trailer, height: lines.length + trailer.length + item.spaceBefore };
}

function blockOf(ctx: LayoutContext, item: LeaderItem): Block {
  if (item.numberTargets) return indexBlockOf(ctx, item);
  const w = ctx.geometry.columnWidthPt;
  const measure = w - item.indentEm * item.sizePt - trailerRoomEm(item.trailer) * item.sizePt;
  // A turned-over entry breaks between words and is set ragged, not spread to the measure (issue 18).
  const first = composeAt(ctx, { ...plain(item.text, item.style, 'start'), turnover: item.isHeading ? 'balanced' : 'words' }, item.sizePt, Math.max(measure, 4 * item.sizePt));
  // Hanging indent: lines after the first are set narrower and indented.
  const lines = first.length > 1 && item.hangEm > 0
    ? [first[0]!, ...composeAt(ctx, { ...plain(first.slice(1).map((l) => l.text).join('').replace(/ /g, ''), item.style, 'start'), turnover: 'words' }, item.sizePt, Math.max(measure - item.hangEm * item.sizePt, 4 * item.sizePt))]
    : first;
  let trailer = item.trailer ? composeAt(ctx, plain(item.trailer, BODY), item.sizePt, 40 * item.sizePt) : [];
  if ((trailer[0]?.widthPt ?? 0) > w * LONG_TRAILER_SHARE) {
    trailer = composeAt(ctx, plain(item.trailer!, BODY, 'start'), item.sizePt, w - (item.indentEm + item.hangEm) * item.sizePt);
    return { item, lines, trailer, height: lines.length + trailer.length + item.spaceBefore };
  }
  return { item, lines, trailer, height: lines.length + item.spaceBefore };
}

/**
 * An index line that opens with a full-width opening mark (“保交楼”) hangs
 * its blank half into the margin, so that the mark's ink, not its box,
 * lines up with the headings above and below.
 */
function hungPt(item: LeaderItem, line: Line): number {
  if (!item.numberTargets || !OPENING_MARK.test(line.glyphs.refs[0]?.text ?? '')) return 0;
  return (line.glyphs.refs[0]!.advanceEm - 0.5) * line.glyphs.sizePt(0) > 0 ? 0.5 * line.glyphs.sizePt(0) : 0;
}

const OPENING_MARK = /^[“‘《（〈「『【〔［]$/u;

function drawBlock(ctx: LayoutContext, b: Block, left: number, baseline: number, pitch: number, pageIndexOf: (id: string) => number | undefined): DisplayItem[] {
  const w = ctx.geometry.columnWidthPt;
  const { item } = b;
  const top = baseline + item.spaceBefore * pitch;
  const out: DisplayItem[] = b.lines.map((l, i) => {
    const indent = (item.indentEm + (i > 0 ? item.hangEm : 0)) * item.sizePt - hungPt(item, l);
    const x = item.isHeading ? left + (w - l.widthPt) / 2 : left + indent;
    return { kind: 'glyphs', x, y: top + i * pitch, glyphs: l.glyphs };
  });
  let lastY = top + (b.lines.length - 1) * pitch;
  const lastIndent = (item.indentEm + (b.lines.length > 1 ? item.hangEm : 0)) * item.sizePt - (b.lines.length === 1 ? hungPt(item, b.lines[0]!) : 0);
  const textEnd = left + lastIndent + (b.lines.at(-1)?.widthPt ?? 0);
  const isLong = b.trailer.length > 0 && b.height > b.lines.length + item.spaceBefore;
  b.trailer.forEach((t, i) => {
    const y = isLong ? lastY + (i + 1) * pitch : lastY;
    const x = left + w - t.widthPt;
    const from = i === 0 && !isLong ? textEnd : left + (item.indentEm + item.hangEm) * item.sizePt;
    if (i === 0 && x - from > item.sizePt) out.push({ kind: 'rule', x1: from + 0.5 * item.sizePt, y1: y - 0.25 * item.sizePt, x2: x - 0.5 * item.sizePt, y2: y - 0.25 * item.sizePt, widthPt: 0.8, dash: [0.8, 2.2] });
    out.push({ kind: 'glyphs', x, y, glyphs: t.glyphs });
  });
  if (isLong) lastY += b.trailer.length * pitch;
  if (item.numberTargets) out.push(...numberLinks(b, item.numberTargets, left + w, isLong ? lastY - (b.trailer.length - 1) * pitch : lastY, pitch, pageIndexOf));
  const target = item.target ? pageIndexOf(item.target) : undefined;
  if (target !== undefined) out.push({ kind: 'link', x: left, y: top - item.sizePt, width: w, height: lastY - top + 1.3 * item.sizePt, pageIndex: target });
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
  /** Share the last page's items between its columns evenly (an index's last page). */
  balanceLast?: boolean;
}

type Column = Array<{ block: Block; line: number }>;

/** Lays `blocks` down a column from its top: the first block's space above is dropped. */
function stack(blocks: readonly Block[]): { column: Column; height: number } {
  let used = 0;
  const column = blocks.map((block) => {
    const skip = used === 0 ? block.item.spaceBefore : 0;
    const placed = { block, line: used - skip };
    used += block.height - skip;
    return placed;
  });
  return { column, height: used };
}

/**
 * Balances a page's two columns: the split that makes the longer column
 * shortest, never after a group heading (it stays with its first entry).
 */
function balance(page: Column[]): void {
  if (page.length !== 2) return;
  const blocks = page.flatMap((c) => c.map((p) => p.block));
  let best = { split: -1, height: Infinity };
  for (let k = 1; k <= blocks.length; k++) {
    if (blocks[k - 1]!.item.isHeading || blocks[k - 1]!.item.keepWithNext) continue;
    const height = Math.max(stack(blocks.slice(0, k)).height, stack(blocks.slice(k)).height);
    if (height < best.height) best = { split: k, height };
  }
  if (best.split < 0) return;
  page[0] = stack(blocks.slice(0, best.split)).column;
  page[1] = stack(blocks.slice(best.split)).column;
}

/** Lays `items` into pages of columns under a title on the first page. */
export function leaderPages(ctx: LayoutContext, items: readonly LeaderItem[], o: LeaderPagesOptions): PageDraft[] {
  const g = ctx.geometry;
  const titleSize = ctx.template.headings.part.size_pt * 0.7;
  const title = composeAt(ctx, plain(o.title, RUN_IN_HEAD), titleSize, g.typeWidthPt)[0]!;
  const linesPerColumn = Math.floor(g.typeHeightPt / o.pitchPt);
  const titleSkip = 4;
  const blocks = items.map((item) => blockOf(ctx, item));
  const pages: Array<Array<Array<{ block: Block; line: number }>>> = [];
  let column = g.columns;
  let used = 0;
  blocks.forEach((block, i) => {
    const capacity = linesPerColumn - (pages.length === 1 && column < g.columns ? titleSkip : 0);
    const kept = block.item.isHeading || block.item.keepWithNext ? (blocks[i + 1]?.height ?? 0) : 0;
    const atTop = used === 0;
    const need = block.height - (atTop ? block.item.spaceBefore : 0) + kept;
    if (column === g.columns || used + need > capacity) {
      column++;
      if (column >= g.columns) {
        pages.push(Array.from({ length: g.columns }, () => []));
        column = 0;
      }
      used = 0;
    }
    const skipSpace = used === 0 ? block.item.spaceBefore : 0;
    pages.at(-1)![column]!.push({ block, line: used - skipSpace });
    used += block.height - skipSpace;
  });
  if (o.balanceLast && pages.length > 0) balance(pages.at(-1)!);
  return pages.map((cols, p) => ({
    kind: o.kind, startsRecto: p === 0, hasFurniture: true, partTitle: o.runningHead, ...(p === 0 && o.kind === 'toc' ? { hidesRunningHead: true } : {}),
    anchors: p === 0 && o.anchor ? [{ id: o.anchor, y: g.typeTopPt }] : [],
    outline: p === 0 ? [{ title: o.runningHead, level: 0 }] : [],
    draw(isRecto, pageIndexOf) {
      const skip = p === 0 ? titleSkip * o.pitchPt : 0;
      const out: DisplayItem[] = p === 0 ? [{ kind: 'glyphs', x: g.typeLeft(isRecto) + (g.typeWidthPt - title.widthPt) / 2, y: g.typeTopPt + titleSize, glyphs: title.glyphs }] : [];
      cols.forEach((col, c) => col.forEach(({ block, line }) => {
        const baseline = g.typeTopPt + skip + 0.88 * block.item.sizePt + line * o.pitchPt;
        out.push(...drawBlock(ctx, block, g.columnLeft(isRecto, c), baseline, o.pitchPt, pageIndexOf));
      }));
      return out;
    },
  }));
}
