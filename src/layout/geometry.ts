/**
 * Page geometry from the template: the type area, the columns and the line
 * grid that every body baseline sits on (R-COL-2).
 */
import type { Template } from '../config/index.ts';
import { mmToPt } from '../units/index.ts';

/** The em-box of CJK fonts sits 0.88 em above the baseline (ideographic em-box top). */
export const EM_BOX_ASCENT = 0.88;

export interface Geometry {
  widthPt: number;
  heightPt: number;
  bodySizePt: number;
  pitchPt: number;
  linesPerColumn: number;
  columns: number;
  columnWidthPt: number;
  gutterPt: number;
  typeWidthPt: number;
  typeTopPt: number;
  typeHeightPt: number;
  /** Left edge of the type area on a recto / on a verso (inside margin towards the spine). */
  typeLeft(isRecto: boolean): number;
  /** Left edge of column `c` (0-based). */
  columnLeft(isRecto: boolean, c: number): number;
  /** Baseline of grid line `i` (0-based) of the body. */
  baseline(i: number): number;
}

export function geometryOf(t: Template): Geometry {
  const widthPt = mmToPt(t.page.width_mm);
  const heightPt = mmToPt(t.page.height_mm);
  const size = t.body.size_pt;
  const columnWidthPt = t.body.column_em * size;
  const gutterPt = t.body.gutter_em * size;
  const typeWidthPt = t.body.columns * columnWidthPt + (t.body.columns - 1) * gutterPt;
  const typeTopPt = mmToPt(t.page.top_mm);
  const inside = mmToPt(t.page.inside_mm);
  const typeLeft = (isRecto: boolean) => (isRecto ? inside : widthPt - inside - typeWidthPt);
  return {
    widthPt, heightPt, bodySizePt: size, pitchPt: t.body.line_pitch_pt, linesPerColumn: t.body.lines, columns: t.body.columns,
    columnWidthPt, gutterPt, typeWidthPt, typeTopPt, typeHeightPt: (t.body.lines - 1) * t.body.line_pitch_pt + size,
    typeLeft,
    columnLeft: (isRecto, c) => typeLeft(isRecto) + c * (columnWidthPt + gutterPt),
    baseline: (i) => typeTopPt + i * t.body.line_pitch_pt + EM_BOX_ASCENT * size,
  };
}

/** The type area as one column: front matter is set across it. */
export function singleColumn(g: Geometry): Geometry {
  return { ...g, columns: 1, columnWidthPt: g.typeWidthPt, columnLeft: (isRecto) => g.typeLeft(isRecto) };
}
