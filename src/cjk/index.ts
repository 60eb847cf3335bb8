/** Chinese text rules as data and pure functions. */
export { addressBoundaries, isAddress } from './address.ts';
export {
  ASCII_CLOSING, ASCII_OPENING, CLOSE, CONNECTOR, INTERPUNCT, isHan, isWide, LONG_MARK, OPEN, POSTFIX, PREFIX, punctClassOf, type PunctClass, SOLIDUS,
  STOP_END, STOP_IN,
} from './classes.ts';
export { canBreakBetween, canEndLine, canStartLine, type KinsokuLevel } from './kinsoku.ts';
export { mapOffset, misnestedQuoteAt, normalizeText, type Normalized, type NormalizeRule, sourceLineStarts, type TextChange, withoutInvisible } from './normalize.ts';
export { punctBox, type PunctBox, type PunctuationStyle } from './punct-box.ts';
export { type SegmentClass, type SegmentKind, SegmentCursor } from './segment.ts';
export { compareIndexHeadings, compareIndexKeys, type IndexKey, indexKey, indexKeys, keyReading } from './collate.ts';
export { contextReadings, type ReadingDictionary, readingProblem, singleCharacterGuesses, toneMarks, withReadings, YEARBOOK_READINGS } from './readings.ts';
export { besideInterpunct, insideShortQuotes, wordBoundaries, wordsOf, YEARBOOK_VOCABULARY } from './words.ts';
