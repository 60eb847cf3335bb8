/**
 * Front matter written in Markdown: text sections (编辑说明) set across the
 * type area, and the colour photo pages (彩页): a group title, then 2–6
 * photos a page in a grid, each with its caption and credit.
 */
import { bodyParagraph, EMPHASIS, inlineRuns, type Line, RUN_IN_HEAD } from '../compose/index.ts';
import type { Figure, FrontSection, Gallery } from '../model/index.ts';
import { composeAt, type LayoutContext, plain } from './context.ts';
import type { PageDraft } from './draft.ts';
import type { DisplayItem } from './types.ts';

/** A text section: its title centred, then its paragraphs on the body grid across the type area. */
export function textSectionDrafts(ctx: LayoutContext, section: FrontSection): PageDraft[] {
  const g = ctx.geometry;
  const titleSize = ctx.template.headings.part.size_pt * 0.7;
  const title = composeAt(ctx, plain(section.title.split('').join('\u3000').replace(/\u3000{2,}/g, '\u3000'), RUN_IN_HEAD), titleSize, g.typeWidthPt)[0]!;
  const lines = section.blocks.flatMap((b) => (b.type === 'paragraph' ? composeAt(ctx, bodyParagraph(b), g.bodySizePt, g.typeWidthPt) : []));
  const titleLines = 5;
  const pages: Line[][] = [[]];
  for (const line of lines) {
    const capacity = g.linesPerColumn - (pages.length === 1 ? titleLines : 0);
    if (pages.at(-1)!.length >= capacity) pages.push([]);
    pages.at(-1)!.push(line);
  }
  return pages.map((ls, p) => ({
    kind: 'front' as const, startsRecto: p === 0, hasFurniture: true, partTitle: section.title, anchors: p === 0 ? [{ id: section.id, y: g.typeTopPt }] : [],
    outline: p === 0 ? [{ title: section.title, level: 0 }] : [],
    draw(isRecto) {
      const left = g.typeLeft(isRecto);
      const items: DisplayItem[] = p === 0 ? [{ kind: 'glyphs', x: left + (g.typeWidthPt - title.widthPt) / 2, y: g.baseline(2), glyphs: title.glyphs }] : [];
      const skip = p === 0 ? titleLines : 0;
      ls.forEach((l, i) => items.push({ kind: 'glyphs', x: left, y: g.baseline(skip + i), glyphs: l.glyphs }));
      return items;
    },
  }));
}

interface Cell {
  fig: Figure;
  caption: Line[];
}

function galleryPage(ctx: LayoutContext, gallery: Gallery, cells: Cell[], isFirst: boolean): PageDraft {
  const g = ctx.geometry;
  const c = ctx.template.caption;
  const titleSize = ctx.template.gallery.title_size_pt;
  const title = composeAt(ctx, plain(gallery.title, RUN_IN_HEAD), titleSize, g.typeWidthPt)[0]!;
  const cellWidth = (g.typeWidthPt - g.gutterPt) / 2;
  const top = g.typeTopPt + (isFirst ? titleSize * 3 : 0);
  const rows = Math.ceil(cells.length / 2);
  const rowHeight = (g.typeTopPt + g.typeHeightPt - top) / rows;
  return {
    kind: 'gallery', startsRecto: false, hasFurniture: false, anchors: isFirst ? [{ id: gallery.id, y: top }] : [],
    outline: isFirst ? [{ title: gallery.title, level: 1 }] : [],
    draw(isRecto) {
      const left = g.typeLeft(isRecto);
      const items: DisplayItem[] = isFirst ? [{ kind: 'glyphs', x: left + (g.typeWidthPt - title.widthPt) / 2, y: g.typeTopPt + titleSize * 1.5, glyphs: title.glyphs }] : [];
      cells.forEach((cell, i) => {
        const size = ctx.imageSize(cell.fig.src) ?? { widthPx: 3, heightPx: 2 };
        const captionHeight = (cell.caption.length - 1) * c.size_pt * c.leading + c.size_pt + c.gap_above_pt;
        const maxH = rowHeight - captionHeight - c.size_pt;
        const width = Math.min(cellWidth, (maxH * size.widthPx) / size.heightPx);
        const height = (width * size.heightPx) / size.widthPx;
        const x = left + (i % 2) * (cellWidth + g.gutterPt);
        // Each photo and its caption are centred in their row.
        const y = top + Math.floor(i / 2) * rowHeight + Math.max(0, (rowHeight - height - captionHeight) / 2);
        items.push({ kind: 'image', src: cell.fig.src, x: x + (cellWidth - width) / 2, y, width, height });
        cell.caption.forEach((l, k) => items.push({
          kind: 'glyphs', x: x + (cell.caption.length === 1 ? (cellWidth - l.widthPt) / 2 : 0), y: y + height + c.gap_above_pt + 0.88 * c.size_pt + c.size_pt * c.leading * k, glyphs: l.glyphs,
        }));
      });
      return items;
    },
  };
}

/** The pages of one gallery group. */
export function galleryDrafts(ctx: LayoutContext, gallery: Gallery): PageDraft[] {
  const perPage = ctx.template.gallery.per_page;
  const cellWidth = (ctx.geometry.typeWidthPt - ctx.geometry.gutterPt) / 2;
  const cells = gallery.figures.map((fig) => ({
    fig,
    caption: composeAt(ctx, { runs: [...inlineRuns(fig.caption, EMPHASIS), { kind: 'text', text: `（${fig.credit}）`, style: EMPHASIS }], indentEm: 0, align: 'justify', turnover: 'words' }, ctx.template.caption.size_pt, cellWidth),
  }));
  const drafts: PageDraft[] = [];
  for (let i = 0; i < cells.length; i += perPage) drafts.push(galleryPage(ctx, gallery, cells.slice(i, i + perPage), i === 0));
  return drafts;
}

export function frontDrafts(ctx: LayoutContext, front: readonly FrontSection[]): PageDraft[] {
  return front.flatMap((section) => {
    if (section.kind === 'galleries') return section.blocks.flatMap((b) => (b.type === 'gallery' ? galleryDrafts(ctx, b) : []));
    return textSectionDrafts(ctx, section);
  });
}
