/**
 * A part (篇): its title page on a new recto (篇章页, R-YB-8, R-PAGE-2), then
 * its chapters in two columns, the last page balanced (R-COL-1); tables
 * across the type area on pages of their own.
 */
import { RUN_IN_HEAD } from '../compose/index.ts';
import type { Part } from '../model/index.ts';
import { mmToPt } from '../units/index.ts';
import type { Atom } from './atoms.ts';
import { chapterAtoms, type FlowItem } from './body-atoms.ts';
import { composeAt, type LayoutContext, titleText } from './context.ts';
import { flowPageDraft, type PageDraft } from './draft.ts';
import { balanceLastPage, flowAtoms } from './flow.ts';
import { letterSpaced } from './spacing.ts';
import { type TablePage, tablePages } from './table.ts';

function openerDraft(ctx: LayoutContext, part: Part): PageDraft {
  const size = ctx.template.headings.part.size_pt;
  const lines = composeAt(ctx, titleText(letterSpaced(part.title, 2), RUN_IN_HEAD), size, ctx.geometry.typeWidthPt);
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
        ...lines.map((l, i) => ({ kind: 'glyphs' as const, x: left + (ctx.geometry.typeWidthPt - l.widthPt) / 2, y: top + i * size * 1.5, glyphs: l.glyphs })),
        { kind: 'rule' as const, x1: centre - ruleHalf, y1: ruleY, x2: centre + ruleHalf, y2: ruleY, widthPt: 1 },
      ];
    },
  };
}

/** Gap between two tables packed on one page. */
const TABLE_GAP_PT = 24;

type TableItem = Extract<FlowItem, { table: unknown }>;

interface TablePiece {
  page: TablePage;
  /** The heading this table stands for (a chapter that is one table): in the outline. */
  anchor?: string;
  /** The table's own id on its first page: a problem with the table is reported at its page. */
  tableId?: string;
  title: string;
}

const anchorsOfPiece = (p: TablePiece, y: number) => [...(p.anchor ? [{ id: p.anchor, y }] : []), ...(p.tableId ? [{ id: p.tableId, y }] : [])];

/** 卧排: one page of a turned table, its head to the left (turned a quarter anticlockwise), on every page. */
function turnedTableDraft(ctx: LayoutContext, partTitle: string, piece: TablePiece): PageDraft {
  const g = ctx.geometry;
  return {
    kind: 'body', startsRecto: false, hasFurniture: true, partTitle,
    anchors: anchorsOfPiece(piece, g.typeTopPt), outline: piece.anchor ? [{ title: piece.title, level: 1 }] : [],
    // The frame's x runs up the page from the foot of the type area; its y runs right from the type area's left edge.
    draw: (isRecto) => [{ kind: 'group', transform: [0, -1, 1, 0, g.typeLeft(isRecto), g.typeTopPt + g.typeHeightPt], items: piece.page.draw(0, 0) }],
  };
}

function tableDraft(ctx: LayoutContext, partTitle: string, pieces: TablePiece[]): PageDraft {
  const offsets: number[] = [];
  let y = 0;
  for (const p of pieces) {
    offsets.push(y);
    y += p.page.height + TABLE_GAP_PT;
  }
  return {
    kind: 'body', startsRecto: false, hasFurniture: true, partTitle,
    anchors: pieces.flatMap((p, i) => anchorsOfPiece(p, ctx.geometry.typeTopPt + offsets[i]!)),
    outline: pieces.flatMap((p) => (p.anchor ? [{ title: p.title, level: 1 }] : [])),
    draw: (isRecto) => pieces.flatMap((p, i) => p.page.draw(ctx.geometry.typeLeft(isRecto), ctx.geometry.typeTopPt + offsets[i]!)),
  };
}

/**
 * Tables in a row: each continues over as many pages as it needs; a table
 * that fits under the one before it on that table's last page goes there.
 */
function tableRunDrafts(ctx: LayoutContext, tables: TableItem[], partTitle: string): PageDraft[] {
  const drafts: PageDraft[] = [];
  let open: TablePiece[] = [];
  const used = () => open.reduce((h, p) => h + p.page.height + TABLE_GAP_PT, 0);
  const flush = () => {
    if (open.length) drafts.push(tableDraft(ctx, partTitle, open));
    open = [];
  };
  for (const t of tables) {
    const pages = tablePages(ctx, t.table, t.title, t.notes);
    pages.forEach((page, i) => {
      const piece: TablePiece = { page, title: t.title, ...(i === 0 ? { tableId: t.table.id, ...(t.anchor ? { anchor: t.anchor } : {}) } : {}) };
      if (page.turned) {
        flush();
        drafts.push(turnedTableDraft(ctx, partTitle, piece));
        return;
      }
      if (!(i === 0 && open.length > 0 && used() + page.height <= ctx.geometry.typeHeightPt)) flush();
      open.push(piece);
      if (i < pages.length - 1) flush();
    });
  }
  flush();
  return drafts;
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
  let tables: TableItem[] = [];
  const items: FlowItem[] = part.chapters.flatMap((c) => chapterAtoms(ctx, c));
  for (const item of items) {
    if ('table' in item) {
      drafts.push(...columnDrafts(ctx, atoms, part.title));
      atoms = [];
      tables.push(item);
      continue;
    }
    drafts.push(...tableRunDrafts(ctx, tables, part.title));
    tables = [];
    atoms.push(item);
  }
  drafts.push(...tableRunDrafts(ctx, tables, part.title));
  drafts.push(...columnDrafts(ctx, atoms, part.title));
  return drafts;
}
