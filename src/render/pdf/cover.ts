/**
 * The cover (封面) as a PDF/X file of its own: back, spine and front on one
 * sheet, with bleed (平装) or turn-in (精装, 包边), crop marks at the flat's
 * corners and fold marks at the spine. The spine is as thick as the book
 * block (and, 精装, its boards); the back carries the ISBN as an EAN-13 bar
 * code with the price add-on, drawn from bwip-js's vectors in K only.
 */
import { createRequire } from 'node:module';
import type { BookSettings } from '../../config/index.ts';
import type { Font } from '../../font/index.ts';
import { mmToPt } from '../../units/index.ts';
import type { PdfMetadata } from './index.ts';
import { drawMarks, drawOutlinedText, type MarkDoc, type MarkGeometry, sizeToFit } from './marks.ts';
import type { OutputIntent, PdfxStandard } from './pdfx.ts';
import { pageBoxes } from './pdfx.ts';
import { openPressDocument, type SheetSpec } from './press.ts';

/**
 * bwip-js, required when a cover is made: it is a megabyte of code that every
 * other build (and the bundled CLI's start) would otherwise parse.
 */
const loadBwip = (): typeof import('bwip-js') => createRequire(import.meta.url)('bwip-js');

/** 精装: the boards stand 3 mm beyond the block (飘口), a hinge groove (中缝) of 8 mm each side of the spine, 15 mm turned in. */
export const CASE = { squareMm: 3, hingeMm: 8, turnInMm: 15 } as const;

/**
 * 书脊宽: leaves × caliper, a leaf being two pages (a sheet printed both
 * sides); 精装 adds its two boards. The sample, 平装 on 0.1 mm paper: 388 pages
 * → 194 × 0.1 = 19.4 mm.
 */
export function spineWidthMm(pageCount: number, binding: BookSettings['binding']): number {
  const block = Math.ceil(pageCount / 2) * binding.paper_caliper_mm;
  const width = binding.type === '精装' ? block + 2 * binding.board_mm : block;
  return Math.round(width * 100) / 100;
}

/** The most five digits hold: 999.99元. */
const ADD_ON_MAX_FEN = 99_999;
/** GS1's add-on for a book with no price in its bar code. */
export const ADD_ON_NO_PRICE = '90000';

/**
 * The EAN-5 add-on of Chinese book bar codes: the price in 分 as five
 * digits (268.00元 → 26800), or undefined when five digits cannot hold it
 * (1000.00元 and up). It was cut to its last five digits: 1280.00元 went
 * into the bar code as 280.00, and a price long enough to be written in
 * exponent form stopped the press build (exit 70).
 */
export function priceAddOn(price: string): string | undefined {
  const fen = Math.round(Number.parseFloat(price) * 100);
  return Number.isSafeInteger(fen) && fen >= 0 && fen <= ADD_ON_MAX_FEN ? String(fen).padStart(5, '0') : undefined;
}

export interface CoverInput {
  settings: BookSettings;
  trimWidthPt: number;
  trimHeightPt: number;
  pageCount: number;
  font: Font;
  sheet: SheetSpec;
  standard: PdfxStandard;
  intent: OutputIntent;
  metadata: PdfMetadata;
  /** The cover picture (CMYK JPEG): it fills the front and runs into the bleed. */
  image?: Uint8Array;
}

export interface CoverFacts {
  spineMm: number;
  /** The flat (back + spine + front, hinges included), in mm. */
  flatWidthMm: number;
  flatHeightMm: number;
  /** What the bar code encodes: the ISBN's 13 digits and the add-on. */
  barcode: string;
  /** How wide the cover picture prints (the front and its bleed), in pt. */
  imageWidthPt: number;
}

const COVER_GROUND = '0.15 1 0.9 0.3 k'; // a deep red, the colour of most yearbook cases
const COVER_INK = '0 0.05 0.3 0 k'; // warm white lettering
const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

/** What the bar code draws with: pdfkit's own SVG path parser (bwip-js's digits use quadratic curves). */
interface PathDoc extends MarkDoc {
  lineWidth(w: number): this;
  stroke(): this;
}

/** bwip-js's SVG: bars as stroked lines, digits as filled outlines, in K only. */
function drawBarcode(doc: PathDoc, svg: string, scale: number, x: number, y: number): void {
  doc.save().transform(scale, 0, 0, scale, x, y).addContent('0 0 0 1 K 0 0 0 1 k');
  for (const m of svg.matchAll(/<path ([^>]*)\/>/g)) {
    const attrs = m[1]!;
    const d = / d="([^"]+)"/.exec(` ${attrs}`)?.[1] ?? '';
    const stroke = /stroke-width="([\d.]+)"/.exec(attrs)?.[1];
    if (stroke) doc.lineWidth(Number(stroke)).path(d).stroke();
    else doc.path(d).fill();
  }
  doc.restore();
}

/** Renders the cover: one page, the flat in its TrimBox. */
export async function renderCover(input: CoverInput): Promise<{ bytes: Uint8Array; facts: CoverFacts }> {
  const s = input.settings;
  const hard = s.binding.type === '精装';
  const spine = mmToPt(spineWidthMm(input.pageCount, s.binding));
  const panelW = input.trimWidthPt + (hard ? mmToPt(CASE.squareMm) : 0);
  const panelH = input.trimHeightPt + (hard ? 2 * mmToPt(CASE.squareMm) : 0);
  const hinge = hard ? mmToPt(CASE.hingeMm) : 0;
  const flatW = 2 * panelW + 2 * hinge + spine;
  const bleed = hard ? mmToPt(CASE.turnInMm) : mmToPt(input.sheet.bleedMm);
  const marks = { offset: mmToPt(input.sheet.markOffsetMm), length: mmToPt(input.sheet.markLengthMm) };
  const margin = bleed + marks.offset + marks.length + mmToPt(3);
  const boxes = pageBoxes(flatW, panelH, margin, bleed);
  const { doc, finish } = openPressDocument(input.metadata, input.standard);
  doc.addPage({ size: boxes.media, margin: 0 });
  Object.assign(doc.page.dictionary.data, { TrimBox: boxes.trim, BleedBox: boxes.bleed });
  const d = doc as unknown as MarkDoc;
  // Ground: the whole flat and its bleed.
  doc.addContent(`q ${COVER_GROUND} ${n(margin - bleed)} ${n(margin - bleed)} ${n(flatW + 2 * bleed)} ${n(panelH + 2 * bleed)} re f Q`);
  const top = margin; // y down from here (pdfkit's space)
  const backX = margin;
  const spineX = margin + panelW + hinge;
  const frontX = spineX + spine + hinge;
  const imageBox = { x: frontX, y: top - bleed, w: panelW + bleed, h: panelH + 2 * bleed };
  if (input.image) {
    doc.save().rect(imageBox.x, imageBox.y, imageBox.w, imageBox.h).clip();
    doc.image(Buffer.from(input.image), imageBox.x, imageBox.y, { cover: [imageBox.w, imageBox.h], align: 'center', valign: 'center' }).restore();
  }
  doc.save().addContent(COVER_INK);
  // Front: title, year, compiler, publisher; a line wider than the panel's middle four-fifths is set smaller to fit it (a long title ran off the trim).
  const frontMid = frontX + panelW / 2;
  const fit = (text: string, size: number) => sizeToFit(input.font, text, size, 0.8 * panelW);
  drawOutlinedText(d, input.font, s.title, fit(s.title, 40), frontMid, top + panelH * 0.3, 'centre');
  drawOutlinedText(d, input.font, `（${s.year}）`, 28, frontMid, top + panelH * 0.3 + 52, 'centre');
  drawOutlinedText(d, input.font, `${s.compiler}　编`, fit(`${s.compiler}　编`, 16), frontMid, top + panelH * 0.72, 'centre');
  drawOutlinedText(d, input.font, s.publisher.name, fit(s.publisher.name, 16), frontMid, top + panelH * 0.9, 'centre');
  // Spine: title, year and publisher, one character under another, smaller where they would not fit its height between them.
  const spineChars = [...`${s.title}${s.year}`].length * 1.1 + [...s.publisher.name].length * 0.9 + 1;
  const size = Math.min(18, spine * 0.6, (panelH - mmToPt(45)) / spineChars);
  const spineMid = spineX + spine / 2;
  let y = top + mmToPt(25);
  for (const ch of `${s.title}${s.year}`) {
    drawOutlinedText(d, input.font, ch, size, spineMid, y + size * 0.88, 'centre');
    y += size * 1.1;
  }
  y = top + panelH - mmToPt(20) - [...s.publisher.name].length * size * 0.9;
  for (const ch of s.publisher.name) {
    drawOutlinedText(d, input.font, ch, size * 0.8, spineMid, y + size * 0.7, 'centre');
    y += size * 0.9;
  }
  doc.restore();
  // Back: the bar code on a white ground, the price under it.
  const isbn = s.isbn.replace(/[^\dXx]/g, '');
  const addOn = priceAddOn(s.price) ?? ADD_ON_NO_PRICE; // the press step says so at the price line
  const svg = loadBwip().toSVG({ bcid: 'isbn', text: `${s.isbn} ${addOn}`, includetext: true, textxalign: 'center', paddingwidth: 6, paddingheight: 4 });
  const [, , vbW, vbH] = /viewBox="([\d.\s]+)"/.exec(svg)![1]!.trim().split(/\s+/).map(Number) as [number, number, number, number];
  const scale = mmToPt(0.33) / 2; // bwip-js draws a module 2 units wide; an EAN module at 100 % is 0.33 mm
  const codeW = vbW * scale;
  const codeH = vbH * scale;
  const codeX = backX + panelW - mmToPt(20) - codeW;
  const codeY = top + panelH - mmToPt(30) - codeH;
  doc.addContent(`q 0 0 0 0 k ${n(codeX)} ${n(codeY)} ${n(codeW)} ${n(codeH + 22)} re f Q`);
  drawBarcode(doc as unknown as PathDoc, svg, scale, codeX, codeY);
  doc.save().addContent('0 0 0 1 k');
  drawOutlinedText(d, input.font, `定价：${s.price}`, 10, codeX + codeW / 2, codeY + codeH + 15, 'centre');
  doc.restore();
  const geometry: MarkGeometry = { x: margin, y: margin, width: flatW, height: panelH, bleed, ...marks };
  drawMarks(d, geometry);
  drawFoldMarks(d, geometry, [spineX - hinge, spineX, spineX + spine, spineX + spine + hinge].filter((_, i) => hard || i === 1 || i === 2));
  const bytes = await finish(input.intent, 'cover');
  return {
    bytes,
    facts: { spineMm: spineWidthMm(input.pageCount, s.binding), flatWidthMm: Math.round((flatW / mmToPt(1)) * 10) / 10, flatHeightMm: Math.round((panelH / mmToPt(1)) * 10) / 10, barcode: `${isbn} ${addOn}`, imageWidthPt: imageBox.w },
  };
}

/** Short lines above and below the sheet at each fold (书脊线), beyond the bleed, in registration colour. */
function drawFoldMarks(doc: MarkDoc, g: MarkGeometry, xs: readonly number[]): void {
  const start = g.bleed + g.offset;
  const end = start + g.length;
  const lines = xs.flatMap((x) => [`${n(x)} ${n(g.y - start)} m ${n(x)} ${n(g.y - end)} l S`, `${n(x)} ${n(g.y + g.height + start)} m ${n(x)} ${n(g.y + g.height + end)} l S`]);
  doc.addContent(`q 1 1 1 1 K 0.25 w [2 1] 0 d\n${lines.join('\n')}\nQ`);
}
