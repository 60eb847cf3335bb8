/**
 * book.yaml text → BookSettings, with every problem reported on the file at
 * the line of the key concerned.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { report, type VFile } from '../diagnostics/index.ts';
import type { Point } from '../units/index.ts';
import { BookSchema, type BookSettings } from './book-schema.ts';
import { describeIsbnProblem, isValidCipRecordNumber, validateIsbn } from './isbn.ts';

type Path = ReadonlyArray<PropertyKey>;

function pointAt(lines: LineCounter, offset: number): Point {
  const { line, col } = lines.linePos(offset);
  return { line, column: col, offset };
}

/** The place of the key at `path` (or of its nearest existing parent key), where an editor looks first. */
function placeOf(doc: Document, lines: LineCounter, path: Path): Point {
  for (let n = path.length; n >= 1; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1) as unknown[], true);
    const key = path[n - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) return pointAt(lines, pair.key.range[0]);
    } else if (isSeq(parent) && typeof key === 'number') {
      const item = parent.items[key];
      if (isNode(item) && item.range) return pointAt(lines, item.range[0]);
    }
  }
  return { line: 1, column: 1 };
}

function keyName(path: Path): string {
  return path.map(String).join('.');
}

function foundText(value: unknown): string {
  if (value === undefined) return '空';
  if (typeof value === 'string') return `“${value}”`;
  return JSON.stringify(value);
}

interface SchemaDef {
  type?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
}
const defOf = (schema: z.ZodType | undefined): SchemaDef | undefined => (schema as unknown as { def?: SchemaDef } | undefined)?.def;

/** The description of the schema at `path`: what the key expects, in words for editors. */
function expectedOf(path: Path): string {
  let schema: z.ZodType | undefined = BookSchema;
  for (const key of path) {
    const def: SchemaDef | undefined = defOf(schema);
    if (def?.type === 'optional' || def?.type === 'default') schema = def.innerType;
    const inner: SchemaDef | undefined = defOf(schema);
    schema = typeof key === 'number' ? inner?.element : inner?.shape?.[String(key)];
  }
  return schema?.description ?? '合规的值';
}

function reportIssue(file: VFile, doc: Document, lines: LineCounter, raw: unknown, issue: z.core.$ZodIssue): void {
  const path = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) report(file, placeOf(doc, lines, [...path, key]), 'config-unknown-key', { key: keyName([...path, key]) });
    return;
  }
  const value = doc.getIn(path as unknown[]);
  const parentExists = path.length <= 1 || doc.hasIn(path.slice(0, -1) as unknown[]);
  if (value === undefined && parentExists && !doc.hasIn(path as unknown[])) {
    report(file, placeOf(doc, lines, path), 'config-missing-key', { key: keyName(path), expected: expectedOf(path) });
    return;
  }
  void raw;
  report(file, placeOf(doc, lines, path), 'config-invalid-value', {
    key: keyName(path), found: foundText(value), expected: expectedOf(path),
  });
}

/** ISBN and 核字号 are checked even when other keys are wrong, so one run shows every problem. */
function checkIdentifiers(file: VFile, doc: Document, lines: LineCounter): boolean {
  let ok = true;
  const isbn = doc.getIn(['isbn']);
  if (typeof isbn === 'string' || typeof isbn === 'number') {
    for (const problem of validateIsbn(String(isbn))) {
      report(file, placeOf(doc, lines, ['isbn']), 'isbn-invalid', { isbn: String(isbn), reason: describeIsbnProblem(problem) });
      ok = false;
    }
  }
  const record = doc.getIn(['cip', 'record_number']);
  if (typeof record === 'string' && !isValidCipRecordNumber(record)) {
    report(file, placeOf(doc, lines, ['cip', 'record_number']), 'cip-record-invalid', { value: record });
    ok = false;
  }
  return ok;
}

/** Parses and validates book.yaml; undefined when it cannot be used (the file says why). */
export function loadBook(file: VFile): BookSettings | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(String(file.value), { lineCounter: lines, prettyErrors: false });
  for (const err of doc.errors) {
    report(file, pointAt(lines, err.pos[0]), 'yaml-syntax', { reason: err.message.split('\n')[0] ?? err.code });
  }
  if (doc.errors.length > 0) return undefined;
  const raw = doc.toJS();
  const identifiersOk = checkIdentifiers(file, doc, lines);
  const parsed = BookSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportIssue(file, doc, lines, raw, issue);
    return undefined;
  }
  return identifiersOk ? parsed.data : undefined;
}
