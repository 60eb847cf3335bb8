/**
 * PagedDocument → PDF bytes. pdfkit writes the file structure (subset fonts
 * with ToUnicode, images, outline, links, metadata); glyph runs go straight
 * into the content stream at the positions layout gave. Nothing is decided
 * here.
 */
import PDFDocument from 'pdfkit';
import type { Font } from '../../font/index.ts';
import type { ImageDoc, PageRef } from './drawn-pages.ts';
import { DocumentFonts, type EmbeddedFont } from './fonts.ts';
import { cacheSubset, collect, deflatePageContent, type RenderCache, withDeflate } from './streams.ts';
import type { DisplayItem, GlyphItem, OutlineItem, Page, PagedDocument } from '../../layout/index.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** Fixed so that two builds give the same bytes. */
  date: Date;
  language: string;
}

export interface PdfInput {
  document: PagedDocument;
  /** Fonts by key (the PostScript name): the file's bytes, or the font as opened for composition. */
  fontFiles: ReadonlyMap<string, Uint8Array | Font>;
  /** Image bytes by manuscript path. */
  imageBytes: (src: string) => Uint8Array | undefined;
  metadata: PdfMetadata;
  /** A watch session's deflated pages and font subsets. */
  cache?: RenderCache;
  /** In a watch session, a token for what each page shows (the layout's caches): a page with the token it had last time is not drawn again. */
  pageIdentity?: (page: Page) => object | undefined;
}

/** pdfkit's document with the internals the renderers use (the press PDF draws pages the same way: press.ts). */
export type Doc = PDFKit.PDFDocument & {
  _font: EmbeddedFont;
  _fontFamilies: Record<string, unknown>;
  page: PDFKit.PDFPage & { fonts: Record<string, unknown>; dictionary: { data: Record<string, unknown> } };
  addContent(data: string): Doc;
};

/** The fractions .001 to .999 as a number prints them (.5, .05, .123). */
const FRACTIONS = Array.from({ length: 1000 }, (_, f) => (f === 0 ? '' : `.${String(f).padStart(3, '0').replace(/0+$/, '')}`));

/**
 * A coordinate to three decimals, as (Math.round(x * 1000) / 1000).toString()
 * prints it (-0 as 0), from its whole thousandths: a double's shortest form
 * took 250 ns, a fifth of that for the TJ offsets, sizes and positions of
 * half a million glyphs (the same strings for 2 million random values).
 */
const n = (x: number) => {
  const thousandths = Math.round(x * 1000);
  const a = thousandths < 0 ? -thousandths : thousandths;
  const whole = Math.floor(a / 1000);
  return `${thousandths < 0 ? '-' : ''}${whole}${FRACTIONS[a - whole * 1000]}`;
};

/**
 * One text object per run of glyphs in one font, size and baseline; TJ
 * offsets place every glyph. Glyphs that follow on without a shift share one
 * literal string: a page's content is then about half as long, to write and to deflate.
 */
function textOps(doc: Doc, fonts: DocumentFonts, item: GlyphItem, pageHeight: number): string {
  const run = item.glyphs;
  const { refs } = run;
  let ops = '';
  let i = 0;
  while (i < refs.length) {
    const first = refs[i]!;
    const firstSize = run.sizePt(i);
    const font = fonts.get(first.fontKey);
    if (font.dictionary == null) fonts.pageObjects?.push({ kind: 'font', fontKey: first.fontKey });
    const numbered = fonts.numbered(font);
    doc.page.fonts[font.id] = font.ref();
    const y = pageHeight - (item.y - first.riseEm * (firstSize / first.scale));
    // (glyphs) offset (glyphs) …, two bytes a glyph (fonts.ts, literalCid)
    let tj = '(';
    let pen = run.xPt(i);
    let j = i;
    for (; j < refs.length; j++) {
      const g = refs[j]!;
      const x = run.xPt(j);
      const size = run.sizePt(j);
      if (g.fontKey !== first.fontKey || size !== firstSize || g.riseEm !== first.riseEm) break;
      const shift = x - pen;
      if (j > i && Math.abs(shift) > 1e-4) tj += `) ${n((-shift * 1000) / size)} (`;
      tj += numbered.code[g.glyphId] ?? fonts.cid(font, g);
      // The reader advances by the CID's width in the font's /W, given at its first use: a digit set
      // on a tabular advance in a table (issue 18) has the proportional width of its first use in the text.
      pen = x + numbered.widthEm[g.glyphId]! * size;
    }
    ops += `${ops ? '\n' : ''}BT /${font.id} ${n(firstSize)} Tf 1 0 0 1 ${n(item.x + run.xPt(i))} ${n(y)} Tm [${tj})] TJ ET`;
    i = j;
  }
  return ops;
}

/** The glyph runs of a page in one content write, inside one flip to PDF's y-up space. */
function drawGlyphItems(doc: Doc, fonts: DocumentFonts, items: readonly GlyphItem[], h: number): void {
  if (items.length === 0) return;
  doc.addContent(`q 1 0 0 -1 0 ${n(h)} cm\n${items.map((item) => textOps(doc, fonts, item, h)).join('\n')}\nQ`);
}

/** Draws items in order; runs of glyph items go out together, images, rules, links and groups keep their place. */
export function drawItems(doc: Doc, fonts: DocumentFonts, items: readonly DisplayItem[], input: Pick<PdfInput, 'imageBytes'>, h: number): void {
  let run: GlyphItem[] = [];
  for (const item of items) {
    if (item.kind === 'glyphs') {
      run.push(item);
      continue;
    }
    drawGlyphItems(doc, fonts, run, h);
    run = [];
    drawItem(doc, fonts, item, input, h);
  }
  drawGlyphItems(doc, fonts, run, h);
}

function drawItem(doc: Doc, fonts: DocumentFonts, item: Exclude<DisplayItem, GlyphItem>, input: Pick<PdfInput, 'imageBytes'>, h: number): void {
  switch (item.kind) {
    case 'group':
      doc.save().transform(...item.transform);
      drawItems(doc, fonts, item.items, input, h);
      doc.restore();
      break;
    case 'image': {
      const bytes = input.imageBytes(item.src);
      if (bytes) {
        fonts.pageObjects?.push({ kind: 'image' });
        doc.image(Buffer.from(bytes), item.x, item.y, { width: item.width, height: item.height });
      } else doc.save().lineWidth(0.5).rect(item.x, item.y, item.width, item.height).stroke().restore();
      break;
    }
    case 'rule':
      doc.save().lineWidth(item.widthPt);
      if (item.dash) doc.dash(item.dash[0], { space: item.dash[1] });
      if (item.colour) doc.strokeColor(item.colour);
      doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).stroke().restore();
      break;
    case 'link':
      fonts.pageObjects?.push({ kind: 'link', link: item });
      doc.link(item.x, item.y, item.width, item.height, item.pageIndex as unknown as string);
      break;
  }
}

export function addOutline(doc: Doc, parent: PDFKit.PDFOutline, items: readonly OutlineItem[]): void {
  for (const item of items) {
    doc.switchToPage(item.pageIndex);
    const node = parent.addItem(item.title);
    addOutline(doc, node, item.children);
  }
}

/**
 * /PageLabels (PDF 1.7 §12.4.2): a reader's viewer shows the printed numbers,
 * front matter in lower-case Roman numerals and the body from 1, so "go to
 * page 159" finds folio 159 and not the 159th sheet.
 */
export function pageLabels(pages: PagedDocument['pages']): Array<number | Record<string, string | number>> {
  const nums: Array<number | Record<string, string | number>> = [];
  let last: { style: string; value: number } | undefined;
  for (const page of pages) {
    const style = /^\d+$/.test(page.number) ? 'D' : 'r';
    const value = style === 'D' ? Number(page.number) : romanValue(page.number);
    if (!last || last.style !== style || last.value + 1 !== value) nums.push(page.index, { S: style, ...(value !== 1 ? { St: value } : {}) });
    last = { style, value };
  }
  return nums;
}

function romanValue(r: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const here = v[r[i]!] ?? 0;
    total += here < (v[r[i + 1] ?? ''] ?? 0) ? -here : here;
  }
  return total;
}

/** Renders the paged document to PDF bytes. */
export async function renderPdf(input: PdfInput): Promise<Uint8Array> {
  const { document: paged, metadata: m } = input;
  const doc = new PDFDocument({
    autoFirstPage: false, bufferPages: true, compress: true, pdfVersion: '1.7', lang: m.language, displayTitle: true,
    font: null as unknown as string, // every run names its font (fonts.ts), so pdfkit loads no Helvetica
    info: infoOf(m),
  }) as unknown as Doc;
  const done = collect(doc);
  const fonts = new DocumentFonts(doc, input.fontFiles);
  for (let i = 0; i < paged.pages.length; i++) {
    doc.addPage({ size: [paged.widthPt, paged.heightPt], margin: 0 });
    doc.page.dictionary.data.TrimBox = [0, 0, paged.widthPt, paged.heightPt];
  }
  for (const page of paged.pages) {
    doc.switchToPage(page.index);
    const target = doc.page as unknown as PageRef;
    const identity = input.pageIdentity?.(page);
    if (input.cache?.drawn.reuse(page, identity, target, fonts, doc as unknown as ImageDoc, input.imageBytes)) continue;
    const before = fonts.fingerprint();
    fonts.recording = input.cache ? [] : undefined;
    fonts.pageObjects = input.cache ? [] : undefined;
    drawItems(doc, fonts, page.items, input, paged.heightPt);
    deflatePageContent(target);
    input.cache?.drawn.keep(page, identity, target, fonts, before, fonts.recording ?? [], fonts.pageObjects ?? [], input.imageBytes);
    fonts.recording = undefined;
    fonts.pageObjects = undefined;
  }
  addOutline(doc, doc.outline, paged.outline);
  (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageLabels = { Nums: pageLabels(paged.pages) };
  if (input.cache) for (const [key, font] of fonts.used) cacheSubset(font.subset as unknown as Parameters<typeof cacheSubset>[0], key, input.cache);
  withDeflate(input.cache, () => doc.end());
  return done;
}

/** The Info dictionary of nianjian's PDFs: fixed dates, so that two builds give the same bytes. */
export const infoOf = (m: PdfMetadata) => ({ Title: m.title, Author: m.author, Subject: m.subject, Keywords: m.keywords ?? '', Creator: 'nianjian', Producer: 'nianjian', CreationDate: m.date, ModDate: m.date });

