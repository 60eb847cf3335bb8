/**
 * A part (篇): its title page on a new recto (篇章页, R-YB-8, R-PAGE-2), then
 * its chapters in two columns, the last page balanced (R-COL-1); tables
 * across the type area on pages of their own.
 */
import { RUN_IN_HEAD } from '../compose/index.ts';
import { blockKey, type Part } from '../model/index.ts';
import { mmToPt } from '../units/index.ts';
import type { Atom } from './atoms.ts';
import { blockLine } from './block-line.ts';
import { chapterAtoms, type FlowItem, introAtoms } from './body-atoms.ts';
import { composeAt, type LayoutContext, titleText } from './context.ts';
import { flowPageDraft, type PageDraft } from './draft.ts';
import { balanceLastPage, flowAtoms, type FlowPage } from './flow.ts';
import { withoutRuntPage } from './runt-page.ts';
import { letterSpaced } from './spacing.ts';
import { setTable, type TablePage, tablePages } from './table.ts';
import { tableAtoms } from './table-atoms.ts';

/**
 * A 篇 title stands in the middle three quarters of the type area: one long
 * enough to fill the whole width at the opener's size (中国人民政治协商会议
 * 天津市河西区委员会, 19 characters at 26 pt in 504 pt) turns over between
 * words into balanced lines, as a designer sets it, instead of running from
 * margin to margin.
 */
const PART_TITLE_MEASURE = 3 / 4;

function openerDraft(ctx: LayoutContext, part: Part): PageDraft {
  const size = ctx.template.headings.part.size_pt;
  const lines = composeAt(ctx, titleText(letterSpaced(part.title, 2), RUN_IN_HEAD), size, ctx.geometry.typeWidthPt * PART_TITLE_MEASURE, part.source);
  const top = mmToPt(ctx.template.headings.part.top_mm);
  return {
    kind: 'part-opener', startsRecto: true, hasFurniture: false, partTitle: part.title,
    anchors: [{ id: part.id, y: top }], outline: [{ title: part.title, level: 0 }],
    draw: (isRecto) => {
      const left = ctx.geometry.typeLeft(isRecto);
      const ruleY = top + (lines.length - 1) * size * 1.5 + size;
      const ruleHalf = ctx.geometry.typeWidthPt / 6;
      const centre = left + ctx.geometry.typeWidthPt / 2;
      return [
        ...lines.map((l, i) => ({ kind: 'glyphs' as const, x: left + (ctx.geometry.typeWidthPt - l.widthPt) / 2, y: top + i * size * 1.5, glyphs: l.glyphs, ...blockLine(blockKey(part.source), i) })),
        { kind: 'rule' as const, x1: centre - ruleHalf, y1: ruleY, x2: centre + ruleHalf, y2: ruleY, widthPt: 1 },
      ];
    },
  };
}

type TableItem = Extract<FlowItem, { table: unknown }>;

/** 卧排: one page of a turned table, its head to the left (turned a quarter anticlockwise), on every page. */
function turnedTableDraft(ctx: LayoutContext, partTitle: string, page: TablePage, anchors: string[], outline: PageDraft['outline']): PageDraft {
  const g = ctx.geometry;
  return {
    kind: 'body', startsRecto: false, hasFurniture: true, partTitle,
    anchors: anchors.map((id) => ({ id, y: g.typeTopPt })), outline,
    // The frame's x runs up the page from the foot of the type area; its y runs right from the type area's left edge.
    draw: (isRecto) => [{ kind: 'group', transform: [0, -1, 1, 0, g.typeLeft(isRecto), g.typeTopPt + g.typeHeightPt], items: page.draw(0, 0) }],
  };
}

/** A table as flow atoms: in a column, across the page, or (turned) pages of its own after the page it is referenced on. */
function tableItemAtoms(ctx: LayoutContext, t: TableItem, partTitle: string): Atom[] {
  const set = setTable(ctx, t.table, t.title, t.notes);
  const anchors = [...(t.anchor ? [t.anchor] : []), t.table.id, ...(t.marks ?? [])];
  const outline = t.anchor ? { title: t.title, level: 1 } : undefined;
  if (set.span !== 'turned') return tableAtoms(ctx, set, { anchors, ...(outline ? { outline } : {}) });
  const pagesAfter = tablePages(ctx, set).map((page, i) => turnedTableDraft(ctx, partTitle, page, i === 0 ? anchors : [], i === 0 && outline ? [outline] : []));
  return [{ lines: 0, keepWithNextLines: 0, isFloat: false, anchors: [], pagesAfter, draw: () => [] }];
}

/** Flows atoms into balanced pages of drafts, each followed by the pages of its own that it calls for. */
function columnDrafts(ctx: LayoutContext, atoms: Atom[], partTitle: string): PageDraft[] {
  if (atoms.length === 0) return [];
  const pages = balanceLastPage(withoutRuntPage(atoms, flowAtoms(atoms, ctx.geometry), ctx.geometry), ctx.geometry);
  const isEmpty = (p: FlowPage) => p.columns.every((c) => c.length === 0);
  return pages.flatMap((p) => [...(isEmpty(p) ? [] : [flowPageDraft(ctx, p, partTitle)]), ...(p.after ?? []).flatMap((a) => a.pagesAfter ?? [])]);
}

export function partDrafts(ctx: LayoutContext, part: Part): PageDraft[] {
  const items: FlowItem[] = [...introAtoms(ctx, part.intro), ...part.chapters.flatMap((c) => chapterAtoms(ctx, c))];
  const atoms = items.flatMap((item) => ('table' in item ? tableItemAtoms(ctx, item, part.title) : [item]));
  return [openerDraft(ctx, part), ...columnDrafts(ctx, atoms, part.title)];
}
