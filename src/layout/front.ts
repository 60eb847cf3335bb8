/**
 * Front matter written in Markdown: text sections (编辑说明) set across the
 * type area by the page make-up engine, and the colour photo pages (彩页, galleries.ts).
 */
import { bodyParagraph, RUN_IN_HEAD } from '../compose/index.ts';
import type { FrontSection } from '../model/index.ts';
import { composeAt, type LayoutContext, titleText } from './context.ts';
import { type Atom, lineAtom } from './atoms.ts';
import { flowPageDraft, type PageDraft } from './draft.ts';
import { flowAtoms } from './flow.ts';
import { singleColumn } from './geometry.ts';
import { galleriesDrafts } from './galleries.ts';

/** Grid lines the section title takes at the head of its first page. */
const TITLE_LINES = 5;

/**
 * A text section: its title centred, then its paragraphs on the body grid
 * across the type area, flowed by the page make-up engine (flow.ts) in one
 * column: full pages, no widow at a page head (R-PAR-4).
 */
export function textSectionDrafts(ctx: LayoutContext, section: FrontSection): PageDraft[] {
  const g = singleColumn(ctx.geometry);
  const titleSize = ctx.template.headings.part.size_pt * 0.7;
  // A long title turns over, every line kept (one line was taken and the rest lost), the text under it a line lower for each.
  const title = composeAt(ctx, titleText(section.title.split('').join('\u3000').replace(/\u3000{2,}/g, '\u3000'), RUN_IN_HEAD), titleSize, g.typeWidthPt);
  const heading: Atom = {
    lines: TITLE_LINES + Math.max(0, title.length - 1), keepWithNextLines: 2, isFloat: false, anchors: [section.id], outline: { title: section.title, level: 0 },
    draw: ({ geometry, isRecto, line }) => title.map((l, i) => ({ kind: 'glyphs', x: geometry.typeLeft(isRecto) + (geometry.typeWidthPt - l.widthPt) / 2, y: geometry.baseline(line + 2 + i), glyphs: l.glyphs })),
  };
  const lines = section.blocks.flatMap((b) => {
    if (b.type !== 'paragraph') return [];
    const composed = composeAt(ctx, bodyParagraph(b), g.bodySizePt, g.typeWidthPt);
    return composed.map((l, index) => lineAtom(l, { index, count: composed.length }));
  });
  return flowAtoms([heading, ...lines], g).map((page, p) => flowPageDraft(ctx, page, section.title, { geometry: g, page: { kind: 'front', startsRecto: p === 0, hidesRunningHead: p === 0 } }));
}

function sectionDrafts(ctx: LayoutContext, section: FrontSection): PageDraft[] {
  if (section.kind === 'galleries') return galleriesDrafts(ctx, section.blocks.filter((b) => b.type === 'gallery'));
  return textSectionDrafts(ctx, section);
}

/** The front sections' pages; a watch session keeps them as it keeps parts' (part-cache.ts). */
export function frontDrafts(ctx: LayoutContext, front: readonly FrontSection[]): PageDraft[] {
  return front.flatMap((section) => (ctx.caches ? ctx.caches.front.drafts(ctx, section, () => sectionDrafts(ctx, section)) : sectionDrafts(ctx, section)));
}
