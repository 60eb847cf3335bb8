/**
 * The press profile (印刷文件): bleed, marks and colour from the template's
 * `press:` key, and the 开本 of book.yaml checked against the template's trim.
 */
import { z } from 'zod';

const mm = z.number().min(0).describe('毫米数');

/** Where Debian's ghostscript (libgs-common) puts Artifex's CMYK profile, the default output intent. */
export const DEFAULT_CMYK_PROFILE = '/usr/share/color/icc/ghostscript/default_cmyk.icc';

export const PressSchema = z.strictObject({
  standard: z.enum(['PDF/X-1a', 'PDF/X-4']).default('PDF/X-1a').describe('PDF/X-1a（PDF/X-1a:2001，默认）或 PDF/X-4'),
  bleed_mm: mm.default(3).describe('出血（毫米），默认 3'),
  mark_offset_mm: mm.default(2).describe('裁切线离出血边的距离（毫米）'),
  mark_length_mm: z.number().positive().default(5).describe('裁切线长（毫米）'),
  slug_mm: z.number().positive().default(12).describe('出血边外放标记与说明行的宽度（毫米）'),
  safety_mm: mm.default(3).describe('安全距离：除出血图外，内容离成品边不得小于此值（毫米）'),
  body_colour: z.enum(['black', 'cmyk']).default('black').describe('black：正文单色黑印，正文图片转灰度；cmyk：正文四色'),
  bleed_pages: z.array(z.enum(['gallery', 'part-opener'])).default(['gallery', 'part-opener']).describe('图片可以出血的页：gallery（彩页）、part-opener（篇章页）'),
  icc_profile: z.string().default(DEFAULT_CMYK_PROFILE).describe('CMYK 输出特性文件（ICC）路径'),
  output_condition: z.string().default('CGATS TR 001').describe('输出条件标识（OutputConditionIdentifier），应与 ICC 文件相符'),
});

/** 印刷设置: the validated `press:` key of a template. */
export type PressProfile = z.infer<typeof PressSchema>;

export const pressDefaults = (): PressProfile => PressSchema.parse({});

/** The sheet (全张纸) of book.yaml's 开本, cut `fold` ways: the largest page it can give, before trimming. */
export function sheetFraction(paper: string, fold: number): { widthMm: number; heightMm: number } {
  const [a, b] = paper.match(/\d+/g)!.map(Number) as [number, number];
  let short = Math.min(a, b);
  let long = Math.max(a, b);
  // Each fold halves the long side: 1/2 … 1/64 of the sheet.
  for (let parts = 1; parts < fold; parts *= 2) [short, long] = [Math.min(short, long / 2), Math.max(short, long / 2)];
  return { widthMm: short, heightMm: long };
}

/** The trim the printer takes off a page of the sheet fraction (修边): GB/T 788's sizes lose 6–24 mm. */
export const TRIM_ALLOWANCE_MM = { min: 3, max: 25 } as const;

export type FormatFinding =
  | { kind: 'too-small'; fraction: { widthMm: number; heightMm: number } }
  | { kind: 'too-large'; fraction: { widthMm: number; heightMm: number } };

/**
 * Whether the 开本 printed on the copyright page (R-PAGE-8, R-CIP-8) can give
 * the template's trim: 889 mm×1194 mm 1/16 is 222.25×298.5 mm before
 * trimming, so 210×285 fits; 787 mm×1092 mm 1/16 (196.75×273) does not.
 */
export function checkFormat(paper: string, fold: number, trimWidthMm: number, trimHeightMm: number): FormatFinding | undefined {
  const fraction = sheetFraction(paper, fold);
  const lossW = fraction.widthMm - trimWidthMm;
  const lossH = fraction.heightMm - trimHeightMm;
  if (lossW < TRIM_ALLOWANCE_MM.min || lossH < TRIM_ALLOWANCE_MM.min) return { kind: 'too-small', fraction };
  if (lossW > TRIM_ALLOWANCE_MM.max || lossH > TRIM_ALLOWANCE_MM.max) return { kind: 'too-large', fraction };
  return undefined;
}
