/**
 * book.yaml text → BookSettings, with every problem reported on the file at
 * the line of the key concerned.
 */
import { report, type VFile } from '../diagnostics/index.ts';
import { BookSchema, type BookSettings } from './book-schema.ts';
import { checkBuildDate } from './dates.ts';
import { describeIsbnProblem, isValidCipRecordNumber, validateIsbn } from './isbn.ts';
import { ONCE, readYaml, reportIssue, type YamlRead } from './yaml-schema.ts';

/** ISBN, 核字号 and the build date are checked even when other keys are wrong, so one run shows every problem. */
function checkIdentifiers(file: VFile, { doc, placeOf }: YamlRead): boolean {
  let ok = true;
  for (const path of [['isbn'], ['epub', 'isbn']]) {
    const isbn = doc.getIn(path);
    if (typeof isbn !== 'string' && typeof isbn !== 'number') continue;
    for (const problem of validateIsbn(String(isbn))) {
      report(file, placeOf(path), 'isbn-invalid', { isbn: String(isbn), reason: describeIsbnProblem(problem) });
      ok = false;
    }
  }
  const record = doc.getIn(['cip', 'record_number']);
  if (typeof record === 'string' && !isValidCipRecordNumber(record)) {
    report(file, placeOf(['cip', 'record_number']), 'cip-record-invalid', { value: record });
    ok = false;
  }
  const date = doc.getIn(['build_date']);
  // A date not of the form YYYY-MM-DD is the schema's to report.
  const dateProblem = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? checkBuildDate(date) : undefined;
  if (dateProblem) {
    report(file, placeOf(['build_date']), 'build-date-invalid', { value: String(date), reason: dateProblem });
    ok = false;
  }
  return ok;
}

/** Parses and validates book.yaml; undefined when it cannot be used (the file says why). */
export function loadBook(file: VFile): BookSettings | undefined {
  const read = readYaml(file);
  if (!read) return undefined;
  const identifiersOk = checkIdentifiers(file, read);
  const parsed = BookSchema.safeParse(read.value ?? {}, ONCE);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportIssue(file, read, BookSchema, issue);
    return undefined;
  }
  return identifiersOk ? parsed.data : undefined;
}
