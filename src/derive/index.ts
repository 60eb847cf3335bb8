/** Content computed from the model: the table of contents and the subject index. */
export {
  buildIndex, formatLocators, type IndexEntry, type IndexGroup, type IndexOptions, indexOccurrences, type Locator, type LocatorPart, locatorParts, type PagesOf,
  indexHeadings, qualifyGeneric, twoLevelIndex, unplacedIndexTerms,
} from './index-entries.ts';
export { IndexKeyMemo } from './index-keys-memo.ts';
export { type ColumnAlign, columnAligns, isNumberText } from './table-align.ts';
export { tableOfContents, type TocItem } from './toc.ts';
export {
  CAPACITY_SHARE, type Imprint, ebookIdentifier, ebookImprintOf, imprintOf, isWordCountOff, type PageCapacity, pagesInSheets, printedSheets, spacedLabel, spacedName,
  wordCountThousands,
} from './imprint.ts';
export { applyNumbers, firstMoved, type FootnoteRules, markNotes, numbersByPage, type PageNumber } from './notes.ts';
