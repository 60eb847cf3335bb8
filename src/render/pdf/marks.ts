/**
 * Printer's marks outside the bleed (印刷标记): crop marks (裁切线) at the
 * four corners of the trim, registration targets (套准线) at the middle of
 * each side, and a slug line (说明行) with the book, the page and the date.
 * Everything is drawn in pdfkit's y-down space of the whole sheet; text is
 * set as glyph outlines, so the marks need no font of their own.
 */
import type { Font } from '../../font/index.ts';

/** The part of pdfkit the marks draw with. */
export interface MarkDoc {
  save(): this;
  restore(): this;
  addContent(data: string): this;
  path(d: string): this;
  fill(): this;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): this;
}

/** Where the trim is on the sheet, and how far the bleed and the marks reach, in pt. */
export interface MarkGeometry {
  /** Top-left corner of the trim on the sheet. */
  x: number;
  y: number;
  width: number;
  height: number;
  bleed: number;
  /** Gap between the bleed's edge and a mark. */
  offset: number;
  length: number;
}

const n = (v: number) => (Math.round(v * 1000) / 1000).toString();
/** 套版色: a mark on every plate (C = M = Y = K = 100 %), so each plate can be registered with it. */
const REGISTRATION = '1 1 1 1 K 1 1 1 1 k';
const MARK_WIDTH_PT = 0.25;

/** Crop marks: two lines at each corner, on the trim's lines, starting beyond the bleed. */
function cropMarks(g: MarkGeometry): string {
  const start = g.bleed + g.offset;
  const end = start + g.length;
  const ops: string[] = [];
  for (const [cx, sx] of [[g.x, -1], [g.x + g.width, 1]] as const) {
    for (const [cy, sy] of [[g.y, -1], [g.y + g.height, 1]] as const) {
      ops.push(`${n(cx + sx * start)} ${n(cy)} m ${n(cx + sx * end)} ${n(cy)} l S`);
      ops.push(`${n(cx)} ${n(cy + sy * start)} m ${n(cx)} ${n(cy + sy * end)} l S`);
    }
  }
  return ops.join('\n');
}

/** A circle drawn with four Bézier arcs (k = 0.5523 of the radius). */
function circle(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  return `${n(cx + r)} ${n(cy)} m ${n(cx + r)} ${n(cy + k)} ${n(cx + k)} ${n(cy + r)} ${n(cx)} ${n(cy + r)} c `
    + `${n(cx - k)} ${n(cy + r)} ${n(cx - r)} ${n(cy + k)} ${n(cx - r)} ${n(cy)} c `
    + `${n(cx - r)} ${n(cy - k)} ${n(cx - k)} ${n(cy - r)} ${n(cx)} ${n(cy - r)} c `
    + `${n(cx + k)} ${n(cy - r)} ${n(cx + r)} ${n(cy - k)} ${n(cx + r)} ${n(cy)} c S`;
}

/** Registration targets: a circle and a cross, centred on each side's middle, beyond the bleed. */
function registrationMarks(g: MarkGeometry): string {
  const r = g.length / 2;
  const away = g.bleed + g.offset + r;
  const centres: Array<[number, number]> = [
    [g.x + g.width / 2, g.y - away], [g.x + g.width / 2, g.y + g.height + away],
    [g.x - away, g.y + g.height / 2], [g.x + g.width + away, g.y + g.height / 2],
  ];
  return centres.map(([cx, cy]) => `${circle(cx, cy, r * 0.6)}\n${n(cx - r)} ${n(cy)} m ${n(cx + r)} ${n(cy)} l S\n${n(cx)} ${n(cy - r)} m ${n(cx)} ${n(cy + r)} l S`).join('\n');
}

/** Crop and registration marks, in registration colour. */
export function drawMarks(doc: MarkDoc, g: MarkGeometry): void {
  doc.addContent(`q ${REGISTRATION} ${MARK_WIDTH_PT} w\n${cropMarks(g)}\n${registrationMarks(g)}\nQ`);
}

interface OutlineRun {
  glyphs: Array<{ path: { toSVG(): string } }>;
  positions: Array<{ xAdvance: number }>;
}

/** The width of `text` set in `font` at `sizePt`. */
export function textWidth(font: Font, text: string, sizePt: number): number {
  const run = font.layout(text) as OutlineRun;
  return run.positions.reduce((w, p) => w + p.xAdvance, 0) * (sizePt / font.unitsPerEm);
}

/**
 * `text` as filled glyph outlines in the current fill colour, its baseline
 * at y. `align` says whether x is the start, the centre or the end of the line.
 */
/** `sizePt`, or less where the text set at it would be wider than `widthPt` (a cover's line that would run off its panel). */
export function sizeToFit(font: Font, text: string, sizePt: number, widthPt: number): number {
  const perPoint = textWidth(font, text, 1);
  return perPoint > 0 ? Math.min(sizePt, widthPt / perPoint) : sizePt;
}

export function drawOutlinedText(doc: MarkDoc, font: Font, text: string, sizePt: number, x: number, y: number, align: 'start' | 'centre' | 'end' = 'start'): void {
  const run = font.layout(text) as OutlineRun;
  const scale = sizePt / font.unitsPerEm;
  const width = textWidth(font, text, sizePt);
  let pen = align === 'start' ? x : align === 'centre' ? x - width / 2 : x - width;
  run.glyphs.forEach((glyph, i) => {
    const d = glyph.path.toSVG();
    if (d) doc.save().transform(scale, 0, 0, -scale, pen, y).path(d).fill().restore();
    pen += run.positions[i]!.xAdvance * scale;
  });
}

/** The slug line (说明行) below the trim, between the bottom registration target and the right-hand crop mark, in black. */
export function drawSlug(doc: MarkDoc, font: Font, g: MarkGeometry, text: string): void {
  doc.save().addContent('0 0 0 1 k');
  drawOutlinedText(doc, font, text, 6, g.x + g.width / 2 + g.length * 1.5, g.y + g.height + g.bleed + g.offset + g.length);
  doc.restore();
}
