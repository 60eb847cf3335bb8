/** Lines and blocks → pages. */
export { changeMarks, type PageChange } from './proof-marks.ts';
export { type BuildProblem, type Draft, type MarginNote, type ImageSize, type LayoutContext, type LayoutProblem, MIN_IMAGE_DPI, type PrintedAt } from './context.ts';
export { EM_BOX_ASCENT, type Geometry, geometryOf } from './geometry.ts';
export { dumpPage } from './dump.ts';
export { layoutBook, roman } from './paginate.ts';
export { LayoutCaches } from './caches.ts';
export type { AnchorPlace, DisplayItem, GlyphItem, GroupItem, ImageItem, LinkItem, OutlineItem, Page, PagedDocument, PageKind, RuleItem, TextLine } from './types.ts';
export { squeezedStops } from './squeeze.ts';
