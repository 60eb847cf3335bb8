import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { VALID_BOOK_YAML } from '../../test/helpers/manuscript.ts';
import { loadBook } from './load-book.ts';
import { loadTemplate } from './template.ts';
import { loadYamlWithSchema } from './yaml-schema.ts';

const reasonsOf = (yaml: string, schema: z.ZodType) => {
  const file = new VFile({ path: 't.yaml', value: yaml });
  loadYamlWithSchema(file, schema);
  return file.messages.map((m) => m.reason);
};

/** A reason with its key and its value taken out: what is left is nianjian's words. */
const ownWords = (reason: string) => reason.replace(/^t\.yaml /, '').replace(/“[^”]*”/g, '').replace(/现为 [^，]*，/, '');

describe('schema issues in words for editors: no zod English, no contradiction', () => {
  // One value failing each kind of issue zod reports, on a schema without descriptions (the words come from the issue alone).
  const schema = z.strictObject({
    positive: z.number().positive(), atLeast: z.number().min(1), below: z.number().lt(10), atMost: z.number().max(10),
    pattern: z.string().regex(/\{unit\}/), email: z.string().email(), multiple: z.number().multipleOf(5),
    union: z.union([z.number(), z.boolean()]), short: z.string().min(3), long: z.array(z.number()).max(1),
    prefix: z.string().startsWith('ab'), keys: z.record(z.string().regex(/^k/), z.number()), pick: z.enum(['a', 'b']),
    refined: z.string().refine((s) => s === 'x'), type: z.number(), url: z.url(),
  });
  const yaml = 'positive: 0\natLeast: 0\nbelow: 10\natMost: 11\npattern: x\nemail: x\nmultiple: 3\nunion: x\nshort: ab\nlong: [1, 2]\nprefix: x\nkeys: { z: 1 }\npick: c\nrefined: y\ntype: x\nurl: x\n';
  const reasons = reasonsOf(yaml, schema);

  test('every issue is reported, none with English words', () => {
    expect(reasons).toHaveLength(16);
    for (const r of reasons) expect(ownWords(r), r).not.toMatch(/[A-Za-z]{3,}/);
  });

  test('a bound says what it is: 0 is not “不小于 0”', () => {
    const of = (key: string) => reasons.find((r) => r.includes(`“${key}”`))!;
    expect(of('positive')).toContain('应为大于 0 的数');
    expect(of('atLeast')).toContain('应为不小于 1 的数');
    expect(of('below')).toContain('应为小于 10 的数');
    expect(of('atMost')).toContain('应为不大于 10 的数');
    expect(of('short')).toContain('至少 3 个字');
    expect(of('long')).toContain('至多 1 项');
    expect(of('multiple')).toContain('5 的整数倍');
  });

  test('the template\'s slug_mm: 0 and book.yaml\'s binding.board_mm: 0 ask for more than 0 and say what the key is', () => {
    const file = new VFile({ path: 'templates/t.yaml', value: `${readTemplate()}`.replace('slug_mm: 12', 'slug_mm: 0') });
    loadTemplate(file);
    expect(file.messages.map((m) => m.reason)).toEqual([expect.stringMatching(/现为 0，应为大于 0 的数：出血边外放/)]);
    const book = new VFile({ path: 'book.yaml', value: `${VALID_BOOK_YAML}binding:\n  board_mm: 0\n` });
    loadBook(book);
    expect(book.messages.map((m) => m.reason)).toEqual([expect.stringMatching(/现为 0，应为大于 0 的数：精装纸板厚度/)]);
  });

  test('index.generic.form without {unit} is named by its description, not “Invalid string: must match pattern”', () => {
    const book = new VFile({ path: 'book.yaml', value: `${VALID_BOOK_YAML}index:\n  generic:\n    form: '{title}'\n` });
    loadBook(book);
    const reasons = book.messages.map((m) => m.reason);
    expect(reasons).toEqual([expect.stringContaining('须含 {unit} 与 {title}')]);
    expect(reasons[0]).not.toMatch(/Invalid|pattern/);
  });

  test('a file that could not be read is not parsed as the text “undefined”', () => {
    const file = new VFile({ path: 'fonts.yaml' });
    (file.data as { isReadable?: boolean }).isReadable = false;
    expect(loadYamlWithSchema(file, z.strictObject({ a: z.number() }))).toBeUndefined();
    expect(file.messages).toEqual([]);
  });
});

function readTemplate(): string {
  return readFileSync(join(import.meta.dirname, '../../templates/yearbook-16k.yaml'), 'utf8');
}
