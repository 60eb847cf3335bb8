/**
 * Line-break prohibitions 禁则 (chinese-layout-spec §3, R-KIN), at the GB法
 * level (default) or strict.
 */
import { ASCII_CLOSING, type PunctClass } from './classes.ts';
import type { SegmentClass } from './segment.ts';

export type KinsokuLevel = 'standard' | 'strict';

/** R-KIN-1: classes that must not start a line. */
const NO_LINE_START: ReadonlySet<PunctClass> = new Set(['stop-end', 'stop-in', 'close', 'connector', 'interpunct', 'solidus']);
/** R-KIN-2, R-KIN-3: classes that must not end a line. */
const NO_LINE_END: ReadonlySet<PunctClass> = new Set(['open', 'solidus']);

/** May `s` be the first unit of a wrapped line? */
export function canStartLine(s: SegmentClass, level: KinsokuLevel): boolean {
  if (s.kind === 'sup') return false; // a note marker belongs to what precedes it
  if (s.kind === 'token' && ASCII_CLOSING.has(s.text[0]!)) return false; // ASCII marks never begin a line either
  if (s.kind === 'long') return level !== 'strict' || s.text.length === 4; // R-KIN-4, R-KIN-6
  return !(s.kind === 'punct' && NO_LINE_START.has(s.punct!));
}

/** May `s` be the last unit of a line? */
export function canEndLine(s: SegmentClass): boolean {
  if (s.kind === 'punct' && NO_LINE_END.has(s.punct!)) return false;
  return !(s.kind === 'token' && /^[¥￥$＄]$/.test(s.text)); // a lone prefix binds to its number
}

/** May a line break fall between `before` and `after` (R-KIN-1..9)? */
export function canBreakBetween(before: SegmentClass, after: SegmentClass, level: KinsokuLevel): boolean {
  // The kind first: it is read without reading the text (this runs for every gap of the book).
  if (before.kind === 'long' && before.text.length === 4) return true; // R-KIN-6: its own line
  if (after.kind === 'long' && after.text.length === 4) return true;
  if (before.kind === 'punct' && before.punct === 'connector' && after.kind === 'token') return false; // a range: 2023—2027 (issue 18)
  if (before.kind === 'punct' && before.punct === 'interpunct' && after.kind === 'token') return false; // R-KIN-8: a date named by its numbers, “5·12”, reads as one
  return canEndLine(before) && canStartLine(after, level);
}
