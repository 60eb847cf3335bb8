/** Book settings (book.yaml) and their validation. */
export { BookSchema, type BookSettings, DEFAULT_INDEX_EXCLUDE, type IndexRules } from './book-schema.ts';
export { loadBook } from './load-book.ts';
export {
  describeIsbnProblem, hyphenateIsbn, isbnCheckDigit, isValidCipRecordNumber, registrantLength, validateIsbn,
  type IsbnProblem,
} from './isbn.ts';
export { FONT_ROLES, type FontConfig, FontConfigSchema, type FontRole, loadFontConfig } from './font-config.ts';
export { loadTemplate, type Template, TemplateSchema } from './template.ts';
export { checkFormat, DEFAULT_CMYK_PROFILE, pressDefaults, type FormatFinding, type PressProfile, PressSchema, sheetFraction, TRIM_ALLOWANCE_MM } from './press.ts';
