/**
 * 彩页: each page of a photo group is one of the template's layouts (rows of
 * 1–3 photos: one large over two, three rows, 2×3…), chosen by the photos'
 * count and aspect ratios so the page is fullest. All the 彩页's rows stand
 * on one measure (a share of the type width, centred), chosen for the whole
 * section, so facing pages match. The photos of a row share
 * their top and height and fill that measure together; captions are set
 * under each photo as in the body; the rows stand from the top of the page,
 * spaced evenly, so no photo floats alone in the middle. The group title
 * stands over a rule (the banner) on the group's first page.
 */
import { type Line, RUN_IN_HEAD } from '../compose/index.ts';
import { type Figure, type Gallery, inlineText } from '../model/index.ts';
import type { Atom } from './atoms.ts';
import { captionLines } from './caption.ts';
import { composeAt, type LayoutContext, plain } from './context.ts';
import { flowPageDraft, type PageDraft } from './draft.ts';
import { flowAtoms } from './flow.ts';
import { singleColumn } from './geometry.ts';
import type { DisplayItem } from './types.ts';

/** Most extra room between two rows when the page has room to spare, in body lines. */
const MOST_ROW_SPACE_LINES = 5;
/**
 * The narrowest a photo in a row may be, in caption characters: a tall
 * narrow photo beside a panorama was set 4.8 pt wide, its caption turned
 * over every character and ran out of the type area.
 */
const NARROWEST_CELL_CHARS = 8;

interface Photo {
  fig: Figure;
  aspect: number;
}

interface Cell {
  photo: Photo;
  width: number;
  caption: Line[];
}

interface Row {
  height: number;
  cells: Cell[];
  captionHeight: number;
}

interface PageLayout {
  rows: Row[];
  /** Photo area over the area of the page: the layout's score. */
  fill: number;
  height: number;
}

/** A caption's lines told from its length (layouts are compared before any caption is composed). */
function estimatedCaption(ctx: LayoutContext, fig: Figure, width: number): Line[] {
  const chars = [...inlineText(fig.caption)].length + [...fig.credit].length + 2;
  const lines = Math.ceil((chars * ctx.template.caption.size_pt) / Math.max(width, ctx.template.caption.size_pt * 4));
  return Array.from({ length: lines }) as Line[];
}

/**
 * Photos in rows of `counts`, each row `measure` of the type width; scaled
 * down together only where the page cannot hold them in `room` pt of height
 * (`fill` 0 then, so the plan takes another layout where it has one);
 * `caption` sets (or estimates) a caption.
 */
function setRows(ctx: LayoutContext, photos: readonly Photo[], counts: readonly number[], room: number, measure: number, caption = captionLines): PageLayout {
  const g = ctx.geometry;
  const gap = g.gutterPt;
  const size = ctx.template.caption.size_pt;
  const captionHeight = (cells: Cell[]) => Math.max(...cells.map((c) => c.caption.length)) * size * ctx.template.caption.leading + ctx.template.caption.gap_above_pt;
  const build = (scale: number): Row[] => {
    let at = 0;
    return counts.map((n) => {
      const row = photos.slice(at, (at += n));
      // Every row as wide as the others, the gaps kept: scaling the photos and the gaps alike set a row of two 1.4 pt wider on each side than a row of one (pp. 8, 9, 21).
      const width = g.typeWidthPt * scale - (n - 1) * gap;
      const height = width / row.reduce((a, p) => a + p.aspect, 0);
      const cells = row.map((photo) => ({ photo, width: height * photo.aspect, caption: caption(ctx, photo.fig, height * photo.aspect) }));
      return { height, cells, captionHeight: captionHeight(cells) };
    });
  };
  const total = (rows: Row[]) => rows.reduce((h, r) => h + r.height + r.captionHeight, 0) + (rows.length - 1) * gap;
  let rows = build(measure);
  // Rows scaled below the measure make a page of a width of its own: such a layout does not fit (fill 0).
  const first = rows;
  // Scaled down to what the captions leave; narrower photos may turn their captions over once more, so again (a few times at most).
  const photosAtFull = rows.reduce((h, r) => h + r.height, 0);
  for (let tries = 0; tries < 4 && total(rows) > room + 0.5; tries++) {
    const captions = rows.reduce((h, r) => h + r.captionHeight, 0) + (rows.length - 1) * gap;
    rows = build(Math.max(0.2, Math.min(measure, (room - captions) / (photosAtFull / measure))));
  }
  const area = rows.reduce((a, r) => a + r.cells.reduce((w, c) => w + c.width, 0) * r.height, 0);
  const onMeasure = rows === first;
  const fits = onMeasure && total(rows) <= room + 0.5 && rows.every((r) => r.cells.every((c) => c.width >= NARROWEST_CELL_CHARS * size));
  return { rows, fill: fits ? area / (g.typeWidthPt * room) : 0, height: total(rows) };
}

/** The empty band a layout leaves at the foot of the page once its rows are spread (at most MOST_ROW_SPACE_LINES apart), in pt. */
function bandOf(ctx: LayoutContext, layout: PageLayout, room: number): number {
  const spread = (layout.rows.length - 1) * MOST_ROW_SPACE_LINES * ctx.geometry.pitchPt;
  return Math.max(0, room - layout.height - spread);
}

/** What a page costs in the plan: the page itself, its empty band (four times its share of the page), less the share its photos cover. */
function pageCost(ctx: LayoutContext, layout: PageLayout, room: number): number {
  if (layout.fill === 0) return Infinity;
  return 1 + (4 * bandOf(ctx, layout, room)) / room - layout.fill;
}

/**
 * The layouts of a group's pages, planned over the whole group (not page by
 * page): the cheapest pages by pageCost, so that every page is filled, none
 * is left with a lone photo or a band of white, and the photos are as large
 * as that allows. `roomOf(page)`: the height the page's photos have.
 */
function planPages(ctx: LayoutContext, photos: readonly Photo[], roomOf: (isFirst: boolean) => number, measure: number): { cost: number; pages: number[][] } {
  const most = Math.max(1, ctx.template.gallery.per_page);
  const layouts = ctx.template.gallery.layouts.map((counts) => ({ counts, n: counts.reduce((a, b) => a + b, 0) })).filter(({ n }) => n <= most);
  // best[i]: the cheapest pages for photos i.. (i = photos.length: none).
  const best: Array<{ cost: number; pages: number[][] }> = [];
  best[photos.length] = { cost: 0, pages: [] };
  for (let i = photos.length - 1; i >= 0; i--) {
    const room = roomOf(i === 0);
    let choice = { cost: Infinity, pages: [[1]] as number[][] };
    for (const { counts, n } of layouts) {
      const rest = best[i + n];
      if (!rest) continue;
      const cost = pageCost(ctx, setRows(ctx, photos.slice(i, i + n), counts, room, measure, estimatedCaption), room) + rest.cost;
      if (cost < choice.cost) choice = { cost, pages: [counts, ...rest.pages] };
    }
    // No layout fits (a photo taller than the page): one photo a page.
    best[i] = choice.cost < Infinity ? choice : { cost: 1 + (best[i + 1]?.cost ?? 0), pages: [[1], ...(best[i + 1]?.pages ?? [])] };
  }
  return best[0]!;
}

function drawRows(ctx: LayoutContext, layout: PageLayout, left: number, top: number, room: number): DisplayItem[] {
  const g = ctx.geometry;
  const size = ctx.template.caption.size_pt;
  const spare = layout.rows.length > 1 ? Math.min((room - layout.height) / (layout.rows.length - 1), MOST_ROW_SPACE_LINES * g.pitchPt) : 0;
  const items: DisplayItem[] = [];
  let y = top;
  for (const row of layout.rows) {
    const width = row.cells.reduce((w, c) => w + c.width, 0) + (row.cells.length - 1) * g.gutterPt;
    let x = left + (g.typeWidthPt - width) / 2;
    for (const cell of row.cells) {
      items.push({ kind: 'image', src: cell.photo.fig.src, x, y, width: cell.width, height: row.height });
      cell.caption.forEach((l, k) => items.push({
        kind: 'glyphs', x: x + (cell.caption.length === 1 ? (cell.width - l.widthPt) / 2 : 0),
        y: y + row.height + ctx.template.caption.gap_above_pt + 0.88 * size + k * size * ctx.template.caption.leading, glyphs: l.glyphs,
      }));
      x += cell.width + g.gutterPt;
    }
    y += row.height + row.captionHeight + g.gutterPt + Math.max(0, spare);
  }
  return items;
}

/** A page whose captions leave its photos no room even at a fifth of their size runs past its foot: the longest caption is reported (figure-too-tall). */
function reportOverfullPage(ctx: LayoutContext, layout: PageLayout, room: number): void {
  if (layout.height <= room + 0.5) return;
  const cells = layout.rows.flatMap((r) => r.cells);
  const longest = cells.reduce((a, c) => (c.caption.length > a.caption.length ? c : a), cells[0]!);
  ctx.problems.push({ kind: 'figure-too-tall', captionLines: longest.caption.length, source: longest.photo.fig.source, anchor: longest.photo.fig.id });
}

/** The group title over a rule as wide as the photos' rows: a page-wide band at the top of the group's first page, `lines` grid lines tall. */
function bannerAtom(ctx: LayoutContext, gallery: Gallery, lines: number, measure: number): Atom {
  const titleSize = ctx.template.gallery.title_size_pt;
  const titleLines = composeAt(ctx, plain(gallery.title, RUN_IN_HEAD), titleSize, ctx.geometry.typeWidthPt);
  // The banner is one line: a title that turns over lost what did not fit on it.
  if (titleLines.length > 1) ctx.problems.push({ kind: 'gallery-title-too-long', chars: [...gallery.title].length, source: gallery.source });
  const title = titleLines[0];
  return {
    lines, keepWithNextLines: 0, isFloat: false, spansColumns: true, anchors: [gallery.id], outline: { title: gallery.title, level: 1 },
    draw: ({ geometry: g, isRecto }) => {
      const left = g.typeLeft(isRecto);
      const inset = (g.typeWidthPt * (1 - measure)) / 2;
      return title ? [
        { kind: 'glyphs', x: left + (g.typeWidthPt - title.widthPt) / 2, y: g.typeTopPt + titleSize * 1.5, glyphs: title.glyphs },
        { kind: 'rule', x1: left + inset, y1: g.typeTopPt + titleSize * 2.2, x2: left + g.typeWidthPt - inset, y2: g.typeTopPt + titleSize * 2.2, widthPt: 1 },
      ] : [];
    },
  };
}

/** The shares of the type width the 彩页's rows may stand on, widest first. */
const MEASURES = [1, 0.95, 0.9, 0.85, 0.8, 0.75];

/**
 * The 彩页 of a front section: one measure for all its photo groups, the
 * one whose planned pages cost least together (pageCost: pages, bands, the
 * photos' share of them), so every spread's rows stand on the same edges;
 * then each group's pages.
 */
export function galleriesDrafts(ctx: LayoutContext, galleries: readonly Gallery[]): PageDraft[] {
  const groups = galleries.filter((gallery) => gallery.figures.length > 0).map((gallery) => ({ gallery, photos: photosOf(ctx, gallery) }));
  const roomOf = roomsOf(ctx);
  let best = { measure: 1, cost: Infinity, plans: [] as number[][][] };
  for (const measure of MEASURES) {
    const planned = groups.map(({ photos }) => planPages(ctx, photos, roomOf, measure));
    const cost = planned.reduce((sum, p) => sum + p.cost, 0);
    if (cost < best.cost - 1e-9) best = { measure, cost, plans: planned.map((p) => p.pages) };
  }
  return groups.flatMap(({ gallery, photos }, i) => galleryDrafts(ctx, gallery, photos, best.measure, best.plans[i]!));
}

function photosOf(ctx: LayoutContext, gallery: Gallery): Photo[] {
  return gallery.figures.map((fig) => {
    const size = ctx.imageSize(fig.src) ?? { widthPx: 3, heightPx: 2 };
    return { fig, aspect: size.widthPx / size.heightPx };
  });
}

/** The height a group's page has for its photos: the first page's less its banner. */
function roomsOf(ctx: LayoutContext): (isFirst: boolean) => number {
  const g = singleColumn(ctx.geometry);
  return (isFirst) => g.typeHeightPt - (isFirst ? bannerHeight(ctx) : 0);
}

const bannerHeight = (ctx: LayoutContext) => ctx.template.gallery.title_size_pt * 3;

/**
 * The pages of one photo group, made up by the page make-up engine: the
 * banner a page-wide band on the first page, each planned page of photos
 * (`plan`: each page's rows) an unbreakable block that fills the rest of its
 * page, a forced page break before each but the first.
 */
function galleryDrafts(ctx: LayoutContext, gallery: Gallery, all: readonly Photo[], measure: number, plan: readonly number[][]): PageDraft[] {
  const g = singleColumn(ctx.geometry);
  const banner = bannerHeight(ctx);
  const bannerLines = Math.min(g.linesPerColumn - 1, Math.ceil(banner / g.pitchPt));
  const roomOf = roomsOf(ctx);
  let photos = all;
  const atoms: Atom[] = [bannerAtom(ctx, gallery, bannerLines, measure)];
  for (const counts of plan) {
    const isFirst = atoms.length === 1;
    const top = g.typeTopPt + (isFirst ? banner : 0);
    const room = roomOf(isFirst);
    const n = counts.reduce((a, b) => a + b, 0);
    const layout = setRows(ctx, photos.slice(0, n), counts, room, measure);
    reportOverfullPage(ctx, layout, room);
    photos = photos.slice(n);
    atoms.push({
      lines: g.linesPerColumn - (isFirst ? bannerLines : 0), keepWithNextLines: 0, isFloat: false, anchors: [], ...(isFirst ? {} : { breakBefore: 'page' as const }),
      draw: ({ geometry, isRecto }) => drawRows(ctx, layout, geometry.typeLeft(isRecto), top, room),
    });
  }
  return flowAtoms(atoms, g).map((page) => flowPageDraft(ctx, page, gallery.title, { geometry: g, page: { kind: 'gallery', hasFurniture: false } }));
}
