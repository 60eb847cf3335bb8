/**
 * The press PDF (印刷文件): the pages of the reading PDF, each on a sheet
 * with bleed and printer's marks, as PDF/X. Text, rules and leaders are
 * drawn in K only (单色黑, 0 0 0 1); photos come in already converted to
 * CMYK or grey (build/press-images.ts). The reading PDF is not touched:
 * pages are drawn by the same drawItems, inside a frame moved to the trim.
 */
import PDFDocument from 'pdfkit';
import type { Font } from '../../font/index.ts';
import type { DisplayItem, ImageItem, Page, PageKind, PagedDocument } from '../../layout/index.ts';
import { mmToPt } from '../../units/index.ts';
import { DocumentFonts } from './fonts.ts';
import { type Doc, drawItems, infoOf, pageLabels, type PdfMetadata } from './index.ts';
import { collect } from './streams.ts';
import { drawMarks, drawSlug, type MarkDoc, type MarkGeometry } from './marks.ts';
import { makePdfx, type OutputIntent, pageBoxes, type PdfxDoc, type PdfxStandard, pdfVersionOf } from './pdfx.ts';
import { deflatePageContent, withDeflate } from './streams.ts';

/** The sheet around a page: bleed, marks and the slug's margin, in mm (the template's press key). */
export interface SheetSpec {
  bleedMm: number;
  markOffsetMm: number;
  markLengthMm: number;
  slugMm: number;
  safetyMm: number;
  /** Page kinds whose photos, where they meet the trim, run on into the bleed. */
  bleedPages: readonly PageKind[];
}

export interface PressPdfInput {
  document: PagedDocument;
  fontFiles: ReadonlyMap<string, Uint8Array | Font>;
  /** Press-ready photos (CMYK or grey JPEG) by manuscript path. */
  imageBytes: (src: string) => Uint8Array | undefined;
  metadata: PdfMetadata;
  standard: PdfxStandard;
  intent: OutputIntent;
  sheet: SheetSpec;
  /** The font of the slug line, set as outlines. */
  markFont: Font;
  /** The slug line's text for a page. */
  slug: (page: Page) => string;
  /** The pages to print (indices), all when absent: the 彩页 file takes the gallery pages. */
  pages?: readonly number[];
}

/** Something printed within the safety margin of the trim (not a photo allowed to bleed). */
export interface SafetyFinding {
  pageIndex: number;
  number: string;
  what: 'text' | 'image' | 'rule';
  /** Its distance from the trim, in mm (negative: beyond it). */
  distanceMm: number;
}

export interface PressPdf {
  bytes: Uint8Array;
  findings: SafetyFinding[];
}

const EDGE_PT = 0.5;

/** Where a photo meets the trim, its box runs on to the bleed's edge; undefined when it stays inside. */
function bledBox(item: ImageItem, w: number, h: number, bleed: number): ImageItem | undefined {
  const left = item.x <= EDGE_PT ? bleed : 0;
  const top = item.y <= EDGE_PT ? bleed : 0;
  const right = item.x + item.width >= w - EDGE_PT ? bleed : 0;
  const bottom = item.y + item.height >= h - EDGE_PT ? bleed : 0;
  if (left + top + right + bottom === 0) return undefined;
  return { ...item, x: item.x - left, y: item.y - top, width: item.width + left + right, height: item.height + top + bottom };
}

/**
 * A page's items for the press: links left out (PDF/X allows no annotations
 * on the page), and, where the page may bleed (`bleed` > 0), photos that meet
 * the trim apart, with their boxes run on into the bleed.
 */
export function pressItems(items: readonly DisplayItem[], w: number, h: number, bleed: number): { bled: ImageItem[]; items: DisplayItem[] } {
  const bled: ImageItem[] = [];
  const kept = items.flatMap((item): DisplayItem[] => {
    if (item.kind === 'link') return [];
    if (item.kind === 'group') return [{ ...item, items: pressItems(item.items, w, h, 0).items }];
    const box = item.kind === 'image' && bleed > 0 ? bledBox(item, w, h, bleed) : undefined;
    if (!box) return [item];
    bled.push(box);
    return [];
  });
  return { bled, items: kept };
}

/** A bled photo fills its larger box at its own proportions (scaled about its centre), clipped to the box. */
function drawBled(doc: Doc, item: ImageItem, bytes: Uint8Array | undefined): void {
  if (!bytes) return;
  doc.save().rect(item.x, item.y, item.width, item.height).clip();
  doc.image(Buffer.from(bytes), item.x, item.y, { cover: [item.width, item.height], align: 'center', valign: 'center' }).restore();
}

/** An item's box on the page, y down: [left, top, right, bottom]. */
function boxOf(item: DisplayItem): [number, number, number, number] | undefined {
  switch (item.kind) {
    case 'glyphs': {
      const run = item.glyphs;
      if (run.length === 0) return undefined;
      const last = run.length - 1;
      const size = run.sizePt(0);
      return [item.x + run.xPt(0), item.y - 0.88 * size, item.x + run.xPt(last) + run.sizePt(last), item.y + 0.12 * size];
    }
    case 'image':
      return [item.x, item.y, item.x + item.width, item.y + item.height];
    case 'rule':
      return [Math.min(item.x1, item.x2), Math.min(item.y1, item.y2), Math.max(item.x1, item.x2), Math.max(item.y1, item.y2)];
    default:
      return undefined; // groups are tables turned on the page, inside the type area
  }
}

/** Items closer to the trim than the safety margin; photos on pages that may bleed are allowed to. */
export function safetyFindings(page: Page, w: number, h: number, sheet: SheetSpec): SafetyFinding[] {
  const safety = mmToPt(sheet.safetyMm);
  const mayBleed = sheet.bleedPages.includes(page.kind);
  const found: SafetyFinding[] = [];
  for (const item of page.items) {
    if (item.kind === 'image' && mayBleed) continue;
    const box = boxOf(item);
    if (!box) continue;
    const distance = Math.min(box[0], box[1], w - box[2], h - box[3]);
    if (distance < safety - 1e-6) {
      found.push({ pageIndex: page.index, number: page.number, what: item.kind === 'glyphs' ? 'text' : item.kind === 'image' ? 'image' : 'rule', distanceMm: Math.round((distance / mmToPt(1)) * 10) / 10 });
    }
  }
  return found;
}

/** Renders the press PDF (or the 彩页 file, with `pages`) as PDF/X. */
export async function renderPressPdf(input: PressPdfInput): Promise<PressPdf> {
  const { document: paged, metadata: m, sheet } = input;
  const bleed = mmToPt(sheet.bleedMm);
  const marks = { offset: mmToPt(sheet.markOffsetMm), length: mmToPt(sheet.markLengthMm) };
  // The sheet's margin holds the bleed, the marks and the slug line.
  const margin = Math.max(mmToPt(sheet.slugMm), bleed + marks.offset + marks.length + mmToPt(3));
  const boxes = pageBoxes(paged.widthPt, paged.heightPt, margin, bleed);
  const { doc, finish } = openPressDocument(m, input.standard);
  const fonts = new DocumentFonts(doc, input.fontFiles);
  const pages = (input.pages ?? paged.pages.map((p) => p.index)).map((i) => paged.pages[i]!);
  const geometry: MarkGeometry = { x: margin, y: margin, width: paged.widthPt, height: paged.heightPt, bleed, ...marks };
  const findings: SafetyFinding[] = [];
  for (const page of pages) {
    doc.addPage({ size: boxes.media, margin: 0 });
    Object.assign(doc.page.dictionary.data, { TrimBox: boxes.trim, BleedBox: boxes.bleed });
    doc.save().translate(margin, margin).addContent('0 0 0 1 k 0 0 0 1 K');
    const pageBleed = sheet.bleedPages.includes(page.kind) ? bleed : 0;
    const { bled, items } = pressItems(page.items, paged.widthPt, paged.heightPt, pageBleed);
    for (const item of bled) drawBled(doc, item, input.imageBytes(item.src));
    drawItems(doc, fonts, items, input, paged.heightPt);
    doc.restore();
    drawMarks(doc as unknown as MarkDoc, geometry);
    drawSlug(doc as unknown as MarkDoc, input.markFont, geometry, input.slug(page));
    deflatePageContent(doc.page as unknown as Parameters<typeof deflatePageContent>[0]);
    findings.push(...safetyFindings(page, paged.widthPt, paged.heightPt, sheet));
  }
  // Page labels as in the reading PDF: the 彩页 file's pages keep their numbers.
  (doc as unknown as PdfxDoc)._root.data.PageLabels = { Nums: pageLabels(pages.map((p, i) => ({ ...p, index: i }))) };
  return { bytes: await finish(input.intent, input.pages?.join(',') ?? 'all'), findings };
}

/**
 * A pdfkit document for a PDF/X file, and the call that ends it: the output
 * intent and the keys go in, the document is written, its bytes come back.
 */
export function openPressDocument(m: PdfMetadata, standard: PdfxStandard): { doc: Doc; finish(intent: OutputIntent, part: string): Promise<Uint8Array> } {
  const doc = new PDFDocument({
    autoFirstPage: false, bufferPages: true, compress: true, pdfVersion: pdfVersionOf(standard),
    font: null as unknown as string, // text is drawn through DocumentFonts or as outlines: no Helvetica, which would not be embedded
    info: infoOf(m),
  }) as unknown as Doc;
  const done = collect(doc);
  return {
    doc,
    async finish(intent, part) {
      makePdfx(doc as unknown as PdfxDoc, standard, intent, documentId(m, part));
      withDeflate(undefined, () => doc.end());
      return done;
    },
  };
}

/** A stable UUID-shaped ID for XMP, from what names the file (the same book and pages, the same ID). */
function documentId(m: PdfMetadata, part: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  const seed = `${m.title}|${m.date.toISOString()}|${part}`;
  for (let round = 0; round < 4; round++) {
    for (const c of `${round}${seed}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
