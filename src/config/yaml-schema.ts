/**
 * A YAML file checked against a zod schema: syntax errors and each schema
 * issue become messages that name the key.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { report, type VFile } from '../diagnostics/index.ts';
import type { Point } from '../units/index.ts';

/** The line and column of the value at `path`, so a message points at it. */
function placeOf(doc: ReturnType<typeof parseDocument>, text: string, path: readonly PropertyKey[]): Point | undefined {
  const node = doc.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

export function loadYamlWithSchema<S extends z.ZodType>(file: VFile, schema: S): z.infer<S> | undefined {
  const doc = parseDocument(String(file.value));
  if (doc.errors.length > 0) {
    report(file, undefined, 'yaml-syntax', { reason: doc.errors[0]!.message.split('\n')[0]! });
    return undefined;
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) report(file, undefined, 'config-unknown-key', { key: [...issue.path, key].join('.') });
    } else {
      report(file, placeOf(doc, String(file.value), issue.path), 'config-invalid-value', {
        key: issue.path.join('.'), found: JSON.stringify(doc.getIn(issue.path as unknown[]) ?? null), expected: issue.message,
      });
    }
  }
  return undefined;
}
