/** Chinese text rules as data and pure functions. */
export { CLOSE, INTERPUNCT, isHan, isWide, OPEN, STOP_END, STOP_IN } from './classes.ts';
export { normalizeText, type Normalized, type NormalizeRule, type TextChange } from './normalize.ts';
