/** Chinese line composition: paragraphs → justified lines of positioned glyphs. */
export { type CacheCounters, CompositionCache } from './cache.ts';
export { composeParagraph, FLUSH_TOLERANCE_PT, LOOSE_LINE_EM } from './compose-paragraph.ts';
export { paragraphInLines } from './looseness.ts';
export { dumpLines } from './dump.ts';
export { GlyphRun } from './placed-glyph.ts';
export { ComposeWorkspace } from './scratch.ts';
export {
  BODY, BODY_BOLD, bodyParagraph, chronicleParagraph, creditParagraph, EMPHASIS, entryParagraph, inlineRuns,
  PARAGRAPH_INDENT_EM, RUN_IN_GAP_EM, RUN_IN_HEAD,
} from './from-model.ts';
export type {
  ComposedParagraph, ComposeOptions, ComposeProblem, FixedSpace, Line, ParagraphInput, PositionedGlyph, Run, TextRun,
} from './types.ts';
