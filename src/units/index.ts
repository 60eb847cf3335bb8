/** Lengths and conversions. Points (pt) are the working unit of layout. */

export const PT_PER_INCH = 72;
export const MM_PER_INCH = 25.4;

/** Millimetres → points. */
export function mmToPt(mm: number): number {
  return (mm * PT_PER_INCH) / MM_PER_INCH;
}

/** Points → millimetres. */
export function ptToMm(pt: number): number {
  return (pt * MM_PER_INCH) / PT_PER_INCH;
}

/** A place in a source file: 1-based line and column, as unist positions have them. */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface Position {
  start: Point;
  end: Point;
}
export { SessionCache } from './session-cache.ts';
