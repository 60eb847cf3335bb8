/**
 * Front matter written in Markdown: text sections (编辑说明) set across the
 * type area, and the colour photo pages (彩页, galleries.ts).
 */
import { bodyParagraph, type Line, RUN_IN_HEAD } from '../compose/index.ts';
import type { FrontSection } from '../model/index.ts';
import { composeAt, type LayoutContext, plain } from './context.ts';
import type { PageDraft } from './draft.ts';
import { galleryDrafts } from './galleries.ts';
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

export function frontDrafts(ctx: LayoutContext, front: readonly FrontSection[]): PageDraft[] {
  return front.flatMap((section) => {
    if (section.kind === 'galleries') return section.blocks.flatMap((b) => (b.type === 'gallery' ? galleryDrafts(ctx, b) : []));
    return textSectionDrafts(ctx, section);
  });
}
