/**
 * 目录 pages: two columns, each item indented by its level, a dot leader to
 * its folio at the right edge of the column, and a link to its page.
 */
import { BODY, type Line, RUN_IN_HEAD } from '../compose/index.ts';
import type { TocItem } from '../derive/index.ts';
import { composeAt, type LayoutContext, plain } from './context.ts';
import type { PageDraft } from './draft.ts';
import type { DisplayItem } from './types.ts';

/** Indent in em per level: part, chapter, section, entry. */
const INDENT_EM = [0, 0, 1, 2] as const;
/** Room kept at the right for the leader and a three-digit folio. */
const FOLIO_ROOM_EM = 4;

interface TocBlock {
  item: TocItem;
  lines: Line[];
  folio: Line;
  sizePt: number;
  /** Lines of the TOC grid this item takes (a part takes one more, above it). */
  height: number;
}

function blockOf(ctx: LayoutContext, item: TocItem, folio: string): TocBlock {
  const t = ctx.template.toc;
  const isPart = item.level === 0;
  const size = isPart ? t.part_size_pt : t.size_pt;
  const style = item.level <= 1 ? RUN_IN_HEAD : BODY;
  const indent = INDENT_EM[item.level] * size;
  const lines = composeAt(ctx, plain(item.title, style, isPart ? 'start' : 'justify'), size, ctx.geometry.columnWidthPt - indent - FOLIO_ROOM_EM * size);
  const folioLine = composeAt(ctx, plain(folio, BODY), t.size_pt, 100)[0]!;
  return { item, lines, folio: folioLine, sizePt: size, height: lines.length + (isPart ? 1 : 0) };
}

function drawBlock(ctx: LayoutContext, b: TocBlock, left: number, firstBaseline: number, pageIndexOf: (id: string) => number | undefined): DisplayItem[] {
  const t = ctx.template.toc;
  const w = ctx.geometry.columnWidthPt;
  const indent = INDENT_EM[b.item.level] * b.sizePt;
  const top = firstBaseline + (b.item.level === 0 ? t.line_pitch_pt : 0);
  const items: DisplayItem[] = b.lines.map((l, i) => ({ kind: 'glyphs', x: left + indent, y: top + i * t.line_pitch_pt, glyphs: l.glyphs }));
  const lastY = top + (b.lines.length - 1) * t.line_pitch_pt;
  const lastEnd = left + indent + (b.lines.at(-1)?.widthPt ?? 0);
  const folioX = left + w - b.folio.widthPt;
  if (b.item.level > 0) {
    items.push({ kind: 'rule', x1: lastEnd + 0.5 * t.size_pt, y1: lastY - 0.25 * t.size_pt, x2: folioX - 0.5 * t.size_pt, y2: lastY - 0.25 * t.size_pt, widthPt: 0.8, dash: [0.8, 2.2] });
  }
  items.push({ kind: 'glyphs', x: folioX, y: lastY, glyphs: b.folio.glyphs });
  const target = pageIndexOf(b.item.id);
  if (target !== undefined) {
    items.push({ kind: 'link', x: left, y: top - t.size_pt, width: w, height: lastY - top + 1.3 * t.size_pt, pageIndex: target });
  }
  return items;
}

/** The TOC pages; `folioOf` gives the printed folio of each anchor. */
export function tocDrafts(ctx: LayoutContext, toc: readonly TocItem[], folioOf: (id: string) => string): PageDraft[] {
  const t = ctx.template.toc;
  const g = ctx.geometry;
  const titleSize = ctx.template.headings.part.size_pt * 0.7;
  const title = composeAt(ctx, plain('目\u3000录', RUN_IN_HEAD), titleSize, g.typeWidthPt)[0]!;
  const linesPerColumn = Math.floor(g.typeHeightPt / t.line_pitch_pt);
  const blocks = toc.map((item) => blockOf(ctx, item, folioOf(item.id)));
  const pages: Array<Array<Array<{ block: TocBlock; line: number }>>> = [];
  let column = g.columns;
  let used = 0;
  const firstPageSkip = 4; // lines under the title 目录
  for (const block of blocks) {
    const capacity = linesPerColumn - (pages.length === 1 ? firstPageSkip : 0);
    if (column === g.columns || used + block.height > capacity) {
      column++;
      if (column >= g.columns) {
        pages.push(Array.from({ length: g.columns }, () => []));
        column = 0;
      }
      used = 0;
    }
    pages.at(-1)![column]!.push({ block, line: used });
    used += block.height;
  }
  return pages.map((cols, p) => ({
    kind: 'toc' as const, startsRecto: p === 0, hasFurniture: true, partTitle: '目录', anchors: [], outline: p === 0 ? [{ title: '目录', level: 0 }] : [],
    draw(isRecto, pageIndexOf) {
      const skip = p === 0 ? firstPageSkip * t.line_pitch_pt : 0;
      const items: DisplayItem[] = p === 0 ? [{ kind: 'glyphs', x: g.typeLeft(isRecto) + (g.typeWidthPt - title.widthPt) / 2, y: g.typeTopPt + titleSize, glyphs: title.glyphs }] : [];
      cols.forEach((col, c) => col.forEach(({ block, line }) => {
        items.push(...drawBlock(ctx, block, g.columnLeft(isRecto, c), g.typeTopPt + skip + 0.88 * t.size_pt + line * t.line_pitch_pt, pageIndexOf));
      }));
      return items;
    },
  }));
}
