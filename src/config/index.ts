/** Book settings (book.yaml) and their validation. */
export { BookSchema, type BookSettings, DEFAULT_INDEX_EXCLUDE, type IndexRules } from './book-schema.ts';
export { loadBook } from './load-book.ts';
export { ConfigMemo } from './memo.ts';
export {
  describeIsbnProblem, hyphenateIsbn, isbnCheckDigit, isValidCipRecordNumber, registrantLength, validateIsbn,
  type IsbnProblem,
} from './isbn.ts';
export { type BookFontConfig, FONT_ROLES, type FontConfig, FontConfigSchema, type FontRole, loadBookFontConfig, loadFontConfig } from './font-config.ts';
export { loadTemplate, type Template, TemplateSchema } from './template.ts';
export { checkFormat, DEFAULT_CMYK_PROFILE, pressDefaults, type FormatFinding, type PressProfile, PressSchema, sheetFraction, TRIM_ALLOWANCE_MM } from './press.ts';
export { checkBuildDate, checkSourceDateEpoch, EARLIEST_BUILD_DATE, type EpochCheck, LATEST_BUILD_DATE } from './dates.ts';
export { suggestKey } from './suggest.ts';
export { type KeyPath, loadYamlWithSchema, MAX_ALIAS_COUNT, placeOfKey, readYaml, reportIssue, type YamlOrigin, type YamlRead } from './yaml-schema.ts';
