/**
 * The box a punctuation mark takes on the line, and which of its sides is
 * adjustable blank (chinese-layout-spec §4, R-PUN).
 */
import type { PunctClass } from './classes.ts';

export type PunctuationStyle = 'quanjiao' | 'kaiming';

export interface PunctBox {
  /** Width of the box in em before any adjustment. */
  widthEm: number;
  /** Where the glyph is drawn, in em from the start of the box (negative when the start blank is cut). */
  drawEm: number;
  /** Adjustable blank on the start side (opening marks). */
  blankStartEm: number;
  /** Adjustable blank on the end side (pause marks, closing marks). */
  blankEndEm: number;
  /** The glyph is centred in the box instead of drawn at `drawEm`. */
  isCentred: boolean;
}

/** R-PUN-1/R-PUN-7: half of a 1-em mark is blank, on the side away from its ink. */
const HALF_EM = 0.5;

/** R-PUN-4, R-PUN-5, R-PUN-6: 短横线, 分隔号 and the GB 间隔号 are ½ em, centred, unadjustable. */
const HALF_WIDTH_CENTRED = new Set([...'-‐–/／·・‧']);

/** The box of one mark in a style: 全角式 (every mark 1 em) or 开明式 (only 。．？！ full). */
export function punctBox(ch: string, cls: PunctClass, style: PunctuationStyle): PunctBox {
  if (HALF_WIDTH_CENTRED.has(ch)) return { widthEm: HALF_EM, drawEm: 0, blankStartEm: 0, blankEndEm: 0, isCentred: true };
  if (cls === 'connector' || cls === 'interpunct' || cls === 'solidus') {
    return { widthEm: 1, drawEm: 0, blankStartEm: 0, blankEndEm: 0, isCentred: true }; // 一字线, 浪纹线 (R-PUN-1)
  }
  const isFull = style === 'quanjiao' || cls === 'stop-end';
  if (cls === 'open') {
    return isFull
      ? { widthEm: 1, drawEm: 0, blankStartEm: HALF_EM, blankEndEm: 0, isCentred: false }
      : { widthEm: HALF_EM, drawEm: -HALF_EM, blankStartEm: 0, blankEndEm: 0, isCentred: false };
  }
  return isFull
    ? { widthEm: 1, drawEm: 0, blankStartEm: 0, blankEndEm: HALF_EM, isCentred: false }
    : { widthEm: HALF_EM, drawEm: 0, blankStartEm: 0, blankEndEm: 0, isCentred: false };
}
