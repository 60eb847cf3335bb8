/**
 * A part (篇): its title page on a new recto (篇章页, R-YB-8, R-PAGE-2), then
 * its chapters in two columns, the last page balanced (R-COL-1); tables
 * across the type area on pages of their own.
 */
import { RUN_IN_HEAD } from '../compose/index.ts';
import type { Part, StatTable } from '../model/index.ts';
import { mmToPt } from '../units/index.ts';
import type { Atom } from './atoms.ts';
import { chapterAtoms, type FlowItem } from './body-atoms.ts';
import { composeAt, type LayoutContext, plain } from './context.ts';
import { flowPageDraft, type PageDraft } from './draft.ts';
import { balanceLastPage, flowAtoms } from './flow.ts';
import { tablePages } from './table.ts';

function openerDraft(ctx: LayoutContext, part: Part): PageDraft {
  const size = ctx.template.headings.part.size_pt;
  const lines = composeAt(ctx, plain(part.title, RUN_IN_HEAD), size, ctx.geometry.typeWidthPt);
  const top = mmToPt(ctx.template.headings.part.top_mm);
  return {
    kind: 'part-opener', startsRecto: true, hasFurniture: false, partTitle: part.title,
    anchors: [{ id: part.id, y: top }], outline: [{ title: part.title, level: 0 }],
    draw: (isRecto) => lines.map((l, i) => ({
      kind: 'glyphs' as const, x: ctx.geometry.typeLeft(isRecto) + (ctx.geometry.typeWidthPt - l.widthPt) / 2,
      y: top + i * size * 1.5, glyphs: l.glyphs,
    })),
  };
}

function tableDrafts(ctx: LayoutContext, table: StatTable, title: string, anchor: { id: string; title: string } | undefined, partTitle: string): PageDraft[] {
  return tablePages(ctx, table, title).map((page, i) => ({
    kind: 'body' as const, startsRecto: false, hasFurniture: true, partTitle,
    anchors: i === 0 && anchor ? [{ id: anchor.id, y: ctx.geometry.typeTopPt }] : [],
    outline: i === 0 && anchor ? [{ title: anchor.title, level: 1 }] : [],
    draw: (isRecto: boolean) => page.draw(ctx.geometry.typeLeft(isRecto), ctx.geometry.typeTopPt),
  }));
}

/** Flows atoms into balanced pages of drafts. */
function columnDrafts(ctx: LayoutContext, atoms: Atom[], partTitle: string): PageDraft[] {
  if (atoms.length === 0) return [];
  const pages = balanceLastPage(flowAtoms(atoms, ctx.geometry), ctx.geometry);
  return pages.map((p) => flowPageDraft(ctx, p, partTitle));
}

export function partDrafts(ctx: LayoutContext, part: Part): PageDraft[] {
  const drafts: PageDraft[] = [openerDraft(ctx, part)];
  let atoms: Atom[] = [];
  const items: FlowItem[] = [...part.chapters.flatMap((c) => chapterAtoms(ctx, c))];
  for (const item of items) {
    if ('table' in item) {
      // A chapter that only holds a table gives the table its title: the heading moves onto the table page.
      const heading = atoms.at(-1)?.keepWithNextLines ? atoms.pop() : undefined;
      drafts.push(...columnDrafts(ctx, atoms, part.title));
      atoms = [];
      const chapter = part.chapters.find((c) => c.children.includes(item.table));
      const title = chapter?.title ?? '';
      drafts.push(...tableDrafts(ctx, item.table, title, heading && chapter ? { id: chapter.id, title } : undefined, part.title));
      continue;
    }
    atoms.push(item);
  }
  drafts.push(...columnDrafts(ctx, atoms, part.title));
  return drafts;
}
